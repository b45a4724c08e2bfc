package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filesystem that fills up while the library is being written (after the free-space check
 * passed): the failure is NO_SPACE, decided from the filesystem's free space, not from the text of
 * the error (which is strerror's, in the process's language), and no partial file stays.
 */
class MidWriteNoSpaceTest {
    private static final ResourceName BIG = ResourceName.of(Fixtures.X86_64 + "libbig.so");

    @TempDir
    Path tmp;

    @Test
    void aDiskThatFillsUpMidWriteIsATypedNoSpaceFailureWithoutLeftovers() throws Exception {
        Path mnt = tmp.resolve("tiny");
        byte[] library = new byte[128 * 1024];
        new SecureRandom().nextBytes(library);
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F'}, 0, library, 0, 4);
        try (AutoCloseable m = Fixtures.tmpfs(mnt, "size=256k,mode=0700")) {
            Path filler = mnt.resolve("filler");
            AtomicInteger opens = new AtomicInteger();
            ClassLoader loader = new ClassLoader(null) {
                @Override
                public URL getResource(String name) {
                    if (!name.equals(BIG.value())) {
                        return null;
                    }
                    try {
                        return new URL(null, "test:" + name, new URLStreamHandler() {
                            @Override
                            protected URLConnection openConnection(URL u) {
                                return new URLConnection(u) {
                                    @Override
                                    public void connect() {
                                    }

                                    @Override
                                    public InputStream getInputStream() {
                                        InputStream in = new java.io.ByteArrayInputStream(library);
                                        // the second read is the one written to the cache: fill the disk as it starts
                                        return opens.incrementAndGet() < 2 ? in : fillFirst(in, filler);
                                    }
                                };
                            }
                        });
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            ExtractionException e = assertThrows(ExtractionException.class,
                    () -> new Extractor(List.of(mnt.resolve("cache")), Fixtures.check()).extract(loader, BIG));
            assertEquals(2, opens.get(), "the write really started after the free-space check");
            assertEquals(ExtractionException.Problem.NO_SPACE, e.problem(), e::getMessage);
            assertEquals(CacheRefusal.Reason.NO_SPACE, e.refusals().getFirst().reason());
            try (Stream<Path> all = Files.walk(mnt)) {
                assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                        "the partial file is removed");
            }
        }
    }

    private static InputStream fillFirst(InputStream in, Path filler) {
        return new FilterInputStream(in) {
            private boolean filled;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (!filled) {
                    filled = true;
                    try (OutputStream out = Files.newOutputStream(filler)) {
                        byte[] block = new byte[4096];
                        while (true) {
                            out.write(block);
                        }
                    } catch (IOException full) {
                        // the filesystem is full now
                    }
                }
                return super.read(b, off, len);
            }
        };
    }
}
