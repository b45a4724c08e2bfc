package dev.nativeload.cli;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.platform.Platform;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders {@code scan}'s verdict. JSON: one object per native, per line,
 * {@code {"archive","entry","format","arch","os","libc","glibc","forTarget","violations":[{"rule","message"}]}}, then
 * {@code {"summary":{"natives","archives","archivesWithoutTargetNative","violations"}}}. Text: one line per archive
 * that ships natives with its verdict, the details indented under it, and a last line of totals.
 */
final class ScanOutput {
    private ScanOutput() {
    }

    /**
     * {@return the JSON lines, each ending in a line break}
     *
     * @param result the verdict
     */
    static String json(ScanResult result) {
        StringBuilder s = new StringBuilder();
        for (ScanResult.Unit unit : result.units()) {
            for (ScanResult.Verdict v : unit.natives()) {
                s.append(nativeJson(v, result.target())).append('\n');
            }
        }
        JsonWriter w = new JsonWriter().beginObject().name("summary").beginObject();
        w.name("natives").value(result.natives());
        w.name("archives").value(result.archives());
        w.name("archivesWithoutTargetNative").stringArray(result.withoutTargetNative());
        w.name("violations").value(result.violations());
        return s.append(w.endObject().endObject().toJson()).append('\n').toString();
    }

    private static String nativeJson(ScanResult.Verdict v, Platform target) {
        ScannedNative n = v.scanned();
        BinarySummary image = image(n, target);
        JsonWriter w = new JsonWriter().beginObject();
        w.name("archive").value(n.archive());
        w.name("entry").value(n.entry());
        w.name("format").value(n.format() == BinaryFormat.FAT_MACHO ? BinaryFormat.MACHO.name() : n.format().name());
        w.name("arch").value(arch(n, target));
        w.name("os").value(image.os().name());
        w.name("libc").value(image.libc().name());
        w.name("glibc").value(highestGlibc(image).map(GlibcVersion::toString).orElse(null));
        w.name("forTarget").value(n.forTarget());
        w.name("violations").beginArray();
        for (Violation violation : v.violations()) {
            w.beginObject().name("rule").value(violation.rule()).name("message").value(violation.message()).endObject();
        }
        w.endArray();
        return w.endObject().toJson();
    }

    /**
     * {@return the text report, each line ending in a line break}
     *
     * @param result the verdict
     */
    static String text(ScanResult result) {
        StringBuilder s = new StringBuilder();
        String target = result.target().id();
        for (ScanResult.Unit unit : result.units()) {
            long mine = unit.natives().stream().filter(v -> v.scanned().forTarget()).count();
            int count = unit.natives().size();
            String natives = count + " native" + (count == 1 ? "" : "s");
            s.append(unit.name()).append(": ");
            if (mine == 0) {
                Set<String> platforms = new LinkedHashSet<>();
                unit.natives().forEach(v -> platforms.add(platformOf(image(v.scanned(), result.target()))));
                s.append("no native for ").append(target).append(" (").append(natives).append(": ")
                        .append(String.join(", ", platforms)).append(")\n");
            } else if (unit.violations() > 0) {
                s.append(unit.violations()).append(" violation").append(unit.violations() == 1 ? "" : "s").append(" (")
                        .append(natives).append(", ").append(mine).append(" for ").append(target).append(")\n");
            } else {
                s.append("ok (").append(natives).append(", ").append(mine).append(" for ").append(target).append(")\n");
            }
            for (ScanResult.Verdict v : unit.natives()) {
                for (Violation violation : v.violations()) {
                    s.append("  ").append(inUnit(v.scanned())).append(": ").append(violation.rule()).append(": ")
                            .append(violation.message()).append('\n');
                }
            }
            for (String note : unit.notes()) {
                s.append("  note: ").append(note).append('\n');
            }
        }
        int without = result.withoutTargetNative().size();
        s.append("scan: ").append(result.natives()).append(" natives in ").append(result.archives())
                .append(" archives for ").append(target).append(": ").append(without).append(" archive")
                .append(without == 1 ? "" : "s").append(" without a native for it, ").append(result.violations())
                .append(" violation").append(result.violations() == 1 ? "" : "s").append('\n');
        return s.toString();
    }

    /** The entry's path inside its own archive. */
    private static String inUnit(ScannedNative n) {
        int bang = n.entry().lastIndexOf("!/");
        return bang < 0 ? n.entry() : n.entry().substring(bang + 2);
    }

    /** The image the target takes: the slice of its machine in a universal file, else the first. */
    private static BinarySummary image(ScannedNative n, Platform target) {
        return n.images().stream().filter(i -> i.architecture().equals(target.arch())).findFirst()
                .orElse(n.images().getFirst());
    }

    /** A universal file's arch is its target slice's, else every slice's, joined with commas. */
    private static String arch(ScannedNative n, Platform target) {
        if (n.format() != BinaryFormat.FAT_MACHO || n.forTarget()) {
            return image(n, target).architecture().name();
        }
        return n.images().stream().map(i -> i.architecture().name()).collect(Collectors.joining(","));
    }

    private static String platformOf(BinarySummary s) {
        return s.os().name().toLowerCase(Locale.ROOT) + "-" + s.architecture().name()
                + (s.libc() == LibcFlavor.MUSL ? "-musl" : "");
    }

    /**
     * {@return the highest {@code GLIBC_x.y} version an image needs}
     *
     * @param s the image
     */
    static Optional<GlibcVersion> highestGlibc(BinarySummary s) {
        Optional<GlibcVersion> max = Optional.empty();
        for (VersionNeed need : s.versionNeeds()) {
            for (String version : need.versions()) {
                Optional<GlibcVersion> v = GlibcVersion.ofSymbolVersion(version);
                if (v.isPresent() && (max.isEmpty() || v.get().compareTo(max.get()) > 0)) {
                    max = v;
                }
            }
        }
        return max;
    }

    /**
     * {@return the problem lines for standard error, each ending in a line break}
     *
     * @param problems what could not be read
     */
    static String problems(List<ScanCollector.Problem> problems) {
        StringBuilder s = new StringBuilder();
        for (ScanCollector.Problem p : problems) {
            s.append("nativeload scan: ").append(p.blocking() ? "" : "warning: ").append(p.where()).append(": ")
                    .append(p.message()).append('\n');
        }
        return s.toString();
    }
}
