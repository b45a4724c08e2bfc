package dev.nativeload.cli;

import dev.nativeload.platform.Platform;

import java.util.List;

/** Renders one file's verdict from {@code verify}, as text lines or one JSON object. */
final class VerifyOutput {
    private VerifyOutput() {
    }

    /**
     * {@return one line per violation, {@code PATH: rule: message}, or {@code PATH: ok}; each ends in a line break}
     *
     * @param path       the file as given
     * @param violations its violations
     */
    static String text(String path, List<Violation> violations) {
        if (violations.isEmpty()) {
            return path + ": ok\n";
        }
        StringBuilder s = new StringBuilder();
        for (Violation v : violations) {
            s.append(path).append(": ").append(v.rule()).append(": ").append(v.message()).append('\n');
        }
        return s.toString();
    }

    /**
     * {@return {@code {"path","target","ok","violations":[{"rule","message"}]}} without a line break}
     *
     * @param path       the file as given
     * @param target     the platform checked against
     * @param violations its violations
     */
    static String json(String path, Platform target, List<Violation> violations) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("path").value(path);
        w.name("target").value(target.id());
        w.name("ok").value(violations.isEmpty());
        w.name("violations").beginArray();
        for (Violation v : violations) {
            w.beginObject().name("rule").value(v.rule()).name("message").value(v.message()).endObject();
        }
        w.endArray();
        return w.endObject().toJson();
    }
}
