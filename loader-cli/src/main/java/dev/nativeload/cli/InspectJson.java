package dev.nativeload.cli;

import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.VersionNeed;
import java.nio.ByteOrder;

/**
 * The {@code inspect --json} rendering: one compact JSON object per file.
 *
 * <p>A thin file: {@code path, format, arch, bits, endian, type, os, libc, soname, needed, rpath,
 * runpath, interpreter, delayImports, versionNeeds}. A fat file: {@code path, format, slices}, each
 * slice an object of the thin fields without {@code path}. A failure:
 * {@code {"path": ..., "error": {"kind": ..., "message": ..., "offset": ...}}}.
 */
final class InspectJson {
    private InspectJson() {
    }

    /**
     * Renders one result as a single line of JSON (no line terminator).
     *
     * @param result the result
     * @return the JSON text
     */
    static String render(InspectResult result) {
        JsonWriter json = new JsonWriter().beginObject();
        json.name("path").value(result.path());
        switch (result) {
            case InspectResult.Read read when read.isFat() -> {
                json.name("format").value(read.format().name());
                json.name("slices").beginArray();
                for (BinarySummary slice : read.images()) {
                    json.beginObject();
                    summaryFields(json, slice);
                    json.endObject();
                }
                json.endArray();
            }
            case InspectResult.Read read -> summaryFields(json, read.images().getFirst());
            case InspectResult.Failed failed -> {
                json.name("error").beginObject();
                json.name("kind").value(failed.kind().name());
                json.name("message").value(failed.message());
                json.name("offset");
                if (failed.offset().isPresent()) {
                    json.value(failed.offset().getAsLong());
                } else {
                    json.nullValue();
                }
                json.endObject();
            }
        }
        return json.endObject().toJson();
    }

    private static void summaryFields(JsonWriter json, BinarySummary s) {
        json.name("format").value(s.format().name());
        json.name("arch").value(s.architecture().name());
        json.name("bits").value(s.bits());
        json.name("endian").value(endian(s.byteOrder()));
        json.name("type").value(s.fileType());
        json.name("os").value(s.os().name());
        json.name("libc").value(s.libc().name());
        json.name("soname").value(s.soname().orElse(null));
        json.name("needed").stringArray(s.needed());
        json.name("rpath").stringArray(s.rpath());
        json.name("runpath").stringArray(s.runpath());
        json.name("interpreter").value(s.interpreter().orElse(null));
        json.name("delayImports").stringArray(s.delayImports());
        json.name("versionNeeds").beginArray();
        for (VersionNeed need : s.versionNeeds()) {
            json.beginObject();
            json.name("file").value(need.file());
            json.name("versions").stringArray(need.versions());
            json.endObject();
        }
        json.endArray();
    }

    /** {@return {@code little} or {@code big}} */
    static String endian(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? "big" : "little";
    }
}
