package dev.nativeload.binary.pe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The API set schema (version 6) on schemas assembled here: lookup rules, and broken input. */
class ApiSetSchemaTest {

    /**
     * A version 6 schema with two contracts: {@code api-ms-win-core-demo-l1-1-0} (default host
     * {@code demobase.dll}, {@code demobase.dll} itself importing it gets {@code demo.dll}) and
     * {@code ext-ms-win-gone-l1-1-0} with an empty host.
     */
    static byte[] schema() {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        int strings = 200;
        int[] next = {strings};
        b.putInt(0, 6).putInt(4, 512).putInt(12, 2).putInt(16, 28);
        int values = 28 + 2 * 24;
        entry(b, 28, "api-ms-win-core-demo-l1-1-0", values, 2, next);
        value(b, values, "", "demobase.dll", next);
        value(b, values + 20, "demobase.dll", "demo.dll", next);
        entry(b, 52, "ext-ms-win-gone-l1-1-0", values + 40, 1, next);
        value(b, values + 40, "", "", next);
        return b.array();
    }

    private static void entry(ByteBuffer b, int at, String name, int values, int count, int[] next) {
        int offset = string(b, name, next);
        b.putInt(at + 4, offset).putInt(at + 8, name.length() * 2).putInt(at + 12, name.lastIndexOf('-') * 2)
                .putInt(at + 16, values).putInt(at + 20, count);
    }

    private static void value(ByteBuffer b, int at, String importer, String host, int[] next) {
        b.putInt(at + 4, string(b, importer, next)).putInt(at + 8, importer.length() * 2);
        b.putInt(at + 12, string(b, host, next)).putInt(at + 16, host.length() * 2);
    }

    private static int string(ByteBuffer b, String s, int[] next) {
        int at = next[0];
        b.put(at, s.getBytes(StandardCharsets.UTF_16LE));
        next[0] += s.length() * 2;
        return at;
    }

    private static ApiSetSchema parse(byte[] bytes) throws MalformedBinaryException {
        return ApiSetSchema.parse(BinaryData.of(bytes, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void contractMapsToItsDefaultHostAndToTheExceptionForTheImporterItNames() throws Exception {
        ApiSetSchema s = parse(schema());
        ApiSetSchema.Contract demo = s.find("API-MS-WIN-CORE-DEMO-L1-1-3.DLL").orElseThrow();
        assertEquals("api-ms-win-core-demo-l1-1-0", demo.name());
        assertEquals(Optional.of("demobase.dll"), demo.hostFor("app.exe"));
        assertEquals(Optional.of("demo.dll"), demo.hostFor("DemoBase.dll"), "the host importing its own contract gets the exception");
        assertEquals(Optional.empty(), s.find("ext-ms-win-gone-l1-1-0.dll").orElseThrow().hostFor("app.exe"), "an empty host is none");
        assertEquals(Optional.empty(), s.find("api-ms-win-core-demo-l2-1-0.dll"), "another level is another contract");
        assertTrue(ApiSetSchema.isContract("EXT-MS-WIN-x.dll") && !ApiSetSchema.isContract("kernel32.dll"));
    }

    @Test
    void otherSchemaVersionsAreRejectedByName() {
        byte[] bytes = schema();
        bytes[0] = 4;
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> parse(bytes));
        assertEquals("API set schema version 4 is not read (only version 6, Windows 10 and later)", e.problem());
    }

    @Test
    void entryCountPastTheEndIsRejectedBeforeAnythingIsRead() {
        byte[] bytes = schema();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(12, 0x7fff_ffff);
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> parse(bytes));
        assertTrue(e.problem().startsWith("invalid API set entry count 2147483647"), e.problem());
    }

    @Test
    void aDllWithoutAnApisetSectionIsNotASchema() throws Exception {
        BinaryData dep = BinaryData.map(dev.nativeload.binary.testing.TestData.path("pe", "mingw-x86_64", "dep.dll"));
        MalformedBinaryException e = assertThrows(MalformedBinaryException.class, () -> ApiSetSchema.read(dep));
        assertEquals("no .apiset section: not an API set schema", e.problem());
    }

    @Property(tries = 400)
    void everyTruncationEndsInASchemaOrMalformedBinaryException(@ForAll @IntRange(min = 0, max = 511) int length) {
        outcome(Arrays.copyOf(schema(), length));
    }

    @Property(tries = 1000)
    void everyCorruptedWordEndsInASchemaOrMalformedBinaryException(@ForAll @IntRange(min = 0, max = 127) int word,
                                                                     @ForAll int value) {
        byte[] bytes = schema();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(word * 4, value);
        outcome(bytes);
    }

    /** Parses and uses the schema: any failure but MalformedBinaryException fails the property. */
    private static void outcome(byte[] bytes) {
        try {
            ApiSetSchema s = parse(bytes);
            for (String name : List.of("api-ms-win-core-demo-l1-1-0", "ext-ms-win-gone-l1-1-0")) {
                s.find(name).ifPresent(c -> c.hostFor("demobase.dll"));
            }
        } catch (MalformedBinaryException e) {
            assertTrue(!e.getMessage().isBlank());
        }
    }
}
