package dev.nativeload.failure;

/** Compares glibc version strings ({@code "2.36"}, {@code "2.2.5"}) component by component. */
final class GlibcVersions {
    private GlibcVersions() {
    }

    /**
     * {@return negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}}.
     * A component that is not a number compares as 0.
     */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(component(x, i), component(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int component(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[i]);
        } catch (NumberFormatException notNumeric) {
            return 0;
        }
    }
}
