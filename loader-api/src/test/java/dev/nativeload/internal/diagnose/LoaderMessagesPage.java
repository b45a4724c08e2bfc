package dev.nativeload.internal.diagnose;

import java.util.stream.Collectors;

/** Renders {@code docs/loader-messages.md} from the loader-message table, so the page cannot drift from the data. */
final class LoaderMessagesPage {
    private LoaderMessagesPage() {
    }

    static String render(MessageTable table) {
        StringBuilder md = new StringBuilder();
        md.append("# Loader messages\n\n")
                .append("Every message the platform loaders give when a load fails, and the `FailureKind` nativeload gives it.\n")
                .append("The rows are data: `loader-api/src/main/resources/dev/nativeload/internal/diagnose/loader-messages.tsv`, read by\n")
                .append("`MessageTable` and the classifier. This page is rendered from that file, and `MessageTableTest` fails when\n")
                .append("the two differ (rerun it with `-Dnativeload.writeDocs=true` to rewrite the page).\n\n")
                .append("- glibc: 2.36's `ld.so` (`elf/dl-load.c`, `dl-open.c`, `dl-map-segments.h`, `dl-reloc.c`, `dl-lookup.c`,\n")
                .append("  `dl-version.c`, `dl-tls.c`, `dl-deps.c`, `sysdeps/x86`), every error a `dlopen` can end in; `dlerror()` prints\n")
                .append("  `OBJECT: TEXT`, and `: STRERROR` after it when the loader passed an error number.\n")
                .append("- musl: 1.2.3's `ldso/dynlink.c` and `src/ldso/dlopen.c`.\n")
                .append("- dyld: the texts as users quote them from macOS 12 to 15 (dyld 3 and 4); shapes from dyld's `Loader.cpp`\n")
                .append("  and `MachOFile.cpp`. None can be produced on Linux.\n")
                .append("- Windows: the `GetLastError()` codes a `LoadLibraryExW` ends in (`winerror.h`).\n")
                .append("- Java: what the JVM and Java libraries (JNA, netty, sqlite-jdbc, snappy-java, zstd-jni, LWJGL, JavaCPP)\n")
                .append("  write around a failed load, and the Windows texts they quote, as logs show them; `nativeload explain` reads\n")
                .append("  these rows, the classifier of a load never does.\n\n")
                .append("Kind `errno` means the error text at the end of the message decides (`No such file or directory` is\n")
                .append("`NOT_FOUND`, `Permission denied` is `ACCESS_DENIED`, ...). A message in no row is `UNKNOWN`, and the report\n")
                .append("quotes it verbatim. \"Produced here\" names the set-up of `testdata/zoo2/messages/build.sh` whose `dlopen`\n")
                .append("gives that exact text in `LoaderMessagesProducedTest`, or says why none can be built on Linux x86-64.\n\n");
        for (KnownMessage.Loader loader : KnownMessage.Loader.values()) {
            var rows = table.rows().stream().filter(r -> r.loader() == loader).toList();
            long produced = rows.stream().filter(r -> r.producedBy().isPresent()).count();
            md.append("## ").append(title(loader)).append(" (").append(rows.size()).append(" rows, ")
                    .append(produced).append(" produced here)\n\n");
            md.append("| id | message | kind | meaning | fix | produced here | source |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (KnownMessage r : rows) {
                md.append("| ").append(cell(r.id()))
                        .append(" | ").append(cell(r.template()))
                        .append(" | ").append(r.kind().map(Enum::name).orElse("errno"))
                        .append(" | ").append(cell(r.meaning()))
                        .append(" | ").append(cell(r.hint()))
                        .append(" | ").append(cell(r.producedBy().orElse(r.here())))
                        .append(" | ").append(cell(r.source()))
                        .append(" |\n");
            }
            md.append('\n');
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static String title(KnownMessage.Loader loader) {
        return switch (loader) {
            case GLIBC -> "glibc 2.36";
            case MUSL -> "musl 1.2.3";
            case DYLD -> "dyld (macOS)";
            case WINDOWS -> "Windows LoadLibraryExW";
            case JAVA -> "Java (the JVM and Java libraries, in logs)";
        };
    }

    private static String cell(String text) {
        return text.chars().mapToObj(c -> switch (c) {
            case '|' -> "\\|";
            case '`' -> "\\`";
            case '\n' -> "\\n";
            case '<' -> "&lt;";
            case '*' -> "\\*";
            default -> String.valueOf((char) c);
        }).collect(Collectors.joining());
    }
}
