package dev.nativeload.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON {@code tree} prints: a node's child by requested name, a string array. */
final class TreeJson {
    private TreeJson() {
    }

    /** {@return the child of {@code node} requested as {@code name}} */
    static JsonNode child(JsonNode node, String name) {
        for (JsonNode c : node.get("children")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no child " + name + " in " + node);
    }

    /** {@return the texts of a JSON array} */
    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
