package dev.nativeload.resolve;

/**
 * glibc's order of names in {@code ld.so.cache} ({@code _dl_cache_libcmp}): runs of digits compare
 * as numbers, so {@code libfoo.so.10} sorts after {@code libfoo.so.9}; a digit sorts after any
 * other character; other bytes compare as the C {@code char} they are (signed here).
 */
final class CacheNameOrder {
    private CacheNameOrder() {
    }

    /** {@return negative, zero or positive as {@code a} sorts before, with or after {@code b}} */
    static int compare(byte[] a, byte[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length) {
            int c1 = a[i];
            int c2 = j < b.length ? b[j] : 0;
            if (isDigit(c1)) {
                if (!isDigit(c2)) {
                    return 1;
                }
                int v1 = 0;
                int v2 = 0;
                while (i < a.length && isDigit(a[i])) {
                    v1 = v1 * 10 + a[i++] - '0';
                }
                while (j < b.length && isDigit(b[j])) {
                    v2 = v2 * 10 + b[j++] - '0';
                }
                if (v1 != v2) {
                    return v1 - v2;
                }
            } else if (isDigit(c2)) {
                return -1;
            } else if (c1 != c2) {
                return c1 - c2;
            } else {
                i++;
                j++;
            }
        }
        return 0 - (j < b.length ? b[j] : 0);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
