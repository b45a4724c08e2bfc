package dev.nativeload.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the natives the project ships: each file under a platform directory of the default layout
 * ({@code native/<platform-id>/}, in {@code target/classes} and in the packaged jar) is checked against that
 * platform by {@code nativeload verify} (format, OS, architecture and C library, the glibc ceiling, run paths,
 * dependencies), and the build fails with nativeload's messages when one may not ship.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends NativeloadMojo {
    /** The compiled output, whose {@code native/<platform-id>/} directories are checked. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /**
     * The top directory of the layout, {@code native} by default; set it when the natives are shaded under another
     * prefix ({@code Layouts.classifier(prefix)} in the loader).
     */
    @Parameter(property = "nativeload.prefix", defaultValue = "native", required = true)
    private String prefix;

    /** Creates the goal; Maven sets its parameters. */
    public VerifyMojo() {
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        LayoutNatives natives = new LayoutNatives(prefix, project.getBasedir().toPath());
        try {
            natives.addDirectory(classesDirectory.toPath());
            File jar = project.getArtifact().getFile();
            if (jar != null && jar.isFile() && jar.getName().endsWith(".jar")) {
                natives.addJar(jar.toPath(), workDirectory().resolve("jar"));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the project's natives: " + e.getMessage(), e);
        }
        Map<String, List<NativeFile>> byPlatform = new TreeMap<>();
        for (NativeFile file : natives.files()) {
            byPlatform.computeIfAbsent(file.platformId(), id -> new ArrayList<>()).add(file);
        }
        boolean withTargets = targets != null && !targets.isEmpty();
        if (byPlatform.isEmpty() && !withTargets) {
            getLog().info("nativeload: no natives under " + prefix + "/<platform-id>/ in " + classesDirectory
                    + " or the packaged jar");
            return;
        }
        CliFork fork = fork();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<NativeFile>> platform : byPlatform.entrySet()) {
            failures.addAll(verify(fork, platform.getKey(), platform.getValue()));
        }
        if (withTargets) {
            failures.addAll(verifyTargets(fork, byPlatform.keySet()));
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("nativeload: " + failures.size() + " problem(s) with the natives:\n"
                    + String.join("\n", failures));
        }
    }

    /**
     * Checks the output against each of {@code <targets>} with {@code nativeload scan}: natives anywhere in it (found
     * by their bytes) must include one built for each target, and those outside the platform directories already
     * checked must pass its rules.
     */
    private List<String> verifyTargets(CliFork fork, Set<String> checkedPlatforms)
            throws MojoExecutionException, MojoFailureException {
        Map<String, String> roots = new LinkedHashMap<>();
        Path base = project.getBasedir().toPath().toAbsolutePath();
        if (classesDirectory.isDirectory()) {
            roots.put(classesDirectory.getAbsolutePath(), base.relativize(classesDirectory.toPath().toAbsolutePath()) + "/");
        }
        File jar = project.getArtifact().getFile();
        if (jar != null && jar.isFile() && jar.getName().endsWith(".jar")) {
            roots.put(jar.getAbsolutePath(), base.relativize(jar.toPath().toAbsolutePath()) + "!/");
        }
        List<String> failures = new ArrayList<>();
        TargetScan scan = new TargetScan(fork, base);
        for (String target : targets.stream().map(String::strip).toList()) {
            ScanReport report = roots.isEmpty() ? new ScanReport(List.of(), List.of())
                    : scan.scan(Optional.of(target), glibcCeiling(target), roots.keySet().stream().map(Path::of).toList());
            // Keyed by entry and problem: the classes directory and the jar hold the same entries, each problem once.
            Map<String, String> problems = new LinkedHashMap<>();
            if (!report.hasTargetNative()) {
                List<String> has = report.natives().stream().map(ScannedNative::builtFor).distinct().toList();
                problems.put("", "the project ships no native for " + target
                        + (has.isEmpty() ? "" : " (it has: " + String.join(", ", has) + ")"));
            }
            for (ScannedNative n : report.natives()) {
                boolean checked = checkedPlatforms.stream().anyMatch(id -> n.entry().startsWith(prefix + "/" + id + "/"));
                if (n.forTarget() && !checked) {
                    for (Violation v : n.violations()) {
                        String problem = n.entry() + ": " + v.rule() + ": " + v.message();
                        problems.putIfAbsent(problem, roots.getOrDefault(n.archive(), n.archive() + "!/") + problem);
                    }
                }
            }
            if (problems.isEmpty()) {
                getLog().info("nativeload: the project's natives for " + target + " are ok");
            }
            problems.values().forEach(getLog()::error);
            failures.addAll(problems.values());
        }
        return failures;
    }

    /** Checks one platform's files in one run (a dependency on another of them counts as shipped). */
    private List<String> verify(CliFork fork, String platformId, List<NativeFile> files)
            throws MojoExecutionException, MojoFailureException {
        Map<String, NativeFile> byArgument = new TreeMap<>();
        for (NativeFile file : files) {
            byArgument.put(file.file().toAbsolutePath().toString(), file);
        }
        Path list = workDirectory().resolve("verify-" + platformId + ".txt");
        try {
            Files.createDirectories(list.getParent());
            Files.write(list, byArgument.keySet(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + list + ": " + e.getMessage(), e);
        }
        List<String> arguments = new ArrayList<>(List.of("verify", "--target", platformId));
        arguments.addAll(glibcCeiling(platformId));
        arguments.add("--json");
        arguments.add("@" + list);
        ForkResult result = fork.run(arguments, project.getBasedir().toPath());
        String directory = prefix + "/" + platformId + "/";
        if (result.exitCode() == 2) {
            throw new MojoFailureException("nativeload verify refused to check " + directory + " (usage error: is "
                    + platformId + " a platform id such as linux-x86_64, and <maxGlibc> a version such as 2.28?):\n"
                    + result.stderrText());
        }
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new MojoExecutionException("nativeload verify failed on " + directory + " with exit status "
                    + result.exitCode() + ":\n" + result.stderrText());
        }
        List<FileVerdict> verdicts;
        try {
            verdicts = CliJson.verifyVerdicts(result.stdoutLines());
        } catch (MojoExecutionException e) {
            throw new MojoExecutionException(e.getMessage() + "\n" + result.transcript(), e);
        }
        List<String> failures = new ArrayList<>();
        for (FileVerdict verdict : verdicts) {
            NativeFile file = byArgument.remove(verdict.path());
            if (file == null) {
                throw new MojoExecutionException("nativeload verify gave a verdict on a file it was not asked about: "
                        + verdict.path());
            }
            if (verdict.ok()) {
                getLog().info(file.shownAs() + ": ok for " + platformId);
            }
            for (Violation v : verdict.violations()) {
                String line = file.shownAs() + ": " + v.rule() + ": " + v.message();
                getLog().error(line);
                failures.add(line);
            }
        }
        if (!byArgument.isEmpty() || (result.exitCode() == 1) != !failures.isEmpty()) {
            throw new MojoExecutionException("nativeload verify exited with " + result.exitCode() + " but gave "
                    + (byArgument.isEmpty() ? failures.size() + " violation(s)" : "no verdict on " + byArgument.keySet())
                    + ":\n" + result.stderrText());
        }
        return failures;
    }
}
