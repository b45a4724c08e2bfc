package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.ffm.fixtures.Toolchain;
import dev.nativeload.ffm.generated.posix.dlfcn_h;
import dev.nativeload.ffm.generated.posix.link_map;
import dev.nativeload.ffm.generated.posix.unistd_h;
import dev.nativeload.ffm.generated.windows._SYSTEM_INFO;
import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layouts, constants and signatures the bindings use are jextract's, generated from each
 * platform's real headers by {@code scripts/jextract.sh} into {@code dev.nativeload.ffm.generated}:
 * the statvfs struct chosen for each C library and architecture is the one generated for it, the
 * Linux constants are the generated ones, and the calls that add call-state capture keep the
 * generated signature. The generated struct layouts are also checked against each installed
 * toolchain's C compiler ({@code _Static_assert}s on every offset and size), which catches a wrong
 * post-processing step for a target whose C {@code long} is 32 bits.
 *
 * <p>Nothing here needs jextract: the generated files are committed. The macOS values
 * ({@link Dlfcn.Flags#DARWIN}, {@link Statvfs.Layout#DARWIN_STATFS}) have no header here.
 */
class CHeaderAgreementTest {
    private static final Path GENERATED = Path.of("src/main/java/dev/nativeload/ffm/generated");

    /** C library, architecture, word size, the layout generated for it, and the cross compiler of that target. */
    static Stream<Arguments> statvfsTargets() {
        return Stream.of(
                Arguments.of(LibcFlavor.GLIBC, Architecture.X86_64, 8,
                        dev.nativeload.ffm.generated.statvfs.x86_64.statvfs.layout(), "gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.AARCH64, 8,
                        dev.nativeload.ffm.generated.statvfs.aarch64.statvfs.layout(), "aarch64-linux-gnu-gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.RISCV64, 8,
                        dev.nativeload.ffm.generated.statvfs.riscv64.statvfs.layout(), "riscv64-linux-gnu-gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.S390X, 8,
                        dev.nativeload.ffm.generated.statvfs.s390x.statvfs.layout(), "s390x-linux-gnu-gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.PPC64LE, 8,
                        dev.nativeload.ffm.generated.statvfs.ppc64le.statvfs.layout(), "powerpc64le-linux-gnu-gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.X86, 4,
                        dev.nativeload.ffm.generated.statvfs.i686.statvfs.layout(), "i686-linux-gnu-gcc"),
                Arguments.of(LibcFlavor.GLIBC, Architecture.ARM, 4,
                        dev.nativeload.ffm.generated.statvfs.armhf.statvfs.layout(), "arm-linux-gnueabihf-gcc"),
                Arguments.of(LibcFlavor.MUSL, Architecture.X86_64, 8,
                        dev.nativeload.ffm.generated.statvfs.musl_x86_64.statvfs.layout(), "musl-gcc"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("statvfsTargets")
    void statvfsLayoutChosenForEachLibcAndArchitectureIsTheOneGeneratedForIt(LibcFlavor libc, Architecture arch,
                                                                           int pointerBytes, GroupLayout generated,
                                                                           String compiler) {
        Statvfs.Layout chosen = Statvfs.Layout.forHost(TargetOs.LINUX, libc, arch, pointerBytes).orElseThrow();
        assertEquals(generated, chosen.struct(), chosen.abi());
        assertEquals("f_flag", chosen.flagField());
    }

    @Test
    void thirtyTwoBitTargetsLayStatvfsOutWithFourByteLongs() {
        // The post-processing step of scripts/jextract.sh: C long is 32 bits on i686 and armhf.
        for (GroupLayout l : List.of(dev.nativeload.ffm.generated.statvfs.i686.statvfs.layout(),
                dev.nativeload.ffm.generated.statvfs.armhf.statvfs.layout())) {
            assertEquals(72, l.byteSize(), l.toString());
            assertEquals(40, l.byteOffset(MemoryLayout.PathElement.groupElement("f_flag")), l.toString());
            assertEquals(4, l.select(MemoryLayout.PathElement.groupElement("f_flag")).byteSize());
        }
        GroupLayout lp64 = dev.nativeload.ffm.generated.statvfs.x86_64.statvfs.layout();
        assertEquals(112, lp64.byteSize());
        assertEquals(72, lp64.byteOffset(MemoryLayout.PathElement.groupElement("f_flag")));
    }

    @Test
    void architecturesWithoutAGeneratedStructUseTheGeneratedGenericStructOfTheirWordSize() {
        assertEquals(dev.nativeload.ffm.generated.statvfs.x86_64.statvfs.layout(), Statvfs.Layout.forHost(
                TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.LOONGARCH64, 8).orElseThrow().struct());
        assertEquals(dev.nativeload.ffm.generated.statvfs.i686.statvfs.layout(), Statvfs.Layout.forHost(
                TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.MIPSEL, 4).orElseThrow().struct());
        assertEquals(dev.nativeload.ffm.generated.statvfs.musl_x86_64.statvfs.layout(), Statvfs.Layout.forHost(
                TargetOs.LINUX, LibcFlavor.MUSL, Architecture.AARCH64, 8).orElseThrow().struct());
        assertEquals(Optional.of(Statvfs.Layout.LINUX_MUSL_ILP32),
                Statvfs.Layout.forHost(TargetOs.LINUX, LibcFlavor.MUSL, Architecture.ARM, 4));
    }

    @ParameterizedTest(name = "{4}")
    @MethodSource("statvfsTargets")
    void generatedStatvfsHasTheSizeAndFieldOffsetsTheTargetsCompilerGives(LibcFlavor libc, Architecture arch,
                                                                         int pointerBytes, GroupLayout generated,
                                                                         String compiler, @TempDir Path dir)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("#define _GNU_SOURCE", "#include <stddef.h>",
                "#include <sys/statvfs.h>"));
        lines.add(check("sizeof(struct statvfs) == " + generated.byteSize()));
        for (MemoryLayout member : generated.memberLayouts()) {
            String name = member.name().orElse("");
            if (member instanceof PaddingLayout || name.isEmpty()) {
                continue;
            }
            long offset = generated.byteOffset(MemoryLayout.PathElement.groupElement(name));
            lines.add(check("offsetof(struct statvfs, " + name + ") == " + offset));
            lines.add(check("sizeof(((struct statvfs *)0)->" + name + ") == " + member.byteSize()));
        }
        Statvfs.Layout chosen = Statvfs.Layout.forHost(TargetOs.LINUX, libc, arch, pointerBytes).orElseThrow();
        lines.add(check("ST_RDONLY == " + chosen.readOnly()));
        lines.add(check("ST_NOSUID == " + chosen.noSuid()));
        lines.add(check("ST_NOEXEC == " + chosen.noExec()));
        assertCompiles(dir, compiler, lines);
    }

    /** A cross compiler, its target's generated struct stat and struct flock, and its generated fcntl constants. */
    static Stream<Arguments> fileTargets() {
        return Stream.of(
                Arguments.of("gcc", dev.nativeload.ffm.generated.posix.stat.layout(),
                        dev.nativeload.ffm.generated.posix.flock.layout(), List.of(
                                dev.nativeload.ffm.generated.posix.fcntl_h.O_RDONLY(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.O_NOFOLLOW(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.O_CLOEXEC(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.O_DIRECTORY(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.F_GETLK(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.F_OFD_SETLK(),
                                dev.nativeload.ffm.generated.posix.fcntl_h.F_WRLCK())),
                Arguments.of("aarch64-linux-gnu-gcc", dev.nativeload.ffm.generated.fcntl.aarch64.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.aarch64.flock.layout(), List.of(
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_RDONLY(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_NOFOLLOW(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_CLOEXEC(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_DIRECTORY(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.F_GETLK(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.F_OFD_SETLK(),
                                dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.F_WRLCK())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileTargets")
    void generatedStatFlockAndFcntlConstantsAreWhatTheTargetsCompilerGives(String compiler, GroupLayout stat,
                                                                          GroupLayout flock, List<Integer> constants,
                                                                          @TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("#define _GNU_SOURCE", "#include <stddef.h>", "#include <fcntl.h>",
                "#include <sys/stat.h>"));
        lines.addAll(structChecks("struct stat", stat));
        lines.addAll(structChecks("struct flock", flock));
        List<String> names = List.of("O_RDONLY", "O_NOFOLLOW", "O_CLOEXEC", "O_DIRECTORY", "F_GETLK", "F_OFD_SETLK",
                "F_WRLCK");
        for (int i = 0; i < names.size(); i++) {
            lines.add(check(names.get(i) + " == " + constants.get(i)));
        }
        assertCompiles(dir, compiler, lines);
    }

    @Test
    void aarch64NumbersONofollowAndODirectoryDifferentlyFromX86_64() {
        assertEquals(0x8000, dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_NOFOLLOW());
        assertEquals(0x20000, dev.nativeload.ffm.generated.posix.fcntl_h.O_NOFOLLOW());
        assertEquals(0x4000, dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_DIRECTORY());
        assertEquals(0x10000, dev.nativeload.ffm.generated.posix.fcntl_h.O_DIRECTORY());
    }

    private static List<String> structChecks(String type, GroupLayout layout) {
        List<String> lines = new ArrayList<>();
        lines.add(check("sizeof(" + type + ") == " + layout.byteSize()));
        for (MemoryLayout member : layout.memberLayouts()) {
            String name = member.name().orElse("");
            if (member instanceof PaddingLayout || name.isEmpty()) {
                continue;
            }
            lines.add(check("offsetof(" + type + ", " + name + ") == "
                    + layout.byteOffset(MemoryLayout.PathElement.groupElement(name))));
            lines.add(check("sizeof(((" + type + " *)0)->" + name + ") == " + member.byteSize()));
        }
        return lines;
    }

    @Test
    void handWrittenMuslIlp32StructHasTheSameFlagOffsetAsMuslsHeaderGivesOnLp64PlusItsPadding() {
        // No 32-bit musl header is installed here; what can be checked: its f_flag follows a 64-bit f_fsid slot.
        GroupLayout l = Statvfs.Layout.LINUX_MUSL_ILP32.struct();
        assertEquals(l.byteOffset(MemoryLayout.PathElement.groupElement("f_fsid")) + 8,
                l.byteOffset(MemoryLayout.PathElement.groupElement("f_flag")));
    }

    @Test
    void linuxRtldFlagsAndDlinfoRequestAreTheGeneratedConstants() {
        Dlfcn.Flags f = Dlfcn.Flags.LINUX;
        assertEquals(List.of(dlfcn_h.RTLD_LAZY(), dlfcn_h.RTLD_NOW(), dlfcn_h.RTLD_LOCAL(), dlfcn_h.RTLD_GLOBAL(),
                dlfcn_h.RTLD_NOLOAD()), List.of(f.lazy(), f.now(), f.local(), f.global(), f.noload()));
        // Values of glibc's <dlfcn.h>, so a regenerated constant that changed shows here.
        assertEquals(List.of(1, 2, 0, 0x100, 4), List.of(f.lazy(), f.now(), f.local(), f.global(), f.noload()));
        assertEquals(2, Dlfcn.RTLD_DI_LINKMAP);
        assertEquals(dlfcn_h.RTLD_DI_LINKMAP(), Dlfcn.RTLD_DI_LINKMAP);
    }

    @Test
    void linuxPageSizeNameIsTheGeneratedScPagesize() {
        assertEquals(unistd_h._SC_PAGESIZE(), Unistd.scPageSize(TargetOs.LINUX).orElseThrow());
        assertEquals(30, unistd_h._SC_PAGESIZE());
    }

    @Test
    void linkMapNameIsTheSecondPointerOfTheGeneratedStruct() {
        assertEquals(ValueLayout.ADDRESS.byteSize(), link_map.l_name$offset());
    }

    @Test
    void dlopenWithErrnoCaptureKeepsTheGeneratedSignatureAfterItsCallStateArgument() throws Exception {
        Class<?> holder = Class.forName(Dlfcn.class.getName() + "$dlopen$");
        Field handle = holder.getDeclaredField("HANDLE");
        handle.setAccessible(true);
        MethodType type = ((java.lang.invoke.MethodHandle) handle.get(null)).type();
        assertEquals(dlfcn_h.dlopen$descriptor().toMethodType().insertParameterTypes(0, MemorySegment.class), type);
    }

    @Test
    void windowsSystemInfoIsTheGeneratedStructOf48BytesWithThePageSizeAtOffset4() {
        assertEquals(48, _SYSTEM_INFO.sizeof());
        assertEquals(4, _SYSTEM_INFO.dwPageSize$offset());
        assertEquals(4, _SYSTEM_INFO.dwPageSize$layout().byteSize());
    }

    @Test
    void kernel32ConstantsAreTheGeneratedOnes() throws IOException {
        // windows_h opens kernel32 when it initializes, so off Windows its values are read from its source.
        String source = Files.readString(GENERATED.resolve("windows/windows_h.java"));
        assertEquals(generatedInt(source, "LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR"), Kernel32.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR);
        assertEquals(generatedInt(source, "LOAD_LIBRARY_SEARCH_DEFAULT_DIRS"), Kernel32.LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
        assertEquals(generatedInt(source, "FORMAT_MESSAGE_FROM_SYSTEM"), Kernel32.FORMAT_MESSAGE_FROM_SYSTEM);
        assertEquals(generatedInt(source, "FORMAT_MESSAGE_IGNORE_INSERTS"), Kernel32.FORMAT_MESSAGE_IGNORE_INSERTS);
    }

    @Test
    void kernel32GeneratedMethodsTakeAndReturnDwordAsAJavaInt() throws Exception {
        // Reflection reads the signatures without initializing windows_h (which needs kernel32).
        Class<?> w = Class.forName("dev.nativeload.ffm.generated.windows.windows_h", false,
                getClass().getClassLoader());
        assertEquals(int.class, w.getMethod("FormatMessageW", int.class, MemorySegment.class, int.class, int.class,
                MemorySegment.class, int.class, MemorySegment.class).getReturnType());
        assertEquals(int.class, w.getMethod("GetModuleFileNameW", MemorySegment.class, MemorySegment.class, int.class)
                .getReturnType());
        assertEquals(MemorySegment.class, w.getMethod("LoadLibraryExW", MemorySegment.class, MemorySegment.class,
                int.class).getReturnType());
        assertEquals(int.class, w.getMethod("GetLastError").getReturnType());
        assertEquals(int.class, w.getMethod("SetDefaultDllDirectories", int.class).getReturnType());
    }

    @Test
    void everyGeneratedFileBeginsWithJextractsOwnLine() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(GENERATED)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(files.isEmpty(), "no generated sources under " + GENERATED.toAbsolutePath());
        for (Path p : files) {
            assertTrue(Files.readAllLines(p).getFirst().equals("// Generated by jextract"), p.toString());
        }
    }

    private static int generatedInt(String source, String name) {
        Matcher m = Pattern.compile("private static final int " + name + " = \\(int\\)(\\d+)L;").matcher(source);
        assertTrue(m.find(), name + " is not in the generated windows_h");
        return Integer.parseInt(m.group(1));
    }

    private static void assertCompiles(Path dir, String compiler, List<String> lines) throws IOException {
        if (!Toolchain.installed(compiler)) {
            if ("true".equals(System.getenv("CI"))) {
                fail(compiler + " is not installed (scripts/install-packages.sh installs it)");
            }
            Toolchain.require(compiler);
        }
        Path c = Files.write(dir.resolve("check.c"), lines);
        Toolchain.Result r = Toolchain.run(dir, List.of(compiler, "-std=c11", "-c", "-o", "check.o", c.toString()));
        assertEquals(0, r.exitCode(), () -> compiler + " rejected:\n" + r.output() + "\n" + String.join("\n", lines));
    }

    private static String check(String condition) {
        return "_Static_assert(" + condition + ", \"" + condition.replace("\"", "'") + "\");";
    }
}
