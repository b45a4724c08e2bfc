package dev.nativeload.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;

/**
 * Expands file arguments lazily, so names piped from {@code find} are inspected as they arrive.
 *
 * <p>{@code -} stands for the names on standard input and {@code @FILE} for the names in FILE,
 * one per line (UTF-8; a line ends at LF, CR LF or CR; blank lines are skipped). Every other
 * argument is a file name as it stands; write {@code ./@name} for a file whose name starts with {@code @}.
 */
final class FileArguments implements Iterable<FileArguments.Item> {
    /** One expanded argument. */
    sealed interface Item permits FileName, UnreadableList {
    }

    /** @param name a file to inspect, as given on the command line or in a list */
    record FileName(String name) implements Item {
    }

    /**
     * @param argument the list argument ({@code -} or {@code @FILE}) as given
     * @param message  why the list could not be read (completely)
     */
    record UnreadableList(String argument, String message) implements Item {
        /** {@return the list's failure as a file's that could not be read} */
        InspectResult.Failed failed() {
            return new InspectResult.Failed(argument, InspectResult.ErrorKind.IO, message, OptionalLong.empty());
        }
    }

    private final List<String> arguments;
    private final InputStream stdin;
    private final Path workingDirectory;

    /**
     * @param arguments        the positional arguments, in order
     * @param stdin            where {@code -} reads names from
     * @param workingDirectory the directory relative list files are resolved against
     */
    FileArguments(List<String> arguments, InputStream stdin, Path workingDirectory) {
        this.arguments = List.copyOf(arguments);
        this.stdin = stdin;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public Iterator<Item> iterator() {
        return new Expander();
    }

    private final class Expander implements Iterator<Item> {
        private final Deque<String> pending = new ArrayDeque<>(arguments);
        private BufferedReader list;
        private String listArgument;
        private Item next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = advance();
            }
            return next != null;
        }

        @Override
        public Item next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Item item = next;
            next = null;
            return item;
        }

        private Item advance() {
            while (true) {
                if (list != null) {
                    Item fromList = readListLine();
                    if (fromList != null) {
                        return fromList;
                    }
                    continue;
                }
                String argument = pending.poll();
                if (argument == null) {
                    return null;
                }
                if (argument.equals("-")) {
                    // Not closed afterwards: standard input belongs to the caller.
                    list = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                    listArgument = argument;
                } else if (argument.startsWith("@")) {
                    try {
                        list = Files.newBufferedReader(workingDirectory.resolve(argument.substring(1)), StandardCharsets.UTF_8);
                        listArgument = argument;
                    } catch (IOException e) {
                        return new UnreadableList(argument, Inspector.describe(e));
                    } catch (InvalidPathException e) {
                        return new UnreadableList(argument, "invalid file name: " + e.getReason());
                    }
                } else {
                    return new FileName(argument);
                }
            }
        }

        /** {@return the next name from the open list, an error, or null when the list is done} */
        private Item readListLine() {
            try {
                String line;
                do {
                    line = list.readLine();
                } while (line != null && line.isEmpty());
                if (line != null) {
                    return new FileName(line);
                }
                finishList();
                return null;
            } catch (IOException e) {
                String argument = listArgument;
                finishList();
                return new UnreadableList(argument, Inspector.describe(e));
            }
        }

        private void finishList() {
            if (!listArgument.equals("-")) {
                try {
                    list.close();
                } catch (IOException ignored) {
                    // Read-only file already read to its end or failed; nothing was written.
                }
            }
            list = null;
            listArgument = null;
        }
    }
}
