package dev.nativeload.embedded;

import dev.nativeload.NativeLoader;
import dev.nativeload.ffm.FfmNativeAccess;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a child JVM by the lock tests: extracts {@code embedded_solo} from the jar {@code args[1]}
 * into the cache {@code args[0]}, but the resource's second read (the one written under the entry's
 * lock) stops after a few bytes, prints {@code holding <pid>} and waits for a line on standard input.
 * So this process holds the entry's write lock for as long as the test wants, or is stopped holding it.
 */
public final class HoldEntryLockMain {
    private HoldEntryLockMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        try (URLClassLoader jar = EmbeddedFixtures.loaderOf(Path.of(args[1]))) {
            ClassLoader stalling = new ClassLoader(null) {
                private final AtomicInteger opens = new AtomicInteger();

                @Override
                public URL getResource(String name) {
                    URL real = jar.getResource(name);
                    if (real == null) {
                        return null;
                    }
                    try {
                        return new URL(null, real.toString(), new URLStreamHandler() {
                            @Override
                            protected URLConnection openConnection(URL u) throws IOException {
                                URLConnection c = real.openConnection();
                                return new URLConnection(u) {
                                    @Override
                                    public void connect() {
                                    }

                                    @Override
                                    public InputStream getInputStream() throws IOException {
                                        InputStream in = c.getInputStream();
                                        return opens.incrementAndGet() < 2 ? in : stallAfterFirstBytes(in);
                                    }
                                };
                            }
                        });
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            var embedded = NativeLoader.builder("embedded_solo").classLoader(stalling).cacheDirectory(cache).build()
                    .strategies().getLast();
            NativeLoader.builder("embedded_solo").strategies(List.of(embedded)).access(FfmNativeAccess.provider()).build().load();
            System.out.println("released");
        }
    }

    private static InputStream stallAfterFirstBytes(InputStream in) {
        return new FilterInputStream(in) {
            private boolean stalled;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!stalled) {
                    stalled = true;
                    int n = super.read(b, off, Math.min(len, 100));
                    System.out.println("holding " + ProcessHandle.current().pid());
                    System.out.flush();
                    while (System.in.read() != '\n') {
                        Thread.onSpinWait();
                    }
                    return n;
                }
                return super.read(b, off, len);
            }
        };
    }
}
