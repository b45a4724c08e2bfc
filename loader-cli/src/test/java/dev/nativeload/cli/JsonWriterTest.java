package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void quoteAndBackslashAreEscapedWithABackslash() {
        assertEquals("\"a\\\"b\\\\c/d\"", JsonWriter.quote("a\"b\\c/d"));
    }

    @Test
    void everyControlCharacterIsEscapedShortFormWhereOneExists() {
        for (char c = 0; c < 0x20; c++) {
            String expected = switch (c) {
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> String.format("\\u%04X", (int) c);
            };
            assertEquals("\"" + expected + "\"", JsonWriter.quote(String.valueOf(c)), "char " + (int) c);
        }
        assertEquals("\"\\u007F\"", JsonWriter.quote("\u007f"));
    }

    @Test
    void loneSurrogatesAreEscapedButAPairIsWrittenAsItIs() {
        assertEquals("\"\\uD800x\"", JsonWriter.quote("\ud800x"));
        assertEquals("\"x\\uDC00\"", JsonWriter.quote("x\udc00"));
        assertEquals("\"\\uDC00\\uD800\"", JsonWriter.quote("\udc00\ud800"), "a low before a high is two lone surrogates");
        assertEquals("\"\uD83D\uDE00\"", JsonWriter.quote("\uD83D\uDE00"));
        assertEquals("\"\\uD83D\"", JsonWriter.quote("\uD83D"), "a high surrogate at the very end");
    }

    @Test
    void lineAndParagraphSeparatorsAreEscapedAndOtherUnicodeIsNot() {
        assertEquals("\"\\u2028\\u2029 é 日本\"", JsonWriter.quote("\u2028\u2029 é 日本"));
    }

    @Test
    void commasSeparateElementsAndMembersAtEveryDepth() {
        String json = new JsonWriter().beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").nullValue().value(true).beginArray().endArray().beginObject().endObject().endArray()
                .name("c").beginObject().name("d").value(-5).name("e").value(false).endObject()
                .name("f").stringArray(List.of("p", "q"))
                .endObject().toJson();
        assertEquals("{\"a\":1,\"b\":[\"x\",null,true,[],{}],\"c\":{\"d\":-5,\"e\":false},\"f\":[\"p\",\"q\"]}", json);
    }

    @Test
    void aNullStringIsWrittenAsJsonNull() {
        assertEquals("{\"s\":null}", new JsonWriter().beginObject().name("s").value((String) null).endObject().toJson());
    }

    @Test
    void misuseThrowsRatherThanProducingInvalidJson() {
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().value(1), "value without a name");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginArray().name("a"), "name in an array");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").name("b"), "two names");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().name("a").endObject(), "name without value");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().endArray(), "mismatched close");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().beginObject().toJson(), "unclosed object");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().toJson(), "nothing written");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().value(1).value(2), "two top-level values");
        assertThrows(IllegalStateException.class, () -> new JsonWriter().name("a"), "name at top level");
    }

    @Property(tries = 2000)
    void anyStringRoundTripsThroughAJsonParser(@ForAll("anyChars") String s) throws Exception {
        String json = new JsonWriter().beginObject().name(s).beginArray().value(s).endArray().endObject().toJson();
        JsonNode node = InspectSchema.JSON.readTree(json);
        String name = node.fieldNames().next();
        assertEquals(s, name);
        assertEquals(s, node.get(name).get(0).textValue());
    }

    @Property(tries = 500)
    void outputHoldsNoRawControlCharacterOrLoneSurrogate(@ForAll("anyChars") String s) {
        String json = JsonWriter.quote(s);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1));
            if (pairedHigh) {
                i++;
                continue;
            }
            if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                throw new AssertionError("raw U+" + Integer.toHexString(c) + " in " + json);
            }
        }
    }

    @Provide
    Arbitrary<String> anyChars() {
        // Biased towards the interesting ranges: controls, quotes, surrogates, separators.
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.chars().range('\u0000', '\u007f')),
                Tuple.of(2, Arbitraries.chars().range('\ud800', '\udfff')),
                Tuple.of(1, Arbitraries.of('\u2028', '\u2029', '"', '\\')),
                Tuple.of(2, Arbitraries.chars().all()));
        return chars.list().ofMaxSize(40).map(list -> {
            StringBuilder sb = new StringBuilder();
            list.forEach(sb::append);
            return sb.toString();
        });
    }
}
