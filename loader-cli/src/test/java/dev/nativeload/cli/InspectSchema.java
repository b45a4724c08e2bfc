package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks objects printed by {@code inspect --json} against the documented schema, parsed by Jackson. */
final class InspectSchema {
    static final ObjectMapper JSON = new ObjectMapper();

    static final Set<String> FORMATS = Set.of("ELF", "PE", "MACHO", "FAT_MACHO");
    static final List<String> IMAGE_FIELDS = List.of("format", "arch", "bits", "endian", "type", "os", "libc",
            "soname", "needed", "rpath", "runpath", "interpreter", "delayImports", "versionNeeds");
    static final Set<String> ERROR_KINDS = Set.of("MALFORMED", "NOT_A_BINARY", "IO");

    private InspectSchema() {
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not valid JSON: " + line, e);
        }
    }

    /** Checks one line: a thin file, a fat file or an error object, with {@code path} first. */
    static JsonNode assertFileObject(String line) {
        JsonNode node = parse(line);
        assertTrue(node.isObject(), line);
        assertTrue(node.path("path").isTextual(), "path must be a string: " + line);
        if (node.has("error")) {
            assertFieldNames(node, List.of("path", "error"));
            JsonNode error = node.get("error");
            assertFieldNames(error, List.of("kind", "message", "offset"));
            assertTrue(ERROR_KINDS.contains(error.get("kind").asText()), line);
            assertTrue(error.get("message").isTextual(), line);
            assertTrue(error.get("offset").isNull() || error.get("offset").canConvertToLong(), line);
        } else if ("FAT_MACHO".equals(node.path("format").asText())) {
            assertFieldNames(node, List.of("path", "format", "slices"));
            assertTrue(node.get("slices").isArray(), line);
            for (JsonNode slice : node.get("slices")) {
                assertImageObject(slice);
                assertEquals("MACHO", slice.get("format").asText(), line);
            }
        } else {
            List<String> fields = new ArrayList<>(List.of("path"));
            fields.addAll(IMAGE_FIELDS);
            assertFieldNames(node, fields);
            assertImageObject(node);
        }
        return node;
    }

    static void assertImageObject(JsonNode node) {
        assertFieldNames(node, node.has("path") ? withPath() : IMAGE_FIELDS);
        assertTrue(FORMATS.contains(node.get("format").asText()), node.toString());
        assertTrue(node.get("arch").isTextual() && !node.get("arch").asText().isBlank(), node.toString());
        int bits = node.get("bits").asInt();
        assertTrue(node.get("bits").isInt() && (bits == 32 || bits == 64), node.toString());
        assertTrue(Set.of("little", "big").contains(node.get("endian").asText()), node.toString());
        for (String text : List.of("type", "os", "libc")) {
            assertTrue(node.get(text).isTextual(), text + " must be a string: " + node);
        }
        for (String nullable : List.of("soname", "interpreter")) {
            assertTrue(node.get(nullable).isNull() || node.get(nullable).isTextual(), nullable + ": " + node);
        }
        for (String array : List.of("needed", "rpath", "runpath", "delayImports")) {
            assertStringArray(node.get(array), array);
        }
        assertTrue(node.get("versionNeeds").isArray(), node.toString());
        for (JsonNode need : node.get("versionNeeds")) {
            assertFieldNames(need, List.of("file", "versions"));
            assertTrue(need.get("file").isTextual(), need.toString());
            assertStringArray(need.get("versions"), "versions");
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<String> withPath() {
        List<String> fields = new ArrayList<>(List.of("path"));
        fields.addAll(IMAGE_FIELDS);
        return fields;
    }

    private static void assertStringArray(JsonNode node, String name) {
        if (node == null || !node.isArray()) {
            fail(name + " must be an array, was " + node);
        }
        node.forEach(e -> assertTrue(e.isTextual(), name + " must hold strings: " + node));
    }

    private static void assertFieldNames(JsonNode node, List<String> expected) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        assertEquals(expected, names, "fields of " + node);
    }
}
