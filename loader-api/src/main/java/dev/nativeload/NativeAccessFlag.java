package dev.nativeload;

import java.util.Optional;

/** The one way to grant native access that fits how this JVM was started: module path, executable jar or class path. */
final class NativeAccessFlag {
    /** The module that makes the restricted calls, when nativeload runs on the module path. */
    static final String FFM_MODULE = "dev.nativeload.ffm";

    private NativeAccessFlag() {
    }

    /** How the application was started, as far as it changes the flag. */
    enum Launch {
        MODULE_PATH, EXECUTABLE_JAR, CLASS_PATH
    }

    /** {@return how this JVM runs nativeload} */
    static Launch launch() {
        if (NativeAccessFlag.class.getModule().isNamed()) {
            return Launch.MODULE_PATH;
        }
        String command = Optional.ofNullable(System.getProperty("sun.java.command")).orElse("");
        String first = command.split(" ", 2)[0];
        return first.endsWith(".jar") ? Launch.EXECUTABLE_JAR : Launch.CLASS_PATH;
    }

    /** {@return the fix, for this JVM} */
    static String forThisJvm() {
        return forLaunch(launch());
    }

    /**
     * {@return the fix for one way of starting}
     *
     * @param launch how the JVM was started
     */
    static String forLaunch(Launch launch) {
        return switch (launch) {
            case MODULE_PATH -> "start java with --enable-native-access=" + FFM_MODULE
                    + " (add your own module after a comma if it makes downcalls too)";
            case EXECUTABLE_JAR -> "add the line \"Enable-Native-Access: ALL-UNNAMED\" to the main jar's META-INF/MANIFEST.MF,"
                    + " or start java with --enable-native-access=ALL-UNNAMED";
            case CLASS_PATH -> "start java with --enable-native-access=ALL-UNNAMED";
        };
    }
}
