package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * Reads an embedded library once and checks it while hashing: the jar entry's recorded size and
 * CRC-32 (the JDK checks neither for a STORED entry, so a corrupted one would load and crash the
 * JVM), a size cap ({@value #CAP_PROPERTY}, default 512 MiB) refused before anything is read past it,
 * and the first bytes, which must start an ELF, Mach-O or PE file.
 */
final class EntryIntegrity {
    /** The system property setting the largest library, in bytes, extracted. */
    static final String CAP_PROPERTY = "nativeload.cache.maxEntryBytes";
    static final long DEFAULT_CAP = 512L << 20;

    private EntryIntegrity() {
    }

    /** The entry is not what it claims to be, or is larger than allowed. */
    static final class BadEntryException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean tooLarge;

        BadEntryException(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        /** {@return whether it was refused for its size rather than its content} */
        boolean tooLarge() {
            return tooLarge;
        }
    }

    /** {@return the cap from {@value #CAP_PROPERTY}, or the default} */
    static long cap() {
        String v = System.getProperty(CAP_PROPERTY);
        if (v != null) {
            try {
                long cap = Long.parseLong(v.strip());
                if (cap > 0) {
                    return cap;
                }
            } catch (NumberFormatException ignored) {
                // the default
            }
        }
        return DEFAULT_CAP;
    }

    /**
     * Hashes a resource, checking it on the way.
     *
     * @param name the resource
     * @param url  where it is read
     * @return its digest and size
     * @throws BadEntryException if its size or CRC-32 disagrees with the jar's record, it exceeds the
     *                           cap, or its first bytes start no library
     * @throws IOException       if it cannot be read
     */
    static Sha256.Summary digest(ResourceName name, URL url) throws IOException {
        URLConnection c = url.openConnection();
        c.setUseCaches(false); // a cached JarFile may outlive the jar it was opened from
        Optional<JarEntry> entry = Optional.empty();
        if (c instanceof JarURLConnection jc) {
            entry = Optional.ofNullable(jc.getJarEntry());
        }
        long cap = cap();
        long recordedSize = entry.map(JarEntry::getSize).orElse(-1L);
        if (recordedSize > cap) {
            throw new BadEntryException(name + " in " + url + " is " + recordedSize + " bytes, over the cap of " + cap
                    + " bytes; nothing was written. Raise -D" + CAP_PROPERTY + " if the library is really this large", true);
        }
        MessageDigest sha = Sha256.newDigest();
        CRC32 crc = new CRC32();
        byte[] buf = new byte[Sha256.BUFFER];
        long size = 0;
        byte[] head = new byte[4];
        int headLen = 0;
        try (InputStream in = c.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (headLen < head.length) {
                    int k = Math.min(n, head.length - headLen);
                    System.arraycopy(buf, 0, head, headLen, k);
                    headLen += k;
                    if (headLen == head.length && !isLibraryHeader(head)) {
                        throw notALibrary(name, url, head);
                    }
                }
                size += n;
                if (size > cap) {
                    throw new BadEntryException(name + " in " + url + " is over the cap of " + cap + " bytes; nothing was written."
                            + " Raise -D" + CAP_PROPERTY + " if the library is really this large", true);
                }
                sha.update(buf, 0, n);
                crc.update(buf, 0, n);
            }
        }
        if (headLen < head.length) {
            throw notALibrary(name, url, java.util.Arrays.copyOf(head, headLen));
        }
        if (entry.isPresent()) {
            JarEntry e = entry.get();
            if (e.getSize() >= 0 && e.getSize() != size) {
                throw new BadEntryException(name + " in " + url + " gave " + size + " bytes, but the jar records " + e.getSize()
                        + ": the jar is corrupted; rebuild or download it again", false);
            }
            if (e.getCrc() >= 0 && e.getCrc() != crc.getValue()) {
                throw new BadEntryException(name + " in " + url + " has CRC-32 " + Long.toHexString(crc.getValue())
                        + ", but the jar records " + Long.toHexString(e.getCrc())
                        + ": the jar is corrupted; rebuild or download it again", false);
            }
        }
        return new Sha256.Summary(Sha256.hex(sha), size);
    }

    /** {@return whether four bytes start an ELF, Mach-O (thin or fat) or PE ({@code MZ}) file} @param h the first bytes */
    static boolean isLibraryHeader(byte[] h) {
        int be = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
        return be == 0x7f454c46 // \x7fELF
                || be == 0xfeedface || be == 0xcefaedfe || be == 0xfeedfacf || be == 0xcffaedfe // Mach-O, both byte orders
                || be == 0xcafebabe || be == 0xcafebabf // fat Mach-O (also a class file's magic: it is rejected later)
                || (h[0] == 'M' && h[1] == 'Z');
    }

    private static BadEntryException notALibrary(ResourceName name, URL url, byte[] head) {
        return new BadEntryException(name + " in " + url + " starts with " + HexFormat.of().formatHex(head)
                + ", which begins no ELF, Mach-O or PE file; it is not extracted. Check the jar's contents", false);
    }
}
