package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.binary.BinaryData;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Import and export tables written by {@link PeBuilder} from random contents read back exactly. */
class PeTableRoundTripProperties {

    @Provide
    Arbitrary<ImportedFunction> functions() {
        Arbitrary<ImportedFunction> byName = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'z').ofMinLength(1).ofMaxLength(40),
                Arbitraries.integers().between(0, 0xffff)).as(ImportedFunction.ByName::new);
        Arbitrary<ImportedFunction> byOrdinal = Arbitraries.integers().between(1, 0xffff).map(ImportedFunction.ByOrdinal::new);
        return Arbitraries.oneOf(byName, byOrdinal);
    }

    @Provide
    Arbitrary<List<ImportedDll>> dlls() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(n -> n + ".dll");
        Arbitrary<ImportedDll> dll = Combinators.combine(names, functions().list().ofMaxSize(12)).as(ImportedDll::new);
        return dll.list().ofMaxSize(8);
    }

    @Property(tries = 300)
    void importTablesReadBackInOrderWithNamesHintsAndOrdinals(@ForAll boolean pe32Plus,
                                                              @ForAll("dlls") List<ImportedDll> dlls) throws Exception {
        PeBuilder b = new PeBuilder(pe32Plus, 0x4000);
        List<Long> descriptors = new ArrayList<>();
        for (ImportedDll dll : dlls) {
            int name = b.string(dll.name());
            long[] thunks = new long[dll.functions().size() + 1];
            for (int i = 0; i < dll.functions().size(); i++) {
                thunks[i] = switch (dll.functions().get(i)) {
                    case ImportedFunction.ByName n -> b.hintName(n.hint(), n.name());
                    case ImportedFunction.ByOrdinal o -> b.ordinalFlag() | o.ordinal();
                };
            }
            int lookup = b.thunks(thunks);
            int iat = b.thunks(thunks);
            descriptors.addAll(List.of((long) lookup, 0L, 0L, (long) name, (long) iat));
        }
        descriptors.addAll(List.of(0L, 0L, 0L, 0L, 0L));
        int table = b.words(descriptors.stream().mapToLong(Long::longValue).toArray());
        b.directory(DataDirectory.IMPORT, table, descriptors.size() * 4L);
        PeFile pe = PeFile.read(BinaryData.of(b.build(), ByteOrder.LITTLE_ENDIAN));
        assertEquals(dlls, pe.imports());
        assertEquals(dlls.stream().map(ImportedDll::name).toList(), pe.summary().needed());
    }

    @Property(tries = 300)
    void exportTablesReadBackWithOrdinalsNamesAndForwarders(
            @ForAll boolean pe32Plus,
            @ForAll @IntRange(min = 1, max = 1000) int base,
            @ForAll @Size(max = 20) List<@IntRange(min = 0, max = 3) Integer> kinds) throws Exception {
        // kind per address-table slot: 0 unused, 1 by ordinal only, 2 named, 3 named forwarder
        PeBuilder b = new PeBuilder(pe32Plus, 0x4000);
        int dirRva = b.words(new long[10]);
        int dllName = b.string("lib.dll");
        TreeMap<String, Integer> names = new TreeMap<>();
        List<Export> expected = new ArrayList<>();
        long[] addresses = new long[kinds.size()];
        for (int i = 0; i < kinds.size(); i++) {
            int kind = kinds.get(i);
            String name = "f" + i;
            if (kind == 0) {
                continue;
            }
            if (kind == 3) {
                String target = "OTHER.g" + i;
                addresses[i] = b.string(target);
                expected.add(new Export(base + i, List.of(name), addresses[i], java.util.Optional.of(target)));
            } else {
                addresses[i] = 0x10_0000L + 16L * i;
                expected.add(new Export(base + i, kind == 2 ? List.of(name) : List.of(), addresses[i], java.util.Optional.empty()));
            }
            if (kind >= 2) {
                names.put(name, i);
            }
        }
        int dirEnd = b.nextRva();
        int eat = b.words(addresses);
        long[] namePointers = new long[names.size()];
        int[] ordinals = new int[names.size()];
        int k = 0;
        for (var e : names.entrySet()) {
            namePointers[k] = b.string(e.getKey());
            ordinals[k++] = e.getValue();
        }
        int npt = b.words(namePointers);
        int ot = b.halves(ordinals);
        byte[] bytes = b.directory(DataDirectory.EXPORT, dirRva, dirEnd - dirRva).build();
        java.nio.ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(PeBuilder.SECTION_FILE_OFFSET + 12, dllName).putInt(PeBuilder.SECTION_FILE_OFFSET + 16, base)
                .putInt(PeBuilder.SECTION_FILE_OFFSET + 20, kinds.size()).putInt(PeBuilder.SECTION_FILE_OFFSET + 24, names.size())
                .putInt(PeBuilder.SECTION_FILE_OFFSET + 28, eat).putInt(PeBuilder.SECTION_FILE_OFFSET + 32, npt)
                .putInt(PeBuilder.SECTION_FILE_OFFSET + 36, ot);
        PeFile pe = PeFile.read(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
        ExportDirectory dir = pe.exports().orElseThrow();
        assertEquals(java.util.Optional.of("lib.dll"), dir.dllName());
        assertEquals(base, dir.ordinalBase());
        assertEquals(expected, dir.exports());
        assertEquals(java.util.Optional.of("lib.dll"), pe.summary().soname());
    }
}
