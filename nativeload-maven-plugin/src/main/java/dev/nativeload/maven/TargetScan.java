package dev.nativeload.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs {@code nativeload scan --target T [--max-glibc X] --json PATH...} for one platform and reads its verdict:
 * exit 0 or 1 with its JSON lines, 2 a usage error (a wrong platform id or ceiling: the build's configuration), any
 * other status or unreadable output a broken run.
 */
final class TargetScan {
    private final CliFork fork;
    private final Path workingDirectory;

    /**
     * @param fork             the nativeload fork
     * @param workingDirectory the directory it runs in (the project's)
     */
    TargetScan(CliFork fork, Path workingDirectory) {
        this.fork = fork;
        this.workingDirectory = workingDirectory;
    }

    /**
     * {@return what nativeload found in the paths for the platform}
     *
     * @param target     the platform id, or empty for the machine the build runs on
     * @param glibc      the {@code --max-glibc} arguments for it (none, or the option and its value)
     * @param paths      the jars and directories to scan
     * @throws MojoExecutionException when nativeload breaks or prints something unreadable
     * @throws MojoFailureException   when it refuses the platform or ceiling, or could not read an archive
     */
    ScanReport scan(Optional<String> target, List<String> glibc, List<Path> paths)
            throws MojoExecutionException, MojoFailureException {
        List<String> arguments = new ArrayList<>(List.of("scan"));
        target.ifPresent(t -> arguments.addAll(List.of("--target", t)));
        arguments.addAll(glibc);
        arguments.add("--json");
        paths.forEach(p -> arguments.add(p.toString()));
        ForkResult result = fork.run(arguments, workingDirectory);
        String what = target.map(t -> "for " + t).orElse("for this machine");
        if (result.exitCode() == 2) {
            throw new MojoFailureException("nativeload scan refused to check " + what + " (usage error: is the target"
                    + " a platform id such as linux-x86_64, and <maxGlibc> a version such as 2.28?):\n" + result.stderrText());
        }
        if (result.exitCode() != 0 && result.exitCode() != 1) {
            throw new MojoExecutionException("nativeload scan " + what + " broke:\n" + result.transcript());
        }
        ScanReport report;
        try {
            report = CliJson.scanReport(result.stdoutLines());
        } catch (MojoExecutionException e) {
            throw new MojoExecutionException(e.getMessage() + "\n" + result.transcript(), e);
        }
        if (result.exitCode() == 1 && report.clean()) {
            // Its JSON holds natives only; what it could not read went to standard error (relayed above).
            throw new MojoFailureException("nativeload scan " + what + " could not read every archive:\n"
                    + result.stderrText());
        }
        if (result.exitCode() == 0 && !report.clean()) {
            throw new MojoExecutionException("nativeload scan " + what + " exited with 0 but reported problems:\n"
                    + result.transcript());
        }
        return report;
    }
}
