package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Run in a child JVM by the tests: extracts one resource from a jar into a cache directory, prints
 * {@code ok <path> <sha256> <extracted|reused>}, and with {@code hold} keeps running (so its lock
 * is held) until it reads a line.
 */
public final class ExtractMain {
    private ExtractMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Extraction e = new Extractor(List.of(cache), new CacheDirectoryCheck(d -> Optional.empty(),
                    System.getProperty("user.name"))).extract(loader, ResourceName.of(args[2])).orElseThrow();
            System.out.println("ok " + e.library().path() + " " + e.library().sha256() + " " + e.library().action());
            System.out.flush();
            if (args.length > 3 && args[3].equals("hold")) {
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        }
    }
}
