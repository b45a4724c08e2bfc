package dev.nativeload.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import dev.nativeload.resolve.symbols.SymbolBinder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SymbolBindingBenchmark}'s contenders timed by CPU, for a machine too busy for the wall
 * clock: in each round one warm pass binding every library listing no bindings, one listing all,
 * and (every {@code lddEvery}-th round) the {@code ldd -r} loop, in the same JVM, interleaved. A
 * pass reports the binding thread's CPU time, the whole process's (the collector and compiler
 * threads too) and the bytes the thread allocated; the loop, its children's user + system time.
 *
 * <pre>java --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.nativeload.bench.SymbolBindingCpuTime [DIRECTORY [ROUNDS [WARMUP [LDD_EVERY]]]]</pre>
 */
public final class SymbolBindingCpuTime {
    private SymbolBindingCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        SymbolBindingBenchmark b = new SymbolBindingBenchmark();
        b.directory = args.length > 0 ? args[0] : "/usr/lib/x86_64-linux-gnu";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 12;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int lddEvery = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        b.list();
        ThreadMXBean thread = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        double[] load = {os.getSystemLoadAverage(), 0};
        for (int round = 0; round < warmup + rounds; round++) {
            for (SymbolBinder.Recorded recorded : List.of(SymbolBinder.Recorded.NONE, SymbolBinder.Recorded.ALL)) {
                long cpu = thread.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                long bytes = thread.getCurrentThreadAllocatedBytes();
                long wall = System.nanoTime();
                b.bindAll(recorded);
                if (round >= warmup) {
                    String name = "bind, bindings " + recorded;
                    figures.computeIfAbsent(name + ": wall ms", k -> new ArrayList<>()).add((System.nanoTime() - wall) / 1e6);
                    figures.computeIfAbsent(name + ": thread CPU ms", k -> new ArrayList<>()).add((thread.getCurrentThreadCpuTime() - cpu) / 1e6);
                    figures.computeIfAbsent(name + ": process CPU ms", k -> new ArrayList<>()).add((os.getProcessCpuTime() - process) / 1e6);
                    figures.computeIfAbsent(name + ": allocated MB", k -> new ArrayList<>())
                            .add((thread.getCurrentThreadAllocatedBytes() - bytes) / 1e6);
                }
            }
            if (round >= warmup && (round - warmup) % lddEvery == 0) {
                long wall = System.nanoTime();
                long cpu = b.lddLoopCpuMillis();
                figures.computeIfAbsent("ldd -r loop: wall ms", k -> new ArrayList<>()).add((System.nanoTime() - wall) / 1e6);
                figures.computeIfAbsent("ldd -r loop: CPU ms (children, user + sys)", k -> new ArrayList<>()).add((double) cpu);
            }
        }
        load[1] = os.getSystemLoadAverage();
        System.out.printf("%s: %d files, %d measured rounds, load average %.1f before, %.1f after%n",
                b.directory, b.fileCount(), rounds, load[0], load[1]);
        for (Map.Entry<String, List<Double>> e : figures.entrySet()) {
            List<Double> v = new ArrayList<>(e.getValue());
            Collections.sort(v);
            System.out.printf("%-50s median %,9.0f  IQR %,9.0f - %,9.0f  (n %d)%n", e.getKey(), quantile(v, 0.5),
                    quantile(v, 0.25), quantile(v, 0.75), v.size());
        }
        double ldd = quantile(sorted(figures.get("ldd -r loop: CPU ms (children, user + sys)")), 0.5);
        for (SymbolBinder.Recorded r : List.of(SymbolBinder.Recorded.NONE, SymbolBinder.Recorded.ALL)) {
            System.out.printf("ratio of medians, ldd -r CPU / bind process CPU (bindings %s): %.1f%n", r,
                    ldd / quantile(sorted(figures.get("bind, bindings " + r + ": process CPU ms")), 0.5));
        }
    }

    private static List<Double> sorted(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s;
    }

    /** Linear interpolation between the closest ranks of a sorted list. */
    private static double quantile(List<Double> sorted, double q) {
        double at = q * (sorted.size() - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(lo + 1, sorted.size() - 1);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (at - lo);
    }
}
