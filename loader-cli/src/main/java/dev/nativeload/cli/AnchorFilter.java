package dev.nativeload.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The first pass over each line of a log: does it contain any of a few hundred literals (the texts a
 * load failure's message must contain)? Most lines of a log contain none, so this must cost less than a
 * look at each byte. Every four-byte piece of every literal is indexed (a 64 Ki-bit table of their
 * hashes, and the literals behind each hash); a line is probed only every {@code shortest - 3} bytes,
 * which cannot step over a whole literal, so a literal in the line always covers a probed piece; only
 * a probe that hits the table compares literals. Written by hand because the JDK's regex tries each
 * alternative at each position, and the multi-pattern libraries on offer (Aho-Corasick
 * implementations) read every {@code char} of a {@code String}, while lines here are bytes, probed
 * before they are decoded.
 */
final class AnchorFilter {
    private static final int KEY = 4;
    private static final int BITS = 16;

    private final long[] present = new long[(1 << BITS) / 64];
    private final Anchor[][] byHash = new Anchor[1 << BITS][];
    private final int step;

    /** A literal, and where in it one of its four-byte pieces starts. */
    private record Anchor(byte[] bytes, int pieceAt) {
    }

    /**
     * @param literals what a line must contain one of; each at least four bytes long in UTF-8
     * @throws IllegalArgumentException for a literal shorter than four bytes, or none at all
     */
    AnchorFilter(Collection<String> literals) {
        int shortest = Integer.MAX_VALUE;
        for (String literal : new LinkedHashSet<>(literals)) {
            byte[] b = literal.getBytes(StandardCharsets.UTF_8);
            if (b.length < KEY) {
                throw new IllegalArgumentException("a pre-filter literal needs " + KEY + " bytes: '" + literal + "'");
            }
            shortest = Math.min(shortest, b.length);
            for (int at = 0; at + KEY <= b.length; at++) {
                int h = hash(word(b, at));
                present[h >>> 6] |= 1L << h;
                Anchor[] old = byHash[h];
                Anchor[] grown = old == null ? new Anchor[1] : Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = new Anchor(b, at);
                byHash[h] = grown;
            }
        }
        if (shortest == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("no pre-filter literal");
        }
        this.step = shortest - KEY + 1;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int hash(int word) {
        return (word * 0x9E3779B1) >>> (32 - BITS);
    }

    /**
     * {@return whether {@code line[offset, offset + length)} contains one of the literals}
     *
     * @param line   the bytes
     * @param offset where the line starts
     * @param length how many bytes are the line
     */
    boolean matches(byte[] line, int offset, int length) {
        int end = offset + length;
        for (int p = offset; p + KEY <= end; p += step) {
            int h = hash(word(line, p));
            if ((present[h >>> 6] & 1L << h) != 0 && check(line, offset, end, p, byHash[h])) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(byte[] line, int offset, int end, int probe, Anchor[] anchors) {
        for (Anchor a : anchors) {
            int start = probe - a.pieceAt();
            int stop = start + a.bytes().length;
            if (start >= offset && stop <= end && Arrays.equals(line, start, stop, a.bytes(), 0, a.bytes().length)) {
                return true;
            }
        }
        return false;
    }
}
