package dev.nativeload.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A glibc version such as {@code 2.28} or {@code 2.2.5}, ordered component by component: a host's
 * ({@code gnu_get_libc_version}), a limit a publisher sets, or one a library needs ({@code GLIBC_2.34}).
 *
 * @param components the numeric components, at least one
 */
public record GlibcVersion(List<Integer> components) implements Comparable<GlibcVersion> {
    private static final Pattern FORM = Pattern.compile("[0-9]{1,6}(\\.[0-9]{1,6}){0,5}");

    /** Keeps an unmodifiable copy of the components and rejects an empty list. */
    public GlibcVersion {
        components = List.copyOf(components);
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a version has at least one component");
        }
    }

    /**
     * {@return the version a string spells, empty when it is not digits separated by dots}
     *
     * @param text e.g. {@code 2.28}
     */
    public static Optional<GlibcVersion> parse(String text) {
        if (!FORM.matcher(text).matches()) {
            return Optional.empty();
        }
        List<Integer> parts = new ArrayList<>();
        for (String p : text.split("\\.")) {
            parts.add(Integer.parseInt(p));
        }
        return Optional.of(new GlibcVersion(parts));
    }

    /**
     * {@return the version a symbol version names ({@code GLIBC_2.34}), empty for any other ({@code GLIBC_PRIVATE}, {@code ZOO_1.0})}
     *
     * @param symbolVersion a version string from a version-need entry
     */
    public static Optional<GlibcVersion> ofSymbolVersion(String symbolVersion) {
        return symbolVersion.startsWith("GLIBC_") ? parse(symbolVersion.substring("GLIBC_".length())) : Optional.empty();
    }

    @Override
    public int compareTo(GlibcVersion other) {
        for (int i = 0; i < Math.max(components.size(), other.components.size()); i++) {
            int a = i < components.size() ? components.get(i) : 0;
            int b = i < other.components.size() ? other.components.get(i) : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", components.stream().map(String::valueOf).toList());
    }
}
