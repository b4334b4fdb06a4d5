package io.newsroom.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * A word-level diff of two texts (java-diff-utils' Myers diff over words), for revision diffs.
 * A word is a run of letters with their combining marks and digits, so an Arabic word with its
 * diacritics, tatweel or attached clitics stays one unit, never split in the middle; punctuation and
 * whitespace are units of their own. Bodies are compared by their text, so a change of markup alone
 * (bold, a link, a paragraph split) is no change.
 */
public final class WordDiff {

    /** One run of the diff: text kept, inserted (only in the newer) or deleted (only in the older). */
    public enum Operation { EQUAL, INSERT, DELETE }

    public record Segment(Operation op, String text) {
    }

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\u200c\\u200d]+|\\s+|[^\\p{L}\\p{M}\\p{N}_\\s]");

    private WordDiff() {
    }

    /** The readable text of an HTML body: what readers read, markup gone, whitespace folded. */
    public static String textOfHtml(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    /** The segments that turn {@code older} into {@code newer}; consecutive runs of one kind are joined. */
    public static List<Segment> diff(String older, String newer) {
        List<String> from = tokens(older);
        List<String> to = tokens(newer);
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(from, to).getDeltas()) {
            int start = delta.getSource().getPosition();
            add(segments, Operation.EQUAL, from.subList(position, start));
            add(segments, Operation.DELETE, delta.getSource().getLines());
            add(segments, Operation.INSERT, delta.getTarget().getLines());
            position = start + delta.getSource().size();
        }
        add(segments, Operation.EQUAL, from.subList(position, from.size()));
        return segments;
    }

    /** The segments as HTML: kept text as it is, {@code <del>} and {@code <ins>} around the changes, everything escaped. */
    public static String html(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            String text = Entities.escape(segment.text());
            switch (segment.op()) {
                case EQUAL -> out.append(text);
                case INSERT -> out.append("<ins>").append(text).append("</ins>");
                case DELETE -> out.append("<del>").append(text).append("</del>");
            }
        }
        return out.toString();
    }

    public static boolean changes(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.op() != Operation.EQUAL);
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            // any run of whitespace is one space: a re-wrapped paragraph is not a change
            tokens.add(token.isBlank() ? " " : token);
        }
        return tokens;
    }

    private static void add(List<Segment> segments, Operation op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).op() == op) {
            segments.set(last, new Segment(op, segments.get(last).text() + text));
        } else {
            segments.add(new Segment(op, text));
        }
    }
}
