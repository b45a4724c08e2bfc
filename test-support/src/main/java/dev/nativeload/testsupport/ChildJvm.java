package dev.nativeload.testsupport;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that starts a JVM like the running test's, for tests that need a process of their own. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@return the {@code java} launcher running this JVM} */
    public static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * {@return a class path holding {@code main}'s classes and everything this test JVM sees, on its
     * class path or its module path}
     *
     * @param main a class of the test code
     */
    public static String classPath(Class<?> main) {
        List<String> parts = new ArrayList<>();
        try {
            parts.add(Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isBlank()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * {@return the command running {@code main} in a new JVM on {@link #classPath}, native access granted}
     *
     * @param main the main class
     * @param args its arguments
     */
    public static List<String> command(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>(List.of(java(), "--enable-native-access=ALL-UNNAMED", "-cp", classPath(main),
                main.getName()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
