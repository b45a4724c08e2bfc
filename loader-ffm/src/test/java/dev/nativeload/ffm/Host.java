package dev.nativeload.ffm;

import dev.nativeload.binary.TargetOs;

/** The test host's OS, from the JVM, for assumptions. */
final class Host {
    private Host() {
    }

    static TargetOs os() {
        return dev.nativeload.platform.Host.osFromJvm(System.getProperty("os.name"));
    }
}
