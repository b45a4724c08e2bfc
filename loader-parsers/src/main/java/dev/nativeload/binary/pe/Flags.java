package dev.nativeload.binary.pe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a bit set as its flag names, lowest bit first, unknown bits as hex. */
final class Flags {
    private Flags() {
    }

    static List<String> names(long value, Map<Long, String> table) {
        List<String> names = new ArrayList<>();
        long unknown = 0;
        for (int bit = 0; bit < 64; bit++) {
            long flag = 1L << bit;
            if ((value & flag) == 0) {
                continue;
            }
            String name = table.get(flag);
            if (name != null) {
                names.add(name);
            } else {
                unknown |= flag;
            }
        }
        if (unknown != 0) {
            names.add("0x" + Long.toHexString(unknown));
        }
        return List.copyOf(names);
    }
}
