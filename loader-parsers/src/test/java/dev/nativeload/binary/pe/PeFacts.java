package dev.nativeload.binary.pe;

import java.util.ArrayList;
import java.util.List;

/**
 * The facts the differential test compares, as canonical lines. {@link Readobj} writes the same
 * lines from llvm-readobj's output, so a disagreement shows as the first differing line.
 */
final class PeFacts {
    private PeFacts() {
    }

    static String function(ImportedFunction f) {
        return switch (f) {
            case ImportedFunction.ByName n -> n.name() + "@" + n.hint();
            case ImportedFunction.ByOrdinal o -> "#" + o.ordinal();
        };
    }

    static List<String> of(PeFile pe) {
        List<String> lines = new ArrayList<>();
        lines.add("machine 0x" + Integer.toHexString(pe.machine().value()));
        lines.add("characteristics 0x" + Integer.toHexString(pe.coffHeader().characteristics().value()));
        pe.optionalHeader().ifPresent(o -> {
            lines.add("magic " + (o.pe32Plus() ? "PE32+" : "PE32"));
            lines.add("imagebase 0x" + Long.toHexString(o.imageBase()));
            lines.add("subsystem " + o.subsystem().value());
            lines.add("dllcharacteristics 0x" + Integer.toHexString(o.dllCharacteristics().value()));
        });
        for (Section s : pe.sections()) {
            lines.add(section(s.name(), s.virtualAddress(), s.virtualSize(), s.sizeOfRawData(), s.pointerToRawData(),
                    s.characteristics()));
        }
        for (ImportedDll dll : pe.imports()) {
            lines.add("import " + dll.name());
            dll.functions().forEach(f -> lines.add("import " + dll.name() + " fn " + function(f)));
        }
        for (DelayImportedDll dll : pe.delayImports()) {
            lines.add("delay " + dll.name());
            dll.functions().forEach(f -> lines.add("delay " + dll.name() + " fn " + function(f)));
        }
        pe.exports().ifPresent(dir -> dir.exports().forEach(e -> lines.add(export(e.ordinal(),
                e.name().orElse(""), e.rva(), e.isForwarder()))));
        return lines;
    }

    static String section(String name, long va, long vsize, long rawSize, long rawPointer, long flags) {
        return "section " + name + " va=0x" + Long.toHexString(va) + " vsize=0x" + Long.toHexString(vsize)
                + " raw=0x" + Long.toHexString(rawSize) + "@0x" + Long.toHexString(rawPointer)
                + " flags=0x" + Long.toHexString(flags);
    }

    static String export(long ordinal, String name, long rva, boolean forwarder) {
        return "export " + ordinal + " " + (name.isEmpty() ? "-" : name) + " 0x" + Long.toHexString(rva)
                + (forwarder ? " forwarder" : "");
    }
}
