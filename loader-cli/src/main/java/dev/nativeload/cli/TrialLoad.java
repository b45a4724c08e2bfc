package dev.nativeload.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@code nativeload doctor}: makes the trial load in its own JVM, so a library that
 * kills or hangs the process it loads in takes only this one with it. Started by {@link ChildTrial} with
 * {@code STATUS-FILE WORKING-DIRECTORY json|text auto|always|never TARGET}; prints the doctor's report
 * on standard output, and records each stage in the status file before it runs, {@code done} last.
 * Exit status: 0 loaded, 1 not loaded, 2 bad arguments.
 */
public final class TrialLoad {
    private TrialLoad() {
    }

    /**
     * Runs one trial load and prints its report.
     *
     * @param args status file, working directory, output format, JNI step, target
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: TrialLoad STATUS-FILE WORKING-DIRECTORY json|text auto|always|never TARGET");
            System.exit(2);
        }
        Path status = Path.of(args[0]);
        Doctor doctor = new Doctor(Path.of(args[1]));
        boolean json = args[2].equals("json");
        JniStep jni = JniStep.valueOf(args[3].toUpperCase(java.util.Locale.ROOT));
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        int exit;
        try {
            DoctorResult result = doctor.diagnose(args[4], jni, TrialStages.toFile(status));
            out.print(json ? DoctorJson.render(result) + "\n" : DoctorText.render(result));
            exit = result.loaded() ? 0 : 1;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("nativeload doctor: " + e.getMessage());
            exit = 2;
        }
        out.flush();
        TrialStages.append(status, TrialStages.Stage.DONE.word());
        System.exit(exit);
    }
}
