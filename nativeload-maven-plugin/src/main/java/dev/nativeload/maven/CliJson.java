package dev.nativeload.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/** Reads the JSON lines nativeload prints with {@code --json} into the plugin's records. */
final class CliJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CliJson() {
    }

    /**
     * {@return the verdicts of {@code nativeload verify --json}, one per non-blank line}
     *
     * @param lines its standard output
     * @throws MojoExecutionException when a line is not one of verify's objects
     */
    static List<FileVerdict> verifyVerdicts(List<String> lines) throws MojoExecutionException {
        List<FileVerdict> verdicts = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = object(line, "verify");
            verdicts.add(new FileVerdict(text(node, "path", line), bool(node, "ok", line), violations(node.get("violations"), line)));
        }
        return verdicts;
    }

    /**
     * {@return the natives and summary of {@code nativeload scan --json}}
     *
     * @param lines its standard output: one object per native, then {@code {"summary": ...}}
     * @throws MojoExecutionException when a line is not one of scan's objects, or the summary is missing
     */
    static ScanReport scanReport(List<String> lines) throws MojoExecutionException {
        List<ScannedNative> natives = new ArrayList<>();
        List<String> without = null;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = object(line, "scan");
            JsonNode summary = node.get("summary");
            if (summary != null) {
                JsonNode list = summary.get("archivesWithoutTargetNative");
                if (list == null || !list.isArray()) {
                    throw unexpected("\"archivesWithoutTargetNative\" is missing or not an array", line);
                }
                without = new ArrayList<>();
                for (JsonNode archive : list) {
                    without.add(archive.asText());
                }
                continue;
            }
            natives.add(new ScannedNative(text(node, "archive", line), text(node, "entry", line), text(node, "os", line),
                    text(node, "arch", line), bool(node, "forTarget", line), violations(node.get("violations"), line)));
        }
        if (without == null) {
            throw new MojoExecutionException("nativeload scan printed no summary line");
        }
        return new ScanReport(natives, without);
    }

    /**
     * {@return the violations in a JSON array of {@code {"rule","message"}} objects}
     *
     * @param array the array (missing or null: none)
     * @param line  the whole line, for the error message
     * @throws MojoExecutionException when an element lacks its rule or message
     */
    static List<Violation> violations(JsonNode array, String line) throws MojoExecutionException {
        List<Violation> violations = new ArrayList<>();
        if (array == null || array.isNull()) {
            return violations;
        }
        if (!array.isArray()) {
            throw unexpected("\"violations\" is not an array", line);
        }
        for (JsonNode v : array) {
            violations.add(new Violation(text(v, "rule", line), text(v, "message", line)));
        }
        return violations;
    }

    /**
     * {@return the line parsed as a JSON object}
     *
     * @param line    one line of nativeload's output
     * @param command the subcommand that printed it, for the error message
     * @throws MojoExecutionException when it is not a JSON object
     */
    static JsonNode object(String line, String command) throws MojoExecutionException {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw unexpected("nativeload " + command + " printed something other than a JSON object", line);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MojoExecutionException("nativeload " + command + " printed a line that is not JSON ("
                    + e.getOriginalMessage() + "): " + line, e);
        }
    }

    /**
     * {@return a member that must be a string}
     *
     * @param node the object
     * @param name the member
     * @param line the whole line, for the error message
     * @throws MojoExecutionException when it is missing or not a string
     */
    static String text(JsonNode node, String name, String line) throws MojoExecutionException {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual()) {
            throw unexpected("\"" + name + "\" is missing or not a string", line);
        }
        return value.asText();
    }

    /**
     * {@return a member that must be a boolean}
     *
     * @param node the object
     * @param name the member
     * @param line the whole line, for the error message
     * @throws MojoExecutionException when it is missing or not a boolean
     */
    static boolean bool(JsonNode node, String name, String line) throws MojoExecutionException {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw unexpected("\"" + name + "\" is missing or not a boolean", line);
        }
        return value.asBoolean();
    }

    private static MojoExecutionException unexpected(String what, String line) {
        return new MojoExecutionException("unexpected output from nativeload: " + what + " in " + line);
    }
}
