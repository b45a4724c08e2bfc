package dev.nativeload.spi;

import dev.nativeload.platform.Environment;
import dev.nativeload.platform.Host;
import java.util.Objects;

/**
 * What the chain is loading, and the context its steps read.
 *
 * @param name        the library's logical name, as given to {@code NativeLoader.load("z")}
 * @param host        the host facts (decides file names and compatible binaries)
 * @param environment environment variables and system properties
 */
public record LoadRequest(String name, Host host, Environment environment) {
    public LoadRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environment, "environment");
    }
}
