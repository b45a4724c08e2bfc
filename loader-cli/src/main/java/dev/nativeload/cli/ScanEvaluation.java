package dev.nativeload.cli;

import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what {@code scan} collected into its verdict: {@link Verifier}'s rules for each native built for the target
 * (a dependency shipped anywhere in the run counts as shipped), and {@link JniLinkage} for each archive's classes.
 */
final class ScanEvaluation {
    private ScanEvaluation() {
    }

    /**
     * {@return the verdict}
     *
     * @param found    what the walk collected
     * @param target   the platform
     * @param maxGlibc the newest glibc natives may need, if limited
     */
    static ScanResult evaluate(ScanCollector found, Platform target, Optional<GlibcVersion> maxGlibc) {
        List<ScannedNative> all = found.natives();
        List<ScannedNative> forTarget = all.stream().filter(ScannedNative::forTarget).toList();
        Verifier verifier = new Verifier(target, maxGlibc, forTarget.stream().map(ScannedNative::asRead).toList());
        Map<String, List<ScannedNative>> byUnit = new LinkedHashMap<>();
        for (ScannedNative n : all) {
            byUnit.computeIfAbsent(n.unit(), u -> new ArrayList<>()).add(n);
        }
        List<ScanResult.Unit> units = new ArrayList<>();
        for (Map.Entry<String, List<ScannedNative>> e : byUnit.entrySet()) {
            List<ScannedNative> unitTarget = e.getValue().stream().filter(ScannedNative::forTarget).toList();
            JniLinkage.Result jni = JniLinkage.check(found.nativeMethods().getOrDefault(e.getKey(), Set.of()),
                    unitTarget, forTarget, target.id());
            List<ScanResult.Verdict> verdicts = new ArrayList<>();
            for (ScannedNative n : e.getValue()) {
                List<Violation> violations = new ArrayList<>();
                if (n.forTarget()) {
                    violations.addAll(verifier.verify(n.asRead()));
                    violations.addAll(jni.violations());
                }
                verdicts.add(new ScanResult.Verdict(n, violations));
            }
            units.add(new ScanResult.Unit(e.getKey(), verdicts, jni.notes()));
        }
        return new ScanResult(target, units, all.size(), found.archives(), found.problems());
    }
}
