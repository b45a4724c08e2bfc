package dev.nativeload.bench;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading every regular ELF library file of one directory (by default the multiarch library
 * directory): in one JVM with nativeload's ELF reader, against {@code readelf -d} run by the same
 * benchmark, measured in the same run on the same file list.
 *
 * <p>Each figure is the time for the whole list (ms per op). The in-process figures read each file's
 * header, program headers, dynamic section (NEEDED, SONAME, RPATH, RUNPATH) and version needs:
 * {@link #parseAllInProcess} calls the public {@link ElfFile#read(Path)}, which reads the pages it
 * needs with positional reads and closes the file before it returns, so everything is timed;
 * {@link #parseAllMapped} maps and unmaps each file itself and parses the mapping, the way
 * {@code ElfFile.read(Path)} worked until it was measured here. The readelf figures start the processes from Java with
 * {@link ProcessBuilder} and wait for them; their output goes to the null device, so printing text
 * is counted and parsing it is not: two ways, one {@code readelf -d} over all the files (a tool that
 * batches) and one {@code readelf -d} per file (a tool that shells out per library).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ElfParsingBenchmark {
    /** The directory whose library files are read (not recursive). */
    @Param({"/usr/lib/x86_64-linux-gnu"})
    public String directory;

    private List<Path> files;
    private List<String> readelfAll;

    /** Lists the regular files named {@code *.so} or {@code *.so.*} that start with the ELF magic; symlinks are skipped. */
    @Setup(Level.Trial)
    public void list() throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(Path.of(directory))) {
            for (Path p : entries.sorted().toList()) {
                String n = p.getFileName().toString();
                boolean library = n.endsWith(".so") || n.contains(".so.");
                if (library && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && ElfMagic.startsWith(p)) {
                    found.add(p);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no ELF library files in " + directory);
        }
        files = List.copyOf(found);
        readelfAll = new ArrayList<>(List.of("readelf", "-d"));
        files.forEach(f -> readelfAll.add(f.toString()));
        List<String> rejected = new ArrayList<>();
        for (Path file : files) {
            try {
                facts(ElfFile.read(file));
            } catch (MalformedBinaryException | IOException e) {
                rejected.add(file.getFileName() + ": " + e.getMessage());
            }
        }
        System.err.printf("%n%s: %d ELF library files, %d rejected by nativeload's reader %s%n", directory, files.size(),
                rejected.size(), rejected);
    }

    /**
     * Every file through the public {@link ElfFile#read(Path)}, one after the other in this JVM, as
     * a caller would write it. A file the reader rejects (setup lists them) counts as -1 and the run
     * goes on.
     *
     * @return a sum over the facts read, so none of them is dead code
     */
    @Benchmark
    public long parseAllInProcess() {
        long facts = 0;
        for (Path file : files) {
            try {
                facts += facts(ElfFile.read(file));
            } catch (MalformedBinaryException | IOException e) {
                facts--;
            }
        }
        return facts;
    }

    /**
     * Every file mapped, parsed from the mapping and unmapped: the cost of {@code mmap}, a page
     * fault per page touched and {@code munmap}, for comparison with the positional reads.
     *
     * @return a sum over the facts read, so none of them is dead code
     */
    @Benchmark
    public long parseAllMapped() {
        long facts = 0;
        for (Path file : files) {
            try {
                facts += readMapped(file);
            } catch (MalformedBinaryException | IOException e) {
                facts--;
            }
        }
        return facts;
    }

    /** Maps one file, reads header, dynamic section and version needs, and unmaps it at once. */
    private static long readMapped(Path file) throws IOException, MalformedBinaryException {
        try (Arena arena = Arena.ofConfined(); FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return facts(ElfFile.read(BinaryData.of(mapped, ByteOrder.LITTLE_ENDIAN)));
        }
    }

    private static long facts(ElfFile elf) {
        long facts = elf.header().bits() + elf.needed().size() + elf.soname().map(String::length).orElse(0)
                + elf.rpath().size() + elf.runpath().size();
        for (VersionNeed need : elf.versionNeeds()) {
            facts += need.versions().size();
        }
        return facts;
    }

    /** One {@code readelf -d} process given every file, output discarded. */
    @Benchmark
    public int readelfOneProcessForAllFiles() throws IOException, InterruptedException {
        return run(readelfAll);
    }

    /** One {@code readelf -d} process per file, run one after another, output discarded. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int readelfOneProcessPerFile() throws IOException, InterruptedException {
        int status = 0;
        for (Path file : files) {
            status |= run(List.of("readelf", "-d", file.toString()));
        }
        return status;
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start()
                .waitFor();
    }
}
