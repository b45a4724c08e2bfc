package dev.nativeload.symbols;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.spi.OpenMode;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * A child JVM that loads a library with lazy binding and calls one of its functions: {@code
 * LIBRARY FUNCTION bind|nobind}. Prints "loaded" once the load returned and "called" once the call
 * returned; a load refused prints "refused KIND" and exits 3.
 */
public final class CallLazilyMain {
    private CallLazilyMain() {
    }

    public static void main(String[] args) throws Throwable {
        Path library = Path.of(args[0]);
        NativeLibrary lib;
        try {
            lib = NativeLoader.builder("lazy-child").strategies(List.of(LoadStrategy.file(library)))
                    .mode(new OpenMode(OpenMode.Binding.LAZY, OpenMode.Visibility.LOCAL))
                    .bindSymbolsBeforeLoad(args[2].equals("bind")).build().load();
        } catch (NativeLoadException e) {
            System.out.println("refused " + e.kind());
            System.out.flush();
            System.exit(3);
            return;
        }
        System.out.println("loaded");
        System.out.flush();
        MethodHandle f = Linker.nativeLinker().downcallHandle(lib.lookup(args[1]), FunctionDescriptor.ofVoid());
        f.invokeExact();
        System.out.println("called");
    }
}
