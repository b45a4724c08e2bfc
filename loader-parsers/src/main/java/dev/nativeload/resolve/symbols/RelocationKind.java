package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.elf.ElfMachine;
import java.util.Map;
import java.util.Set;

/**
 * What a symbol relocation asks of the lookup, as glibc's {@code elf_machine_type_class} sorts it:
 * a PLT slot or a TLS relocation must not bind to an executable's canonical PLT entry (an
 * undefined symbol with a value), and a copy relocation's lookup skips the executable itself.
 */
public enum RelocationKind {
    /** A PLT slot ({@code JUMP_SLOT}): a call. */
    PLT,
    /** A thread-local relocation (module id, offset, TLS descriptor). */
    TLS,
    /** A copy relocation: the executable's copy of a library's data object. */
    COPY,
    /** Any other symbol relocation ({@code GLOB_DAT}, absolute addresses). */
    DATA;

    /** glibc's {@code ELF_RTYPE_CLASS_PLT}. */
    static final int CLASS_PLT = 1;
    /** glibc's {@code ELF_RTYPE_CLASS_COPY}. */
    static final int CLASS_COPY = 2;

    /** Per machine: the PLT slot types, the copy type, and the TLS types. */
    private record Types(Set<Long> plt, long copy, Set<Long> tls) {
        Types(long jumpSlot, long copy, Set<Long> tls) {
            this(Set.of(jumpSlot), copy, tls);
        }

        boolean isTls(long type) {
            return tls.contains(type);
        }
    }

    private static final Map<Integer, Types> TYPES = Map.of(
            ElfMachine.X86_64.value(), new Types(7, 5, Set.of(16L, 17L, 18L, 36L)),
            ElfMachine.I386.value(), new Types(7, 5, Set.of(14L, 35L, 36L, 37L, 41L)),
            ElfMachine.AARCH64.value(), new Types(1026, 1024, Set.of(1028L, 1029L, 1030L, 1031L)),
            ElfMachine.ARM.value(), new Types(22, 20, Set.of(13L, 17L, 18L, 19L)),
            ElfMachine.RISCV.value(), new Types(5, 4, Set.of(6L, 7L, 8L, 9L, 10L, 11L, 12L)),
            ElfMachine.LOONGARCH.value(), new Types(5, 4, Set.of(6L, 7L, 8L, 9L, 10L, 11L)),
            ElfMachine.S390.value(), new Types(11, 9, Set.of(54L, 55L, 56L)),
            ElfMachine.PPC64.value(), new Types(21, 19, ppc64Tls()),
            // 32-bit PowerPC: glibc also gives R_PPC_ADDR24 (2) and R_PPC_REL24 (10) the PLT class.
            ElfMachine.PPC.value(), new Types(Set.of(21L, 2L, 10L), 19, ppcTls()));

    private static Set<Long> ppc64Tls() {
        java.util.HashSet<Long> s = new java.util.HashSet<>();
        for (long t = 67; t <= 106; t++) {
            s.add(t); // R_PPC64_TLS .. R_PPC64_DTPREL16_HIGHESTA
        }
        for (long t = 112; t <= 115; t++) {
            s.add(t); // R_PPC64_TPREL16_HIGH .. R_PPC64_DTPREL16_HIGHA
        }
        return Set.copyOf(s);
    }

    private static Set<Long> ppcTls() {
        java.util.HashSet<Long> s = new java.util.HashSet<>();
        for (long t = 68; t <= 78; t++) {
            s.add(t); // R_PPC_DTPMOD32 .. R_PPC_DTPREL32
        }
        return Set.copyOf(s);
    }

    /** {@return whether the relocation types of this machine are known here} @param machine the ELF machine */
    static boolean known(ElfMachine machine) {
        return TYPES.containsKey(machine.value());
    }

    /**
     * {@return the kind of a relocation type on a machine; {@link #DATA} for an unknown machine}
     *
     * @param machine the ELF machine
     * @param type    the relocation type
     */
    static RelocationKind of(ElfMachine machine, long type) {
        Types t = TYPES.get(machine.value());
        if (t == null) {
            return DATA;
        }
        if (t.plt().contains(type)) {
            return PLT;
        }
        if (type == t.copy()) {
            return COPY;
        }
        return t.isTls(type) ? TLS : DATA;
    }

    /** {@return glibc's type class bits for this kind} */
    int typeClass() {
        return switch (this) {
            case PLT, TLS -> CLASS_PLT;
            case COPY -> CLASS_COPY;
            case DATA -> 0;
        };
    }
}
