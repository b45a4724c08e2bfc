package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.List;

/** The load commands llvm-objdump --macho --private-headers prints for one image. */
record MachOLoadCommands(List<String> dylibs, List<String> rpaths, String installName, String dylinker) {
    private static final List<String> DYLIB_COMMANDS = List.of("LC_LOAD_DYLIB", "LC_LOAD_WEAK_DYLIB",
            "LC_REEXPORT_DYLIB", "LC_LAZY_LOAD_DYLIB", "LC_LOAD_UPWARD_DYLIB");

    /** Splits the output at each "Mach header" and reads the name or path under each command. */
    static List<MachOLoadCommands> parse(String objdump) {
        List<MachOLoadCommands> images = new ArrayList<>();
        List<String> dylibs = null;
        List<String> rpaths = null;
        String[] single = new String[2];
        String command = null;
        for (String raw : objdump.lines().toList()) {
            String line = raw.strip();
            if (line.equals("Mach header")) {
                if (dylibs != null) {
                    images.add(new MachOLoadCommands(dylibs, rpaths, single[0], single[1]));
                }
                dylibs = new ArrayList<>();
                rpaths = new ArrayList<>();
                single = new String[2];
                command = null;
            } else if (line.startsWith("cmd ")) {
                command = line.substring(4);
            } else if (command != null && (line.startsWith("name ") || line.startsWith("path "))) {
                String value = line.substring(5, line.lastIndexOf(" (offset "));
                if (DYLIB_COMMANDS.contains(command)) {
                    dylibs.add(value);
                } else if (command.equals("LC_RPATH")) {
                    rpaths.add(value);
                } else if (command.equals("LC_ID_DYLIB")) {
                    single[0] = value;
                } else if (command.equals("LC_LOAD_DYLINKER")) {
                    single[1] = value;
                }
                command = null;
            }
        }
        if (dylibs != null) {
            images.add(new MachOLoadCommands(dylibs, rpaths, single[0], single[1]));
        }
        return images;
    }
}
