package dev.nativeload.internal.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams and files, as lower-case hex. */
final class Sha256 {
    static final int BUFFER = 64 * 1024;

    private Sha256() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException absent) {
            throw new IllegalStateException("every Java platform has SHA-256", absent);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The digest and length of everything a stream holds. */
    record Summary(String sha256, long size) {
    }

    static Summary of(InputStream in) throws IOException {
        MessageDigest d = newDigest();
        byte[] buf = new byte[BUFFER];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            d.update(buf, 0, n);
            size += n;
        }
        return new Summary(hex(d), size);
    }

    /** Hashes a file, refusing to follow a symbolic link at its last element. */
    static Summary ofFile(Path file) throws IOException {
        MessageDigest d = newDigest();
        long size = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            while (ch.read(buf) != -1) {
                buf.flip();
                size += buf.remaining();
                d.update(buf);
                buf.clear();
            }
        }
        return new Summary(hex(d), size);
    }
}
