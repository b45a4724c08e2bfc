/**
 * The {@code nativeload} command line: {@code inspect}, {@code tree}, {@code doctor}, {@code verify} and {@code scan},
 * subcommands of {@link dev.nativeload.cli.Nativeload}.
 *
 * <p>Run it with {@code bin/nativeload}, or
 * {@code java -p loader-cli/target/lib:loader-cli/target/loader-cli-VERSION.jar -m dev.nativeload.cli}.
 */
module dev.nativeload.cli {
    requires dev.nativeload.parsers;
    requires dev.nativeload.api;
    // Not read by the code: required so the module path resolves the NativeAccess service doctor loads with.
    requires dev.nativeload.ffm;
    // scan reads class files for their native methods.
    requires org.objectweb.asm;
    // scan reads archives STORED inside archives in place, through a channel.
    requires org.apache.commons.compress;

    // doctor finds the OS boundary the way the loader does.
    uses dev.nativeload.spi.NativeAccess;
}
