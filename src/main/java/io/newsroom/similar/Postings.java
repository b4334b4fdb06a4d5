package io.newsroom.similar;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntToLongFunction;

/**
 * One tag's articles (their numbers in {@link TagIndex}) in the order a similar list walks them,
 * newest first ({@link TagIndex#compareNewestFirst}), each with a signature of its tags beside it:
 * 64 bits, in which each of the article's tags sets two chosen by the tag's id. A list asks whether
 * an article may carry one of the seed's tags of its signature, read in turn with the numbers,
 * instead of the article's tags, which lie wherever the article's array was allocated: most articles
 * a walk meets share only the walked tag with the seed and are passed over without leaving these two
 * arrays. A signature never misses a tag the article has; it may claim one the article has not (two
 * bits of 64 per tag), and the article's tags then settle it.
 *
 * <p>Never changed once made: TagIndex replaces a tag's postings when its articles change.
 */
final class Postings {

    static final Postings NONE = new Postings(new int[0], new long[0]);

    private final int[] articles;
    private final long[] signatures;

    Postings(int[] articles, long[] signatures) {
        this.articles = articles;
        this.signatures = signatures;
    }

    /** Postings of these articles, in this order (newest first), with the signature of each. */
    static Postings of(int[] articles, IntToLongFunction signature) {
        long[] signatures = new long[articles.length];
        for (int i = 0; i < articles.length; i++) {
            signatures[i] = signature.applyAsLong(articles[i]);
        }
        return new Postings(articles, signatures);
    }

    int size() {
        return articles.length;
    }

    int article(int index) {
        return articles[index];
    }

    long signature(int index) {
        return signatures[index];
    }

    /** The two bits a tag sets in the signature of every article carrying it. */
    static long bits(UUID tag) {
        long mixed = (tag.getMostSignificantBits() ^ tag.getLeastSignificantBits()) * 0x9E3779B97F4A7C15L; // Fibonacci hashing
        return 1L << (mixed >>> 58) | 1L << ((mixed >>> 52) & 63);
    }

    /** The signature of an article carrying these tags. */
    static long signature(UUID[] tags) {
        long signature = 0;
        for (UUID tag : tags) {
            signature |= bits(tag);
        }
        return signature;
    }

    /** These postings without the given articles; the others keep their order and signatures. */
    Postings without(Set<Integer> leaving) {
        if (leaving.isEmpty()) {
            return this;
        }
        int[] keptArticles = new int[articles.length];
        long[] keptSignatures = new long[articles.length];
        int kept = 0;
        for (int i = 0; i < articles.length; i++) {
            if (!leaving.contains(articles[i])) {
                keptArticles[kept] = articles[i];
                keptSignatures[kept++] = signatures[i];
            }
        }
        return new Postings(Arrays.copyOf(keptArticles, kept), Arrays.copyOf(keptSignatures, kept));
    }

    /** Both postings in one, newest first (each already is). */
    Postings mergedWith(Postings other, long[] visibleFrom) {
        int[] mergedArticles = new int[articles.length + other.articles.length];
        long[] mergedSignatures = new long[mergedArticles.length];
        int i = 0;
        int j = 0;
        for (int k = 0; k < mergedArticles.length; k++) {
            if (j == other.articles.length
                    || i < articles.length && TagIndex.compareNewestFirst(articles[i], other.articles[j], visibleFrom) <= 0) {
                mergedArticles[k] = articles[i];
                mergedSignatures[k] = signatures[i++];
            } else {
                mergedArticles[k] = other.articles[j];
                mergedSignatures[k] = other.signatures[j++];
            }
        }
        return new Postings(mergedArticles, mergedSignatures);
    }
}
