package dev.nativeload.internal.chain;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Environment;
import dev.nativeload.platform.Host;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The directories the absolute-path retry walks, in order, each with where it came from:
 * the caller's own, {@code java.library.path}, the loader's environment variable
 * ({@code LD_LIBRARY_PATH}, {@code DYLD_LIBRARY_PATH} and {@code DYLD_FALLBACK_LIBRARY_PATH},
 * {@code PATH}), the directories of {@code /etc/ld.so.conf}, then the system's standard ones
 * (multiarch, lib64, Homebrew).
 */
public final class SearchDirectories {
    /** The origin of the directories given to {@code NativeLoader.Builder.directories}. */
    public static final String CONFIGURED = "configured directory";
    /** The origin of the system's standard directories. */
    public static final String STANDARD = "standard directory";
    /** The origin of directories listed in {@code /etc/ld.so.conf}. */
    public static final String LD_SO_CONF = "/etc/ld.so.conf";
    private static final int MAX_CONF_FILES = 256;

    private SearchDirectories() {
    }

    /**
     * {@return the directories to search, de-duplicated, each mapped to its origin}
     *
     * @param host  the host
     * @param env   the environment
     * @param extra the caller's own directories, first
     */
    public static Map<Path, String> of(Host host, Environment env, List<Path> extra) {
        return distinctByRealPath(spelled(host, env, extra));
    }

    /** Keeps the first of several spellings of one directory ({@code /lib/x86_64-linux-gnu} is {@code /usr/lib/...} on a merged /usr). */
    private static Map<Path, String> distinctByRealPath(Map<Path, String> dirs) {
        Map<Path, String> out = new LinkedHashMap<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        dirs.forEach((dir, origin) -> {
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException | SecurityException absent) {
                real = dir;
            }
            if (seen.add(real)) {
                out.put(dir, origin);
            }
        });
        return out;
    }

    private static Map<Path, String> spelled(Host host, Environment env, List<Path> extra) {
        Map<Path, String> dirs = new LinkedHashMap<>();
        extra.forEach(d -> dirs.putIfAbsent(d.toAbsolutePath().normalize(), CONFIGURED));
        addPathList(dirs, env.property("java.library.path"), File.pathSeparator, "java.library.path");
        switch (host.os()) {
            case MACOS -> {
                addPathList(dirs, env.variable("DYLD_LIBRARY_PATH"), ":", "DYLD_LIBRARY_PATH");
                addPathList(dirs, env.variable("DYLD_FALLBACK_LIBRARY_PATH"), ":", "DYLD_FALLBACK_LIBRARY_PATH");
                for (String d : List.of("/opt/homebrew/lib", "/usr/local/lib", "/opt/local/lib", "/usr/lib")) {
                    dirs.putIfAbsent(Path.of(d), STANDARD);
                }
            }
            case WINDOWS -> addPathList(dirs, env.variable("PATH"), ";", "PATH");
            default -> {
                addPathList(dirs, env.variable("LD_LIBRARY_PATH"), ":", "LD_LIBRARY_PATH");
                ldSoConf(Path.of("/etc/ld.so.conf")).forEach(d -> dirs.putIfAbsent(d, LD_SO_CONF));
                for (String d : standardLinuxDirs(host)) {
                    dirs.putIfAbsent(Path.of(d), STANDARD);
                }
            }
        }
        return dirs;
    }

    private static void addPathList(Map<Path, String> dirs, Optional<String> value, String separator, String origin) {
        value.ifPresent(v -> {
            for (String d : v.split(separator.equals(":") ? "[:;]" : separator)) {
                if (!d.isBlank()) {
                    dirs.putIfAbsent(Path.of(d).toAbsolutePath().normalize(), origin);
                }
            }
        });
    }

    private static List<String> standardLinuxDirs(Host host) {
        List<String> out = new ArrayList<>();
        multiarchTriplet(host).ifPresent(t -> {
            out.add("/lib/" + t);
            out.add("/usr/lib/" + t);
        });
        if (host.arch().name().endsWith("64") || host.arch().name().equals("s390x")) {
            out.add("/lib64");
            out.add("/usr/lib64");
        }
        out.addAll(List.of("/lib", "/usr/lib", "/usr/local/lib"));
        return out;
    }

    /** {@return Debian's multiarch directory name for the host, e.g. {@code x86_64-linux-gnu}} */
    static Optional<String> multiarchTriplet(Host host) {
        if (host.os() != TargetOs.LINUX || host.libc() == LibcFlavor.MUSL) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (host.arch().name()) {
            case "x86_64" -> "x86_64-linux-gnu";
            case "x86" -> "i386-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "riscv64" -> "riscv64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "loongarch64" -> "loongarch64-linux-gnu";
            default -> null;
        });
    }

    /** The last reading of each ld.so.conf, kept while the file and its include directory are unchanged. */
    private static final Map<Path, ConfReading> CONF_READINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private record ConfReading(List<Long> stamps, List<Path> dirs) {
    }

    /** {@return the directories listed in an ld.so.conf file, following {@code include} globs} */
    static List<Path> ldSoConf(Path conf) {
        List<Long> stamps = List.of(modified(conf), modified(conf.resolveSibling(conf.getFileName() + ".d")));
        ConfReading last = CONF_READINGS.get(conf);
        if (last != null && last.stamps().equals(stamps)) {
            return last.dirs();
        }
        List<Path> out = new ArrayList<>();
        readConf(conf, out, new int[] {0});
        CONF_READINGS.put(conf, new ConfReading(stamps, List.copyOf(out)));
        return out;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException | SecurityException absent) {
            return -1;
        }
    }

    private static void readConf(Path conf, List<Path> out, int[] files) {
        if (++files[0] > MAX_CONF_FILES || !Files.isRegularFile(conf)) {
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException unreadable) {
            return;
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                String pattern = line.substring("include".length()).strip();
                Path glob = conf.getParent().resolve(pattern);
                Path dir = glob.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob.getFileName().toString())) {
                    List<Path> sorted = new ArrayList<>();
                    matches.forEach(sorted::add);
                    sorted.sort(null);
                    for (Path m : sorted) {
                        readConf(m, out, files);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // A bad glob or an unreadable directory adds no directories, as ldconfig skips it.
                    continue;
                }
            } else if (line.startsWith("/")) {
                Path p = Path.of(line.split("[\\s=]")[0]);
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
    }
}
