package dev.nativeload.platform;

import dev.nativeload.binary.TargetOs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file names a library's logical name takes on an OS (comparisons, not {@code switch}es over the
 * OS: an enum switch is a class of its own, loaded on every first load): {@code z} is {@code libz.so} (and the
 * versioned {@code libz.so.1}, {@code libz.so.1.3}) on Linux, {@code libz.dylib} and
 * {@code libz.1.dylib} on macOS, {@code z.dll} and {@code libz.dll} on Windows.
 */
public final class LibraryFileNames {
    private final TargetOs os;
    private final String name;
    private final boolean fileName;
    /** Immutable once made; a race compiles it twice, harmlessly. */
    private volatile Pattern versioned;

    /**
     * The file names of one library on one OS.
     *
     * @param os   the host OS
     * @param name the logical name ({@code z}), or a file name already ({@code libz.so.1})
     */
    public LibraryFileNames(TargetOs os, String name) {
        this.os = os;
        this.name = name;
        this.fileName = hasLibrarySuffix(os, name);
    }

    /** {@return the pattern of a versioned file name of this library; compiled on first use (a search by name needs none)} */
    private Pattern versioned() {
        Pattern p = versioned;
        if (p == null) {
            String q = Pattern.quote(name);
            if (os == TargetOs.MACOS) {
                p = Pattern.compile("lib" + q + "\\.(?<v>[0-9][0-9.]*)\\.dylib");
            } else if (os == TargetOs.WINDOWS) {
                p = Pattern.compile("(?:lib)?" + q + "-(?<v>[0-9][0-9.]*)\\.dll", Pattern.CASE_INSENSITIVE);
            } else {
                p = Pattern.compile("lib" + q + "\\.so\\.(?<v>[0-9][0-9.]*)");
            }
            versioned = p;
        }
        return p;
    }

    /** {@return the name as given: logical ({@code z}) or a file name} */
        public String name() {
        return name;
    }

    /** {@return whether the name given is a file name already ({@code libz.so.1}), not a logical one} */
    public boolean isFileName() {
        return fileName;
    }

    private static boolean hasLibrarySuffix(TargetOs os, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (os == TargetOs.MACOS) {
            return n.endsWith(".dylib") || n.endsWith(".jnilib") || n.endsWith(".so");
        }
        return os == TargetOs.WINDOWS ? n.endsWith(".dll") : n.endsWith(".so") || n.contains(".so.");
    }

    /** {@return the plain file names to try, most conventional first: {@code libz.so}; {@code z.dll}, {@code libz.dll}} */
    public List<String> plain() {
        if (isFileName()) {
            return List.of(name);
        }
        if (os == TargetOs.MACOS) {
            return List.of("lib" + name + ".dylib", "lib" + name + ".jnilib", "lib" + name + ".so");
        }
        return os == TargetOs.WINDOWS ? List.of(name + ".dll", "lib" + name + ".dll") : List.of("lib" + name + ".so");
    }

    /**
     * {@return whether a directory entry may be one of this library's files}: a cheap prefix test
     * that lets a directory listing skip the other thousand entries before any pattern runs.
     *
     * @param fileName a name in a directory
     */
    public boolean mayMatch(String fileName) {
        if (isFileName()) {
            return fileName.equals(name);
        }
        if (os == TargetOs.WINDOWS) {
            return fileName.regionMatches(true, 0, name, 0, name.length())
                    || fileName.regionMatches(true, 0, "lib" + name, 0, name.length() + 3);
        }
        return fileName.startsWith("lib") && fileName.startsWith(name, 3);
    }

    /** {@return the name the OS loader is handed for a search by name: {@code libz.so}, {@code libz.dylib}, {@code z.dll}} */
    public String systemName() {
        return plain().getFirst();
    }

    /**
     * Picks the versioned names for this library out of a directory listing, newest version first.
     *
     * @param fileNames the names in one directory
     * @return the matching versioned names: highest major version first and, within one major
     *         version, the shortest name (the {@code SONAME} link, {@code libz.so.1}) before the full
     *         ones ({@code libz.so.1.3.1})
     */
    public List<String> versioned(List<String> fileNames) {
        if (isFileName()) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (String f : fileNames) {
            Matcher m = versioned().matcher(f);
            if (m.matches()) {
                found.add(f);
            }
        }
        found.sort(new NewestFirst());
        return found;
    }

    /**
     * Highest major version first, then the shortest name, then the highest full version: a class of
     * its own rather than composed comparators, whose lambdas and method references each spin a class
     * at run time on the first load that searches directories.
     */
    private final class NewestFirst implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            String va = version(a);
            String vb = version(b);
            int byMajor = compareVersions(major(vb), major(va));
            if (byMajor != 0) {
                return byMajor;
            }
            int byLength = Integer.compare(a.length(), b.length());
            return byLength != 0 ? byLength : compareVersions(vb, va);
        }
    }

    private String version(String fileName) {
        Matcher m = versioned().matcher(fileName);
        return m.matches() ? m.group("v") : "";
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? parse(x[i]) : -1;
            long q = i < y.length && !y[i].isEmpty() ? parse(y[i]) : -1;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
