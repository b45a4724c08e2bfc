package dev.nativeload.internal.chain;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.resolve.LdSoConf;
import dev.nativeload.resolve.ResolveHost;

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
    public static final Origin CONFIGURED = Origin.of(Origin.Source.CONFIGURED_DIRECTORY, "configured directory");
    /** The origin of the system's standard directories. */
    public static final Origin STANDARD = Origin.of(Origin.Source.STANDARD_DIRECTORY, "standard directory");
    /** The origin of directories listed in {@code /etc/ld.so.conf}. */
    public static final Origin LD_SO_CONF = Origin.of(Origin.Source.LD_SO_CONF, "/etc/ld.so.conf");

    private SearchDirectories() {
    }

    /**
     * {@return the directories to search, de-duplicated, each mapped to its origin}
     *
     * @param host  the host
     * @param env   the environment
     * @param extra the caller's own directories, first
     */
    public static Map<Path, Origin> of(Host host, Environment env, List<Path> extra) {
        return distinctByRealPath(spelled(host, env, extra));
    }

    /** Keeps the first of several spellings of one directory ({@code /lib/x86_64-linux-gnu} is {@code /usr/lib/...} on a merged /usr). */
    private static Map<Path, Origin> distinctByRealPath(Map<Path, Origin> dirs) {
        Map<Path, Origin> out = new LinkedHashMap<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Map.Entry<Path, Origin> entry : dirs.entrySet()) { // loops, no lambdas: see spelled
            Path dir = entry.getKey();
            Path real;
            try {
                real = dir.toRealPath();
            } catch (IOException | SecurityException absent) {
                real = dir;
            }
            if (seen.add(real)) {
                out.put(dir, entry.getValue());
            }
        }
        return out;
    }

    private static Map<Path, Origin> spelled(Host host, Environment env, List<Path> extra) {
        // Plain loops, no lambdas or pattern switch: each spins a class at run time, and this runs on
        // every first load the OS's own search did not satisfy.
        Map<Path, Origin> dirs = new LinkedHashMap<>();
        for (Path d : extra) {
            dirs.putIfAbsent(d.toAbsolutePath().normalize(), CONFIGURED);
        }
        addPathList(dirs, env.property("java.library.path"), File.pathSeparator, Origin.of(Origin.Source.JAVA_LIBRARY_PATH, "java.library.path"));
        switch (host.os()) {
            case MACOS -> {
                addPathList(dirs, env.variable("DYLD_LIBRARY_PATH"), ":", Origin.of(Origin.Source.LOADER_VARIABLE, "DYLD_LIBRARY_PATH"));
                addPathList(dirs, env.variable("DYLD_FALLBACK_LIBRARY_PATH"), ":", Origin.of(Origin.Source.LOADER_VARIABLE, "DYLD_FALLBACK_LIBRARY_PATH"));
                for (String d : List.of("/opt/homebrew/lib", "/usr/local/lib", "/opt/local/lib", "/usr/lib")) {
                    dirs.putIfAbsent(Path.of(d), STANDARD);
                }
            }
            case WINDOWS -> addPathList(dirs, env.variable("PATH"), ";", Origin.of(Origin.Source.LOADER_VARIABLE, "PATH"));
            default -> {
                addPathList(dirs, env.variable("LD_LIBRARY_PATH"), ":", Origin.of(Origin.Source.LOADER_VARIABLE, "LD_LIBRARY_PATH"));
                for (Path d : LdSoConf.directories(Path.of(LD_SO_CONF.text()))) {
                    dirs.putIfAbsent(d, LD_SO_CONF);
                }
                for (String d : standardLinuxDirs(host)) {
                    dirs.putIfAbsent(Path.of(d), STANDARD);
                }
            }
        }
        return dirs;
    }

    private static void addPathList(Map<Path, Origin> dirs, Optional<String> value, String separator, Origin origin) {
        if (value.isEmpty()) {
            return;
        }
        for (String d : value.get().split(separator.equals(":") ? "[:;]" : separator)) {
            if (!d.isBlank()) {
                dirs.putIfAbsent(Path.of(d).toAbsolutePath().normalize(), origin);
            }
        }
    }

    /**
     * The Linux loader's own default directories (one table, shared with the resolver: multiarch on
     * glibc, musl's list), then {@code lib64} where distributions keep 64-bit libraries, and
     * {@code /usr/local/lib}.
     */
    private static List<String> standardLinuxDirs(Host host) {
        List<String> out = new ArrayList<>();
        ResolveHost loader = ResolveHost.forPlatform(host.platform());
        List<Path> defaults = loader instanceof ResolveHost.Glibc g ? g.defaultDirs()
                : loader instanceof ResolveHost.Musl m ? m.defaultDirs() : List.<Path>of();
        for (Path d : defaults) {
            out.add(d.toString());
        }
        if (host.platform().bits() == 64) {
            out.add("/lib64");
            out.add("/usr/lib64");
        }
        for (String d : List.of("/lib", "/usr/lib", "/usr/local/lib")) {
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
