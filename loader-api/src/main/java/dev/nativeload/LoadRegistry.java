package dev.nativeload;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The libraries loaded and the loads running, per configuration. An object, not static state: the
 * {@linkplain #DEFAULT default} instance serves every loader unless a test gives its own, and an
 * entry lives only while its library is loaded (or its load runs), so a released library keeps
 * nothing here, neither its configuration nor the class loaders its strategies hold.
 */
final class LoadRegistry {
    /** The registry every {@link NativeLoader} uses unless given another. */
    static final LoadRegistry DEFAULT = new LoadRegistry();

    private final ConcurrentHashMap<Object, NativeLibrary> loaded = new ConcurrentHashMap<>();
    /** One entry per load running now: its owner's monitor, held while it runs. */
    private final ConcurrentHashMap<Object, Object> running = new ConcurrentHashMap<>();

    /**
     * Returns the library loaded under {@code key}, with a reference taken for the caller, or opens
     * it once: concurrent first loads of one key wait for the one that runs and share its library;
     * when it failed, each runs the chain again (the cause may have been mended meanwhile).
     *
     * @param key    the configuration
     * @param loader the loader of that configuration, whose chain returns a library holding one
     *               reference, or throws (called directly: a supplier would be one more class on
     *               every first load)
     */
    NativeLibrary load(Object key, NativeLoader loader) {
        while (true) {
            NativeLibrary existing = acquire(key);
            if (existing != null) {
                return existing;
            }
            Object own = new Object();
            Object other;
            synchronized (own) {
                other = running.putIfAbsent(key, own);
                if (other == null) {
                    try {
                        existing = acquire(key);
                        if (existing != null) {
                            return existing;
                        }
                        NativeLibrary library = loader.open();
                        loaded.put(key, library);
                        return library;
                    } finally {
                        running.remove(key, own);
                    }
                }
            }
            if (Thread.holdsLock(other)) {
                // This thread is inside this very load (a JNI_OnLoad loading its own library by name).
                return loader.open();
            }
            synchronized (other) {
                // Waits until the running load ends; the loop then takes its library or runs again.
            }
        }
    }

    /** Forgets a released library, unless a newer one took its key meanwhile. */
    void released(Object key, NativeLibrary library) {
        loaded.remove(key, library);
    }

    private NativeLibrary acquire(Object key) {
        NativeLibrary l = loaded.get(key);
        return l != null && l.tryAcquire() ? l : null;
    }

    /** {@return the number of loads running now; for tests} */
    int running() {
        return running.size();
    }

    /** {@return the number of libraries loaded and not released; for tests} */
    int loaded() {
        return loaded.size();
    }
}
