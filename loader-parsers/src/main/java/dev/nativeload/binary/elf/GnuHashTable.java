package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;

/**
 * The GNU hash table ({@code DT_GNU_HASH}): a header, a Bloom filter, buckets, then one chain
 * word per hashed symbol whose low bit ends a chain. Symbols below {@code symoffset} are not
 * hashed. A chain is walked only inside the file and at most {@code maxSymbols} steps, so a
 * chain without its end bit raises an error instead of running on.
 */
final class GnuHashTable implements SymbolHash {
    private final BinaryData d;
    private final long offset;
    private final long nbuckets;
    private final long symoffset;
    private final long bloomWords;
    private final long bloomShift;
    private final int bloomWordSize;
    private final long buckets;
    private final long chains;
    private final long maxSymbols;

    private GnuHashTable(BinaryData d, long offset, long nbuckets, long symoffset, long bloomWords, long bloomShift,
                         int bloomWordSize, long maxSymbols) {
        this.d = d;
        this.offset = offset;
        this.nbuckets = nbuckets;
        this.symoffset = symoffset;
        this.bloomWords = bloomWords;
        this.bloomShift = bloomShift;
        this.bloomWordSize = bloomWordSize;
        this.buckets = offset + 16 + bloomWords * bloomWordSize;
        this.chains = buckets + 4 * nbuckets;
        this.maxSymbols = maxSymbols;
    }

    /**
     * @param maxSymbols the most symbols the symbol table can hold (the file size over the entry size)
     */
    static GnuHashTable read(BinaryData d, long offset, boolean wide, long maxSymbols) throws MalformedBinaryException {
        long nbuckets = d.u32(offset, "DT_GNU_HASH nbuckets");
        long symoffset = d.u32(offset + 4, "DT_GNU_HASH symoffset");
        long bloomWords = d.u32(offset + 8, "DT_GNU_HASH bloom size");
        long bloomShift = d.u32(offset + 12, "DT_GNU_HASH bloom shift");
        int bloomWordSize = wide ? 8 : 4;
        // Each count is below 2^32, so this size fits a long without overflow.
        d.check(offset, 16 + bloomWords * bloomWordSize + 4 * nbuckets, "DT_GNU_HASH header, bloom filter and buckets");
        if (symoffset > maxSymbols) {
            throw new MalformedBinaryException(offset + 4, "DT_GNU_HASH symoffset " + symoffset
                    + " is beyond the symbol table's possible size " + maxSymbols);
        }
        return new GnuHashTable(d, offset, nbuckets, symoffset, bloomWords, bloomShift, bloomWordSize, maxSymbols);
    }

    static long hash(byte[] name) {
        int h = 5381;
        for (byte b : name) {
            h = h * 33 + (b & 0xFF);
        }
        return Integer.toUnsignedLong(h);
    }

    @Override
    public long symbolCount() throws MalformedBinaryException {
        long last = 0;
        for (long i = 0; i < nbuckets; i++) {
            last = Math.max(last, d.u32(buckets + 4 * i, "DT_GNU_HASH bucket"));
        }
        if (last < symoffset) {
            return symoffset;
        }
        long index = last;
        while ((chain(index) & 1) == 0) {
            index++;
        }
        return index + 1;
    }

    private long chain(long index) throws MalformedBinaryException {
        if (index - symoffset >= maxSymbols) {
            throw new MalformedBinaryException(chains, "DT_GNU_HASH chain does not end within " + maxSymbols + " symbols");
        }
        return d.u32(chains + 4 * (index - symoffset), "DT_GNU_HASH chain");
    }

    private boolean bloomMayContain(long h) throws MalformedBinaryException {
        if (bloomWords == 0) {
            return true;
        }
        // A word is 32 or 64 bits: divide and take the rest by shifting and masking (this runs for every
        // object a name is looked up in). The word count is a power of two in every table ld writes, which
        // glibc relies on (it masks); any other count keeps the modulo.
        int log = bloomWordSize == 8 ? 6 : 5;
        long bitMask = (1L << log) - 1;
        long quotient = h >>> log;
        long slot = (bloomWords & (bloomWords - 1)) == 0 ? quotient & (bloomWords - 1) : quotient % bloomWords;
        long word = bloomWordSize == 8
                ? d.u64(offset + 16 + slot * 8, "DT_GNU_HASH bloom word")
                : d.u32(offset + 16 + slot * 4, "DT_GNU_HASH bloom word");
        long mask = (1L << (h & bitMask)) | (1L << ((h >>> (bloomShift & 0x3F)) & bitMask));
        return (word & mask) == mask;
    }

    @Override
    public boolean mayContain(LookupName name) throws MalformedBinaryException {
        return nbuckets != 0 && bloomMayContain(name.gnuHash());
    }

    @Override
    public void candidates(LookupName name, Candidate visitor) throws MalformedBinaryException {
        if (nbuckets == 0) {
            return;
        }
        long h = name.gnuHash();
        if (!bloomMayContain(h)) {
            return;
        }
        long index = d.u32(buckets + 4 * (h % nbuckets), "DT_GNU_HASH bucket");
        if (index == 0) {
            return;
        }
        if (index < symoffset) {
            throw new MalformedBinaryException(buckets, "DT_GNU_HASH bucket points to symbol " + index
                    + " below symoffset " + symoffset);
        }
        while (true) {
            long c = chain(index);
            if ((c | 1) == (h | 1) && visitor.accept(index)) {
                return;
            }
            if ((c & 1) != 0) {
                return;
            }
            index++;
        }
    }
}
