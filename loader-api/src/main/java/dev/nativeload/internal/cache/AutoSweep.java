package dev.nativeload.internal.cache;

import dev.nativeload.platform.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.nativeload.internal.log.Loggers;
import org.slf4j.Logger;

/**
 * Sweeps a cache directory once per JVM, right after the embedded step first used it: entries no
 * process has used for {@code nativeload.cache.maxAgeDays} days (default 30; {@code off} disables)
 * and that no live process holds are removed. The entry just used is held by this JVM, so it stays.
 */
public final class AutoSweep {
    /** The system property naming the age, in days, or {@code off}. */
    public static final String PROPERTY = "nativeload.cache.maxAgeDays";
    /** The age used when the property is not set. */
    public static final Duration DEFAULT_AGE = Duration.ofDays(30);

    private static final Logger LOG = Loggers.of(AutoSweep.class);
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private AutoSweep() {
    }

    /**
     * Sweeps {@code cacheDir} if this JVM has not yet, with the age the environment sets.
     *
     * @param cacheDir    the cache directory an extraction just used
     * @param environment where the property is read
     * @return what the sweep did, or empty when it was disabled, already done or failed (logged)
     */
    public static Optional<CacheSweeper.Result> once(Path cacheDir, Environment environment) {
        Optional<Duration> age = maxAge(environment);
        if (age.isEmpty() || !SWEPT.add(cacheDir.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        try {
            CacheSweeper.Result r = CacheSweeper.olderThan(age.get()).sweep(cacheDir);
            if (!r.removed().isEmpty() || !r.leftBehind().isEmpty()) {
                LOG.info("nativeload: swept {}: removed {} unused entr{}, left {}", cacheDir, r.removed().size(),
                        r.removed().size() == 1 ? "y" : "ies", r.leftBehind());
            }
            return Optional.of(r);
        } catch (IOException unreadable) {
            LOG.debug("nativeload: could not sweep {}", cacheDir, unreadable);
            return Optional.empty();
        }
    }

    /** {@return the age from the property, the default when unset, empty when {@code off}} */
    static Optional<Duration> maxAge(Environment environment) {
        Optional<String> value = environment.property(PROPERTY).map(String::strip);
        if (value.isEmpty()) {
            return Optional.of(DEFAULT_AGE);
        }
        if (value.get().equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            long days = Long.parseLong(value.get());
            if (days >= 0) {
                return Optional.of(Duration.ofDays(days));
            }
        } catch (NumberFormatException notANumber) {
            LOG.debug("nativeload: {} is not a number", PROPERTY, notANumber);
        }
        LOG.warn("nativeload: {} must be a number of days or \"off\", not \"{}\"; using {} days", PROPERTY, value.get(),
                DEFAULT_AGE.toDays());
        return Optional.of(DEFAULT_AGE);
    }
}
