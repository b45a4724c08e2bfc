package dev.nativeload.cli;

import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfSymbol;
import dev.nativeload.binary.macho.MachOExport;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.binary.pe.Export;
import dev.nativeload.binary.pe.PeFile;
import java.util.HashSet;
import java.util.Set;

/**
 * What a native exports for the JVM to bind: its {@code Java_*} functions, and whether it has {@code JNI_OnLoad}
 * (then it may register its methods itself with {@code RegisterNatives}, under any names).
 *
 * @param javaSymbols every exported name starting with {@code Java_}, without a platform's decoration
 * @param onLoad      whether it exports {@code JNI_OnLoad}
 */
record JniExports(Set<String> javaSymbols, boolean onLoad) {
    private static final String PREFIX = "Java_";
    private static final String ON_LOAD = "JNI_OnLoad";

    JniExports {
        javaSymbols = Set.copyOf(javaSymbols);
    }

    /**
     * {@return what an image exports to the JVM}: for Mach-O its export trie (or, in old images, its symbol
     * table), C names without their leading underscore
     *
     * @param image the image the target loads
     * @throws MalformedBinaryException if its symbol or export table is malformed
     */
    static JniExports of(BinaryImage image) throws MalformedBinaryException {
        return switch (image) {
            case ElfFile elf -> ofElf(elf);
            case PeFile pe -> ofPe(pe);
            case MachOFile macho -> ofMachO(macho);
        };
    }

    private static JniExports ofElf(ElfFile elf) throws MalformedBinaryException {
        Set<String> names = new HashSet<>();
        boolean onLoad = false;
        for (ElfSymbol s : elf.dynamicSymbols()) {
            boolean global = s.binding() == ElfSymbol.STB_GLOBAL || s.binding() == ElfSymbol.STB_WEAK;
            // STV_DEFAULT (0) and STV_PROTECTED (3) are visible to dlsym; hidden and internal are not.
            boolean visible = s.visibility() == 0 || s.visibility() == 3;
            if (!s.isDefined() || !global || !visible) {
                continue;
            }
            onLoad |= s.name().equals(ON_LOAD);
            if (s.name().startsWith(PREFIX)) {
                names.add(s.name());
            }
        }
        return new JniExports(names, onLoad);
    }

    /** dyld's {@code dlsym} prefixes the C name with {@code _}; a re-export is found through the image too. */
    private static JniExports ofMachO(MachOFile macho) throws MalformedBinaryException {
        Set<String> names = new HashSet<>();
        boolean onLoad = false;
        for (MachOExport e : macho.exports()) {
            if (!e.name().startsWith("_")) {
                continue;
            }
            String name = e.name().substring(1);
            onLoad |= name.equals(ON_LOAD);
            if (name.startsWith(PREFIX)) {
                names.add(name);
            }
        }
        return new JniExports(names, onLoad);
    }

    private static JniExports ofPe(PeFile pe) {
        Set<String> names = new HashSet<>();
        boolean onLoad = false;
        for (Export e : pe.exports().map(d -> d.exports()).orElse(java.util.List.of())) {
            if (e.isForwarder()) {
                continue;
            }
            for (String raw : e.names()) {
                String name = undecorated(raw);
                onLoad |= name.equals(ON_LOAD);
                if (name.startsWith(PREFIX)) {
                    names.add(name);
                }
            }
        }
        return new JniExports(names, onLoad);
    }

    /**
     * {@return a 32-bit Windows {@code __stdcall} export name without its decoration}: the JVM looks up
     * {@code _Java_p_C_m@8} as well as {@code Java_p_C_m}, and some DLLs export only the decorated form
     *
     * @param name the export name as the DLL records it
     */
    static String undecorated(String name) {
        String n = name.startsWith("_Java_") || name.startsWith("_JNI_OnLoad") ? name.substring(1) : name;
        int at = n.lastIndexOf('@');
        if (at > 0 && at < n.length() - 1 && n.substring(at + 1).chars().allMatch(Character::isDigit)) {
            n = n.substring(0, at);
        }
        return n;
    }

    /**
     * {@return whether a JNI symbol name is exported}
     *
     * @param symbol the name as {@link JniNames} makes it
     */
    boolean exports(String symbol) {
        return javaSymbols.contains(symbol);
    }
}
