package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.pe.ApiSetSchema;
import dev.nativeload.binary.pe.PeFile;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.How;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where an import's or a forwarder's DLL comes from: an image file read once per binder, the host
 * of an API set contract, or a DLL outside the tree found with the resolver's own search.
 *
 * <p>API set contracts are mapped through {@code apisetschema.dll} in the system directory
 * ({@link ApiSetSchema}): the schema Windows maps into every process is that file's
 * {@code .apiset} section, and Wine ships one in the same format, so the mapping is the one the
 * target system's loader uses, not a list kept here. Without that file, or for a contract it does
 * not list, the imports are not checked and a note says why.
 */
final class DllTargets {
    /** A DLL whose exports can be checked. */
    sealed interface Target permits Found, Missing {
    }

    /**
     * A DLL found and read.
     *
     * @param module  the DLL
     * @param contract the API set contract it was mapped from, if any
     */
    record Found(Module module, Optional<String> contract) implements Target {
    }

    /** @param why why its exports cannot be checked */
    record Missing(String why) implements Target {
    }

    /**
     * One PE image read.
     *
     * @param path    its path as the tree gives it
     * @param pe      the image
     * @param exports its exports, as the loader looks them up
     */
    record Module(String path, PeFile pe, ExportLookup exports) {
        /** {@return the file name, e.g. {@code kernel32.dll}} */
        String fileName() {
            return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        }
    }

    private final DependencyResolver resolver;
    private final Path systemDir;
    private final Map<String, Optional<Module>> modules = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private Optional<ApiSetSchema> schema;
    private String schemaProblem = "";

    DllTargets(DependencyResolver resolver, Path systemDir) {
        this.resolver = resolver;
        this.systemDir = systemDir;
    }

    /** {@return the image at this tree path, read once; empty with {@link #problem(String)} set when it cannot be read} */
    Optional<Module> open(String path) {
        return modules.computeIfAbsent(path, this::read);
    }

    /** {@return why the image at this path could not be read} @param path a path given to {@link #open} */
    String problem(String path) {
        return problems.getOrDefault(path, "");
    }

    /**
     * {@return the DLL the loader loads for this name when nothing loaded has it: searched as
     * {@code root} would import it}
     *
     * @param root the tree's root, as given to the resolver
     * @param name the DLL's name
     */
    Target search(String root, String name) {
        DependencyNode found;
        try {
            found = resolver.resolveLoadedLater(root, name).children().stream().findFirst().orElse(null);
        } catch (IOException | NotABinaryException | MalformedBinaryException e) {
            return new Missing("cannot search for " + name + ": " + e.getMessage());
        }
        if (found == null || found.how().is(How.NOT_FOUND) || found.path().isEmpty()) {
            return new Missing(name + " is not found");
        }
        String path = found.path().get();
        return open(path).<Target>map(m -> new Found(m, Optional.empty()))
                .orElseGet(() -> new Missing(name + " cannot be read: " + problem(path)));
    }

    /**
     * {@return the host the schema maps this contract to for that importer, or why there is none}
     *
     * @param contract the contract name as imported
     * @param importer the importing image's file name
     */
    Host host(String contract, String importer) {
        Optional<ApiSetSchema> s = schema();
        if (s.isEmpty()) {
            return new NoHost("API set contract " + contract + " not mapped: " + schemaProblem);
        }
        Optional<ApiSetSchema.Contract> c = s.get().find(contract);
        if (c.isEmpty()) {
            return new NoHost("API set contract " + contract + " is not in the system directory's apisetschema.dll");
        }
        return c.get().hostFor(importer).<Host>map(HostDll::new)
                .orElseGet(() -> new NoHost("API set contract " + contract + " has no host in the schema"));
    }

    /** What the schema says of a contract. */
    sealed interface Host permits HostDll, NoHost {
    }

    /** @param dll the host DLL's file name */
    record HostDll(String dll) implements Host {
    }

    /** @param why why there is no host */
    record NoHost(String why) implements Host {
    }

    private Optional<ApiSetSchema> schema() {
        if (schema == null) {
            schema = Optional.empty();
            Optional<Path> file = inSystemDir("apisetschema.dll");
            if (file.isEmpty()) {
                schemaProblem = "no apisetschema.dll in the system directory " + systemDir;
            } else {
                try {
                    schema = Optional.of(BinaryData.read(file.get(), ApiSetSchema::read));
                } catch (IOException | MalformedBinaryException e) {
                    schemaProblem = file.get() + ": " + e.getMessage();
                }
            }
        }
        return schema;
    }

    /** {@return the file of this name in the system directory, names compared without case} */
    private Optional<Path> inSystemDir(String name) {
        try (Stream<Path> s = Files.list(systemDir)) {
            return s.filter(p -> p.getFileName().toString().equalsIgnoreCase(name)).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private Optional<Module> read(String path) {
        try {
            PeFile pe = PeFile.read(resolver.host().currentDir().resolve(path));
            return Optional.of(new Module(path, pe, new ExportLookup(pe.exports())));
        } catch (IOException e) {
            problems.put(path, "cannot read: " + e.getMessage());
        } catch (MalformedBinaryException e) {
            problems.put(path, e.getMessage());
        } catch (InvalidPathException e) {
            problems.put(path, "invalid path");
        }
        return Optional.empty();
    }

    /** {@return the key a DLL name is looked up by: lower case, as the loader compares names} */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
