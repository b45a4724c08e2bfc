package dev.nativeload.resolve;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * glibc's {@code /etc/ld.so.conf}: the directories {@code ldconfig} puts in the cache, with its
 * {@code include} globs followed. The live chain searches them by absolute path; read once per
 * change of the file or its {@code .d} directory.
 */
public final class LdSoConf {
    /** How many files one reading follows at most (an include loop ends here). */
    private static final int MAX_CONF_FILES = 256;

    private LdSoConf() {
    }

    /** The last reading of each ld.so.conf, kept while the file and its include directory are unchanged. */
    private static final Map<Path, ConfReading> CONF_READINGS = new java.util.concurrent.ConcurrentHashMap<>();

    private record ConfReading(List<Long> stamps, List<Path> dirs) {
    }

    /**
     * {@return the directories listed in an ld.so.conf file, following {@code include} globs, in order}
     *
     * @param conf the file, usually {@code /etc/ld.so.conf}
     */
    public static List<Path> directories(Path conf) {
        List<Long> stamps = List.of(modified(conf), modified(conf.resolveSibling(conf.getFileName() + ".d")));
        ConfReading last = CONF_READINGS.get(conf);
        if (last != null && last.stamps().equals(stamps)) {
            return last.dirs();
        }
        List<Path> out = new ArrayList<>();
        readConf(conf, out, new int[] {0});
        CONF_READINGS.put(conf, new ConfReading(stamps, List.copyOf(out)));
        return out;
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException | SecurityException absent) {
            return -1;
        }
    }

    private static void readConf(Path conf, List<Path> out, int[] files) {
        if (++files[0] > MAX_CONF_FILES || !Files.isRegularFile(conf)) {
            return;
        }
        // Read through a FileInputStream (loaded before main) and cut by hand: Files.readAllLines brings some
        // forty classes of channels, and a regular expression per line costs more; this runs on every
        // first load the OS's own search did not satisfy.
        String text;
        try (InputStream in = new FileInputStream(conf.toFile())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | SecurityException unreadable) {
            return;
        }
        for (String raw : text.split("\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            if (line.startsWith("include ") || line.startsWith("include\t")) {
                String pattern = line.substring("include".length()).strip();
                Path glob = conf.getParent().resolve(pattern);
                Path dir = glob.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    continue;
                }
                try (DirectoryStream<Path> matches = Files.newDirectoryStream(dir, glob.getFileName().toString())) {
                    List<Path> sorted = new ArrayList<>();
                    for (Path m : matches) {
                        sorted.add(m);
                    }
                    sorted.sort(null);
                    for (Path m : sorted) {
                        readConf(m, out, files);
                    }
                } catch (IOException | RuntimeException unreadable) {
                    // A bad glob or an unreadable directory adds no directories, as ldconfig skips it.
                    continue;
                }
            } else if (line.startsWith("/")) {
                Path p = Path.of(line.split("[\\s=]")[0]);
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
    }
}
