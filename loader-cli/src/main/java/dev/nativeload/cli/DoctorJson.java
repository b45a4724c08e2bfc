package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Outcome;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess.MountFlags;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link DoctorResult} as one compact JSON object:
 * {@code loaded}, {@code path} (null when nothing loaded), {@code cause} (null when loaded),
 * {@code attempts}, {@code host} and {@code unresolved} ({@code [{"symbol","version","object","weak"}]}, as
 * {@code tree --symbols} writes it: references neither the file's tree nor the trial JVM defines).
 *
 * <p>A cause is {@code {"kind","message","hint"}} plus, where they apply, {@code dependency},
 * {@code neededBy}, {@code symbol}, {@code version}, {@code osMessage}, {@code errno} (the symbolic
 * name) and {@code osCode} (the raw number). An attempt is {@code strategy}, {@code origin},
 * {@code target}, {@code outcome} ({@code LOADED}, {@code SKIPPED} or {@code FAILED}),
 * {@code elapsedMicros}, and {@code path} when it loaded or {@code cause} when it did not.
 */
final class DoctorJson {
    private DoctorJson() {
    }

    /**
     * {@return the JSON object for one doctor run, without a line break}
     *
     * @param result the run
     */
    static String render(DoctorResult result) {
        JsonWriter w = new JsonWriter().beginObject();
        w.name("target").value(result.target());
        w.name("loaded").value(result.loaded());
        w.name("path").value(result.path().map(String::valueOf).orElse(null));
        w.name("cause");
        cause(w, result.cause());
        w.name("attempts").beginArray();
        for (Attempt a : result.attempts()) {
            attempt(w, a);
        }
        w.endArray();
        w.name("host");
        host(w, result.host());
        SymbolOutput.unresolvedJson(w, result.unresolved());
        return w.endObject().toJson();
    }

    private static void attempt(JsonWriter w, Attempt a) {
        w.beginObject();
        w.name("strategy").value(a.strategy());
        w.name("origin").value(a.origin().toString());
        w.name("source").value(a.origin().source().name());
        w.name("target").value(a.target());
        switch (a.outcome()) {
            case Outcome.Loaded loaded -> w.name("outcome").value("LOADED").name("path").value(loaded.path().toString());
            case Outcome.Skipped skipped -> {
                w.name("outcome").value("SKIPPED").name("cause");
                cause(w, Optional.of(skipped.why()));
            }
            case Outcome.Failed failed -> {
                w.name("outcome").value("FAILED").name("cause");
                cause(w, Optional.of(failed.why()));
            }
        }
        w.name("elapsedMicros").value(a.elapsed().toNanos() / 1_000);
        w.endObject();
    }

    private static void cause(JsonWriter w, Optional<Diagnosis> cause) {
        if (cause.isEmpty()) {
            w.nullValue();
            return;
        }
        Diagnosis d = cause.get();
        w.beginObject();
        w.name("kind").value(d.kind().name());
        w.name("message").value(d.cause());
        w.name("hint").value(d.hint());
        optional(w, "dependency", d.dependency());
        optional(w, "neededBy", d.neededBy());
        optional(w, "symbol", d.symbol());
        optional(w, "version", d.version());
        optional(w, "osMessage", d.osMessage());
        optional(w, "errno", d.errno().map(Enum::name));
        if (d.osCode().isPresent()) {
            w.name("osCode").value(d.osCode().getAsInt());
        }
        w.endObject();
    }

    private static void optional(JsonWriter w, String name, Optional<String> value) {
        value.ifPresent(v -> w.name(name).value(v));
    }

    private static void host(JsonWriter w, DoctorResult.HostFacts facts) {
        Host h = facts.host();
        w.beginObject();
        w.name("platform").value(h.platformId());
        w.name("os").value(h.os().name());
        w.name("arch").value(h.arch().name());
        w.name("libc").value(h.libc().name());
        w.name("libcVersion").value(h.libcVersion().orElse(null));
        w.name("pageSize").value(h.pageSize());
        w.name("translated").value(h.translated());
        w.name("nativeAccess").value(facts.access());
        w.name("mounts").beginArray();
        for (DoctorResult.Mount m : facts.mounts()) {
            w.beginObject().name("directory").value(m.directory().toString());
            w.name("flags");
            if (m.flags().isEmpty()) {
                w.nullValue();
            } else {
                MountFlags f = m.flags().get();
                w.beginObject().name("noExec").value(f.noExec()).name("readOnly").value(f.readOnly())
                        .name("noSuid").value(f.noSuid()).endObject();
            }
            w.endObject();
        }
        w.endArray();
        w.name("environment");
        map(w, facts.variables());
        w.name("properties");
        map(w, facts.properties());
        w.endObject();
    }

    private static void map(JsonWriter w, Map<String, String> values) {
        w.beginObject();
        values.forEach((k, v) -> w.name(k).value(v));
        w.endObject();
    }
}
