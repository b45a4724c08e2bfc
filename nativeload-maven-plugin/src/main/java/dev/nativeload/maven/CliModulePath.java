package dev.nativeload.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The module path of the forked nativeload: loader-cli and what it depends on, taken from the plugin's own resolved
 * artifacts (the plugin declares loader-cli as a runtime dependency, so Maven has already downloaded it), without the
 * plugin's other dependencies (Jackson, which the plugin reads JSON with in Maven's JVM).
 */
final class CliModulePath {
    /** The group of nativeload's artifacts. */
    static final String GROUP = "dev.nativeload";
    /** The command line's artifact. */
    static final String CLI = "loader-cli";

    private CliModulePath() {
    }

    /**
     * {@return the jars of loader-cli and of every artifact it brought in}
     *
     * @param pluginArtifacts the plugin's resolved runtime artifacts ({@code PluginDescriptor.getArtifacts()})
     * @throws MojoExecutionException when loader-cli is not among them
     */
    static List<Path> of(List<Artifact> pluginArtifacts) throws MojoExecutionException {
        List<Path> path = new ArrayList<>();
        boolean cli = false;
        for (Artifact artifact : pluginArtifacts) {
            boolean isCli = GROUP.equals(artifact.getGroupId()) && CLI.equals(artifact.getArtifactId());
            if ((isCli || broughtByCli(artifact)) && artifact.getFile() != null) {
                path.add(artifact.getFile().toPath());
                cli |= isCli;
            }
        }
        if (!cli) {
            throw new MojoExecutionException("the plugin's dependencies do not include " + GROUP + ":" + CLI
                    + ", which it runs: was the plugin's POM changed?");
        }
        return path;
    }

    private static boolean broughtByCli(Artifact artifact) {
        List<String> trail = artifact.getDependencyTrail();
        return trail != null && trail.stream().anyMatch(step -> step.startsWith(GROUP + ":" + CLI + ":"));
    }
}
