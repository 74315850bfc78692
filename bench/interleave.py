#!/usr/bin/env python3
"""Interleaved wall-time comparison of whole commands: runs each command in turn, N rounds, and
prints each one's median and minimum wall time and median CPU (user + system, from getrusage).

On a machine whose background load drifts, taking turns keeps the comparison fair where
back-to-back blocks of runs would not. A benchmark, never part of the build.

  bench/interleave.py N 'CMD_A' 'CMD_B' ...
  e.g. bench/interleave.py 15 '../old/xtream-doctor evaluate --facts F' './xtream-doctor evaluate --facts F'
"""
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds, commands = int(sys.argv[1]), sys.argv[2:]
    wall = {c: [] for c in commands}
    cpu = {c: [] for c in commands}
    for _ in range(rounds):
        for c in commands:
            before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.time()
            subprocess.run(c, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            wall[c].append(time.time() - start)
            cpu[c].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    with open("/proc/loadavg") as f:
        print("load average:", " ".join(f.read().split()[:3]))
    for c in commands:
        print(f"median wall {statistics.median(wall[c]):.3f} s, min {min(wall[c]):.3f} s, "
              f"median CPU {statistics.median(cpu[c]):.3f} s: {c}")


if __name__ == "__main__":
    main()
