package dev.nativeload.binary.macho;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.util.Collection;

/**
 * Reads the bind, lazy bind and weak bind opcode streams of {@code LC_DYLD_INFO}: a small state
 * machine setting the library ordinal, the symbol and its flags, then binding it at one or more
 * addresses. Each bind of a (symbol, ordinal, weak) makes one import, however many addresses it
 * covers: the addresses are not followed, so no repeat count can make this loop long.
 */
final class BindOpcodes {
    private static final int OPCODE_MASK = 0xF0;
    private static final int IMMEDIATE_MASK = 0x0F;
    private static final int DONE = 0x00;
    private static final int SET_DYLIB_ORDINAL_IMM = 0x10;
    private static final int SET_DYLIB_ORDINAL_ULEB = 0x20;
    private static final int SET_DYLIB_SPECIAL_IMM = 0x30;
    private static final int SET_SYMBOL_TRAILING_FLAGS_IMM = 0x40;
    private static final int SET_TYPE_IMM = 0x50;
    private static final int SET_ADDEND_SLEB = 0x60;
    private static final int SET_SEGMENT_AND_OFFSET_ULEB = 0x70;
    private static final int ADD_ADDR_ULEB = 0x80;
    private static final int DO_BIND = 0x90;
    private static final int DO_BIND_ADD_ADDR_ULEB = 0xA0;
    private static final int DO_BIND_ADD_ADDR_IMM_SCALED = 0xB0;
    private static final int DO_BIND_ULEB_TIMES_SKIPPING_ULEB = 0xC0;
    private static final int THREADED = 0xD0;
    private static final int THREADED_SET_BIND_ORDINAL_TABLE_SIZE_ULEB = 0x00;
    private static final int THREADED_APPLY = 0x01;
    /** {@code BIND_SYMBOL_FLAGS_WEAK_IMPORT}. */
    private static final int WEAK_IMPORT = 0x1;

    private BindOpcodes() {
    }

    /**
     * Reads one stream into {@code into}.
     *
     * @param stream the opcodes
     * @param source which stream it is: {@link MachOImport.Source#BIND}, {@code LAZY_BIND} or {@code WEAK_BIND}
     *               (whose binds have no ordinal: they are {@link MachOImport#WEAK_LOOKUP})
     * @param into   where the imports go, in stream order
     */
    static void read(BinaryData stream, MachOImport.Source source, Collection<MachOImport> into)
            throws MalformedBinaryException {
        String what = streamName(source);
        OpcodeCursor c = new OpcodeCursor(stream, what);
        int ordinal = source == MachOImport.Source.WEAK_BIND ? MachOImport.WEAK_LOOKUP : MachOImport.SELF;
        String symbol = null;
        boolean weak = false;
        while (!c.atEnd()) {
            long at = c.position();
            int b = c.u8();
            int immediate = b & IMMEDIATE_MASK;
            switch (b & OPCODE_MASK) {
                case DONE -> {
                    // Lazy binds are separate entries, each ending in DONE; the other streams end at it.
                    if (source != MachOImport.Source.LAZY_BIND) {
                        return;
                    }
                }
                case SET_DYLIB_ORDINAL_IMM -> ordinal = immediate;
                case SET_DYLIB_ORDINAL_ULEB -> ordinal = c.ulebInt("library ordinal");
                // 0 is SELF; 0xF..0xD sign-extend to -1 (main executable), -2 (flat), -3 (weak lookup).
                case SET_DYLIB_SPECIAL_IMM -> ordinal = immediate == 0 ? 0 : (byte) (OPCODE_MASK | immediate);
                case SET_SYMBOL_TRAILING_FLAGS_IMM -> {
                    symbol = c.cString("symbol name");
                    weak = (immediate & WEAK_IMPORT) != 0;
                }
                case SET_TYPE_IMM -> {
                }
                case SET_ADDEND_SLEB -> c.sleb();
                case SET_SEGMENT_AND_OFFSET_ULEB, ADD_ADDR_ULEB -> c.uleb();
                case DO_BIND, DO_BIND_ADD_ADDR_IMM_SCALED -> bind(c, at, symbol, ordinal, weak, source, into);
                case DO_BIND_ADD_ADDR_ULEB -> {
                    c.uleb();
                    bind(c, at, symbol, ordinal, weak, source, into);
                }
                case DO_BIND_ULEB_TIMES_SKIPPING_ULEB -> {
                    c.uleb();
                    c.uleb();
                    bind(c, at, symbol, ordinal, weak, source, into);
                }
                case THREADED -> {
                    if (immediate == THREADED_SET_BIND_ORDINAL_TABLE_SIZE_ULEB) {
                        c.uleb();
                    } else if (immediate != THREADED_APPLY) {
                        throw c.error(at, "unknown threaded bind sub-opcode 0x" + Integer.toHexString(immediate)
                                + " in the " + what);
                    }
                }
                default -> throw c.error(at, "unknown opcode 0x" + Integer.toHexString(b) + " in the " + what);
            }
        }
    }

    private static void bind(OpcodeCursor c, long at, String symbol, int ordinal, boolean weak,
                             MachOImport.Source source, Collection<MachOImport> into) throws MalformedBinaryException {
        if (symbol == null) {
            throw c.error(at, "bind before any symbol was set in the " + streamName(source));
        }
        into.add(new MachOImport(symbol, ordinal, weak, source));
    }

    private static String streamName(MachOImport.Source source) {
        return switch (source) {
            case LAZY_BIND -> "lazy bind opcodes";
            case WEAK_BIND -> "weak bind opcodes";
            default -> "bind opcodes";
        };
    }
}
