package dev.nativeload.cli;

/** Loads one file with {@code System.load} in a child JVM, so a test gets the JVM's own words for a failed load. */
public final class SystemLoadMain {
    private SystemLoadMain() {
    }

    /** @param args the file to load */
    public static void main(String[] args) {
        System.load(args[0]);
    }
}
