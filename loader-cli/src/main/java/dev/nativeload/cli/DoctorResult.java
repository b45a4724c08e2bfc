package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.platform.Host;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import dev.nativeload.spi.NativeAccess.MountFlags;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code nativeload doctor} found: the verdict of one real load, its cause, every attempt and the host.
 *
 * @param target   the argument as given (a library name or a file)
 * @param path     the file the OS loaded, empty when nothing loaded
 * @param cause    why the load failed, empty when it loaded
 * @param attempts   every attempt of the chain, in order
 * @param host       the host facts the load ran with
 * @param unresolved the strong references of the file's tree that neither the tree nor the trial
 *                   process defines, bound offline (glibc hosts; empty elsewhere, or when no file is known)
 */
record DoctorResult(String target, Optional<Path> path, Optional<Diagnosis> cause, List<Attempt> attempts,
                    HostFacts host, List<UnresolvedSymbol> unresolved) {
    DoctorResult {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(cause, "cause");
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(host, "host");
        unresolved = List.copyOf(unresolved);
    }

    /** {@return whether the library loaded} */
    boolean loaded() {
        return path.isPresent();
    }

    /**
     * The mount flags of one directory a load attempt touched.
     *
     * @param directory the directory
     * @param flags     its filesystem's flags; empty when the directory is absent or they cannot be read
     */
    record Mount(Path directory, Optional<MountFlags> flags) {
    }

    /**
     * The facts about this host that decide what can load here.
     *
     * @param access      the name of the {@code NativeAccess} implementation that loaded
     * @param host        OS, architecture, C library and its version, page size
     * @param mounts      the mount flags of each directory involved, in order of first use
     * @param variables   the loader-relevant environment variables, in a fixed order; null values are unset
     * @param properties  the loader-relevant system properties, sorted; null values are unset
     */
    record HostFacts(String access, Host host, List<Mount> mounts, Map<String, String> variables,
                     Map<String, String> properties) {
    }
}
