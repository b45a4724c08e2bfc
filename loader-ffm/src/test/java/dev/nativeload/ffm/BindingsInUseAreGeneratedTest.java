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
class BindingsInUseAreGeneratedTest {
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

    /**
     * Each generated file-call ABI: the platform it is chosen for, its cross compiler, and the
     * generated {@code struct stat} and {@code struct flock} (the large-file ones where C long is 32 bits).
     */
    static Stream<Arguments> fileAbis() {
        return Stream.of(
                Arguments.of(PosixAbi.GLIBC_X86_64, LibcFlavor.GLIBC, Architecture.X86_64, "gcc", "",
                        dev.nativeload.ffm.generated.fcntl.x86_64.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.x86_64.flock.layout()),
                Arguments.of(PosixAbi.GLIBC_AARCH64, LibcFlavor.GLIBC, Architecture.AARCH64, "aarch64-linux-gnu-gcc", "",
                        dev.nativeload.ffm.generated.fcntl.aarch64.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.aarch64.flock.layout()),
                Arguments.of(PosixAbi.GLIBC_RISCV64, LibcFlavor.GLIBC, Architecture.RISCV64, "riscv64-linux-gnu-gcc", "",
                        dev.nativeload.ffm.generated.fcntl.riscv64.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.riscv64.flock.layout()),
                Arguments.of(PosixAbi.GLIBC_S390X, LibcFlavor.GLIBC, Architecture.S390X, "s390x-linux-gnu-gcc", "",
                        dev.nativeload.ffm.generated.fcntl.s390x.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.s390x.flock.layout()),
                Arguments.of(PosixAbi.GLIBC_PPC64LE, LibcFlavor.GLIBC, Architecture.PPC64LE, "powerpc64le-linux-gnu-gcc", "",
                        dev.nativeload.ffm.generated.fcntl.ppc64le.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.ppc64le.flock.layout()),
                Arguments.of(PosixAbi.GLIBC_I686, LibcFlavor.GLIBC, Architecture.X86, "i686-linux-gnu-gcc", "64",
                        dev.nativeload.ffm.generated.fcntl.i686.stat64.layout(),
                        dev.nativeload.ffm.generated.fcntl.i686.flock64.layout()),
                Arguments.of(PosixAbi.GLIBC_ARMHF, LibcFlavor.GLIBC, Architecture.ARM, "arm-linux-gnueabihf-gcc", "64",
                        dev.nativeload.ffm.generated.fcntl.armhf.stat64.layout(),
                        dev.nativeload.ffm.generated.fcntl.armhf.flock64.layout()),
                Arguments.of(PosixAbi.MUSL_X86_64, LibcFlavor.MUSL, Architecture.X86_64, "musl-gcc", "",
                        dev.nativeload.ffm.generated.fcntl.musl_x86_64.stat.layout(),
                        dev.nativeload.ffm.generated.fcntl.musl_x86_64.flock.layout()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileAbis")
    void fileCallsChosenForEachLibcAndArchitectureUseTheStructsGeneratedForIt(PosixAbi abi, LibcFlavor libc,
                                                                             Architecture arch, String compiler,
                                                                             String largeFile, GroupLayout stat,
                                                                             GroupLayout flock) throws Exception {
        assertEquals(Optional.of(abi), PosixAbi.forPlatform(TargetOs.LINUX, libc, arch));
        FileCalls calls = GeneratedFileCalls.bind(abi);
        assertEquals(stat, calls.stat(), abi.name());
        assertEquals(flock, calls.locking().orElseThrow().flock(), abi.name());
        assertEquals(largeFile.isEmpty() ? "stat" : "stat64", calls.stat().name().orElseThrow());
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("fileAbis")
    void generatedStatFlockAndOpenBitsOfEachAbiAreWhatItsCompilerGives(PosixAbi abi, LibcFlavor libc,
                                                                      Architecture arch, String compiler,
                                                                      String largeFile, GroupLayout stat,
                                                                      GroupLayout flock, @TempDir Path dir)
            throws Exception {
        FileCalls calls = GeneratedFileCalls.bind(abi);
        FileCalls.Locking locking = calls.locking().orElseThrow();
        List<String> lines = new ArrayList<>(List.of("#define _GNU_SOURCE", "#include <stddef.h>", "#include <fcntl.h>",
                "#include <sys/stat.h>"));
        lines.addAll(structChecks("struct stat" + largeFile, calls.stat()));
        lines.addAll(structChecks("struct flock" + largeFile, locking.flock()));
        FileCalls.OpenBits bits = calls.bits();
        lines.add(check("O_RDONLY == " + bits.readOnly()));
        lines.add(check("O_NOFOLLOW == " + bits.noFollow()));
        lines.add(check("O_CLOEXEC == " + bits.closeExec()));
        lines.add(check("O_NOCTTY == " + bits.noCtty()));
        lines.add(check("(O_RDWR | O_CREAT | O_NONBLOCK) == " + bits.readWriteCreateNonBlock()));
        lines.add(check("F_OFD_SETLK == " + locking.setLock()));
        lines.add(check("F_RDLCK == " + locking.readLock()));
        lines.add(check("F_WRLCK == " + locking.writeLock()));
        lines.add(check("F_UNLCK == " + locking.unlock()));
        assertCompiles(dir, compiler, lines);
    }

    @Test
    void muslOnOther64BitArchitecturesTakesGlibcsPackageAndOn32BitOnesNone() {
        assertEquals(Optional.of(PosixAbi.GLIBC_AARCH64), PosixAbi.forPlatform(TargetOs.LINUX, LibcFlavor.MUSL,
                Architecture.AARCH64));
        assertEquals(Optional.empty(), PosixAbi.forPlatform(TargetOs.LINUX, LibcFlavor.MUSL, Architecture.ARM));
        assertEquals(Optional.empty(), PosixAbi.forPlatform(TargetOs.LINUX, LibcFlavor.GLIBC, Architecture.LOONGARCH64));
        assertEquals(Optional.empty(), PosixAbi.forPlatform(TargetOs.MACOS, LibcFlavor.GLIBC, Architecture.AARCH64));
    }

    @Test
    void thirtyTwoBitAbisBindTheLargeFileCallsWithFourByteSizeT() throws Exception {
        for (PosixAbi abi : List.of(PosixAbi.GLIBC_I686, PosixAbi.GLIBC_ARMHF)) {
            Class<?> unistd = Class.forName(abi.packageName() + ".unistd_h");
            java.lang.foreign.FunctionDescriptor pread =
                    (java.lang.foreign.FunctionDescriptor) unistd.getMethod("pread64$descriptor").invoke(null);
            assertEquals(4, pread.returnLayout().orElseThrow().byteSize(), abi + " ssize_t");
            assertEquals(4, pread.argumentLayouts().get(2).byteSize(), abi + " size_t");
            assertEquals(8, pread.argumentLayouts().get(3).byteSize(), abi + " off64_t");
        }
        java.lang.foreign.FunctionDescriptor lp64 = dev.nativeload.ffm.generated.fcntl.x86_64.unistd_h.pread$descriptor();
        assertEquals(8, lp64.argumentLayouts().get(2).byteSize());
    }

    @Test
    void aarch64NumbersONofollowAndODirectoryDifferentlyFromX86_64() {
        assertEquals(0x8000, dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_NOFOLLOW());
        assertEquals(0x20000, dev.nativeload.ffm.generated.fcntl.x86_64.fcntl_h.O_NOFOLLOW());
        assertEquals(0x4000, dev.nativeload.ffm.generated.fcntl.aarch64.fcntl_h.O_DIRECTORY());
        assertEquals(0x10000, dev.nativeload.ffm.generated.fcntl.x86_64.fcntl_h.O_DIRECTORY());
    }

    /**
     * Each generated package with the cross compilers of the targets it is used on: the file-call
     * package of each ABI with its own, and the word-size-neutral {@code posix} package with all.
     */
    static Stream<Arguments> packagesAndCompilers() {
        List<String> all = fileAbis().map(a -> (String) a.get()[3]).toList();
        List<String> ilp32 = List.of("i686-linux-gnu-gcc", "arm-linux-gnueabihf-gcc");
        Stream<Arguments> files = fileAbis().map(a -> Arguments.of(
                ((PosixAbi) a.get()[0]).packageName(), a.get()[3]));
        Stream<Arguments> neutral = all.stream().map(c -> Arguments.of("dev.nativeload.ffm.generated.posix", c));
        Stream<Arguments> words = all.stream().map(c -> Arguments.of(
                "dev.nativeload.ffm.generated.posix." + (ilp32.contains(c) ? "ilp32" : "lp64"), c));
        return Stream.of(files, neutral, words).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("packagesAndCompilers")
    void everyGeneratedFunctionsArgumentAndResultWidthsAreTheTargetCompilers(String packageName, String compiler,
                                                                           @TempDir Path dir) throws Exception {
        Path sources = GENERATED.resolve(packageName.substring("dev.nativeload.ffm.generated.".length()).replace('.', '/'));
        List<String> lines = new ArrayList<>(List.of("#define _GNU_SOURCE", "#include <stddef.h>", "#include <fcntl.h>",
                "#include <sys/stat.h>", "#include <unistd.h>", "#include <dlfcn.h>", "#include <string.h>",
                "#include <errno.h>", "#include <link.h>"));
        lines.addAll(wordStructChecks("Dl_info",
                wordMembers(Files.readString(GENERATED.resolve("posix/Dl_info.java")))));
        if (packageName.endsWith(".lp64")) {
            lines.addAll(structChecks("struct link_map", dev.nativeload.ffm.generated.posix.lp64.link_map.layout()));
        } else if (packageName.endsWith(".ilp32")) {
            lines.addAll(wordStructChecks("struct link_map",
                    wordMembers(Files.readString(GENERATED.resolve("posix/ilp32/link_map.java")))));
        }
        if (!compiler.equals("musl-gcc")) {
            lines.add("#include <gnu/libc-version.h>");
        }
        int functions = 0;
        try (Stream<Path> files = Files.list(sources)) {
            // musl has no <gnu/libc-version.h>; nativeload calls gnu_get_libc_version only where it is found.
            for (Path source : files.filter(p -> p.toString().endsWith("_h.java"))
                    .filter(p -> !(compiler.equals("musl-gcc") && p.endsWith("libc_version_h.java"))).sorted().toList()) {
                String header = source.getFileName().toString().replace(".java", "");
                Class<?> type = Class.forName(packageName + "." + header);
                for (Prototype p : Prototype.all(Files.readString(source))) {
                    java.lang.foreign.FunctionDescriptor d = p.descriptor(type);
                    lines.addAll(p.widthChecks(d));
                    if (!p.variadic()) {
                        MethodType carriers = d.toMethodType();
                        assertEquals(carriers.returnType(), type.getMethod(p.name(), carriers.parameterArray())
                                .getReturnType(), p.name() + ": the Java carriers are not the descriptor's");
                    }
                    functions++;
                }
            }
        }
        assertTrue(functions > 0, "no function prototypes found in " + sources);
        assertCompiles(dir, compiler, lines);
    }

    /**
     * A C prototype as jextract writes it above a function's descriptor or variadic invoker.
     *
     * @param name       the function
     * @param result     the C result type
     * @param parameters the C parameter types (names dropped)
     * @param variadic   whether it ends in {@code ...}
     */
    record Prototype(String name, String result, List<String> parameters, boolean variadic) {
        private static final Pattern SNIPPET = Pattern.compile("\\{@snippet lang=c :\n\\s*\\* (?:extern )?(.+?)\\b(\\w+)\\((.*)\\)\n"
                + "\\s*\\* \\}\n\\s*\\*/\n\\s*public static (?:FunctionDescriptor \\w+\\$descriptor\\(\\)|class \\w+ \\{)");

        static List<Prototype> all(String source) {
            List<Prototype> all = new ArrayList<>();
            Matcher m = SNIPPET.matcher(source);
            while (m.find()) {
                List<String> params = new ArrayList<>();
                boolean variadic = false;
                for (String p : m.group(3).split(", ")) {
                    if (p.equals("...")) {
                        variadic = true;
                    } else if (!p.equals("void") && !p.isEmpty()) {
                        params.add(p.replaceFirst("\\s*\\b__\\w+$", ""));
                    }
                }
                all.add(new Prototype(m.group(2), m.group(1).strip(), params, variadic));
            }
            return all;
        }

        java.lang.foreign.FunctionDescriptor descriptor(Class<?> header) throws ReflectiveOperationException {
            if (!variadic) {
                return (java.lang.foreign.FunctionDescriptor) header.getMethod(name + "$descriptor").invoke(null);
            }
            Class<?> invoker = Class.forName(header.getName() + "$" + name);
            Object base = invoker.getMethod("makeInvoker", MemoryLayout[].class).invoke(null, (Object) new MemoryLayout[0]);
            return (java.lang.foreign.FunctionDescriptor) invoker.getMethod("descriptor").invoke(base);
        }

        /**
         * {@code _Static_assert}s that the result and each parameter type are as wide as their layouts (a
         * pointer as the target's {@code void *}).
         */
        List<String> widthChecks(java.lang.foreign.FunctionDescriptor d) {
            assertEquals(parameters.size(), d.argumentLayouts().size(), name + ": " + parameters + " vs " + d);
            List<String> lines = new ArrayList<>();
            // The result as the target's own declaration types it: the call expression (never evaluated).
            String call = name + "(" + String.join(", ", java.util.Collections.nCopies(parameters.size(), "0")) + ")";
            d.returnLayout().ifPresentOrElse(r -> lines.add(check("sizeof(" + call + ") == " + width(r))),
                    () -> assertEquals("void", result, name));
            for (int i = 0; i < parameters.size(); i++) {
                lines.add(check("sizeof(" + parameters.get(i) + ") == " + width(d.argumentLayouts().get(i))));
            }
            return lines;
        }

        private static String width(MemoryLayout layout) {
            return layout instanceof java.lang.foreign.AddressLayout ? "sizeof(void *)" : Long.toString(layout.byteSize());
        }
    }

    /**
     * The members of a generated struct of words only, read from its source as "name size": a pointer
     * is {@code sizeof(void *)} of the target, a {@code C_INT} 4 bytes. Read from the source because this
     * 64-bit JVM cannot lay out the ILP32 form.
     */
    private static List<String> wordMembers(String source) {
        String layout = source.substring(source.indexOf("MemoryLayout.structLayout("), source.indexOf(").withName("));
        Matcher m = Pattern.compile("\\w+\\.(C_\\w+)\\.withName\\(\"(\\w+)\"\\)").matcher(layout);
        List<String> members = new ArrayList<>();
        while (m.find()) {
            String size = switch (m.group(1)) {
                case "C_POINTER" -> "sizeof(void *)";
                case "C_INT" -> "4";
                default -> throw new AssertionError("not a word: " + m.group());
            };
            members.add(m.group(2) + " " + size);
        }
        assertFalse(members.isEmpty(), "no members in the generated struct");
        assertFalse(layout.contains("paddingLayout"), "a struct of words has no padding");
        return members;
    }

    /** Checks that each member follows the last without padding, as the words of a struct of words do. */
    private static List<String> wordStructChecks(String type, List<String> members) {
        List<String> lines = new ArrayList<>();
        String offset = "0";
        for (String member : members) {
            String name = member.substring(0, member.indexOf(' '));
            String size = member.substring(member.indexOf(' ') + 1);
            lines.add(check("offsetof(" + type + ", " + name + ") == " + offset));
            lines.add(check("sizeof(((" + type + " *)0)->" + name + ") == " + size));
            offset = offset + " + " + size;
        }
        lines.add(check("sizeof(" + type + ") == " + offset));
        return lines;
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
    void theSuccessPathsOneShapeIsTheGeneratedDlsymDescriptor() {
        assertEquals(dlfcn_h.dlsym$descriptor(), Dlfcn.twoWordsDescriptor());
        assertEquals(dlfcn_h.C_POINTER, Dlfcn.twoWordsDescriptor().returnLayout().orElseThrow());
    }

    @Test
    void linuxPageSizeNameIsTheGeneratedScPagesizeOfThisWordSize() {
        assertFalse(WordSize.ILP32, "this JVM is 64-bit");
        assertEquals(dev.nativeload.ffm.generated.posix.lp64.unistd_h._SC_PAGESIZE(),
                Unistd.scPageSize(TargetOs.LINUX).orElseThrow());
        assertEquals(30, dev.nativeload.ffm.generated.posix.lp64.unistd_h._SC_PAGESIZE());
        assertEquals(30, dev.nativeload.ffm.generated.posix.ilp32.unistd_h._SC_PAGESIZE());
    }

    @Test
    void linkMapNameIsTheSecondWordOfTheGeneratedStructOfEachWordSize() throws IOException {
        assertEquals(8, dev.nativeload.ffm.generated.posix.lp64.link_map.l_name$offset());
        assertEquals(8, dev.nativeload.ffm.generated.posix.lp64.link_map.l_addr$layout().byteSize());
        // The ILP32 struct cannot be laid out by this 64-bit JVM (its pointers would follow a 4-byte
        // l_addr unaligned), so its members are read from the generated source; the compilers of
        // i686 and armhf check their offsets below.
        assertEquals(List.of("l_addr 4", "l_name sizeof(void *)", "l_ld sizeof(void *)", "l_next sizeof(void *)",
                "l_prev sizeof(void *)"), wordMembers(Files.readString(GENERATED.resolve("posix/ilp32/link_map.java"))));
    }

    @Test
    void theWordSizeNeutralPosixPackageDeclaresCLongWithoutACastThatFailsWhereLongIs32Bits() throws Exception {
        assertEquals(ValueLayout.class, dev.nativeload.ffm.generated.posix.posix_shared.class.getField("C_LONG").getType());
        assertEquals(ValueLayout.OfLong.class,
                dev.nativeload.ffm.generated.posix.lp64.lp64_shared.class.getField("C_LONG").getType());
        assertEquals(ValueLayout.OfInt.class,
                dev.nativeload.ffm.generated.posix.ilp32.ilp32_shared.class.getField("C_LONG").getType());
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
    void windowsLoadAndMessageFlagsAreTheGeneratedConstantsWithMingwsValues(@TempDir Path dir) throws IOException {
        // Generated apart from kernel32's functions, so they initialize on any host.
        int dllLoadDir = dev.nativeload.ffm.generated.windows.constants.windows_h.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR();
        int defaultDirs = dev.nativeload.ffm.generated.windows.constants.windows_h.LOAD_LIBRARY_SEARCH_DEFAULT_DIRS();
        int fromSystem = dev.nativeload.ffm.generated.windows.constants.windows_h.FORMAT_MESSAGE_FROM_SYSTEM();
        int ignoreInserts = dev.nativeload.ffm.generated.windows.constants.windows_h.FORMAT_MESSAGE_IGNORE_INSERTS();
        assertEquals(dllLoadDir | defaultDirs, WindowsText.loadFlags("C:\\libs\\z.dll"));
        assertCompiles(dir, "x86_64-w64-mingw32-gcc", List.of("#include <stddef.h>", "#include <windows.h>",
                check("LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR == " + dllLoadDir),
                check("LOAD_LIBRARY_SEARCH_DEFAULT_DIRS == " + defaultDirs),
                check("FORMAT_MESSAGE_FROM_SYSTEM == " + fromSystem),
                check("FORMAT_MESSAGE_IGNORE_INSERTS == " + ignoreInserts),
                check("sizeof(SYSTEM_INFO) == " + _SYSTEM_INFO.sizeof()),
                check("offsetof(SYSTEM_INFO, dwPageSize) == " + _SYSTEM_INFO.dwPageSize$offset())));
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
