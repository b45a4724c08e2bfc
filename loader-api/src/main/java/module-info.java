/**
 * The contract applications code against, and the pure-Java policy behind it.
 *
 * <p>Three packages are exported: {@code dev.nativeload} (the facade {@link dev.nativeload.NativeLoader},
 * {@link dev.nativeload.NativeLibrary} and the typed {@link dev.nativeload.NativeLoadException} family),
 * {@code dev.nativeload.report} (what a load says: {@link dev.nativeload.report.LoadReport},
 * {@link dev.nativeload.report.Diagnosis}, {@link dev.nativeload.report.FailureKind}) and
 * {@code dev.nativeload.spi} (what plugs in: the OS boundary {@link dev.nativeload.spi.NativeAccess},
 * which {@code loader-ffm} provides, load strategies and resource layouts). The chain, the
 * classification of failures and the extraction cache are internal: exported only to nativeload's
 * own modules, never a promise to users.
 */
module dev.nativeload.api {
    requires transitive dev.nativeload.parsers;
    requires org.slf4j;
    // Each load is a JFR event (dev.nativeload.LibraryLoad); nothing is recorded unless a recording asks for it.
    requires jdk.jfr;

    exports dev.nativeload;
    exports dev.nativeload.report;
    exports dev.nativeload.spi;

    exports dev.nativeload.internal.chain to dev.nativeload.ffm, dev.nativeload.cli;
    exports dev.nativeload.internal.diagnose to dev.nativeload.ffm, dev.nativeload.cli;
    exports dev.nativeload.internal.cache to dev.nativeload.ffm, dev.nativeload.cli;
    exports dev.nativeload.internal.os to dev.nativeload.ffm, dev.nativeload.cli;

    uses dev.nativeload.spi.NativeAccess;
    uses org.slf4j.spi.SLF4JServiceProvider;
}
