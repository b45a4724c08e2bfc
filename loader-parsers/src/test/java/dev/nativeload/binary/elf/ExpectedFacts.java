package dev.nativeload.binary.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads testdata/elf/expected.txt: blocks of "key value" lines, one block per fixture. */
final class ExpectedFacts {
    /** One fixture's block; keys may repeat (verneed, symbol, nosymbol), so values are lists. */
    record Block(String file, Map<String, List<String>> values) {
        String one(String key) {
            List<String> v = values.getOrDefault(key, List.of());
            if (v.size() != 1) {
                throw new IllegalStateException(file + ": expected one '" + key + "' line, found " + v.size());
            }
            return v.get(0);
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }

        /** A space-separated list, "-" meaning empty. */
        List<String> list(String key) {
            String v = one(key);
            return v.equals("-") ? List.of() : List.of(v.split(" "));
        }

        /** A single value, "-" meaning absent (null). */
        String optional(String key) {
            String v = one(key);
            return v.equals("-") ? null : v;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private ExpectedFacts() {
    }

    static List<Block> read(Path file) throws IOException {
        List<Block> blocks = new ArrayList<>();
        Map<String, List<String>> current = null;
        String name = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (current != null) {
                    blocks.add(new Block(name, current));
                    current = null;
                }
                continue;
            }
            int space = line.indexOf(' ');
            String key = space < 0 ? line : line.substring(0, space);
            String value = space < 0 ? "" : line.substring(space + 1);
            if (key.equals("file")) {
                name = value;
                current = new LinkedHashMap<>();
                continue;
            }
            if (current == null) {
                throw new IllegalStateException("expected.txt: '" + line + "' outside a block");
            }
            current.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        if (current != null) {
            blocks.add(new Block(name, current));
        }
        return blocks;
    }
}
