package dev.nativeload.binary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a file handed to a loader really is, told from its bytes: a native binary (intact or
 * damaged), or one of the things users meet in its place (a Git LFS pointer, an archive, a linker
 * script, a flattened symbolic link, a saved error page). {@link FileSniffer} makes these.
 */
public sealed interface FileContent {

    /** {@return a short description of the content, for a person} */
    String describe();

    /**
     * {@return "an" before ELF, "a" before the other formats}
     *
     * @param format a format
     */
    private static String article(BinaryFormat format) {
        return format == BinaryFormat.ELF ? "an" : "a";
    }

    /** An empty file. */
    record Empty() implements FileContent {
        @Override
        public String describe() {
            return "an empty file";
        }
    }

    /**
     * A native binary whose bytes show no sign of damage.
     *
     * @param format its format
     */
    record Binary(BinaryFormat format) implements FileContent {
        /** Checks the components: none may be null. */
        public Binary {
            Objects.requireNonNull(format, "format");
        }

        @Override
        public String describe() {
            return article(format) + " " + format + " binary";
        }
    }

    /**
     * A native binary passed through a text filter that decoded it as UTF-8 and wrote it back:
     * every byte sequence that was not valid UTF-8 became U+FFFD, encoded as {@code EF BF BD}.
     *
     * @param format       the format its (surviving) magic names
     * @param replacements how many {@code EF BF BD} sequences the bytes read hold
     */
    record TextFiltered(BinaryFormat format, int replacements) implements FileContent {
        @Override
        public String describe() {
            return article(format) + " " + format + " binary mangled by a text filter (" + replacements
                    + " EF BF BD replacement sequences where bytes of 0x80 and above were)";
        }
    }

    /**
     * A native binary whose line feeds were turned into CR LF by a line-ending conversion.
     *
     * @param format the format its magic names
     * @param crlf   how many CR LF pairs the bytes read hold (and no lone LF)
     */
    record LineEndingsConverted(BinaryFormat format, int crlf) implements FileContent {
        @Override
        public String describe() {
            return article(format) + " " + format + " binary whose line feeds were converted to CR LF (" + crlf
                    + " CR LF pairs and no lone LF byte)";
        }
    }

    /**
     * A Git LFS pointer file checked out instead of the object it points to.
     *
     * @param oid  the object id it names ({@code sha256:...}), when present
     * @param size the real file's size it states, or -1
     */
    record GitLfsPointer(Optional<String> oid, long size) implements FileContent {
        /** Checks the components: none may be null. */
        public GitLfsPointer {
            Objects.requireNonNull(oid, "oid");
        }

        @Override
        public String describe() {
            return "a Git LFS pointer" + (size >= 0 ? " to a " + size + "-byte file" : "") + ", not the file itself";
        }
    }

    /**
     * A ZIP archive, or a JAR (a ZIP with {@code META-INF/}).
     *
     * @param jar        it names {@code META-INF/} in the bytes read
     * @param firstEntry the name of its first entry, when readable
     */
    record ZipArchive(boolean jar, Optional<String> firstEntry) implements FileContent {
        /** Checks the components: none may be null. */
        public ZipArchive {
            Objects.requireNonNull(firstEntry, "firstEntry");
        }

        @Override
        public String describe() {
            return (jar ? "a JAR" : "a ZIP archive") + firstEntry.map(e -> " (first entry " + e + ")").orElse("");
        }
    }

    /**
     * A GNU ld linker script ({@code INPUT(...)} or {@code GROUP(...)}), as installed for
     * {@code libc.so} or by some packages in place of the unversioned {@code .so}.
     *
     * @param inputs the files it names, in order ({@code AS_NEEDED} ones included)
     */
    record LinkerScript(List<String> inputs) implements FileContent {
        /** Checks the components: none may be null. */
        public LinkerScript {
            inputs = List.copyOf(inputs);
        }

        @Override
        public String describe() {
            return "a GNU ld linker script" + (inputs.isEmpty() ? "" : " naming " + String.join(", ", inputs));
        }
    }

    /**
     * A small text file holding only a file name: a symbolic link that an archiver or a copy
     * flattened into a file holding the link's target.
     *
     * @param target the name it holds, e.g. {@code libfoo.so.1.2.3}
     */
    record FlattenedSymlink(String target) implements FileContent {
        /** Checks the components: none may be null. */
        public FlattenedSymlink {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String describe() {
            return "a text file holding only the name \"" + target + "\" (a symbolic link flattened into a file)";
        }
    }

    /**
     * A web page or an API response saved in place of the download: HTML, XML or JSON.
     *
     * @param type  {@code HTML}, {@code XML} or {@code JSON}
     * @param title the page's title or the JSON's message, when there is one
     */
    record ErrorPage(String type, Optional<String> title) implements FileContent {
        /** Checks the components: none may be null. */
        public ErrorPage {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(title, "title");
        }

        @Override
        public String describe() {
            return "an " + type + " document" + title.map(t -> " (\"" + t + "\")").orElse("")
                    + ", likely an error page saved by a failed download";
        }
    }

    /**
     * Some other text.
     *
     * @param firstLine its first line, shortened
     */
    record Text(String firstLine) implements FileContent {
        /** Checks the components: none may be null. */
        public Text {
            Objects.requireNonNull(firstLine, "firstLine");
        }

        @Override
        public String describe() {
            return "a text file beginning \"" + firstLine + "\"";
        }
    }

    /**
     * Bytes of no kind recognized here.
     *
     * @param firstBytes the first bytes in hexadecimal (up to 8)
     */
    record Unknown(String firstBytes) implements FileContent {
        /** Checks the components: none may be null. */
        public Unknown {
            Objects.requireNonNull(firstBytes, "firstBytes");
        }

        @Override
        public String describe() {
            return "unknown content (first bytes " + firstBytes + ")";
        }
    }
}
