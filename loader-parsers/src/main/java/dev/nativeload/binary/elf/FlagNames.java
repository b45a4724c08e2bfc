package dev.nativeload.binary.elf;

import java.util.ArrayList;
import java.util.List;

/** Decodes a bit set into names, one per set bit, hex for bits past the table. */
final class FlagNames {
    private FlagNames() {
    }

    static List<String> decode(long bits, String[] names) {
        List<String> result = new ArrayList<>();
        for (int bit = 0; bit < 64; bit++) {
            long mask = 1L << bit;
            if ((bits & mask) != 0) {
                result.add(bit < names.length ? names[bit] : "0x" + Long.toHexString(mask));
            }
        }
        return List.copyOf(result);
    }
}
