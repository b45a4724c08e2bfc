package dev.nativeload.internal.cache;

import dev.nativeload.platform.Environment;
import dev.nativeload.platform.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cache directories tried, in order: the one the user names (the builder's
 * {@code cacheDirectory}, else the system property {@code nativeload.cacheDir}), then the per-user
 * cache ({@code $XDG_CACHE_HOME/nativeload} or {@code ~/.cache/nativeload} on Linux and other
 * Unixes, {@code ~/Library/Caches/nativeload} on macOS, {@code %LOCALAPPDATA%\nativeload} on
 * Windows), then {@code <java.io.tmpdir>/nativeload-<user>}. Each is checked by
 * {@link CacheDirectoryCheck} before use; a refused one is recorded and the next tried.
 */
public final class CacheLocations {
    /** The system property naming a cache directory. */
    public static final String PROPERTY = "nativeload.cacheDir";
    private static final String DIR_NAME = "nativeload";

    private CacheLocations() {
    }

    /**
     * {@return the directories to try, in order, without duplicates}
     *
     * @param host       the host (decides the per-user location)
     * @param env        environment variables and system properties
     * @param configured the directory the application names, tried first; empty to use only
     *                   {@code nativeload.cacheDir} and the defaults
     */
    public static List<Path> of(Host host, Environment env, Optional<Path> configured) {
        List<Path> out = new ArrayList<>();
        configured.ifPresent(p -> add(out, p));
        env.property(PROPERTY).filter(v -> !v.isBlank()).ifPresent(v -> add(out, Path.of(v.strip())));
        perUser(host, env).ifPresent(p -> add(out, p));
        env.property("java.io.tmpdir").filter(v -> !v.isBlank())
                .ifPresent(t -> add(out, Path.of(t).resolve(DIR_NAME + "-" + safeUserName(env))));
        return List.copyOf(out);
    }

    /**
     * {@return the per-user cache directory for this OS, if its base is known}
     *
     * @param host the host
     * @param env  the environment
     */
    public static Optional<Path> perUser(Host host, Environment env) {
        Optional<Path> home = env.property("user.home").filter(h -> !h.isBlank()).map(Path::of);
        return switch (host.os()) {
            case MACOS -> home.map(h -> h.resolve("Library").resolve("Caches").resolve(DIR_NAME));
            case WINDOWS -> env.variable("LOCALAPPDATA").filter(v -> !v.isBlank()).map(v -> Path.of(v).resolve(DIR_NAME))
                    .or(() -> home.map(h -> h.resolve("AppData").resolve("Local").resolve(DIR_NAME)));
            default -> env.variable("XDG_CACHE_HOME").filter(v -> v.startsWith("/")).map(v -> Path.of(v).resolve(DIR_NAME))
                    .or(() -> home.map(h -> h.resolve(".cache").resolve(DIR_NAME)));
        };
    }

    private static String safeUserName(Environment env) {
        String user = env.property("user.name").orElse("user");
        String safe = user.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    private static void add(List<Path> out, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (!out.contains(abs)) {
            out.add(abs);
        }
    }
}
