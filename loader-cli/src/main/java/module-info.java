/**
 * The {@code nativeload} command line: {@code inspect} today; {@code tree}, {@code doctor} and
 * {@code verify} join as further subcommands of {@link dev.nativeload.cli.Nativeload}.
 *
 * <p>Run it with {@code bin/nativeload}, or
 * {@code java -p loader-cli/target/lib:loader-cli/target/loader-cli-VERSION.jar -m dev.nativeload.cli}.
 */
module dev.nativeload.cli {
    requires dev.nativeload.parsers;
    requires info.picocli;

    // picocli reads and sets the annotated command fields by reflection.
    opens dev.nativeload.cli to info.picocli;
}
