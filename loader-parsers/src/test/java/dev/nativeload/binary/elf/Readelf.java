package dev.nativeload.binary.elf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs binutils' {@code readelf -h -l -d -V -W} over many files (a few dozen per process, two
 * processes at once) and parses what the differential test compares.
 */
final class Readelf {
    private static final int FILES_PER_RUN = 64;
    private static final Pattern FILE = Pattern.compile("^File: (.*)$");
    private static final Pattern BRACKETED = Pattern.compile("\\[(.*)]\\s*$");
    private static final Pattern NEED_FILE = Pattern.compile("Version: \\d+\\s+File: (\\S+)\\s+Cnt: \\d+");
    private static final Pattern NEED_NAME = Pattern.compile("Name: (\\S+)\\s+Flags:");

    /** What readelf says about one file; strings as readelf prints them. */
    static final class Facts {
        String elfClass;
        String data;
        String machine;
        String type;
        String interpreter;
        String soname;
        final List<String> needed = new ArrayList<>();
        final List<String> rpath = new ArrayList<>();
        final List<String> runpath = new ArrayList<>();
        /** Version needs, per file, versions in order (duplicates removed). */
        final Map<String, List<String>> versionNeeds = new LinkedHashMap<>();
        boolean hasSections = true;
    }

    private Readelf() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("readelf", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@return the facts for every file, keyed by the path as given} */
    static Map<Path, Facts> headers(List<Path> files) {
        List<List<Path>> batches = new ArrayList<>();
        for (int i = 0; i < files.size(); i += FILES_PER_RUN) {
            batches.add(files.subList(i, Math.min(files.size(), i + FILES_PER_RUN)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<Path, Facts>>> futures = new ArrayList<>();
            for (List<Path> batch : batches) {
                futures.add(pool.submit(() -> run(batch)));
            }
            Map<Path, Facts> all = new LinkedHashMap<>();
            for (Future<Map<Path, Facts>> f : futures) {
                all.putAll(f.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Path, Facts> run(List<Path> batch) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("readelf", "-h", "-l", "-d", "-V", "-W"));
        // Two or more names make readelf print a "File: name" line before each file.
        batch.forEach(p -> command.add(p.toString()));
        if (batch.size() == 1) {
            command.add(batch.get(0).toString());
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        batch.forEach(p -> byName.put(p.toString(), p));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<Path, Facts> result = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Facts current = null;
            String needFile = null;
            boolean inNeeds = false;
            String line;
            while ((line = in.readLine()) != null) {
                Matcher file = FILE.matcher(line);
                if (file.matches() && byName.containsKey(file.group(1))) {
                    current = result.containsKey(byName.get(file.group(1))) ? null : new Facts();
                    if (current != null) {
                        result.put(byName.get(file.group(1)), current);
                    }
                    inNeeds = false;
                    continue;
                }
                if (current == null) {
                    continue;
                }
                String t = line.trim();
                if (t.startsWith("Version needs section")) {
                    inNeeds = true;
                    continue;
                }
                if (t.startsWith("Version definition section") || t.startsWith("Version symbols section")) {
                    inNeeds = false;
                    continue;
                }
                if (inNeeds) {
                    Matcher nf = NEED_FILE.matcher(t);
                    Matcher nn = NEED_NAME.matcher(t);
                    if (nf.find()) {
                        needFile = nf.group(1);
                        current.versionNeeds.computeIfAbsent(needFile, k -> new ArrayList<>());
                    } else if (nn.find() && needFile != null) {
                        List<String> versions = current.versionNeeds.get(needFile);
                        if (!versions.contains(nn.group(1))) {
                            versions.add(nn.group(1));
                        }
                    }
                    continue;
                }
                parseHeaderLine(current, t);
            }
        }
        process.waitFor();
        return result;
    }

    private static void parseHeaderLine(Facts f, String t) {
        if (t.startsWith("Class:")) {
            f.elfClass = value(t);
        } else if (t.startsWith("Data:")) {
            f.data = value(t).contains("big endian") ? "big" : "little";
        } else if (t.startsWith("Machine:")) {
            f.machine = value(t);
        } else if (t.startsWith("Type:") && f.type == null) {
            f.type = value(t).split(" ")[0];
        } else if (t.startsWith("[Requesting program interpreter:")) {
            f.interpreter = t.substring("[Requesting program interpreter:".length(), t.length() - 1).trim();
        } else if (t.startsWith("Number of section headers:")) {
            f.hasSections = !value(t).equals("0");
        } else if (t.contains("(NEEDED)")) {
            f.needed.add(bracketed(t));
        } else if (t.contains("(SONAME)")) {
            f.soname = bracketed(t);
        } else if (t.contains("(RPATH)")) {
            f.rpath.add(bracketed(t));
        } else if (t.contains("(RUNPATH)")) {
            f.runpath.add(bracketed(t));
        }
    }

    private static String value(String t) {
        return t.substring(t.indexOf(':') + 1).trim();
    }

    private static String bracketed(String t) {
        Matcher m = BRACKETED.matcher(t);
        return m.find() ? m.group(1) : t;
    }

    /** Runs {@code readelf --dyn-syms -W} and returns the Name column of each entry, in index order. */
    static List<String> dynamicSymbolNames(Path file) {
        List<String> names = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("readelf", "--dyn-syms", "-W", file.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean inDynsym = false;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("Symbol table '.dynsym'")) {
                        inDynsym = true;
                    } else if (line.startsWith("Symbol table ")) {
                        inDynsym = false;
                    } else if (inDynsym && line.matches("\\s*\\d+:.*")) {
                        names.add(line);
                    }
                }
            }
            p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return names;
    }
}
