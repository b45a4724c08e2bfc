package dev.nativeload.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The facts {@code verify} checks, per ELF fixture, read from {@code testdata/elf/expected.txt}.
 *
 * @param file          the fixture's file name
 * @param arch          its architecture
 * @param libc          its C library flavour
 * @param needed        DT_NEEDED names
 * @param searchPaths   RPATH and RUNPATH entries (split on ':', empty elements kept)
 * @param glibcVersions the {@code x.y} of every {@code GLIBC_x.y} version it needs
 */
record ElfFacts(String file, String arch, String libc, List<String> needed, List<String> searchPaths,
                List<String> glibcVersions) {

    static List<ElfFacts> read(Path expected) throws IOException {
        List<ElfFacts> out = new ArrayList<>();
        String[] blocks = Files.readString(expected).split("\\n\\s*\\n");
        for (String block : blocks) {
            String file = null;
            String arch = null;
            String libc = null;
            List<String> needed = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            List<String> glibc = new ArrayList<>();
            for (String line : block.lines().toList()) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split(" ", 2);
                String value = kv.length > 1 ? kv[1] : "";
                switch (kv[0]) {
                    case "file" -> file = value;
                    case "arch" -> arch = value;
                    case "libc" -> libc = value;
                    case "needed" -> {
                        if (!value.equals("-")) {
                            needed.addAll(Arrays.asList(value.split(" ")));
                        }
                    }
                    case "rpath", "runpath" -> {
                        if (!value.equals("-")) {
                            paths.addAll(Arrays.asList(value.split(":", -1)));
                        }
                    }
                    case "verneed" -> Arrays.stream(value.split(" ")).skip(1)
                            .filter(v -> v.startsWith("GLIBC_") && !v.equals("GLIBC_PRIVATE"))
                            .forEach(v -> glibc.add(v.substring("GLIBC_".length())));
                    default -> {
                    }
                }
            }
            if (file != null) {
                out.add(new ElfFacts(file, arch, libc, needed, paths, glibc));
            }
        }
        return out;
    }
}
