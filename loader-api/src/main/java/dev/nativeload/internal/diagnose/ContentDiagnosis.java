package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Diagnosis;

import dev.nativeload.report.FailureKind;
import dev.nativeload.binary.FileContent;
import dev.nativeload.binary.FileSniffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Says what a file that is not a loadable library really is, from its bytes ({@link FileSniffer}),
 * and what to do: a Git LFS pointer, an archive, a linker script, a flattened symbolic link, a
 * saved error page, or a binary damaged by a text filter or a line-ending conversion.
 */
final class ContentDiagnosis {
    /** What to do about a binary a text filter or line-ending conversion rewrote. */
    static final String FILTER_HINT = "exclude binaries from resource filtering and line-ending conversion "
            + "(Maven: <nonFilteredFileExtensions> so, dll, dylib, or filtering only for text resources; "
            + "Git: '*.so binary' in .gitattributes), then rebuild and reinstall the library";

    private ContentDiagnosis() {
    }

    /** {@return what the file's bytes say, when they explain a failure} @param file a regular file */
    static Optional<Diagnosis> of(Path file) {
        try {
            return of(file, FileSniffer.sniff(file));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * {@return what a file too short for any header really is, when its bytes name a kind (a file
     * name, a script, a pointer, a page): empty for an empty file, a cut-off binary, plain text
     * (as likely the start of something cut short) or bytes of no known kind}
     *
     * @param file a regular file
     */
    static Optional<Diagnosis> recognized(Path file) {
        try {
            FileContent content = FileSniffer.sniff(file);
            if (content instanceof FileContent.Unknown || content instanceof FileContent.Empty
                    || content instanceof FileContent.Binary || content instanceof FileContent.Text) {
                return Optional.empty();
            }
            return of(file, content);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** {@return only a damaged binary's diagnosis (CORRUPT), if the bytes show damage} @param file a regular file */
    static Optional<Diagnosis> damage(Path file) {
        return of(file).filter(d -> d.kind() == FailureKind.CORRUPT);
    }

    static Optional<Diagnosis> of(Path file, FileContent content) {
        String name = String.valueOf(file.getFileName());
        return switch (content) {
            case FileContent.Binary intact -> Optional.empty();
            case FileContent.Empty empty -> Optional.of(Diagnosis.of(FailureKind.TRUNCATED, name + " is empty",
                    "the file was cut short (an interrupted download or extraction?): reinstall or re-extract it"));
            case FileContent.TextFiltered t -> Optional.of(Diagnosis.of(FailureKind.CORRUPT,
                    name + " is " + t.describe() + ": a text filter (Maven resource filtering, an encoding conversion) rewrote it",
                    FILTER_HINT));
            case FileContent.LineEndingsConverted c -> Optional.of(Diagnosis.of(FailureKind.CORRUPT,
                    name + " is " + c.describe() + ": a line-ending conversion (Git autocrlf, FTP ASCII mode) rewrote it",
                    FILTER_HINT));
            case FileContent.GitLfsPointer lfs -> Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is " + lfs.describe() + ": the checkout did not fetch Git LFS objects",
                    "run `git lfs install` and `git lfs pull` in the checkout (or enable LFS in the CI checkout step)"));
            case FileContent.ZipArchive zip -> Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is " + zip.describe() + ", not a native library",
                    "extract the native library from it (`unzip -l " + name + "` lists the entries), or put the "
                            + (zip.jar() ? "JAR" : "archive") + " on the class path and load the library by name"));
            case FileContent.LinkerScript script -> Optional.of(linkerScript(file, name, script));
            case FileContent.FlattenedSymlink link -> Optional.of(flattened(file, name, link));
            case FileContent.ErrorPage page -> Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is " + page.describe(),
                    "download the library again; check the URL, credentials and proxy, and verify the file's checksum"));
            case FileContent.Text text -> Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is not a native library: it is " + text.describe(), "point the loader at the library file itself"));
            case FileContent.Unknown unknown -> Optional.of(Diagnosis.of(FailureKind.WRONG_FORMAT,
                    name + " is not a native library: " + unknown.describe() + ", not ELF, PE or Mach-O",
                    "point the loader at the library file itself"));
        };
    }

    private static Diagnosis linkerScript(Path file, String name, FileContent.LinkerScript script) {
        Optional<String> real = script.inputs().stream().filter(i -> i.matches(".*\\.so(\\.[0-9.]+)?")).findFirst();
        String cause = name + " is " + script.describe() + ": a script for the build-time linker, which dlopen cannot load";
        Optional<Path> target = real.flatMap(r -> resolveBeside(file, r));
        if (target.isEmpty()) {
            return Diagnosis.of(FailureKind.WRONG_FORMAT, cause, "load the shared library the script stands for, not the script");
        }
        return Diagnosis.of(FailureKind.WRONG_FORMAT, cause + "; the real library is " + real.get()
                        + (Files.isRegularFile(target.get()) ? " (" + target.get() + " exists)" : " (" + target.get() + " does not exist)"),
                "load " + target.get() + " instead (by its versioned name)");
    }

    private static Diagnosis flattened(Path file, String name, FileContent.FlattenedSymlink link) {
        Optional<Path> target = resolveBeside(file, link.target());
        if (target.isEmpty()) {
            return Diagnosis.of(FailureKind.WRONG_FORMAT, name + " is " + link.describe(),
                    "replace it with the library it names, or recreate the symbolic link");
        }
        boolean exists = Files.isRegularFile(target.get());
        String cause = name + " is " + link.describe() + "; " + target.get() + (exists ? " exists" : " does not exist");
        String hint = exists
                ? "load " + target.get() + " instead, or recreate the link (ln -sf " + link.target() + " " + name + ")"
                : "the real library is missing too: extract the archive with a tool that keeps symbolic links "
                + "(tar, or unzip on Linux), or copy with cp -a";
        return Diagnosis.of(FailureKind.WRONG_FORMAT, cause, hint);
    }

    private static Optional<Path> resolveBeside(Path file, String name) {
        try {
            Path p = Path.of(name);
            Path dir = file.toAbsolutePath().getParent();
            return Optional.of(p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize());
        } catch (java.nio.file.InvalidPathException notAPathHere) {
            return Optional.empty();
        }
    }
}
