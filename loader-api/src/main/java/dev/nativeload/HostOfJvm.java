package dev.nativeload;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.platform.Host;
import java.util.Optional;

/** The host as the JVM's own properties describe it, for a report made when no OS boundary could be asked. */
final class HostOfJvm {
    private HostOfJvm() {
    }

    static Host get() {
        return Host.of(Host.osFromJvm(System.getProperty("os.name")), Architecture.fromJvm(System.getProperty("os.arch")),
                LibcFlavor.UNKNOWN, Optional.empty(), 0, false);
    }
}
