/** Small runnable programs that use nativeload. */
module dev.nativeload.examples {
    requires dev.nativeload.api;
}
