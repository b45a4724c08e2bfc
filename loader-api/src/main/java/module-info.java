/**
 * The contract applications code against, and the pure-Java policy behind it.
 *
 * <p>{@link dev.nativeload.NativeLoader} runs the ordered fallback chain ({@code dev.nativeload.chain}),
 * classifies every failure ({@code dev.nativeload.failure}) into a {@link dev.nativeload.FailureKind}
 * and a typed {@link dev.nativeload.NativeLoadException} carrying the whole {@link dev.nativeload.LoadReport}.
 * The operating system is reached only through the {@link dev.nativeload.spi.NativeAccess} service,
 * which {@code loader-ffm} provides.
 */
module dev.nativeload.api {
    requires transitive dev.nativeload.parsers;
    requires org.slf4j;

    exports dev.nativeload;
    exports dev.nativeload.spi;
    exports dev.nativeload.chain;
    exports dev.nativeload.extract;
    exports dev.nativeload.failure;
    exports dev.nativeload.platform;

    uses dev.nativeload.spi.NativeAccess;
}
