package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where an image keeps its exports and imports, and reads them from there, preferring what
 * dyld itself reads: for exports {@code LC_DYLD_EXPORTS_TRIE}, else the trie of
 * {@code LC_DYLD_INFO(_ONLY)}, else {@code LC_SYMTAB}; for imports {@code LC_DYLD_CHAINED_FIXUPS},
 * else the bind, weak bind and lazy bind opcodes of {@code LC_DYLD_INFO(_ONLY)}, else
 * {@code LC_SYMTAB}.
 */
final class LinkEditSymbols {
    private static final int LC_SYMTAB = 0x2;
    private static final int LC_DYLD_INFO = 0x22;
    private static final int LC_DYLD_INFO_ONLY = 0x22 | LoadCommandType.REQ_DYLD;
    private static final int LC_DYLD_EXPORTS_TRIE = 0x33 | LoadCommandType.REQ_DYLD;
    private static final int LC_DYLD_CHAINED_FIXUPS = 0x34 | LoadCommandType.REQ_DYLD;

    private LinkEditSymbols() {
    }

    static List<MachOExport> exports(BinaryData data, MachHeader header, List<LoadCommand> commands)
            throws MalformedBinaryException {
        Optional<LoadCommand> trie = first(commands, LC_DYLD_EXPORTS_TRIE, 16);
        if (trie.isPresent()) {
            return ExportTrie.read(range(data, trie.get().offset() + 8, "LC_DYLD_EXPORTS_TRIE"));
        }
        Optional<LoadCommand> info = dyldInfo(commands);
        if (info.isPresent()) {
            return ExportTrie.read(range(data, info.get().offset() + 40, "LC_DYLD_INFO export"));
        }
        List<MachOExport> exports = new ArrayList<>();
        Optional<LoadCommand> symtab = first(commands, LC_SYMTAB, 24);
        if (symtab.isPresent()) {
            SymbolTable.read(data, header.is64(), symtab.get().offset(), null, exports);
        }
        return exports;
    }

    static List<MachOImport> imports(BinaryData data, MachHeader header, List<LoadCommand> commands)
            throws MalformedBinaryException {
        Set<MachOImport> imports = new LinkedHashSet<>();
        Optional<LoadCommand> fixups = first(commands, LC_DYLD_CHAINED_FIXUPS, 16);
        Optional<LoadCommand> info = dyldInfo(commands);
        if (fixups.isPresent()) {
            ChainedFixupImports.read(range(data, fixups.get().offset() + 8, "LC_DYLD_CHAINED_FIXUPS"), imports);
        } else if (info.isPresent()) {
            long at = info.get().offset();
            BindOpcodes.read(range(data, at + 16, "LC_DYLD_INFO bind"), MachOImport.Source.BIND, imports);
            BindOpcodes.read(range(data, at + 24, "LC_DYLD_INFO weak bind"), MachOImport.Source.WEAK_BIND, imports);
            BindOpcodes.read(range(data, at + 32, "LC_DYLD_INFO lazy bind"), MachOImport.Source.LAZY_BIND, imports);
        } else {
            Optional<LoadCommand> symtab = first(commands, LC_SYMTAB, 24);
            if (symtab.isPresent()) {
                SymbolTable.read(data, header.is64(), symtab.get().offset(), imports, null);
            }
        }
        return List.copyOf(imports);
    }

    private static Optional<LoadCommand> dyldInfo(List<LoadCommand> commands) throws MalformedBinaryException {
        Optional<LoadCommand> only = first(commands, LC_DYLD_INFO_ONLY, 48);
        return only.isPresent() ? only : first(commands, LC_DYLD_INFO, 48);
    }

    /** {@return the first command of a type}, checked to hold at least {@code minimum} bytes */
    private static Optional<LoadCommand> first(List<LoadCommand> commands, int type, int minimum)
            throws MalformedBinaryException {
        for (LoadCommand c : commands) {
            if (c.type().value() == type) {
                if (c.size() < minimum) {
                    throw new MalformedBinaryException(c.offset() + 4, c.type() + " cmdsize " + c.size()
                            + " is smaller than its fixed part (" + minimum + " bytes)");
                }
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@return the bytes an (offset, size) pair of 32-bit fields at {@code at} names} */
    private static BinaryData range(BinaryData data, long at, String what) throws MalformedBinaryException {
        long offset = data.u32(at, what + " offset");
        long size = data.u32(at + 4, what + " size");
        return data.slice(size == 0 ? 0 : offset, size, what + " data");
    }
}
