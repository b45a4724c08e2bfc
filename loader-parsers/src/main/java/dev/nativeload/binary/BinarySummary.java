package dev.nativeload.binary;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The format-independent view of one image: what a loader checks before it calls the OS, and
 * what {@code nativeload inspect} prints.
 *
 * @param format       the container format ({@link BinaryFormat#MACHO} for a slice of a fat file)
 * @param architecture the normalized CPU architecture
 * @param bits         32 or 64
 * @param byteOrder    the data byte order
 * @param fileType     the format's own file type name: {@code DYN}, {@code EXEC}, {@code REL} (ELF);
 *                     {@code DLL}, {@code EXE} (PE); {@code DYLIB}, {@code EXECUTE}, {@code BUNDLE}, ... (Mach-O)
 * @param os           the target operating system, as far as the headers say
 * @param libc         the C library flavour, where knowable
 * @param soname       ELF {@code DT_SONAME} or Mach-O {@code LC_ID_DYLIB} install name
 * @param needed       dependencies in file order: {@code DT_NEEDED}, dylib load commands, or PE imports
 * @param rpath        ELF {@code DT_RPATH} entries, or Mach-O {@code LC_RPATH} entries, in order
 * @param runpath      ELF {@code DT_RUNPATH} entries, in order
 * @param interpreter  ELF {@code PT_INTERP}, or Mach-O {@code LC_LOAD_DYLINKER}
 * @param delayImports PE delay-load DLL names, in order
 * @param versionNeeds ELF symbol versions required from each dependency
 */
public record BinarySummary(
        BinaryFormat format,
        Architecture architecture,
        int bits,
        ByteOrder byteOrder,
        String fileType,
        TargetOs os,
        LibcFlavor libc,
        Optional<String> soname,
        List<String> needed,
        List<String> rpath,
        List<String> runpath,
        Optional<String> interpreter,
        List<String> delayImports,
        List<VersionNeed> versionNeeds) {

    /** Rejects null components and keeps unmodifiable copies of the lists. */
    public BinarySummary {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(byteOrder, "byteOrder");
        Objects.requireNonNull(fileType, "fileType");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(libc, "libc");
        Objects.requireNonNull(soname, "soname");
        Objects.requireNonNull(interpreter, "interpreter");
        needed = List.copyOf(needed);
        rpath = List.copyOf(rpath);
        runpath = List.copyOf(runpath);
        delayImports = List.copyOf(delayImports);
        versionNeeds = List.copyOf(versionNeeds);
    }
}
