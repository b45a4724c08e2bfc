#!/usr/bin/env python3
"""Prints the targets of the benchmark issue as ratios measured in one JMH run.

Usage: python3 benchmarks/ratios.py benchmarks/target/jmh-result.json

Each ratio is a quotient of two scores of the same run; its error is the two scores' relative
errors (JMH's 99.9% confidence half-widths) added in quadrature, a rough bound that assumes they
are independent. A verdict is "met" or "missed" only when the whole error band is on one side of
the target, otherwise "unclear".
"""
import json
import math
import statistics
import sys

PKG = "dev.nativeload.bench."


def load(path):
    scores = {}
    with open(path) as f:
        for r in json.load(f):
            name = r["benchmark"].removeprefix(PKG)
            symbol = r.get("params", {}).get("symbol")
            key = f"{name}[{symbol}]" if symbol else name
            m = r["primaryMetric"]
            err = m.get("scoreError")
            err = 0.0 if err is None or (isinstance(err, float) and math.isnan(err)) else err
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            scores[key] = (m["score"], err, m["scoreUnit"], alloc)
            SAMPLES[key] = [x for fork in m.get("rawData", []) for x in fork]
    return scores


# Every measured iteration of each benchmark (a single-shot benchmark: every op), for medians.
SAMPLES = {}


def ratio(scores, a, b):
    """{a}/{b} with a rough error; None when either is missing."""
    if a not in scores or b not in scores:
        return None
    (sa, ea, ua, _), (sb, eb, ub, _) = scores[a], scores[b]
    if ua != ub:
        raise SystemExit(f"units differ: {a} {ua}, {b} {ub}")
    r = sa / sb
    rel = math.hypot(ea / sa if sa else 0.0, eb / sb if sb else 0.0)
    return r, r * rel


def fmt(x):
    """A figure with three significant digits, without exponents."""
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def verdict(value, err, limit, at_most):
    lo, hi = value - err, value + err
    if at_most:
        return "met" if hi <= limit else "missed" if lo > limit else "unclear"
    return "met" if lo >= limit else "missed" if hi < limit else "unclear"


