/**
 * The operating-system boundary of nativeload: {@link dev.nativeload.spi.NativeAccess} through the
 * Foreign Function and Memory API ({@code dlopen}/{@code dlsym}/{@code dlerror} on POSIX,
 * {@code LoadLibraryExW}/{@code GetProcAddress}/{@code GetLastError} on Windows).
 *
 * <p>Run with {@code --enable-native-access=dev.nativeload.ffm} (or {@code ALL-UNNAMED} on the
 * class path, or the {@code Enable-Native-Access} manifest attribute of an executable jar).
 */
module dev.nativeload.ffm {
    requires transitive dev.nativeload.api;

    exports dev.nativeload.ffm;

    provides dev.nativeload.spi.NativeAccess with dev.nativeload.ffm.FfmNativeAccess;
}
