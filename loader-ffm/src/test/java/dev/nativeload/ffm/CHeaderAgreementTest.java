package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.ffm.fixtures.Toolchain;
import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written bindings' constants and struct layouts, checked against the real C headers of
 * each installed Linux toolchain: the test writes {@code _Static_assert}s from the Java values and
 * the compiler accepts them only if every offset, size and constant agrees.
 *
 * <p>The macOS values ({@link Dlfcn.Flags#DARWIN}, {@link Statvfs.Layout#DARWIN_STATFS}) cannot
 * be checked here: no macOS SDK headers are installed.
 */
class CHeaderAgreementTest {
    /** A toolchain, the statvfs layout its target uses, and whether it is a 64-bit target. */
    static Stream<Arguments> toolchains() {
        return Stream.of(
                Arguments.of("gcc", Statvfs.Layout.LINUX_LP64),
                Arguments.of("musl-gcc", Statvfs.Layout.LINUX_LP64),
                Arguments.of("aarch64-linux-gnu-gcc", Statvfs.Layout.LINUX_LP64),
                Arguments.of("riscv64-linux-gnu-gcc", Statvfs.Layout.LINUX_LP64),
                Arguments.of("i686-linux-gnu-gcc", Statvfs.Layout.LINUX_GLIBC_ILP32),
                Arguments.of("arm-linux-gnueabihf-gcc", Statvfs.Layout.LINUX_GLIBC_ILP32));
    }

    private static void assertCompiles(Path dir, String compiler, List<String> lines) throws IOException {
        Toolchain.require(compiler);
        Path c = Files.write(dir.resolve("check.c"), lines);
        Toolchain.Result r = Toolchain.run(dir, List.of(compiler, "-std=c11", "-c", "-o", "check.o", c.toString()));
        assertEquals(0, r.exitCode(), () -> compiler + " rejected:\n" + r.output() + "\n" + String.join("\n", lines));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void statvfsLayoutHasTheSizeAndFieldOffsetsOfTheToolchainsHeader(String compiler, Statvfs.Layout layout,
                                                                     @TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("#include <stddef.h>", "#include <sys/statvfs.h>"));
        GroupLayout struct = layout.struct();
        lines.add(check("sizeof(struct statvfs) == " + struct.byteSize()));
        for (MemoryLayout member : struct.memberLayouts()) {
            String name = member.name().orElse("");
            if (member instanceof PaddingLayout || name.startsWith("__")) {
                continue;
            }
            long offset = struct.byteOffset(MemoryLayout.PathElement.groupElement(name));
            lines.add(check("offsetof(struct statvfs, " + name + ") == " + offset));
            lines.add(check("sizeof(((struct statvfs *)0)->" + name + ") == " + member.byteSize()));
        }
        lines.add(check("ST_RDONLY == " + layout.readOnly()));
        lines.add(check("ST_NOSUID == " + layout.noSuid()));
        assertCompiles(dir, compiler, lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void noexecFlagIsTheToolchainsStNoexec(String compiler, Statvfs.Layout layout, @TempDir Path dir) throws IOException {
        // ST_NOEXEC is a GNU extension in glibc's header; musl defines it unconditionally.
        assertCompiles(dir, compiler, List.of("#define _GNU_SOURCE", "#include <sys/statvfs.h>",
                check("ST_NOEXEC == " + layout.noExec())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void dlfcnConstantsAreTheToolchainsRtldValues(String compiler, Statvfs.Layout ignored, @TempDir Path dir)
            throws IOException {
        Dlfcn.Flags f = Dlfcn.Flags.LINUX;
        assertCompiles(dir, compiler, List.of("#define _GNU_SOURCE", "#include <dlfcn.h>",
                check("RTLD_LAZY == " + f.lazy()), check("RTLD_NOW == " + f.now()),
                check("RTLD_LOCAL == " + f.local()), check("RTLD_GLOBAL == " + f.global()),
                check("RTLD_NOLOAD == " + f.noload()), check("RTLD_DI_LINKMAP == " + Dlfcn.RTLD_DI_LINKMAP)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toolchains")
    void linkMapNameIsTheSecondPointerAndPageSizeNameIsTheToolchainsScPagesize(String compiler, Statvfs.Layout ignored,
                                                                                @TempDir Path dir) throws IOException {
        assertCompiles(dir, compiler, List.of("#include <link.h>", "#include <stddef.h>", "#include <unistd.h>",
                check("offsetof(struct link_map, l_name) == sizeof(void *)"),
                check("_SC_PAGESIZE == " + Unistd.scPageSize(dev.nativeload.binary.TargetOs.LINUX).orElseThrow())));
    }

    private static String check(String condition) {
        return "_Static_assert(" + condition + ", \"" + condition.replace("\"", "'") + "\");";
    }
}
