package dev.nativeload.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The first pass over each line of a log: does it contain any of a few hundred literals (the texts a
 * load failure's message must contain)? Most lines of a log contain none, so this must cost about a
 * memory read per byte: each literal is keyed by four of its bytes, and one rolling 32-bit window per
 * position is looked up in a 64 Ki-bit table of those keys' hashes; only on a hit are the literals with
 * that key compared. Written by hand because the JDK's regex tries each alternative at each position and
 * the multi-pattern libraries on offer (Aho-Corasick implementations) match {@code char}s of a
 * {@code String}, while lines are scanned here as bytes, before they are decoded.
 */
final class AnchorFilter {
    private static final int KEY = 4;
    private static final int BITS = 16;

    private final long[] present = new long[(1 << BITS) / 64];
    private final Anchor[][] byHash = new Anchor[1 << BITS][];

    /** A literal, and where in it its four-byte key starts. */
    private record Anchor(byte[] bytes, int keyAt) {
    }

    /**
     * @param literals what a line must contain one of; each at least four bytes long in UTF-8
     * @throws IllegalArgumentException for a literal shorter than four bytes
     */
    AnchorFilter(Collection<String> literals) {
        for (String literal : new LinkedHashSet<>(literals)) {
            byte[] b = literal.getBytes(StandardCharsets.UTF_8);
            if (b.length < KEY) {
                throw new IllegalArgumentException("a pre-filter literal needs " + KEY + " bytes: '" + literal + "'");
            }
            int keyAt = keyOffset(b);
            int h = hash(word(b, keyAt));
            present[h >>> 6] |= 1L << h;
            Anchor[] old = byHash[h];
            Anchor[] grown = old == null ? new Anchor[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = new Anchor(b, keyAt);
            byHash[h] = grown;
        }
    }

    /** The key starts at the first letter, so literals opening with ": " do not all share one key. */
    private static int keyOffset(byte[] b) {
        for (int i = 0; i + KEY <= b.length; i++) {
            if (Character.isLetter(b[i])) {
                return i;
            }
        }
        return 0;
    }

    private static int word(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int hash(int word) {
        return (word * 0x9E3779B1) >>> (32 - BITS);
    }

    /**
     * {@return whether the first {@code length} bytes of {@code line} contain one of the literals}
     *
     * @param line   the bytes
     * @param length how many of them are the line
     */
    boolean matches(byte[] line, int length) {
        if (length < KEY) {
            return false;
        }
        int w = (line[0] & 0xff) << 16 | (line[1] & 0xff) << 8 | (line[2] & 0xff);
        for (int i = KEY - 1; i < length; i++) {
            w = w << 8 | (line[i] & 0xff);
            int h = hash(w);
            if ((present[h >>> 6] & 1L << h) != 0 && check(line, length, i - (KEY - 1), byHash[h])) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(byte[] line, int length, int keyStart, Anchor[] anchors) {
        for (Anchor a : anchors) {
            int start = keyStart - a.keyAt();
            if (start >= 0 && start + a.bytes().length <= length
                    && Arrays.equals(line, start, start + a.bytes().length, a.bytes(), 0, a.bytes().length)) {
                return true;
            }
        }
        return false;
    }
}
