package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Outcome;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.platform.Host;
import dev.nativeload.spi.NativeAccess.MountFlags;
import dev.nativeload.binary.GlibcVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link DoctorResult} for a person: verdict, cause, attempts, then the host. */
final class DoctorText {
    private DoctorText() {
    }

    /**
     * {@return the report, ending with a line break}
     *
     * @param r the run
     */
    static String render(DoctorResult r) {
        StringBuilder s = new StringBuilder();
        if (r.loaded()) {
            s.append("verdict: LOADED ").append(r.target()).append(" from ").append(r.path().orElseThrow()).append('\n');
        } else {
            s.append("verdict: NOT LOADED ").append(r.target()).append('\n');
            r.cause().ifPresent(d -> diagnosis(s, d, "  "));
        }
        List<Attempt> attempts = r.attempts();
        s.append("attempts (").append(attempts.size()).append("):\n");
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            s.append(String.format(Locale.ROOT, "  %d. %s %s [%s] %.2f ms%n",
                    i + 1, a.strategy(), a.target(), a.origin(), a.elapsed().toNanos() / 1e6));
            switch (a.outcome()) {
                case Outcome.Loaded loaded -> s.append("     LOADED ").append(loaded.path()).append('\n');
                case Outcome.Skipped skipped -> {
                    s.append("     SKIPPED\n");
                    diagnosis(s, skipped.why(), "     ");
                }
                case Outcome.Failed failed -> {
                    s.append("     FAILED\n");
                    diagnosis(s, failed.why(), "     ");
                }
            }
        }
        if (!r.unresolved().isEmpty()) {
            s.append("unresolved (").append(r.unresolved().size())
                    .append(", bound offline; neither the library's tree nor this JVM defines them):\n")
                    .append(SymbolOutput.unresolvedText(r.unresolved(), "  ",
                            r.host().host().platform().libcVersion().flatMap(GlibcVersion::parse)));
        }
        host(s, r.host());
        return s.toString();
    }

    private static void diagnosis(StringBuilder s, Diagnosis d, String indent) {
        s.append(indent).append("cause: ").append(d.kind()).append(": ").append(d.cause()).append('\n');
        s.append(indent).append("hint: ").append(d.hint()).append('\n');
        d.dependency().ifPresent(v -> s.append(indent).append("dependency: ").append(v)
                .append(d.neededBy().map(by -> " (needed by " + by + ")").orElse("")).append('\n'));
        d.symbol().ifPresent(v -> s.append(indent).append("symbol: ").append(v).append('\n'));
        d.version().ifPresent(v -> s.append(indent).append("version: ").append(v).append('\n'));
        d.osMessage().ifPresent(v -> s.append(indent).append("os said: ").append(v).append('\n'));
        if (d.errno().isPresent() || d.osCode().isPresent()) {
            s.append(indent).append("errno: ").append(d.errno().map(Enum::name).orElse("?"))
                    .append(d.osCode().isPresent() ? " (" + d.osCode().getAsInt() + ")" : "").append('\n');
        }
    }

    private static void host(StringBuilder s, DoctorResult.HostFacts facts) {
        Host h = facts.host();
        s.append("host:\n");
        s.append("  platform: ").append(h.platformId()).append('\n');
        s.append("  os: ").append(h.os()).append(", arch: ").append(h.arch().name()).append('\n');
        s.append("  libc: ").append(h.libc()).append(' ').append(h.libcVersion().orElse("(version unknown)")).append('\n');
        s.append("  page size: ").append(h.pageSize()).append(h.translated() ? ", translated (Rosetta)" : "").append('\n');
        s.append("  native access: ").append(facts.access()).append('\n');
        s.append("mounts:\n");
        if (facts.mounts().isEmpty()) {
            s.append("  (no directory was involved)\n");
        }
        for (DoctorResult.Mount m : facts.mounts()) {
            s.append("  ").append(m.directory()).append(": ")
                    .append(m.flags().map(DoctorText::flags).orElse("(absent or unreadable)")).append('\n');
        }
        s.append("environment:\n");
        entries(s, facts.variables());
        s.append("properties:\n");
        entries(s, facts.properties());
    }

    private static String flags(MountFlags f) {
        return (f.readOnly() ? "ro" : "rw") + "," + (f.noExec() ? "noexec" : "exec") + "," + (f.noSuid() ? "nosuid" : "suid");
    }

    private static void entries(StringBuilder s, Map<String, String> values) {
        values.forEach((k, v) -> s.append("  ").append(k).append('=').append(v == null ? "(unset)" : v).append('\n'));
    }
}
