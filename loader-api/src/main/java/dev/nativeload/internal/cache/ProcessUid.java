package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * This process's effective uid where no OS boundary says it: the owner of a file the process has
 * just created, which the kernel sets to the effective (filesystem) uid. Never {@code user.name},
 * which is {@code "?"} for a uid without a passwd entry.
 */
final class ProcessUid {
    private ProcessUid() {
    }

    private static final class Holder {
        static final OptionalInt PROBED = probe();
    }

    /** {@return the uid learned from a file created in {@code java.io.tmpdir}, or empty where that cannot be done} */
    static OptionalInt probed() {
        return Holder.PROBED;
    }

    private static OptionalInt probe() {
        Path probe = null;
        try {
            probe = Files.createTempFile("nativeload-uid-", ".probe");
            return DirectoryTrust.available(probe) ? OptionalInt.of(DirectoryTrust.uid(probe)) : OptionalInt.empty();
        } catch (IOException | RuntimeException unavailable) {
            return OptionalInt.empty();
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a probe left in the temporary directory is harmless
                }
            }
        }
    }
}
