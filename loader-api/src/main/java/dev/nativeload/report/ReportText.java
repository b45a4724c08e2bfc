package dev.nativeload.report;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders a {@link LoadReport} as text a person reads in a log. */
final class ReportText {
    private ReportText() {
    }

    static String render(LoadReport report) {
        return render(report, report.cause());
    }

    static String render(LoadReport report, Optional<Diagnosis> cause) {
        StringBuilder out = new StringBuilder();
        var host = report.host();
        String hostText = host.platformId() + host.libcVersion().map(v -> ", " + host.libc().name().toLowerCase(Locale.ROOT) + " " + v).orElse("");
        if (report.loaded()) {
            out.append("loaded library \"").append(report.library()).append("\" from ")
                    .append(report.loadedPath().orElseThrow()).append(" (").append(hostText).append(", ")
                    .append(millis(report.elapsed())).append(")\n");
        } else {
            out.append("could not load library \"").append(report.library()).append("\" (").append(hostText).append(")\n");
            cause.ifPresent(d -> {
                out.append("  cause: ").append(d.cause()).append(" [").append(d.kind()).append("]\n");
                out.append("  hint:  ").append(d.hint()).append('\n');
            });
        }
        List<Attempt> attempts = report.attempts();
        out.append("  attempts (").append(attempts.size()).append("):\n");
        int width = attempts.stream().mapToInt(a -> a.strategy().length()).max().orElse(0);
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            out.append(String.format(Locale.ROOT, "  %3d. %-" + width + "s  %s  [%s]%n", i + 1, a.strategy(), a.target(), a.origin()));
            out.append("       ").append(outcomeText(a)).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static String outcomeText(Attempt a) {
        return switch (a.outcome()) {
            case Outcome.Loaded loaded -> "LOADED " + loaded.path();
            case Outcome.Skipped skipped -> "skipped " + diagnosisText(skipped.why());
            case Outcome.Failed failed -> "FAILED " + diagnosisText(failed.why());
        };
    }

    private static String diagnosisText(Diagnosis d) {
        StringBuilder s = new StringBuilder().append(d.kind()).append(": ").append(d.cause());
        d.osMessage().ifPresent(m -> s.append("\n         os said: ").append(m));
        d.errno().ifPresent(e -> s.append(" (").append(e).append(d.osCode().isPresent() ? " " + d.osCode().getAsInt() : "").append(')'));
        if (d.errno().isEmpty() && d.osCode().isPresent()) {
            s.append(" (code ").append(d.osCode().getAsInt()).append(')');
        }
        return s.toString();
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1e6);
    }
}
