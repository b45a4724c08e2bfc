package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;

/**
 * The System V hash table ({@code DT_HASH}): {@code nbucket}, {@code nchain}, the buckets and
 * the chains. Its words are 4 bytes, except on 64-bit s390 and Alpha where they are 8.
 */
final class SysvHashTable implements SymbolHash {
    private final BinaryData d;
    private final long offset;
    private final int word;
    private final long nbucket;
    private final long nchain;

    private SysvHashTable(BinaryData d, long offset, int word, long nbucket, long nchain) {
        this.d = d;
        this.offset = offset;
        this.word = word;
        this.nbucket = nbucket;
        this.nchain = nchain;
    }

    static SysvHashTable read(BinaryData d, long offset, int word) throws MalformedBinaryException {
        long nbucket = read(d, offset, word, "DT_HASH nbucket");
        long nchain = read(d, offset + word, word, "DT_HASH nchain");
        if (nbucket < 0 || nchain < 0 || nbucket > d.size() || nchain > d.size()) {
            throw new MalformedBinaryException(offset, "DT_HASH counts nbucket " + nbucket + ", nchain " + nchain
                    + " exceed the file size");
        }
        // Both are at most the file size, so the product and sum stay far below overflow.
        d.check(offset, (2 + nbucket + nchain) * word, "DT_HASH table");
        return new SysvHashTable(d, offset, word, nbucket, nchain);
    }

    private static long read(BinaryData d, long at, int word, String what) throws MalformedBinaryException {
        return word == 8 ? d.u64(at, what) : d.u32(at, what);
    }

    static long hash(byte[] name) {
        long h = 0;
        for (byte b : name) {
            h = (h << 4) + (b & 0xFF);
            long g = h & 0xF0000000L;
            if (g != 0) {
                h ^= g >>> 24;
            }
            h &= ~g;
        }
        return h & 0xFFFFFFFFL;
    }

    @Override
    public long symbolCount() {
        return nchain;
    }

    @Override
    public boolean mayContain(LookupName name) {
        return nbucket != 0;
    }

    @Override
    public void candidates(LookupName name, Candidate visitor) throws MalformedBinaryException {
        if (nbucket == 0) {
            return;
        }
        long index = read(d, offset + (2 + name.sysvHash() % nbucket) * word, word, "DT_HASH bucket");
        for (long steps = 0; index != 0; steps++) {
            if (index < 0 || index >= nchain) {
                throw new MalformedBinaryException(offset, "DT_HASH chain points to symbol " + index
                        + " outside the table of " + nchain);
            }
            if (steps > nchain) {
                throw new MalformedBinaryException(offset, "DT_HASH chain loops (more than nchain " + nchain + " steps)");
            }
            if (visitor.accept(index)) {
                return;
            }
            index = read(d, offset + (2 + nbucket + index) * word, word, "DT_HASH chain");
        }
    }
}
