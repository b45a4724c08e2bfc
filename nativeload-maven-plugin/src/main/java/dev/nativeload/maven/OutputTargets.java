package dev.nativeload.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The verify goal's {@code <targets>}: the project's output (classes directory and jar) scanned for each target with
 * {@code nativeload scan}. One native built for the target (by its headers) must exist anywhere in it, and those
 * outside the platform directories the layout check already covered must pass the target's rules.
 */
final class OutputTargets {
    private final TargetScan scan;
    private final String prefix;
    private final Log log;

    /**
     * @param scan   runs nativeload scan
     * @param prefix the layout's top directory
     * @param log    where each target's verdict is logged
     */
    OutputTargets(TargetScan scan, String prefix, Log log) {
        this.scan = scan;
        this.prefix = prefix;
        this.log = log;
    }

    /**
     * {@return the problems found, one line each; empty when every target is covered and its natives pass}
     *
     * @param roots            the classes directory and the jar, each with how the build shows its entries
     *                         ({@code target/classes/}, {@code target/app-1.0.jar!/})
     * @param targets          the platform ids
     * @param glibc            the {@code --max-glibc} arguments for a platform id
     * @param checkedPlatforms the platform directories the layout check covered
     * @throws MojoExecutionException when nativeload breaks
     * @throws MojoFailureException   when it refuses a target or cannot read the output
     */
    List<String> check(Map<Path, String> roots, List<String> targets, Function<String, List<String>> glibc,
                       Set<String> checkedPlatforms) throws MojoExecutionException, MojoFailureException {
        List<String> failures = new ArrayList<>();
        for (String target : targets) {
            ScanReport report = roots.isEmpty() ? new ScanReport(List.of(), List.of())
                    : scan.scan(Optional.of(target), glibc.apply(target), List.copyOf(roots.keySet()));
            // Keyed by entry and problem: the classes directory and the jar hold the same entries, each problem once.
            Map<String, String> problems = new LinkedHashMap<>();
            if (!report.hasTargetNative()) {
                List<String> has = report.natives().stream().map(ScannedNative::builtFor).distinct().toList();
                problems.put("", "the project ships no native for " + target
                        + (has.isEmpty() ? "" : " (it has: " + String.join(", ", has) + ")"));
            }
            for (ScannedNative n : report.natives()) {
                boolean covered = checkedPlatforms.stream().anyMatch(id -> n.entry().startsWith(prefix + "/" + id + "/"));
                if (n.forTarget() && !covered) {
                    for (Violation v : n.violations()) {
                        String problem = n.entry() + ": " + v.rule() + ": " + v.message();
                        problems.putIfAbsent(problem, roots.getOrDefault(Path.of(n.archive()), n.archive() + "!/") + problem);
                    }
                }
            }
            if (problems.isEmpty()) {
                log.info("nativeload: the project's natives for " + target + " are ok");
            }
            problems.values().forEach(log::error);
            failures.addAll(problems.values());
        }
        return failures;
    }
}
