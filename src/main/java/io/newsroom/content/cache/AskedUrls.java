package io.newsroom.content.cache;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which URLs were asked for lately, remembered as 64-bit fingerprints in a table of fixed size, two
 * slots per set: a URL's set is chosen by its fingerprint, and a new URL takes the slot of the one
 * in its set asked for longer ago. So a URL is forgotten once two others of its set came after it,
 * after about as many distinct URLs as there are slots, or after the time to live. Nothing is
 * allocated per request: a cache with an entry per URL that lives for seconds fills the young
 * generation at the rate of random requests, and the entries that survive are promoted and end in
 * full collections. Two slots per set rather than one: with one, any URL landing in a URL's set
 * pushes it out, and many repeated URLs (a search asked again a while later) are forgotten before
 * they come back.
 * Reads and writes race without locks; a lost or mixed write only makes a response stored one
 * request early or late.
 */
final class AskedUrls {

    private final AtomicLongArray fingerprints;
    private final AtomicLongArray askedAt;
    private final int setMask;
    private final long ttlMillis;

    /** {@code slots} is rounded up to a power of two (at least two: one set). */
    AskedUrls(int slots, long ttlMillis) {
        int size = Math.max(2, Integer.highestOneBit(Math.max(1, slots - 1)) << 1);
        this.fingerprints = new AtomicLongArray(size);
        this.askedAt = new AtomicLongArray(size);
        this.setMask = size - 2; // the even slot of a set; the odd one beside it is the other
        this.ttlMillis = ttlMillis;
    }

    /** Whether the URL was remembered as asked for; it is remembered as asked for now either way. */
    boolean ask(long fingerprint, long nowMillis) {
        int first = (int) (fingerprint ^ (fingerprint >>> 32)) & setMask;
        int second = first + 1;
        int slot;
        if (fingerprints.getOpaque(first) == fingerprint) {
            slot = first;
        } else if (fingerprints.getOpaque(second) == fingerprint) {
            slot = second;
        } else {
            // not remembered: it replaces the one of the two asked for longer ago
            slot = askedAt.getOpaque(first) <= askedAt.getOpaque(second) ? first : second;
            fingerprints.setOpaque(slot, fingerprint);
            askedAt.setOpaque(slot, nowMillis);
            return false;
        }
        boolean remembered = nowMillis - askedAt.getOpaque(slot) < ttlMillis;
        askedAt.setOpaque(slot, nowMillis);
        return remembered;
    }
}
