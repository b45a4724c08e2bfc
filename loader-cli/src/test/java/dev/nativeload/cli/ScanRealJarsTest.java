package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.NotABinaryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} over the natives of real third-party jars: what each is, from its bytes, against the reference tools. */
class ScanRealJarsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The jars of real-jar-natives.txt, by the short name its first column uses. */
    private static final Map<String, String> JARS = Map.of("jna", RealJars.JNA, "snappy-java", RealJars.SNAPPY,
            "zstd-jni", RealJars.ZSTD, "sqlite-jdbc", RealJars.SQLITE, "lz4-java", RealJars.LZ4);
    private static final List<String> ORDER = List.of("jna", "snappy-java", "zstd-jni", "sqlite-jdbc", "lz4-java");

    @TempDir
    Path dir;

    private static List<JsonNode> natives(String target, Path... paths) throws IOException {
        List<String> args = new ArrayList<>(List.of("scan", "--json", "--target", target));
        paths = paths.clone();
        for (Path p : paths) {
            args.add(p.toString());
        }
        CliRun run = CliRun.run(Path.of(""), args.toArray(String[]::new));
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.outLines()) {
            JsonNode node = JSON.readTree(line);
            if (node.has("entry")) {
                out.add(node);
            }
        }
        return out;
    }

    private static Path[] jars() {
        return ORDER.stream().map(k -> RealJars.holding(JARS.get(k))).toArray(Path[]::new);
    }

    private static String jarKey(JsonNode n) {
        for (String key : ORDER) {
            if (n.get("archive").asText().equals(RealJars.holding(JARS.get(key)).toString())) {
                return key;
            }
        }
        throw new AssertionError("unexpected archive " + n);
    }

    @Test
    void everyNativeOfRealJarsIsNamedFromItsBytesNotItsPath() throws IOException {
        List<String> expected = new ArrayList<>();
        try (InputStream in = ScanRealJarsTest.class.getResourceAsStream("real-jar-natives.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    expected.add(String.join(" ", line.trim().split("\\s+")));
                }
            }
        }
        List<String> found = new ArrayList<>();
        for (JsonNode n : natives("linux-x86_64", jars())) {
            found.add(String.join(" ", jarKey(n), n.get("entry").asText(), n.get("format").asText(), n.get("arch").asText(),
                    n.get("os").asText(), n.get("libc").asText()));
        }
        assertEquals(expected, found);
    }

    @Test
    void inspectNamesTheSameOsAsScanForEveryElfNative() throws IOException {
        for (JsonNode n : natives("linux-x86_64", jars())) {
            if (!n.get("format").asText().equals("ELF")) {
                continue;
            }
            Path file = extract(n);
            CliRun inspect = CliRun.run(dir, "inspect", "--json", file.toString());
            JsonNode read = JSON.readTree(inspect.out());
            assertEquals(n.get("os").asText(), read.get("os").asText(), n.get("entry").asText());
            assertEquals(n.get("libc").asText(), read.get("libc").asText(), n.get("entry").asText());
        }
    }

    @Test
    void everyElfNativeAgreesWithReadelfOnMachineAndOsAbi() throws IOException {
        Assumptions.assumeTrue(ReferenceTool.available("readelf"), "readelf is not installed");
        Assumptions.assumeTrue(ReferenceTool.available("unzip"), "unzip is not installed");
        int checked = 0;
        for (JsonNode n : natives("linux-x86_64", jars())) {
            if (!n.get("format").asText().equals("ELF")) {
                continue;
            }
            String entry = n.get("entry").asText();
            Path file = dir.resolve("n" + checked + ".so");
            Files.write(file, ReferenceTool.runBytes("unzip", "-p", n.get("archive").asText(), entry));
            String header = ReferenceTool.run("readelf", "-h", "-W", file.toString());
            assertEquals(readelfArch(header), n.get("arch").asText(), entry + "\n" + header);
            String abi = field(header, "OS/ABI:");
            String os = n.get("os").asText();
            switch (abi) {
                case "UNIX - FreeBSD" -> assertEquals("FREEBSD", os, entry);
                case "UNIX - Solaris" -> assertEquals("SOLARIS", os, entry);
                case "UNIX - OpenBSD" -> assertEquals("OPENBSD", os, entry);
                case "UNIX - GNU" -> assertEquals("LINUX", os, entry);
                default -> assertEquals("UNIX - System V", abi, entry);
            }
            checked++;
        }
        assertTrue(checked >= 60, "ELF natives checked: " + checked);
    }

    @Test
    void everyPeNativeAgreesWithLlvmReadobjOnMachine() throws IOException {
        Assumptions.assumeTrue(ReferenceTool.available("llvm-readobj"), "llvm-readobj is not installed");
        int checked = 0;
        for (JsonNode n : natives("windows-x86_64", jars())) {
            if (!n.get("format").asText().equals("PE")) {
                continue;
            }
            Path file = dir.resolve("n" + checked + ".dll");
            Files.write(file, ReferenceTool.runBytes("unzip", "-p", n.get("archive").asText(), n.get("entry").asText()));
            String machine = field(ReferenceTool.run("llvm-readobj", "--file-headers", file.toString()), "Machine:");
            String arch = switch (machine.substring(0, machine.indexOf(' '))) {
                case "IMAGE_FILE_MACHINE_AMD64" -> "x86_64";
                case "IMAGE_FILE_MACHINE_I386" -> "x86";
                case "IMAGE_FILE_MACHINE_ARM64" -> "aarch64";
                case "IMAGE_FILE_MACHINE_ARMNT" -> "arm";
                default -> machine;
            };
            assertEquals(arch, n.get("arch").asText(), n.get("entry").asText());
            assertEquals("WINDOWS", n.get("os").asText());
            checked++;
        }
        assertTrue(checked >= 14, "PE natives checked: " + checked);
    }

    @Test
    void aixXcoffFilesInJnaAreNotReportedAsNatives() throws Exception {
        Path jna = RealJars.holding(RealJars.JNA);
        assertTrue(natives("linux-x86_64", jna).stream().noneMatch(n -> n.get("entry").asText().contains("aix")));
        try (ZipFile zip = new ZipFile(jna.toFile())) {
            for (String bits : List.of("32", "64")) {
                String entry = "com/sun/jna/aix-ppc" + (bits.equals("64") ? "64" : "") + "/libjnidispatch.a";
                byte[] xcoff = zip.getInputStream(zip.getEntry(entry)).readAllBytes();
                assertEquals(bits.equals("64") ? 0x01F7 : 0x01DF, ((xcoff[0] & 0xFF) << 8) | (xcoff[1] & 0xFF), entry);
                NotABinaryException e = assertThrows(NotABinaryException.class, () -> read(xcoff));
                assertEquals(NotABinaryException.Reason.FOREIGN_FORMAT, e.reason());
                assertTrue(e.getMessage().contains("XCOFF " + bits + "-bit"), e.getMessage());
                Files.write(dir.resolve("libjnidispatch" + bits + ".so"), xcoff);
            }
        }
        assertEquals(List.of(), natives("linux-x86_64", dir), "XCOFF objects named .so in a directory");
    }

    @Test
    void realJarsBindEveryNativeMethodOrSayWhy() throws IOException {
        for (String target : List.of("linux-x86_64", "linux-aarch64", "windows-x86_64", "windows-x86")) {
            List<JsonNode> natives = natives(target, jars());
            assertTrue(natives.stream().filter(n -> n.get("forTarget").asBoolean()).count() >= 4, target);
            for (JsonNode n : natives) {
                n.get("violations").forEach(v -> assertFalse(v.get("rule").asText().equals("jni-symbol"), target + " " + v));
            }
        }
    }

    @Test
    void realJarsNativesNeedNothingOutsideTheBaseSystem() throws IOException {
        Path[] all = List.of(RealJars.JNA, RealJars.SNAPPY, RealJars.ZSTD, RealJars.SQLITE, RealJars.LZ4,
                RealJars.NETTY_EPOLL, RealJars.JANSI, RealJars.JFFI).stream().map(RealJars::holding).toArray(Path[]::new);
        int checked = 0;
        for (String target : List.of("windows-x86_64", "windows-x86", "windows-aarch64", "osx-x86_64", "osx-aarch64",
                "linux-x86_64", "linux-aarch64", "linux-x86", "linux-arm", "linux-ppc64le", "linux-s390x",
                "linux-riscv64", "linux-x86_64-musl", "linux-aarch64-musl")) {
            for (JsonNode n : natives(target, all)) {
                if (n.get("forTarget").asBoolean()) {
                    checked++;
                    n.get("violations").forEach(v -> assertFalse(v.get("rule").asText().equals("dependency"),
                            target + " " + n.get("entry").asText() + ": " + v));
                }
            }
        }
        assertTrue(checked >= 50, "natives checked: " + checked);
    }

    private Path extract(JsonNode n) throws IOException {
        Path file = Files.createTempFile(dir, "native", ".bin");
        RealJars.extract(Path.of(n.get("archive").asText()), n.get("entry").asText(), file);
        return file;
    }

    private static Object read(byte[] bytes) throws Exception {
        return Binaries.read(dev.nativeload.binary.BinaryData.of(bytes, java.nio.ByteOrder.LITTLE_ENDIAN));
    }

    private static String field(String output, String name) {
        return output.lines().filter(l -> l.trim().startsWith(name)).findFirst()
                .map(l -> l.substring(l.indexOf(name) + name.length()).trim()).orElseThrow(() -> new AssertionError(name));
    }

    /** Our architecture name for readelf's Machine, class and data. */
    private static String readelfArch(String header) {
        String machine = field(header, "Machine:");
        boolean wide = field(header, "Class:").equals("ELF64");
        boolean little = field(header, "Data:").contains("little");
        return switch (machine) {
            case "Advanced Micro Devices X86-64" -> "x86_64";
            case "Intel 80386" -> "x86";
            case "AArch64" -> "aarch64";
            case "ARM" -> "arm";
            case "PowerPC" -> "ppc";
            case "PowerPC64" -> little ? "ppc64le" : "ppc64";
            case "IBM S/390" -> "s390x";
            case "RISC-V" -> wide ? "riscv64" : "riscv32";
            case "LoongArch" -> "loongarch64";
            case "Sparc" -> "sparc";
            case "Sparc v9" -> "sparcv9";
            case "Sparc v8+" -> "sparc";
            case "MIPS R3000" -> wide ? (little ? "mips64el" : "mips64") : (little ? "mipsel" : "mips");
            default -> machine;
        };
    }
}
