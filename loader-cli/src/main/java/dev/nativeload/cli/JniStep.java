package dev.nativeload.cli;

import dev.nativeload.NativeLibrary;

/** Whether {@code doctor} hands the loaded library to {@code System.load}, which runs its {@code JNI_OnLoad}. */
enum JniStep {
    /** When the library (or what it brings in) exports {@code JNI_OnLoad}. */
    AUTO,
    /** Always, as an application that loads it with {@code System.load} does. */
    ALWAYS,
    /** Never: the load through the chain only. */
    NEVER;

    /**
     * {@return whether the step runs for this loaded library}
     *
     * @param library the library the chain loaded
     */
    boolean appliesTo(NativeLibrary library) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> library.find(JniTrial.JNI_ON_LOAD).isPresent();
        };
    }
}
