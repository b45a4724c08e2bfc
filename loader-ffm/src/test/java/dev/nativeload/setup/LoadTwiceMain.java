package dev.nativeload.setup;

import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;

/**
 * Loads a library twice in a fresh JVM and prints, per try, {@code loaded} or the failure's kind
 * and hint on one line: what a set-up mistake looks like to an application, first call and later.
 */
public final class LoadTwiceMain {
    private LoadTwiceMain() {
    }

    /** @param args the library name */
    public static void main(String[] args) {
        for (int i = 0; i < 2; i++) {
            try {
                NativeLoader.load(args[0]);
                System.out.println("loaded");
            } catch (NativeLoadException e) {
                String shown = e.getMessage().contains(e.diagnosis().hint()) ? " [message shows the hint]" : " [message lacks the hint]";
                System.out.println(e.getClass().getSimpleName() + " " + e.kind() + " | " + e.diagnosis().hint() + shown);
            } catch (Throwable other) {
                System.out.println("UNTYPED " + other);
            }
        }
    }
}
