package dev.nativeload.binary.macho;

/**
 * The dylib load commands this reader decodes, all with the {@code dylib_command} layout. The
 * set is the dyld's own and closed; any other command stays an {@link LoadCommand.Unknown} with its
 * raw {@link LoadCommandType}.
 */
public enum DylibKind {
    /** {@code LC_ID_DYLIB}: the library's own install name. */
    ID(LoadCommandType.LC_ID_DYLIB),
    /** {@code LC_LOAD_DYLIB}: a dependency that must load. */
    LOAD(LoadCommandType.LC_LOAD_DYLIB),
    /** {@code LC_LOAD_WEAK_DYLIB}: a dependency that may be missing. */
    WEAK(LoadCommandType.LC_LOAD_WEAK_DYLIB),
    /** {@code LC_REEXPORT_DYLIB}: a dependency whose symbols this library re-exports. */
    REEXPORT(LoadCommandType.LC_REEXPORT_DYLIB),
    /** {@code LC_LAZY_LOAD_DYLIB}: a dependency loaded on first use (obsolete). */
    LAZY(LoadCommandType.LC_LAZY_LOAD_DYLIB),
    /** {@code LC_LOAD_UPWARD_DYLIB}: a dependency that also depends on this library. */
    UPWARD(LoadCommandType.LC_LOAD_UPWARD_DYLIB);

    private final int command;

    DylibKind(int command) {
        this.command = command;
    }

    /** {@return the {@code cmd} value of this kind of command} */
    public int command() {
        return command;
    }

    /** {@return the kind whose command is {@code cmd}, or null for any other command} @param cmd a raw {@code cmd} */
    static DylibKind of(int cmd) {
        for (DylibKind kind : values()) {
            if (kind.command == cmd) {
                return kind;
            }
        }
        return null;
    }
}
