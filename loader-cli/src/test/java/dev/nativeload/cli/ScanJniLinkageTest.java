package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;

/**
 * {@code scan}'s JNI check over a jar built here: classes with native methods written with ASM, and their native
 * built by gcc from a C source exporting the JVM's names for them. Relocating the classes without the native is the
 * classic shaded-jar failure users report: zstd-jni issue 189 ("UnsatisfiedLinkError: 'void
 * net.midnightmc.zstd.ZstdCompressCtx.init()'" after a Gradle relocate), java-discord-rpc issue 12
 * ("UnsatisfiedLinkError: shadow.com.sun.jna.Native.getNativeVersion()"), rocksdb issue 7222.
 */
class ScanJniLinkageTest {
    /** The JVM's names for Codec's methods: short for open and reset, long (with the arguments) for the overloads. */
    private static final String BOUND = """
            #include <stdint.h>
            int64_t Java_org_example_Codec_open(void *env, void *cls) { return 1; }
            int Java_org_example_Codec_encode___3B(void *env, void *cls, void *bytes) { return 2; }
            int Java_org_example_Codec_encode__Ljava_lang_String_2I(void *env, void *cls, void *s, int n) { return 3; }
            void Java_org_example_Codec_00024Inner_native_1reset(void *env, void *self) { }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void compiler() {
        CCompiler.require("gcc");
    }

    private Path native_(String name, String source) throws Exception {
        CCompiler.compile(dir, "gcc", name, source, "-shared", "-fPIC", "-o", "lib" + name + ".so");
        return dir.resolve("lib" + name + ".so");
    }

    /**
     * The same native for macOS on arm64, by clang and ld64.lld: no SDK, so no system headers (int64_t becomes
     * long long) and no libSystem (the JNI functions need none).
     */
    private Path machO(String name, String source) throws Exception {
        CCompiler.require("clang-14");
        CCompiler.require("ld64.lld-14");
        String bare = source.replace("#include <stdint.h>\n", "").replace("int64_t", "long long");
        CCompiler.compile(dir, "clang-14", name, bare, "--target=arm64-apple-macos11", "-fPIC", "-c", "-o", name + ".o");
        CCompiler.run(dir, List.of("ld64.lld-14", "-arch", "arm64", "-platform_version", "macos", "11.0", "11.0", "-dylib",
                "-install_name", "@rpath/lib" + name + ".dylib", "-o", "lib" + name + ".dylib", name + ".o"));
        return dir.resolve("lib" + name + ".dylib");
    }

    /** org/example/Codec with open()J, encode([B)I and encode(Ljava/lang/String;I)I; Codec$Inner with native_reset()V. */
    private static Map<String, byte[]> classes() {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        classes.put("org/example/Codec", nativeClass("org/example/Codec",
                new String[][] {{"open", "()J"}, {"encode", "([B)I"}, {"encode", "(Ljava/lang/String;I)I"}}));
        classes.put("org/example/Codec$Inner", nativeClass("org/example/Codec$Inner", new String[][] {{"native_reset", "()V"}}));
        return classes;
    }

    private static byte[] nativeClass(String name, String[][] methods) {
        ClassWriter w = new ClassWriter(0);
        w.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
        for (String[] m : methods) {
            w.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_NATIVE, m[0], m[1], null, null).visitEnd();
        }
        w.visitEnd();
        return w.toByteArray();
    }

    /** Each class moved from org/example to shaded/org/example, as a shading plugin relocates it. */
    private static Map<String, byte[]> relocated(Map<String, byte[]> classes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        SimpleRemapper remapper = new SimpleRemapper(Map.of("org/example/Codec", "shaded/org/example/Codec",
                "org/example/Codec$Inner", "shaded/org/example/Codec$Inner"));
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            ClassWriter w = new ClassWriter(0);
            new ClassReader(e.getValue()).accept(new ClassRemapper(w, remapper), 0);
            out.put("shaded/" + e.getKey(), w.toByteArray());
        }
        return out;
    }

    private Path jar(String name, Map<String, byte[]> classes, Path nativeLibrary) throws Exception {
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = Files.createDirectories(dir.resolve("classes-" + name)).resolve(e.getKey().replace('/', '.') + ".class");
            Files.write(file, e.getValue());
            entries.put(e.getKey() + ".class", file);
        }
        entries.put("native/" + nativeLibrary.getFileName(), nativeLibrary);
        Path jar = dir.resolve(name + ".jar");
        RealJars.write(jar, entries, false);
        return jar;
    }

    private CliRun scan(String... args) {
        return RealJars.scan(dir, args);
    }

    private static List<JsonNode> violations(CliRun run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        RealJars.jsonLines(run).forEach(line -> line.path("violations").forEach(out::add));
        return out;
    }

    @Test
    void shortAndLongMangledJniNamesBindEveryNativeMethod() throws Exception {
        Path jar = jar("codec", classes(), native_("codec", BOUND));
        CliRun run = scan("--json", jar.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals(List.of(), violations(run));
    }

    @Test
    void aRelocatedClassWhoseNativeWasNotRebuiltIsAJniSymbolViolation() throws Exception {
        Path jar = jar("shaded", relocated(classes()), native_("codec", BOUND));
        CliRun run = scan("--json", jar.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        List<JsonNode> violations = violations(run);
        assertEquals(2, violations.size(), "one per class: " + violations);
        JsonNode codec = violations.getFirst();
        assertEquals("jni-symbol", codec.get("rule").asText());
        String message = codec.get("message").asText();
        assertTrue(message.startsWith("shaded.org.example.Codec: 3 native methods, such as shaded.org.example.Codec.open()"),
                message);
        assertTrue(message.contains("no export Java_shaded_org_example_Codec_open"), message);
        assertTrue(message.contains("a native exports Java_org_example_Codec_open: the class was relocated (shaded)"), message);
        CliRun text = scan(jar.toString());
        assertTrue(text.outLines().getFirst().equals(jar + ": 2 violations (1 native, 1 for "
                + dev.nativeload.platform.HostProbe.fromFiles().platform().id() + ")"), text.out());
    }

    @Test
    void aRelocatedClassIsAViolationAgainstAMachONativeOfAnOsxTargetToo() throws Exception {
        Path bound = jar("codec-mac", classes(), machO("codec", BOUND));
        CliRun clean = scan("--json", "--target", "osx-aarch64", bound.toString());
        assertEquals(0, clean.status(), clean.out() + clean.err());
        assertEquals(List.of(), violations(clean));
        Path shaded = jar("shaded-mac", relocated(classes()), dir.resolve("libcodec.dylib"));
        CliRun run = scan("--json", "--target", "osx-aarch64", shaded.toString());
        assertEquals(1, run.status(), run.out() + run.err());
        List<JsonNode> violations = violations(run);
        assertEquals(2, violations.size(), "one per class: " + violations);
        String message = violations.getFirst().get("message").asText();
        assertTrue(message.contains("no export Java_shaded_org_example_Codec_open"), message);
        assertTrue(message.contains("a native exports Java_org_example_Codec_open: the class was relocated (shaded)"), message);
    }

    @Test
    void aNativeWithJniOnLoadRegistersItsMethodsItselfAndIsNotFlagged() throws Exception {
        Path lib = native_("dynamic", "int JNI_OnLoad(void *vm, void *reserved) { return 0x00010008; }\n");
        Path jar = jar("dynamic", relocated(classes()), lib);
        CliRun run = scan(jar.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("note: 4 native methods are exported by no Java_ symbol; libdynamic.so has "
                + "JNI_OnLoad, which registers methods itself (RegisterNatives): not checked"), run.out());
    }

    @Test
    void aClassWithSomeMethodsBoundAndSomeNotIsANoteNotAViolation() throws Exception {
        String partial = BOUND.replace("int Java_org_example_Codec_encode___3B", "static int unexported_encode");
        Path jar = jar("partial", classes(), native_("partial", partial));
        CliRun run = scan(jar.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertTrue(run.out().contains("note: org.example.Codec: 1 of its native methods (org.example.Codec.encode(byte[])) "
                + "have no symbol while the others have"), run.out());
    }

    @Test
    void jniNamesAreMangledAsTheSpecificationSays() {
        NativeMethod m = new NativeMethod("a/b_c/D$E", "f_1", "([ILjava/lang/String;[[J)V");
        assertEquals("Java_a_b_1c_D_00024E_f_11", JniNames.shortName(m));
        assertEquals("Java_a_b_1c_D_00024E_f_11___3ILjava_lang_String_2_3_3J", JniNames.longName(m));
        assertEquals("Java_p_Caf_000e9_z", JniNames.shortName(new NativeMethod("p/Caf\u00e9", "z", "()V")));
        assertEquals("_0d801_0dc00", JniNames.mangle("\ud801\udc00"), "UTF-16 code units, each its own escape");
    }

    @Test
    void decoratedStdcallExportsOf32BitWindowsDllsAreUndecorated() {
        assertEquals("Java_p_C_m", JniExports.undecorated("_Java_p_C_m@8"));
        assertEquals("JNI_OnLoad", JniExports.undecorated("_JNI_OnLoad@8"));
        assertEquals("Java_p_C_m", JniExports.undecorated("Java_p_C_m"));
        assertEquals("Java_p_C_m@x", JniExports.undecorated("Java_p_C_m@x"));
    }
}
