package io.newsroom.story;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures the same-story decision on a labelled set of pairs (TSV: label, headline A, lead A,
 * headline B, lead B; {@code #} lines are comments): precision and recall at a threshold, the
 * threshold chosen on part of a set, and k-fold cross-validation. Words are weighted by their
 * document frequencies over the set's own texts, read without their labels, as the story index
 * weighs them over the window's articles.
 */
final class StoryEvaluation {

    record Pair(boolean same, String headlineA, String leadA, String headlineB, String leadB) {
    }

    record Measured(double precision, double recall, int truePositives, int falsePositives, int falseNegatives) {

        @Override
        public String toString() {
            return String.format("precision %.3f, recall %.3f (TP %d, FP %d, FN %d)", precision, recall, truePositives, falsePositives,
                    falseNegatives);
        }
    }

    /** One pair as a configuration of signals judges it: how alike, and whether a conflict was found. */
    record Judged(Pair pair, double similarity, String contradiction) {

        boolean said(double threshold) {
            return similarity >= threshold && contradiction == null;
        }
    }

    /** The least precision a threshold must reach on the pairs it is chosen on: the 0.97 required of the held-out set. */
    static final double PRECISION_TO_CHOOSE_BY = 0.97;
    static final int FOLDS = 5;

    static final StoryLexicon LEXICON = StoryLexicon.standard();

    private StoryEvaluation() {
    }

    static List<Pair> pairs(String resource) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = StoryEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 5 || !(f[0].equals("same") || f[0].equals("different"))) {
                    throw new IllegalArgumentException(resource + ": a line is label<TAB>headline A<TAB>lead A<TAB>headline B<TAB>lead B: " + line);
                }
                pairs.add(new Pair(f[0].equals("same"), f[1], f[2], f[3], f[4]));
            }
        }
        return pairs;
    }

    /** Every pair judged with these signals (no threshold yet: the conflict is looked for whatever the similarity). */
    static List<Judged> judge(List<Pair> pairs, Set<StorySignal> signals) {
        Map<String, StorySignature> signatures = new HashMap<>();
        DocumentFrequencies frequencies = new DocumentFrequencies();
        for (Pair pair : pairs) {
            for (String[] text : List.of(new String[] {pair.headlineA(), pair.leadA()}, new String[] {pair.headlineB(), pair.leadB()})) {
                String key = text[0] + "\t" + text[1];
                if (!signatures.containsKey(key)) {
                    StorySignature signature = StoryReading.read(text[0], List.of(text[1]), LEXICON, signals);
                    signatures.put(key, signature);
                    frequencies.add(signature.words());
                }
            }
        }
        List<Judged> judged = new ArrayList<>();
        for (Pair pair : pairs) {
            StorySignature a = signatures.get(pair.headlineA() + "\t" + pair.leadA());
            StorySignature b = signatures.get(pair.headlineB() + "\t" + pair.leadB());
            SameStory.Verdict verdict = SameStory.judge(a, b, frequencies, 0, signals);
            judged.add(new Judged(pair, verdict.similarity(), verdict.contradiction()));
        }
        return judged;
    }

    static Measured measure(List<Judged> judged, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Judged one : judged) {
            boolean said = one.said(threshold);
            if (said && one.pair().same()) {
                tp++;
            } else if (said) {
                fp++;
            } else if (one.pair().same()) {
                fn++;
            }
        }
        return new Measured(tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp + fn == 0 ? 0 : tp / (double) (tp + fn), tp, fp, fn);
    }

    /**
     * The threshold these pairs support: the highest recall at a precision of at least
     * {@link #PRECISION_TO_CHOOSE_BY} (else the best F0.5), in the middle of the run of thresholds
     * that reach it, so that it does not sit on the edge of one pair.
     */
    static double choose(List<Judged> judged) {
        double[] score = new double[181];
        for (int i = 0; i < score.length; i++) {
            Measured m = measure(judged, threshold(i));
            score[i] = m.precision() >= PRECISION_TO_CHOOSE_BY ? 1 + m.recall() : fHalf(m);
        }
        double best = 0;
        for (double s : score) {
            best = Math.max(best, s);
        }
        int from = -1;
        int longestFrom = 0;
        int longest = 0;
        for (int i = 0; i <= score.length; i++) {
            boolean top = i < score.length && score[i] == best;
            if (top && from < 0) {
                from = i;
            } else if (!top && from >= 0) {
                if (i - from > longest) {
                    longest = i - from;
                    longestFrom = from;
                }
                from = -1;
            }
        }
        return threshold(longestFrom + (longest - 1) / 2);
    }

    private static double threshold(int step) {
        return Math.round((0.05 + step * 0.005) * 1000) / 1000.0;
    }

    private static double fHalf(Measured m) {
        double p = m.precision();
        double r = m.recall();
        return p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
    }

    /** Cross-validation's result: each fold's threshold and figures, and the pooled out-of-fold figures. */
    record CrossValidated(List<Double> thresholds, List<Measured> folds, Measured pooled) {
    }

    /** Stratified k-fold cross-validation: each fold judged at the threshold chosen on the others. */
    static CrossValidated crossValidate(List<Judged> judged, int folds) {
        List<List<Judged>> parts = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            parts.add(new ArrayList<>());
        }
        Random random = new Random(31); // issue 31: the same folds every run
        for (boolean same : new boolean[] {true, false}) {
            List<Judged> ofLabel = new ArrayList<>(judged.stream().filter(j -> j.pair().same() == same).toList());
            java.util.Collections.shuffle(ofLabel, random);
            for (int i = 0; i < ofLabel.size(); i++) {
                parts.get(i % folds).add(ofLabel.get(i));
            }
        }
        List<Double> thresholds = new ArrayList<>();
        List<Measured> measured = new ArrayList<>();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int f = 0; f < folds; f++) {
            List<Judged> training = new ArrayList<>();
            for (int g = 0; g < folds; g++) {
                if (g != f) {
                    training.addAll(parts.get(g));
                }
            }
            double threshold = choose(training);
            Measured m = measure(parts.get(f), threshold);
            thresholds.add(threshold);
            measured.add(m);
            tp += m.truePositives();
            fp += m.falsePositives();
            fn += m.falseNegatives();
        }
        Measured pooled = new Measured(tp + fp == 0 ? 1 : tp / (double) (tp + fp), tp / (double) (tp + fn), tp, fp, fn);
        return new CrossValidated(thresholds, measured, pooled);
    }

    static Set<StorySignal> without(StorySignal signal) {
        Set<StorySignal> signals = new LinkedHashSet<>(StorySignal.all());
        signals.remove(signal);
        return signals;
    }

    /** For working on the decision: every wrong decision of the set at a threshold, with its reasons. */
    public static void main(String[] args) throws IOException {
        List<Pair> pairs = pairs(args.length > 0 ? args[0] : "/stories/same-story-pairs.tsv");
        List<Judged> judged = judge(pairs, StorySignal.all());
        double threshold = args.length > 1 ? Double.parseDouble(args[1]) : choose(judged);
        System.out.println("threshold " + threshold + ": " + measure(judged, threshold));
        CrossValidated cv = crossValidate(judged, FOLDS);
        System.out.println("cross-validated: " + cv.pooled() + " thresholds " + cv.thresholds());
        for (Judged one : judged) {
            if (one.said(threshold) != one.pair().same()) {
                System.out.printf("%s %.3f %s | %s | %s%n", one.pair().same() ? "FN" : "FP", one.similarity(), one.contradiction(),
                        one.pair().headlineA(), one.pair().headlineB());
            }
        }
        if (args.length > 2 && args[2].equals("show")) {
            for (Judged one : judged) {
                if (one.said(threshold) != one.pair().same()) {
                    for (String[] t : List.of(new String[] {one.pair().headlineA(), one.pair().leadA()}, new String[] {one.pair().headlineB(), one.pair().leadB()})) {
                        StorySignature s = StoryReading.read(t[0], List.of(t[1]), LEXICON, StorySignal.all());
                        System.out.println("  " + t[0] + "\n    " + new java.util.TreeSet<>(s.words()) + "\n    " + s.facts());
                    }
                }
            }
        } else if (args.length > 2) {
            for (StorySignal signal : StorySignal.values()) {
                System.out.printf("without %-9s %s%n", signal, crossValidate(judge(pairs, without(signal)), FOLDS).pooled());
            }
        }
    }
}
