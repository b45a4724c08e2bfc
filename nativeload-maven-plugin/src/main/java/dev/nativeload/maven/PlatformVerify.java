package dev.nativeload.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Checks the files of one platform directory ({@code native/<platform-id>/}) in one {@code nativeload verify} run, so
 * a dependency on another of them counts as shipped, and reads its verdicts back: every file given must get exactly
 * one, and the exit status must agree with them.
 */
final class PlatformVerify {
    private final CliFork fork;
    private final Path projectDirectory;
    private final Path workDirectory;
    private final String prefix;
    private final Log log;

    /**
     * @param fork             the nativeload fork
     * @param projectDirectory the directory it runs in
     * @param workDirectory    where the list of files is written
     * @param prefix           the layout's top directory, for messages
     * @param log              where each verdict is logged
     */
    PlatformVerify(CliFork fork, Path projectDirectory, Path workDirectory, String prefix, Log log) {
        this.fork = fork;
        this.projectDirectory = projectDirectory;
        this.workDirectory = workDirectory;
        this.prefix = prefix;
        this.log = log;
    }

    /**
     * {@return each violation as {@code FILE: rule: message}, the file named as the build shows it; empty when all may ship}
     *
     * @param platformId the platform directory's name
     * @param glibc      the {@code --max-glibc} arguments for it (none, or the option and its value)
     * @param files      its files
     * @throws MojoExecutionException when nativeload breaks or its output disagrees with what it was asked
     * @throws MojoFailureException   when nativeload refuses the platform id or the ceiling
     */
    List<String> check(String platformId, List<String> glibc, List<NativeFile> files)
            throws MojoExecutionException, MojoFailureException {
        Map<String, NativeFile> byArgument = new TreeMap<>();
        for (NativeFile file : files) {
            byArgument.put(file.file().toAbsolutePath().toString(), file);
        }
        Path list = workDirectory.resolve("verify-" + platformId + ".txt");
        try {
            Files.createDirectories(list.getParent());
            Files.write(list, byArgument.keySet(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + list + ": " + e.getMessage(), e);
        }
        List<String> arguments = new ArrayList<>(List.of("verify", "--target", platformId));
        arguments.addAll(glibc);
        arguments.add("--json");
        arguments.add("@" + list);
        ForkResult result = fork.run(arguments, projectDirectory);
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
                log.info(file.shownAs() + ": ok for " + platformId);
            }
            for (Violation v : verdict.violations()) {
                String line = file.shownAs() + ": " + v.rule() + ": " + v.message();
                log.error(line);
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
