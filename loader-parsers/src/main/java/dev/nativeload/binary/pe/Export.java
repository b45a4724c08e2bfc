package dev.nativeload.binary.pe;

import java.util.List;
import java.util.Optional;

/**
 * One entry of the export address table.
 *
 * @param ordinal   the export's ordinal (ordinal base plus its index in the address table)
 * @param names     the names that point at it, in name-table order; empty for an export by ordinal only
 * @param rva       the address table's value: the code or data RVA, or for a forwarder the RVA of its string
 * @param forwarder for a forwarder (an RVA inside the export directory), its target such as {@code NTDLL.RtlFoo}
 *                  or {@code NTDLL.#12}
 */
public record Export(long ordinal, List<String> names, long rva, Optional<String> forwarder) {
    /** Keeps an unmodifiable copy of the names. */
    public Export {
        names = List.copyOf(names);
    }

    /** {@return the export's first name, empty for an export by ordinal only} */
    public Optional<String> name() {
        return names.isEmpty() ? Optional.empty() : Optional.of(names.get(0));
    }

    /** {@return whether the loader resolves this export in another DLL} */
    public boolean isForwarder() {
        return forwarder.isPresent();
    }
}
