package dev.nativeload.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.apache.maven.toolchain.ToolchainPrivate;

/**
 * Chooses the JDK (22 or newer) the plugin forks nativeload on, in this order: the {@code jdk} toolchain of the
 * build (the one {@code maven-toolchains-plugin} selected) when it is 22 or newer, else the first {@code jdk}
 * toolchain of {@code toolchains.xml} with a version in {@code [22,)}, else the {@code javaHome} parameter, else
 * the JVM Maven runs on when it is 22 or newer. With none of them, the build stops with the toolchains.xml entry
 * to add.
 */
final class JdkSelector {
    /** The first Java release nativeload's classes run on. */
    static final int MINIMUM_FEATURE = 22;
    /** The toolchain requirement for that release, in Maven's version range syntax. */
    static final String VERSION_RANGE = "[" + MINIMUM_FEATURE + ",)";

    private final ToolchainManager toolchains;
    private final MavenSession session;
    private final Optional<Path> javaHome;
    private final Path mavenJavaHome;
    private final int mavenJavaFeature;

    /**
     * @param toolchains       Maven's toolchain manager
     * @param session          the build's session (its toolchains.xml and build context)
     * @param javaHome         the plugin's {@code javaHome} parameter, when set
     * @param mavenJavaHome    the home of the JVM Maven runs on
     * @param mavenJavaFeature that JVM's feature release (17, 21, 25, ...)
     */
    JdkSelector(ToolchainManager toolchains, MavenSession session, Optional<Path> javaHome,
                Path mavenJavaHome, int mavenJavaFeature) {
        this.toolchains = toolchains;
        this.session = session;
        this.javaHome = javaHome;
        this.mavenJavaHome = mavenJavaHome;
        this.mavenJavaFeature = mavenJavaFeature;
    }

    /**
     * {@return the java to fork}
     *
     * @throws MojoExecutionException when no JDK 22 or newer is configured or running Maven, or {@code javaHome}
     *                                names no JDK 22 or newer
     */
    ForkJava select() throws MojoExecutionException {
        Map<String, String> requirement = Map.of("version", VERSION_RANGE);
        Toolchain ofBuild = toolchains.getToolchainFromBuildContext("jdk", session);
        // ToolchainPrivate: the one way Maven 3 offers to compare a selected toolchain with a requirement.
        if (ofBuild instanceof ToolchainPrivate selected && selected.matchesRequirements(requirement)) {
            Optional<ForkJava> java = fromToolchain(ofBuild, "the build's jdk toolchain");
            if (java.isPresent()) {
                return java.get();
            }
        }
        List<Toolchain> configured = toolchains.getToolchains(session, "jdk", requirement);
        for (Toolchain toolchain : configured) {
            Optional<ForkJava> java = fromToolchain(toolchain, "the jdk toolchain " + VERSION_RANGE + " of toolchains.xml");
            if (java.isPresent()) {
                return java.get();
            }
        }
        if (javaHome.isPresent()) {
            return fromJavaHome(javaHome.get());
        }
        if (mavenJavaFeature >= MINIMUM_FEATURE) {
            return new ForkJava(launcherIn(mavenJavaHome).orElseThrow(() -> new MojoExecutionException(
                    "Maven's JVM at " + mavenJavaHome + " has no bin/java")), "Maven's own JVM (Java " + mavenJavaFeature + ")");
        }
        throw new MojoExecutionException(noJdkMessage());
    }

    private static Optional<ForkJava> fromToolchain(Toolchain toolchain, String origin) {
        String tool = toolchain.findTool("java");
        return tool == null ? Optional.empty() : Optional.of(new ForkJava(Path.of(tool), origin + " (" + toolchain + ")"));
    }

    private static ForkJava fromJavaHome(Path home) throws MojoExecutionException {
        Path java = launcherIn(home).orElseThrow(() -> new MojoExecutionException(
                "javaHome is " + home + ", which has no bin/java: point it at a JDK " + MINIMUM_FEATURE + " or newer"));
        OptionalFeature feature = featureOf(home);
        if (feature.known() && feature.value() < MINIMUM_FEATURE) {
            throw new MojoExecutionException("javaHome is " + home + ", a Java " + feature.value()
                    + ": nativeload runs on Java " + MINIMUM_FEATURE + " or newer");
        }
        return new ForkJava(java, "javaHome (" + home + ")");
    }

    /**
     * {@return the launcher in a JDK home: {@code bin/java}, or {@code bin/java.exe} on Windows}
     *
     * @param home a JDK's home directory
     */
    static Optional<Path> launcherIn(Path home) {
        for (String name : List.of("java", "java.exe")) {
            Path java = home.resolve("bin").resolve(name);
            if (Files.isRegularFile(java) && Files.isExecutable(java)) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    /** A feature release read from a JDK's {@code release} file, when the file says. */
    record OptionalFeature(boolean known, int value) {
    }

    /**
     * {@return the feature release a JDK home's {@code release} file names (its {@code JAVA_VERSION}), unknown when
     * the file is missing or says no number}
     *
     * @param home a JDK's home directory
     */
    static OptionalFeature featureOf(Path home) {
        Properties release = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("release"))) {
            release.load(in);
        } catch (IOException e) {
            return new OptionalFeature(false, 0);
        }
        String version = release.getProperty("JAVA_VERSION", "").replace("\"", "").strip();
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        if (end == 0 || version.startsWith("1.")) {
            return new OptionalFeature(version.startsWith("1."), 0);
        }
        return new OptionalFeature(true, Integer.parseInt(version.substring(0, end)));
    }

    private String noJdkMessage() {
        return "nativeload runs on Java " + MINIMUM_FEATURE + " or newer, and none was found: Maven runs on Java "
                + mavenJavaFeature + " (" + mavenJavaHome + "), the build selected no jdk toolchain " + VERSION_RANGE
                + ", toolchains.xml has none, and <javaHome> is not set. Add a JDK " + MINIMUM_FEATURE
                + " or newer to ~/.m2/toolchains.xml (or pass one with mvn -t FILE):\n"
                + "<toolchains>\n"
                + "  <toolchain>\n"
                + "    <type>jdk</type>\n"
                + "    <provides><version>25</version></provides>\n"
                + "    <configuration><jdkHome>/path/to/jdk-25</jdkHome></configuration>\n"
                + "  </toolchain>\n"
                + "</toolchains>\n"
                + "or set the plugin's <javaHome> (property nativeload.javaHome), or run Maven itself on Java "
                + MINIMUM_FEATURE + " or newer.";
    }
}
