package dev.nativeload.embedded;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import java.net.URLClassLoader;
import java.nio.file.Path;

/** A class with a JNI method implemented by testdata/embedded/src/jniprobe.c, loaded through the chain. */
final class JniProbe {
    private JniProbe() {
    }

    static native int answer();

    /** Loads libjniprobe.so from the jar, handing it to {@code System.load} called here, in this class. */
    static NativeLibrary load(URLClassLoader jar, Path cache) {
        return NativeLoader.builder("jniprobe").classLoader(jar).cacheDirectory(cache).jniLoader(p -> System.load(p.toString())).build().load();
    }
}