def main(path):
    s = load(path)
    rows = []

    def target(text, a, b, limit, at_most):
        r = ratio(s, a, b)
        if r is None:
            rows.append((text, "not measured", ""))
            return
        rows.append((text, f"{fmt(r[0])} ± {fmt(r[1])}", verdict(r[0], r[1], limit, at_most)))

    def median_target(text, a, b, limit):
        """{a}/{b} of the medians of the measured ops; the range divides a's extremes by b's (worst to best case)."""
        if not SAMPLES.get(a) or not SAMPLES.get(b):
            rows.append((text, "not measured", ""))
            return
        sa, sb = SAMPLES[a], SAMPLES[b]
        r = statistics.median(sa) / statistics.median(sb)
        lo, hi = min(sa) / max(sb), max(sa) / min(sb)
        rows.append((text, f"{fmt(r)} (range {fmt(lo)}-{fmt(hi)}; medians {fmt(statistics.median(sa))} / "
                     f"{fmt(statistics.median(sb))})", "met" if lo >= limit else "missed" if hi < limit else
                     ("met at the median" if r >= limit else "missed at the median")))

    for sym in ("present", "missing"):
        key = f"SymbolLookupBenchmark.nativeloadFindCached[{sym}]"
        if key in s:
            sc, err, unit, alloc = s[key]
            rows.append((f"cached find, {sym}: <= 10 ns/op", f"{fmt(sc)} ± {fmt(err)} {unit}",
                         verdict(sc, err, 10.0, True) if unit == "ns/op" else "unclear"))
            rows.append((f"cached find, {sym}: zero allocation", f"{alloc:.2g} B/op" if alloc is not None else "run with -prof gc",
                         ("met" if alloc < 0.5 else "missed") if alloc is not None else "unclear"))
        target(f"libraryLookup.find / cached find, {sym}: >= 10", f"SymbolLookupBenchmark.jdkLibraryLookupFind[{sym}]", key, 10, False)
        target(f"JNA getFunction / cached find, {sym}: >= 3", f"SymbolLookupBenchmark.jnaGetFunction[{sym}]", key, 3, False)
        target(f"uncached / raw dlsym, {sym}: <= 1.15", f"SymbolLookupBenchmark.nativeloadSymbolUncached[{sym}]",
               f"SymbolLookupBenchmark.rawDlsym[{sym}]", 1.15, True)
    target("second System.load / load of loaded name: >= 10", "LoadBenchmark.systemLoadAgain",
           "LoadBenchmark.nativeloadLoadByNameAlreadyLoaded", 10, False)
    target("load of loaded name / JNA getInstance: <= 1.5", "LoadBenchmark.nativeloadLoadByNameAlreadyLoaded",
           "LoadBenchmark.jnaGetInstanceCached", 1.5, True)
    for b in ("failedLoadByNameNotFound", "failedLoadWrongArchitecturePrechecked", "failedLoadWrongArchitectureByTheOs"):
        key = "FailedLoadBenchmark." + b
        if key in s:
            sc, err, unit, _ = s[key]
            us = sc * {"us/op": 1, "ms/op": 1000, "ns/op": 0.001}.get(unit, float("nan"))
            eu = err * us / sc if sc else 0.0
            rows.append((f"{b}: well under 1 ms (< 1000 us)", f"{fmt(us)} ± {fmt(eu)} us/op", verdict(us, eu, 1000, True)))
    target("readelf -d, one process / ElfFile.read(Path): >= 3", "ElfParsingBenchmark.readelfOneProcessForAllFiles",
           "ElfParsingBenchmark.parseAllInProcess", 3, False)
    target("readelf -d, one process / parse of mapped files (context)", "ElfParsingBenchmark.readelfOneProcessForAllFiles",
           "ElfParsingBenchmark.parseAllMapped", 3, False)
    target("readelf -d per file / in-process parse (context)", "ElfParsingBenchmark.readelfOneProcessPerFile",
           "ElfParsingBenchmark.parseAllInProcess", 3, False)
    ldd = "DependencyTreeBenchmark.lddOncePerExecutable"
    target("ldd once per executable / resolver in one (warm) JVM: >= 50", ldd,
           "DependencyTreeBenchmark.resolveEveryExecutable", 50, False)
    target("ldd once per executable / first pass in a fresh JVM, launcher flags: >= 50", ldd,
           "DependencyTreeBenchmark.resolveEveryExecutableFirstPassInAFreshJvmLauncherFlags", 50, False)
    target("ldd once per executable / first pass in a fresh JVM, JVM defaults (context)", ldd,
           "DependencyTreeBenchmark.resolveEveryExecutableFirstPassInAFreshJvm", 50, False)
    target("ldd once per executable / bin/nativeload tree, a new process (context)", ldd,
           "DependencyTreeBenchmark.treeCommand", 50, False)

    target("ldd -r once per library / binding the directory in one (warm) JVM: >= 10",
           "SymbolBindingBenchmark.lddROncePerLibrary", "SymbolBindingBenchmark.bindEveryLibrary", 10, False)
    median_target("ldd -r once per library / binding the directory: >= 10, medians of the single shots",
                  "SymbolBindingBenchmark.lddROncePerLibrary", "SymbolBindingBenchmark.bindEveryLibrary", 10)

    width = max(len(r[0]) for r in rows)
    vw = max(len(r[1]) for r in rows)
    print(f"| {'target':<{width}} | {'measured':<{vw}} | verdict |")
    print(f"|{'-' * (width + 2)}|{'-' * (vw + 2)}|---------|")
    for t, v, d in rows:
        print(f"| {t:<{width}} | {v:<{vw}} | {d:<7} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "benchmarks/target/jmh-result.json")
