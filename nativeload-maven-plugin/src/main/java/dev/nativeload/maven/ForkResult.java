package dev.nativeload.maven;

import java.util.List;

/**
 * What a finished nativeload run printed and how it ended.
 *
 * @param exitCode    its exit status: 0 every check passed, 1 some failed, 2 usage error (anything else: it broke)
 * @param stdoutLines its standard output, line by line (the JSON lines)
 * @param stderrTail  the last lines of its standard error (already relayed to the build log as they came)
 */
record ForkResult(int exitCode, List<String> stdoutLines, List<String> stderrTail) {
    ForkResult {
        stdoutLines = List.copyOf(stdoutLines);
        stderrTail = List.copyOf(stderrTail);
    }

    /**
     * {@return everything the run printed, for a failure message: its exit status, standard output and the tail of
     * its standard error}
     */
    String transcript() {
        return "exit status " + exitCode + "; standard output:\n" + String.join("\n", stdoutLines)
                + "\nstandard error:\n" + stderrText();
    }

    /** {@return the standard error tail as one block, or a note that there was none} */
    String stderrText() {
        return stderrTail.isEmpty() ? "(nothing on standard error)" : String.join("\n", stderrTail);
    }
}
