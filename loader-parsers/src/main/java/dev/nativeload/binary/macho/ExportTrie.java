package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads dyld's export trie: each node an optional terminal (the export's flags, then its address,
 * or for a re-export the library ordinal and the name there), then its children, each an edge
 * label and the child's offset. A name is the labels on the path from the root.
 *
 * <p>Hostile tries are bounded: every offset inside the trie, every node visited at most once (a
 * child pointing back up, or two parents sharing a child, is malformed), and the exported names
 * (every node's, terminal or not) together at most {@link #nameBudget(long)} characters, so a chain of one-byte edges cannot grow the
 * names quadratically.
 */
final class ExportTrie {
    private ExportTrie() {
    }

    private record Pending(long node, String prefix) {
    }

    static List<MachOExport> read(BinaryData trie) throws MalformedBinaryException {
        List<MachOExport> exports = new ArrayList<>();
        if (trie.size() == 0) {
            return exports;
        }
        if (trie.size() > Integer.MAX_VALUE) {
            throw new MalformedBinaryException(trie.fileOffset(), "export trie of 0x" + Long.toHexString(trie.size())
                    + " bytes is too large");
        }
        OpcodeCursor c = new OpcodeCursor(trie, "export trie");
        BitSet visited = new BitSet();
        long budget = nameBudget(trie.size());
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(0, ""));
        while (!stack.isEmpty()) {
            Pending p = stack.pop();
            if (visited.get((int) p.node())) {
                throw c.error(p.node(), "export trie node at 0x" + Long.toHexString(p.node())
                        + " is reached twice (a loop or a shared node)");
            }
            visited.set((int) p.node());
            c.seek(p.node());
            long terminalSize = c.uleb();
            long terminalStart = c.position();
            if (terminalSize > trie.size() - terminalStart) {
                throw c.error(p.node(), "export trie node at 0x" + Long.toHexString(p.node()) + " has a terminal of "
                        + Long.toUnsignedString(terminalSize) + " bytes, past the trie's end");
            }
            if (terminalSize != 0) {
                exports.add(terminal(c, p.prefix()));
                if (c.position() > terminalStart + terminalSize) {
                    throw c.error(terminalStart, "export trie terminal of " + p.prefix() + " runs past its size "
                            + terminalSize);
                }
            }
            c.seek(terminalStart + terminalSize);
            int children = c.u8();
            List<Pending> next = new ArrayList<>(children);
            for (int i = 0; i < children; i++) {
                String edge = c.cString("edge label");
                long child = c.uleb();
                if (child <= 0 || child >= trie.size()) {
                    throw c.error(c.position(), "export trie child offset 0x" + Long.toHexString(child)
                            + " (under \"" + p.prefix() + edge + "\") is outside the trie");
                }
                budget -= p.prefix().length() + edge.length();
                if (budget < 0) {
                    throw c.error(p.node(), "export trie names exceed " + nameBudget(trie.size())
                            + " characters in a trie of " + trie.size() + " bytes");
                }
                next.add(new Pending(child, p.prefix() + edge));
            }
            for (int i = next.size() - 1; i >= 0; i--) {
                stack.push(next.get(i));
            }
        }
        return exports;
    }

    /** {@return the most bytes of names a trie of this size may yield}: generous for real tries (names share prefixes) */
    static long nameBudget(long trieSize) {
        return 16 * trieSize + (1 << 20);
    }

    private static MachOExport terminal(OpcodeCursor c, String name) throws MalformedBinaryException {
        long flags = c.uleb();
        if ((flags & MachOExport.REEXPORT) != 0) {
            int ordinal = c.ulebInt("re-export library ordinal");
            String imported = c.cString("re-export name");
            return new MachOExport(name, flags, 0,
                    Optional.of(new MachOExport.ReExport(ordinal, imported.isEmpty() ? name : imported)));
        }
        long address = c.uleb();
        if ((flags & MachOExport.STUB_AND_RESOLVER) != 0) {
            c.uleb(); // the resolver's offset
        }
        return new MachOExport(name, flags, address, Optional.empty());
    }
}
