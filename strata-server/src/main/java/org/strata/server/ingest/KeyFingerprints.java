package org.strata.server.ingest;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;

/**
 * Remembers which record keys an import has already seen, in 8 bytes per key (a 64-bit fingerprint in a
 * primitive hash set) rather than the hundreds a set of strings would need: a 3-million-row file must import
 * within a 512 MB heap. Two different keys share a fingerprint with probability about n²/2⁶⁵ (≈ 3·10⁻⁷ for
 * 3 million keys); the only consequence would be one row miscounted as a duplicate.
 */
public final class KeyFingerprints {

    private final LongOpenHashSet fingerprints = new LongOpenHashSet();

    /** @return true when the key was not seen before */
    public boolean add(String key) {
        return fingerprints.add(fingerprint(key));
    }

    /**
     * FNV-1a over the key's UTF-16 characters (one string's characters are one sequence of 16-bit units, so they tell
     * strings apart as well as its UTF-8 bytes would, without encoding every key), then a murmur finaliser to spread
     * the bits.
     */
    static long fingerprint(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
