#!/usr/bin/env python3
"""Paired, interleaved whole-process timings: the tool behind benchmarks/startup.sh.

    pairs.py [--runs N] [--warmup W] NAME=COMMAND NAME=COMMAND ...

Each round runs every command once, in a rotated order (round r starts with command r mod k), so
the machine's changing load falls on every contender alike. A command is a shell command line run
by /bin/sh with stdout and stderr to the null device; its time is from fork to exit, measured here.
A command that exits with a non-zero status stops the run: a failing contender times nothing.

Prints, per command, for the wall-clock time and for the CPU time (user + system, of the process
and every child it waited for: on a busy machine the steadier of the two): the median with the
interquartile range (ms), and the median of the per-round ratios to the first command (the
reference) with their interquartile range. The load
average before and after is printed too, since on a shared machine it says how far to trust it.
"""
import os
import statistics
import subprocess
import sys
import time


def quartiles(values):
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def run_once(command):
    """{return (wall ms, CPU ms): from fork to exit, and user + system time of the process and what it waited for}"""
    start = time.perf_counter()
    child = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"pairs.py: '{command}' exited with {child.returncode}")
    return elapsed * 1000.0, (usage.ru_utime + usage.ru_stime) * 1000.0


def main(argv):
    runs, warmup, named = 20, 2, []
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "--runs":
            runs = int(args.pop(0))
        elif a == "--warmup":
            warmup = int(args.pop(0))
        elif "=" in a:
            name, command = a.split("=", 1)
            named.append((name, command))
        else:
            sys.exit(f"pairs.py: not NAME=COMMAND: {a}")
    if len(named) < 2:
        sys.exit("pairs.py: give at least two NAME=COMMAND, the first is the reference")

    load_before = os.getloadavg()
    for _ in range(warmup):
        for _, command in named:
            run_once(command)
    wall = {name: [] for name, _ in named}
    cpu = {name: [] for name, _ in named}
    for r in range(runs):
        order = named[r % len(named):] + named[:r % len(named)]
        for name, command in order:
            w, c = run_once(command)
            wall[name].append(w)
            cpu[name].append(c)
    load_after = os.getloadavg()

    reference = named[0][0]
    print(f"{runs} rounds (+{warmup} warm-up), load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print(f"| command | wall ms, median (IQR) | wall / {reference}, per round (IQR) "
          f"| CPU ms (user+sys), median (IQR) | CPU / {reference}, per round (IQR) |")
    print("|---|---|---|---|---|")
    for name, _ in named:
        cells = []
        for times in (wall, cpu):
            q1, med, q3 = quartiles(times[name])
            r1, rmed, r3 = quartiles([t / ref for t, ref in zip(times[name], times[reference])])
            cells.append(f"{med:.0f} ({q1:.0f}-{q3:.0f}) | {rmed:.2f} ({r1:.2f}-{r3:.2f})")
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
