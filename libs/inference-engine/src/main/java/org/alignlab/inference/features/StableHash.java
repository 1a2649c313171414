package org.alignlab.inference.features;

/**
 * A 64-bit string hash that is the same on every JVM and every run (unlike {@link String#hashCode()} it is specified
 * here, not by the platform): FNV-1a over the UTF-16 code units, then MurmurHash3's 64-bit finaliser so that the low
 * bits, which pick the bucket, depend on every character.
 */
final class StableHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private StableHash() {
    }

    static long of(String group, String token) {
        long h = FNV_OFFSET;
        h = mix(h, group);
        h = (h ^ 0x1F) * FNV_PRIME;
        h = mix(h, token);
        return finalise(h);
    }

    private static long mix(long h, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            h = (h ^ (c & 0xFF)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        return h;
    }

    private static long finalise(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
