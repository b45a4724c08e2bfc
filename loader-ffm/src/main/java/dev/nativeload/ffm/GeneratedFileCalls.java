package dev.nativeload.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.Optional;

/**
 * Binds {@link FileCalls} to the jextract output of one {@link PosixAbi}: the package
 * {@code dev.nativeload.ffm.generated.fcntl.<abi>} that {@code scripts/jextract.sh} generates from
 * that ABI's {@code <fcntl.h>}, {@code <sys/stat.h>} and {@code <unistd.h>}. Every package has the
 * same classes and members (the large-file names where {@link PosixAbi#largeFile} says), so they
 * are found by name: the generated address and descriptor of each function, its {@code struct}
 * layouts and its {@code O_*} and {@code F_*} constants. Only the chosen ABI's package is loaded.
 */
final class GeneratedFileCalls {
    private final PosixAbi abi;

    private GeneratedFileCalls(PosixAbi abi) {
        this.abi = abi;
    }

    /**
     * {@return the file calls of an ABI, bound to its generated package}
     *
     * @param abi the ABI
     * @throws ReflectiveOperationException when the package lacks a member (not generated as expected)
     *                                      or a function is not in this process
     */
    static FileCalls bind(PosixAbi abi) throws ReflectiveOperationException {
        GeneratedFileCalls g = new GeneratedFileCalls(abi);
        Class<?> fcntl = g.type("fcntl_h");
        Class<?> stat = g.type("stat_h");
        Class<?> unistd = g.type("unistd_h");
        MemoryLayout cInt = (MemoryLayout) fcntl.getField("C_INT").get(null);
        MemoryLayout pointer = (MemoryLayout) fcntl.getField("C_POINTER").get(null);
        FileCalls.OpenBits bits = new FileCalls.OpenBits(constant(fcntl, "O_RDONLY"), constant(fcntl, "O_NOFOLLOW"),
                constant(fcntl, "O_CLOEXEC"), constant(fcntl, "O_NOCTTY"),
                constant(fcntl, "O_RDWR") | constant(fcntl, "O_CREAT") | constant(fcntl, "O_NONBLOCK"));
        FileCalls.Locking locking = FileCalls.locking(g.struct("flock"), g.variadic(fcntl, "fcntl", pointer),
                constant(fcntl, "F_OFD_SETLK"), constant(fcntl, "F_RDLCK"), constant(fcntl, "F_WRLCK"),
                constant(fcntl, "F_UNLCK"));
        return FileCalls.bind(abi.name(), bits, g.struct("stat"), Optional.of(locking), g.variadic(fcntl, "open", cInt),
                g.function(stat, abi.largeFile("fstat")), g.function(unistd, abi.largeFile("pread")),
                g.function(unistd, abi.largeFile("pwrite")), g.function(unistd, "close"), g.function(unistd, "geteuid"));
    }

    private Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(abi.packageName() + "." + simpleName, true, GeneratedFileCalls.class.getClassLoader());
    }

    private static int constant(Class<?> header, String name) throws ReflectiveOperationException {
        return (int) header.getMethod(name).invoke(null);
    }

    /** The generated {@code struct tag} (or {@code tag64}), e.g. {@code struct stat64}. */
    private StructLayout struct(String tag) throws ReflectiveOperationException {
        return (StructLayout) type(abi.largeFile(tag)).getMethod("layout").invoke(null);
    }

    /** A function as jextract emits it: {@code NAME$address()} and {@code NAME$descriptor()} of its header class. */
    private FileCalls.Function function(Class<?> header, String name) throws ReflectiveOperationException {
        return new FileCalls.Function(name, address(header.getMethod(name + "$address")),
                (FunctionDescriptor) header.getMethod(name + "$descriptor").invoke(null), -1);
    }

    /**
     * {@return the generated address, or empty where this process lacks the symbol}: the generated
     * holder class then fails to initialize ({@code find(name).orElseThrow()}), and stays failed.
     */
    private static Optional<MemorySegment> address(java.lang.reflect.Method address) throws ReflectiveOperationException {
        try {
            return Optional.of((MemorySegment) address.invoke(null));
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof ExceptionInInitializerError || e.getCause() instanceof NoClassDefFoundError) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A variadic function as jextract emits it, a nested invoker class ({@code fcntl_h.open64}): its
     * address, and the descriptor its invoker factory makes for the one variadic argument passed.
     */
    private FileCalls.Function variadic(Class<?> header, String name, MemoryLayout argument)
            throws ReflectiveOperationException {
        Class<?> invoker = type(header.getSimpleName() + "$" + abi.largeFile(name));
        Optional<MemorySegment> address = address(invoker.getMethod("address"));
        if (address.isEmpty()) {
            return new FileCalls.Function(abi.largeFile(name), address, FunctionDescriptor.ofVoid(), -1);
        }
        Object specialized = invoker.getMethod("makeInvoker", MemoryLayout[].class)
                .invoke(null, (Object) new MemoryLayout[] {argument});
        FunctionDescriptor descriptor = (FunctionDescriptor) invoker.getMethod("descriptor").invoke(specialized);
        return new FileCalls.Function(abi.largeFile(name), address, descriptor,
                descriptor.argumentLayouts().size() - 1);
    }
}
