package dev.nativeload.binary.elf;

import dev.nativeload.binary.MalformedBinaryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code PT_LOAD} segments of an object: the memory image the loader maps, and the
 * translation of the virtual addresses in the dynamic section to file offsets.
 */
public final class LoadSegments {
    private final List<ProgramHeader> loads;

    LoadSegments(List<ProgramHeader> programHeaders) {
        List<ProgramHeader> found = new ArrayList<>();
        for (ProgramHeader p : programHeaders) {
            if (p.isLoad()) {
                found.add(p);
            }
        }
        this.loads = List.copyOf(found);
    }

    /** {@return the {@code PT_LOAD} program headers, in file order} */
    public List<ProgramHeader> segments() {
        return loads;
    }

    /** {@return the lowest {@code p_vaddr} of any {@code PT_LOAD}, if there is one} */
    public Optional<Long> lowestAddress() {
        return loads.stream().map(ProgramHeader::vaddr).min(Long::compareUnsigned);
    }

    /**
     * {@return the bytes of address space the loader must reserve: the highest
     * {@code p_vaddr + p_memsz} minus the lowest {@code p_vaddr}, or 0 without {@code PT_LOAD}}
     * A value too large to fit (past 2^63) is reported as {@link Long#MAX_VALUE}.
     */
    public long addressSpan() {
        if (loads.isEmpty()) {
            return 0;
        }
        long low = -1;
        long high = 0;
        boolean overflow = false;
        for (ProgramHeader p : loads) {
            if (Long.compareUnsigned(p.vaddr(), low) < 0) {
                low = p.vaddr();
            }
            long end = p.vaddr() + p.memsz();
            if (Long.compareUnsigned(end, p.vaddr()) < 0) {
                overflow = true;
            } else if (Long.compareUnsigned(end, high) > 0) {
                high = end;
            }
        }
        long span = high - low;
        return overflow || Long.compareUnsigned(high, low) < 0 || span < 0 ? Long.MAX_VALUE : span;
    }

    /**
     * {@return the file offset of a virtual address, if some {@code PT_LOAD} holds it in its file bytes}
     *
     * @param address a virtual address, as stored in a dynamic entry
     */
    public Optional<Long> fileOffset(long address) {
        long offset = offsetOrMinusOne(address);
        return offset >= 0 ? Optional.of(offset) : Optional.empty();
    }

    private long offsetOrMinusOne(long address) {
        for (ProgramHeader p : loads) {
            if (p.containsInFile(address)) {
                long offset = p.offset() + (address - p.vaddr());
                return offset >= 0 ? offset : -1;
            }
        }
        return -1;
    }

    /**
     * Translates an address that must lie in the file.
     *
     * @param address   the virtual address
     * @param what      what it points to, e.g. {@code DT_STRTAB}
     * @param dynOffset the file offset of the dynamic entry that holds it, for the error
     * @return the file offset
     * @throws MalformedBinaryException if no {@code PT_LOAD} maps the address from the file
     */
    long requireFileOffset(long address, String what, long dynOffset) throws MalformedBinaryException {
        long offset = offsetOrMinusOne(address);
        if (offset < 0) {
            throw new MalformedBinaryException(dynOffset,
                    what + " address 0x" + Long.toHexString(address) + " is not inside any PT_LOAD segment's file bytes");
        }
        return offset;
    }
}
