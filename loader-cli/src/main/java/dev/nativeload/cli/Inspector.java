package dev.nativeload.cli;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.cli.InspectResult.ErrorKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** Reads one file argument into an {@link InspectResult}; every expected failure becomes a {@link InspectResult.Failed}. */
final class Inspector {
    private final Path workingDirectory;

    /** @param workingDirectory the directory relative file arguments are resolved against */
    Inspector(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /**
     * Reads a file.
     *
     * @param argument the file name as the user gave it
     * @return the summaries of its images, or why it could not be read
     */
    InspectResult inspect(String argument) {
        Path file;
        try {
            file = workingDirectory.resolve(argument);
        } catch (InvalidPathException e) {
            return failed(argument, ErrorKind.IO, "invalid file name: " + e.getReason());
        }
        if (Files.isDirectory(file)) {
            return failed(argument, ErrorKind.IO, "is a directory");
        }
        try {
            NativeBinary binary = Binaries.read(file);
            List<BinarySummary> images = binary.images().stream().map(BinaryImage::summary).toList();
            return new InspectResult.Read(argument, binary.format(), images);
        } catch (MalformedBinaryException e) {
            return new InspectResult.Failed(argument, ErrorKind.MALFORMED, e.problem(), e.offset());
        } catch (NotABinaryException e) {
            return failed(argument, ErrorKind.NOT_A_BINARY, e.getMessage());
        } catch (IOException e) {
            return failed(argument, ErrorKind.IO, describe(e));
        }
    }

    /**
     * {@return a short message for an I/O failure, without repeating the file name}
     *
     * @param e the failure
     */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static InspectResult failed(String argument, ErrorKind kind, String message) {
        return new InspectResult.Failed(argument, kind, message, OptionalLong.empty());
    }
}
