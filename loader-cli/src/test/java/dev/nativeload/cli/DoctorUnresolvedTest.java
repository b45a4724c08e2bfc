package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor} lists every reference nothing defines, bound offline in the trial JVM, not only the first dlerror names. */
@EnabledOnOs(OS.LINUX)
class DoctorUnresolvedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyUndefinedFunctionIsListedWithItsReferrerInJsonAndTextThoughDlerrorNamesOnlyOne() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "two", "void nl_first_gone(void);\nvoid nl_second_gone(void);\n"
                + "void f(void) { nl_first_gone(); nl_second_gone(); }\n", "-shared", "-fPIC", "-o", "libtwo.so");
        String lib = dir.resolve("libtwo.so").toString();
        CliRun run = CliRun.run(dir, "doctor", "--json", lib);
        assertEquals(1, run.status(), run.out());
        JsonNode doc = JSON.readTree(run.outLines().get(0));
        assertEquals("UNDEFINED_SYMBOL", doc.get("cause").get("kind").asText(), run.out());
        List<String> listed = new ArrayList<>();
        for (JsonNode u : doc.get("unresolved")) {
            assertEquals(lib, u.get("object").asText());
            assertTrue(u.get("version").isNull());
            listed.add(u.get("symbol").asText());
        }
        assertEquals(List.of("nl_first_gone", "nl_second_gone"), listed.stream().sorted().toList(), run.out());

        CliRun text = CliRun.run(dir, "doctor", lib);
        assertTrue(text.out().contains("  undefined symbol: nl_second_gone\t(" + lib + ")"), text.out());
    }

    @Test
    void aLibjvmFunctionWithoutDtNeededIsNotUnresolvedAndTheLibraryLoads() throws Exception {
        CCompiler.require("gcc");
        CCompiler.compile(dir, "gcc", "jvm", """
                typedef struct JavaVM_ JavaVM;
                int JNI_GetCreatedJavaVMs(JavaVM **vms, int size, int *count);
                int nl_vms(void) { int n = 0; JNI_GetCreatedJavaVMs(0, 0, &n); return n; }
                """, "-shared", "-fPIC", "-o", "libjvmuser.so");
        CliRun run = CliRun.run(dir, "doctor", "--json", dir.resolve("libjvmuser.so").toString());
        JsonNode doc = JSON.readTree(run.outLines().get(0));
        assertTrue(doc.get("loaded").asBoolean(), run.out());
        assertEquals(0, doc.get("unresolved").size(), run.out());
        assertEquals(0, run.status());
    }
}
