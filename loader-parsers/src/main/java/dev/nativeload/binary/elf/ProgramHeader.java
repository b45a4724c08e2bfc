package dev.nativeload.binary.elf;

/**
 * One program header (segment), with fields widened to 64 bits whatever the file's class.
 *
 * @param type   {@code p_type}
 * @param flags  {@code p_flags}: {@link #PF_X}, {@link #PF_W}, {@link #PF_R}
 * @param offset {@code p_offset}, the segment's first byte in the file
 * @param vaddr  {@code p_vaddr}
 * @param paddr  {@code p_paddr}
 * @param filesz {@code p_filesz}, bytes taken from the file
 * @param memsz  {@code p_memsz}, bytes the segment occupies in memory
 * @param align  {@code p_align}
 */
public record ProgramHeader(SegmentType type, int flags, long offset, long vaddr, long paddr,
                            long filesz, long memsz, long align) {
    /** Execute permission. */
    public static final int PF_X = 1;
    /** Write permission. */
    public static final int PF_W = 2;
    /** Read permission. */
    public static final int PF_R = 4;

    /** {@return whether this is a {@code PT_LOAD} segment} */
    public boolean isLoad() {
        return type.equals(SegmentType.LOAD);
    }

    /** {@return the permissions as {@code readelf} prints them, e.g. {@code "R E"}} */
    public String permissions() {
        return ((flags & PF_R) != 0 ? "R" : " ") + ((flags & PF_W) != 0 ? "W" : " ") + ((flags & PF_X) != 0 ? "E" : " ");
    }

    /**
     * {@return whether the file bytes of this segment cover the virtual address}
     *
     * @param address a virtual address (unsigned)
     */
    public boolean containsInFile(long address) {
        return Long.compareUnsigned(address, vaddr) >= 0 && Long.compareUnsigned(address - vaddr, filesz) < 0;
    }
}
