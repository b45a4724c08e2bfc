package dev.nativeload.ffm;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link FileCalls} of a platform, bound once: on Linux the generated package of its
 * {@link PosixAbi} ({@link GeneratedFileCalls}), on macOS {@link DarwinFileCalls}; elsewhere none,
 * with the reason.
 */
final class HostFileCalls {
    private static final Map<List<Object>, Bound> BOUND = new ConcurrentHashMap<>();

    private HostFileCalls() {
    }

    /** The calls of a platform, or why there are none. */
    sealed interface Bound {
        /** @param calls the bound calls */
        record Calls(FileCalls calls) implements Bound {
        }

        /** @param why what is missing: no binding for the platform, or one that could not be bound */
        record Unsupported(String why) implements Bound {
        }
    }

    /**
     * {@return the file calls of a platform, bound on first use}
     *
     * @param os   the operating system
     * @param libc the C library
     * @param arch the architecture
     */
    static Bound forPlatform(TargetOs os, LibcFlavor libc, Architecture arch) {
        return BOUND.computeIfAbsent(List.of(os, libc, arch), key -> bind(os, libc, arch));
    }

    private static Bound bind(TargetOs os, LibcFlavor libc, Architecture arch) {
        try {
            if (os == TargetOs.MACOS) {
                return new Bound.Calls(DarwinFileCalls.bind(arch));
            }
            var abi = PosixAbi.forPlatform(os, libc, arch);
            if (abi.isEmpty()) {
                return new Bound.Unsupported("no open/fstat binding for " + os + " " + libc + " " + arch);
            }
            return new Bound.Calls(GeneratedFileCalls.bind(abi.get()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // A member the generated package lacks, or a layout this JVM cannot build.
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return new Bound.Unsupported("the file calls of " + os + " " + libc + " " + arch + " could not be bound: " + cause);
        }
    }
}
