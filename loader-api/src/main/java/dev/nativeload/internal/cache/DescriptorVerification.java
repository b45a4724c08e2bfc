package dev.nativeload.internal.cache;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Verifies every file of a filled entry through {@link EntryFileCheck} and keeps the descriptors that pass. */
final class DescriptorVerification {
    private DescriptorVerification() {
    }

    /**
     * {@return for each file, the name the OS loader opens its verified descriptor by; empty when a
     * file was refused (recorded in {@code steps} as an entry passed over), so the next entry is tried}
     *
     * @param check the descriptor check, or empty to trust the path checks already made
     * @param files the entry's files
     * @param steps where refusals are recorded
     */
    static Optional<Map<Path, String>> verifyAll(Optional<EntryFileCheck> check, List<ExtractedFile> files, List<ExtractionStep> steps) {
        Map<Path, String> names = new HashMap<>();
        if (check.isEmpty()) {
            return Optional.of(names);
        }
        Optional<EntryFileCheck.Verdict.Refused> badEntry = files.isEmpty() ? Optional.empty()
                : check.get().checkDirectory(files.getFirst().path().getParent());
        if (badEntry.isPresent()) {
            steps.add(ExtractionStep.passedOver(badEntry.get().why()));
            return Optional.empty();
        }
        for (ExtractedFile f : files) {
            Optional<EntryFileCheck.Verdict> v = check.get().verify(f.path(), f.sha256(), f.size());
            if (v.isEmpty()) {
                return byPath(files, steps);
            }
            switch (v.get()) {
                case EntryFileCheck.Verdict.Refused r -> {
                    steps.add(ExtractionStep.passedOver(r.why()));
                    return Optional.empty();
                }
                case EntryFileCheck.Verdict.Verified ok -> VerifiedDescriptors.keep(ok.file()).ifPresent(n -> names.put(f.path(), n));
            }
        }
        steps.add(new ExtractionStep(ExtractionStep.Kind.VERIFIED, "verified through one open descriptor each (regular, owned by uid " + check.get().euid()
                + ", no group/other write, one link, SHA-256): " + files.size() + " file" + (files.size() == 1 ? "" : "s")));
        return Optional.of(names);
    }

    /** Where the OS boundary cannot open by descriptor: every file hashed by path, as before this check existed. */
    private static Optional<Map<Path, String>> byPath(List<ExtractedFile> files, List<ExtractionStep> steps) {
        for (ExtractedFile f : files) {
            try {
                Sha256.Summary have = Sha256.ofFile(f.path());
                if (!have.sha256().equals(f.sha256()) || have.size() != f.size()) {
                    steps.add(ExtractionStep.passedOver(f.path() + " has SHA-256 " + have.sha256() + ", expected " + f.sha256()));
                    return Optional.empty();
                }
            } catch (java.io.IOException e) {
                steps.add(ExtractionStep.passedOver("cannot read " + f.path() + ": " + CacheDirectoryCheck.describe(e)));
                return Optional.empty();
            }
        }
        steps.add(new ExtractionStep(ExtractionStep.Kind.VERIFIED, "verified by path (this host cannot open files by descriptor)"));
        return Optional.of(Map.of());
    }
}
