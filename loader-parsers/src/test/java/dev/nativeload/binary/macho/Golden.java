package dev.nativeload.binary.macho;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden facts file {@code testdata/macho/expected.txt}: lines {@code <file>[#<arch>] <key> <value...>},
 * grouped here by subject ({@code file} or {@code file#arch}) and key, values in file order.
 */
final class Golden {
    private Golden() {
    }

    /** {@return subject → key → values, in file order} @param file the golden file */
    static Map<String, Map<String, List<String>>> read(Path file) {
        Map<String, Map<String, List<String>>> facts = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ", 3);
                if (parts.length < 3) {
                    throw new IllegalArgumentException("bad golden line: " + line);
                }
                facts.computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
                        .computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return facts;
    }

    /** {@return the facts this test suite states about one image, keyed like the golden file} @param image the image */
    static Map<String, List<String>> factsOf(MachOFile image) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        var summary = image.summary();
        put(facts, "cpu", image.header().cpuSubtype().archName());
        put(facts, "arch", summary.architecture().name());
        put(facts, "bits", Integer.toString(summary.bits()));
        put(facts, "order", summary.byteOrder().toString());
        put(facts, "filetype", summary.fileType());
        put(facts, "ncmds", Long.toString(image.header().commandCount()));
        put(facts, "flags", String.join(" ", image.header().flags().names()));
        image.id().ifPresent(d -> put(facts, "id", d.name() + " " + d.currentVersion() + " " + d.compatibilityVersion()));
        for (LoadCommand.Dylib d : image.dependencies()) {
            put(facts, "dylib", d.kind() + " " + d.name() + " " + d.currentVersion() + " " + d.compatibilityVersion());
        }
        image.rpaths().forEach(r -> put(facts, "rpath", r));
        image.platform().ifPresent(p -> put(facts, "platform", p.name()));
        image.minOs().ifPresent(v -> put(facts, "minos", v.toString()));
        image.sdk().ifPresent(v -> put(facts, "sdk", v.toString()));
        image.uuid().ifPresent(u -> put(facts, "uuid", u.toString().toUpperCase(java.util.Locale.ROOT)));
        put(facts, "os", summary.os().name());
        image.dylinker().ifPresent(d -> put(facts, "dylinker", d));
        image.entryPoint().ifPresent(e -> put(facts, "entry", "yes"));
        return facts;
    }

    static void put(Map<String, List<String>> facts, String key, String value) {
        facts.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
