package dev.nativeload.binary.elf;

import dev.nativeload.binary.MalformedBinaryException;

/** A dynamic symbol hash table: tells how many symbols there are and which ones may carry a name. */
sealed interface SymbolHash permits GnuHashTable, SysvHashTable {
    /** Receives candidate symbol indexes; returns true to stop the walk. */
    @FunctionalInterface
    interface Candidate {
        boolean accept(long index) throws MalformedBinaryException;
    }

    /** {@return the number of entries in the dynamic symbol table, as the hash table implies} */
    long symbolCount() throws MalformedBinaryException;

    /**
     * {@return false when the table shows at once that no symbol has this name (the GNU Bloom filter),
     * true when its chain has to be walked to tell}
     *
     * @param name the name, with its hashes
     * @throws MalformedBinaryException if the filter lies outside the file
     */
    boolean mayContain(LookupName name) throws MalformedBinaryException;

    /**
     * Walks the hash chain for a name, offering each index whose hash matches, until the visitor stops it.
     *
     * @param name    the name, with its hashes
     * @param visitor called per candidate
     * @throws MalformedBinaryException if the table is broken (out of range, a chain that does not end)
     */
    void candidates(LookupName name, Candidate visitor) throws MalformedBinaryException;
}
