package dev.nativeload.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.resolver.filter.ScopeArtifactFilter;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the project's runtime dependencies (every jar on its runtime class path, nested archives included) against
 * each of {@code <targets>} with {@code nativeload scan}: the build fails when a dependency ships natives but none
 * built for a target, or a native built for a target breaks a rule (glibc ceiling, run paths, dependencies, JNI
 * symbols). Without {@code <targets>}, the machine the build runs on is the target.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public final class ScanMojo extends NativeloadMojo {
    /** Creates the goal; Maven sets its parameters. */
    public ScanMojo() {
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Map<String, String> dependencies = new LinkedHashMap<>();
        ScopeArtifactFilter runtime = new ScopeArtifactFilter(Artifact.SCOPE_RUNTIME);
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getFile() != null && artifact.getArtifactHandler().isAddedToClasspath() && runtime.include(artifact)) {
                dependencies.put(artifact.getFile().toPath().toAbsolutePath().toString(),
                        artifact.getId() + " (" + artifact.getFile().getName() + ")");
            }
        }
        if (dependencies.isEmpty()) {
            getLog().info("nativeload: the project has no runtime dependencies to scan");
            return;
        }
        List<Path> paths = dependencies.keySet().stream().map(Path::of).toList();
        TargetScan scan = new TargetScan(fork(), project.getBasedir().toPath());
        List<String> failures = new ArrayList<>();
        List<Optional<String>> platforms = targets == null || targets.isEmpty()
                ? List.of(Optional.empty()) : targets.stream().map(String::strip).map(Optional::of).toList();
        for (Optional<String> target : platforms) {
            String name = target.orElse("this machine");
            ScanReport report = scan.scan(target, target.map(this::glibcCeiling).orElse(List.of()), paths);
            List<String> problems = problems(report, name, dependencies);
            problems.forEach(getLog()::error);
            failures.addAll(problems);
            long shipping = report.natives().stream().map(ScannedNative::unit).distinct().count();
            getLog().info("nativeload scan for " + name + ": " + dependencies.size() + " dependencies, " + shipping
                    + " ship natives, " + report.natives().size() + " natives, " + problems.size() + " problem(s)");
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("nativeload: " + failures.size() + " problem(s) with the dependencies' natives:\n"
                    + String.join("\n", failures));
        }
    }

    /** The report's failures, each naming the dependency by its coordinates and file. */
    private static List<String> problems(ScanReport report, String target, Map<String, String> dependencies) {
        List<String> problems = new ArrayList<>();
        for (String unit : report.archivesWithoutTargetNative()) {
            problems.add(shown(unit, dependencies) + " ships natives but none for " + target + " (it has: "
                    + String.join(", ", report.builtFor(unit)) + ")");
        }
        for (ScannedNative n : report.natives()) {
            if (n.forTarget()) {
                for (Violation v : n.violations()) {
                    problems.add(shown(n.archive(), dependencies) + "!/" + n.entry() + ": " + v.rule() + ": " + v.message());
                }
            }
        }
        return problems;
    }

    /** A path nativeload printed, its dependency's file replaced by the dependency's coordinates and file name. */
    private static String shown(String path, Map<String, String> dependencies) {
        int nested = path.indexOf("!/");
        String archive = nested < 0 ? path : path.substring(0, nested);
        String name = dependencies.get(archive);
        return name == null ? path : name + (nested < 0 ? "" : path.substring(nested));
    }
}
