package dev.nativeload.binary.macho;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.testing.JarNatives;
import dev.nativeload.binary.testing.TestData;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential test: every Mach-O fixture and every Mach-O inside the third-party jars, read by this
 * parser and by {@code llvm-objdump --macho --private-headers --universal-headers --arch=all}; per
 * slice the CPU type, file type, ncmds, sizeofcmds, the sequence of load commands and the fields of
 * the dylib, rpath, build-version, version-min, UUID, segment, dylinker and LC_MAIN commands must
 * agree, as must the fat header entries. {@code llvm-readobj --needed-libs} checks the summary's
 * architecture and, as a sorted set, its install name and needed libraries.
 */
class MachODifferentialTest {
    private static final Map<CpuType, String> OBJDUMP_CPU = Map.of(CpuType.X86_64, "X86_64", CpuType.X86, "I386",
            CpuType.ARM64, "ARM64", CpuType.ARM, "ARM", CpuType.ARM64_32, "ARM64_32", CpuType.POWERPC, "PPC",
            CpuType.POWERPC64, "PPC64");
    /** llvm-readobj prints LLVM triple architecture names; only arm64_32 differs from ours. */
    private static final Map<String, String> READOBJ_ARCH = Map.of("arm64_32", "aarch64_32");

    @Test
    void parserAgreesWithLlvmObjdumpOnEveryFixtureAndJarNative() throws Exception {
        Path tool = Objdump.find().orElse(null);
        Path readobj = Readobj.find().orElse(null);
        Assumptions.assumeTrue(tool != null && readobj != null, "llvm-objdump and llvm-readobj not on PATH");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(TestData.path("macho"))) {
            walk.filter(Files::isRegularFile).filter(MachODifferentialTest::isMachO).sorted().forEach(files::add);
        }
        int fixtures = files.size();
        JarNatives.all().stream()
                .filter(e -> e.entry().endsWith(".dylib") || e.entry().endsWith(".jnilib"))
                .map(JarNatives.Entry::file).forEach(files::add);
        List<String> disagreements = new ArrayList<>();
        int agree = 0;
        int slices = 0;
        for (Path file : files) {
            List<String> diffs = new ArrayList<>();
            try {
                slices += compare(file, Objdump.run(tool, file), Readobj.run(readobj, file), diffs);
            } catch (MalformedBinaryException e) {
                diffs.add("parser rejected what llvm-objdump read: " + e.getMessage());
            }
            if (diffs.isEmpty()) {
                agree++;
            } else {
                disagreements.add(file.getFileName() + ": " + diffs);
            }
        }
        System.out.printf("Mach-O differential: %d/%d files agree (%d fixtures, %d jar natives, %d images)%n",
                agree, files.size(), fixtures, files.size() - fixtures, slices);
        assertTrue(fixtures >= 10 && files.size() > fixtures, "fixtures and jar natives were found");
        assertEquals(List.of(), disagreements);
    }

    private static boolean isMachO(Path p) {
        String n = p.getFileName().toString();
        return !n.endsWith(".c") && !n.endsWith(".sh") && !n.endsWith(".txt");
    }

    private static int compare(Path file, Objdump.Output ref, List<Readobj.Image> readobj, List<String> diffs)
            throws IOException, MalformedBinaryException {
        BinaryData data = BinaryData.map(file);
        long magic = data.withOrder(ByteOrder.BIG_ENDIAN).u32(0, "magic");
        List<MachOFile> images = new ArrayList<>();
        if (magic == FatMachOFile.MAGIC || magic == FatMachOFile.MAGIC_64) {
            FatMachOFile fat = FatMachOFile.read(data);
            List<Objdump.FatArch> mine = fat.slices().stream()
                    .map(s -> new Objdump.FatArch(s.cpuSubtype().archName(), s.offset(), s.size(), s.align())).toList();
            check(diffs, "fat headers", ref.fatArchs(), mine);
            fat.slices().forEach(s -> images.add(s.image()));
        } else {
            check(diffs, "fat headers", ref.fatArchs(), List.of());
            images.add(MachOFile.read(data));
        }
        check(diffs, "image count", ref.images().size(), images.size());
        for (int i = 0; i < Math.min(images.size(), ref.images().size()); i++) {
            compareImage("image " + i + ": ", images.get(i), ref.images().get(i), diffs);
        }
        check(diffs, "llvm-readobj image count", readobj.size(), images.size());
        for (int i = 0; i < Math.min(images.size(), readobj.size()); i++) {
            MachOFile image = images.get(i);
            String arch = image.summary().architecture().name();
            check(diffs, "image " + i + ": llvm-readobj arch", readobj.get(i).arch(), READOBJ_ARCH.getOrDefault(arch, arch));
            List<String> names = new ArrayList<>(image.summary().needed());
            image.summary().soname().ifPresent(names::add);
            names.sort(null);
            check(diffs, "image " + i + ": llvm-readobj needed libs (sorted, id included)", readobj.get(i).needed(), names);
        }
        return images.size();
    }

    private static void compareImage(String at, MachOFile image, Objdump.Image ref, List<String> diffs) {
        MachHeader h = image.header();
        List<String> cols = ref.header();
        check(diffs, at + "magic", cols.get(0), h.is64() ? "MH_MAGIC_64" : "MH_MAGIC");
        check(diffs, at + "cputype", cols.get(1), OBJDUMP_CPU.getOrDefault(h.cpuType(), h.cpuType().name()));
        check(diffs, at + "filetype", cols.get(4), h.fileType().name());
        check(diffs, at + "ncmds", cols.get(5), Long.toString(h.commandCount()));
        check(diffs, at + "sizeofcmds", cols.get(6), Long.toString(h.commandsSize()));
        int caps = h.cpuSubtype().capabilities();
        check(diffs, at + "caps", cols.get(3), caps == 0x80 ? "LIB64" : String.format("0x%02x", caps));
        check(diffs, at + "flags", cols.subList(7, cols.size()), h.flags().names());
        List<LoadCommand> mine = image.loadCommands();
        check(diffs, at + "load command count", ref.commands().size(), mine.size());
        for (int i = 0; i < Math.min(mine.size(), ref.commands().size()); i++) {
            compareCommand(at + "load command " + i + " ", mine.get(i), ref.commands().get(i), diffs);
        }
    }

    private static void compareCommand(String at, LoadCommand mine, Objdump.Command ref, List<String> diffs) {
        Map<String, String> f = ref.fields();
        if (ref.name().startsWith("LC_")) {
            check(diffs, at + "cmd", ref.name(), mine.type().name());
        }
        check(diffs, at + "cmdsize", f.get("cmdsize"), Long.toString(mine.size()));
        switch (mine) {
            case LoadCommand.Dylib d -> {
                check(diffs, at + "name", stripOffset(f.get("name")), d.name());
                check(diffs, at + "current version", f.get("current version"), d.currentVersion().toString());
                check(diffs, at + "compatibility version", f.get("compatibility version"), d.compatibilityVersion().toString());
            }
            case LoadCommand.Rpath r -> check(diffs, at + "path", stripOffset(f.get("path")), r.path());
            case LoadCommand.Dylinker d -> check(diffs, at + "name", stripOffset(f.get("name")), d.name());
            case LoadCommand.BuildVersion b -> {
                check(diffs, at + "platform", f.get("platform").toLowerCase(Locale.ROOT), b.platform().name().toLowerCase(Locale.ROOT));
                check(diffs, at + "minos", f.get("minos"), objdumpVersion(b.minOs(), false));
                check(diffs, at + "sdk", f.get("sdk"), objdumpVersion(b.sdk(), true));
                check(diffs, at + "ntools", f.get("ntools"), Integer.toString(b.tools().size()));
            }
            case LoadCommand.VersionMin v -> {
                check(diffs, at + "version", f.get("version"), objdumpVersion(v.minOs(), false));
                check(diffs, at + "sdk", f.get("sdk"), objdumpVersion(v.sdk(), true));
            }
            case LoadCommand.Uuid u -> check(diffs, at + "uuid", f.get("uuid"), u.uuid().toString().toUpperCase(Locale.ROOT));
            case LoadCommand.Segment s -> {
                check(diffs, at + "segname", Objects.requireNonNullElse(f.get("segname"), ""), s.name());
                check(diffs, at + "vmaddr", Long.parseUnsignedLong(f.get("vmaddr").substring(2), 16), s.vmAddress());
                check(diffs, at + "vmsize", Long.parseUnsignedLong(f.get("vmsize").substring(2), 16), s.vmSize());
                check(diffs, at + "fileoff", f.get("fileoff"), Long.toUnsignedString(s.fileOffset()));
                check(diffs, at + "filesize", f.get("filesize"), Long.toUnsignedString(s.fileSize()));
                check(diffs, at + "nsects", f.get("nsects"), Long.toString(s.sectionCount()));
            }
            case LoadCommand.EntryPoint e -> {
                check(diffs, at + "entryoff", f.get("entryoff"), Long.toUnsignedString(e.entryOffset()));
                check(diffs, at + "stacksize", f.get("stacksize"), Long.toUnsignedString(e.stackSize()));
            }
            case LoadCommand.Unknown u -> {
            }
        }
    }

    /** objdump prints "name (offset 24)". */
    private static String stripOffset(String value) {
        if (value == null) {
            return null;
        }
        int i = value.lastIndexOf(" (offset ");
        return i < 0 ? value : value.substring(0, i);
    }

    /** objdump prints build and min-OS versions as X.Y, or X.Y.Z when Z is not 0, and an SDK of 0 as n/a. */
    private static String objdumpVersion(MachOVersion v, boolean naWhenZero) {
        if (naWhenZero && v.packed() == 0) {
            return "n/a";
        }
        return v.major() + "." + v.minor() + (v.patch() != 0 ? "." + v.patch() : "");
    }

    private static void check(List<String> diffs, String what, Object reference, Object mine) {
        if (!Objects.equals(reference, mine)) {
            diffs.add(what + ": llvm-objdump " + reference + ", parser " + mine);
        }
    }
}
