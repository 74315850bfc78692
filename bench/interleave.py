#!/usr/bin/env python3
"""Interleaved comparison of whole commands: runs each command in turn, N rounds, and prints for
each one its median and 90th-percentile wall time, median CPU (user + system) and peak resident
memory, and its ratio to the first command.

On a machine whose background load drifts, taking turns keeps the comparison fair where
back-to-back blocks of runs would not. A benchmark, never part of the build.

  bench/interleave.py [--simulate SCENARIO] [--warmup K] N 'CMD_A' 'CMD_B' ...

  e.g. bench/interleave.py 15 '../old/xtream-doctor evaluate --facts F' './xtream-doctor evaluate --facts F'

--simulate SCENARIO starts `xtream-doctor simulate --scenario SCENARIO` (the jar of --jar, default
cli/target/xtream-doctor.jar) on loopback for the whole run, and gives the commands its details
in the environment: $SERVER, $USERNAME, XTREAM_PASSWORD (read by diagnose, never on a command
line), DOCTOR_DNS_SYSTEM_RESOLVERS and DOCTOR_DNS_PUBLIC_RESOLVERS (the simulator's resolvers, so
nothing leaves the machine), XTREAM_DOCTOR_JAVA_OPTS=-Dxtreamdoctor.network.loopback-only=true
(the network gate refuses anything but loopback), and $FACTS: a file with the facts one diagnosis
of that panel reports, so `evaluate --facts $FACTS` evaluates the very same case:

  bench/interleave.py --simulate healthy-xc2 15 \\
    './xtream-doctor evaluate --facts $FACTS' \\
    './xtream-doctor diagnose --server $SERVER --username $USERNAME'

CPU and peak RSS are the command's process and its waited-for descendants (wait4), so the
launcher script and the JVM it execs count as one. Each command runs K times (default 1) before
the measured rounds: the launcher builds its jar, class-data archive and rules cache then.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, env):
    """One run: (wall seconds, CPU seconds, peak RSS in MB, exit code)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        command, shell=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


class Simulator:
    """`xtream-doctor simulate` on loopback for the benchmark's whole run."""

    def __init__(self, scenario, jar):
        self.out = tempfile.NamedTemporaryFile("w+", prefix="interleave-sim-", suffix=".txt")
        self.proc = subprocess.Popen(
            ["java", "-jar", jar, "simulate", "--scenario", scenario, "--for", "3600"],
            stdout=self.out, stderr=subprocess.STDOUT)
        self.fields = {}
        for _ in range(300):
            text = open(self.out.name).read()
            if "Running" in text:
                for key, pattern in {
                    "SERVER": r"^Server URL: *(\S+)",
                    "USERNAME": r"^Username: *(\S+)",
                    "XTREAM_PASSWORD": r"^Password: *(\S+)",
                    "DOCTOR_DNS_SYSTEM_RESOLVERS": r"^DOCTOR_DNS_SYSTEM_RESOLVERS=(\S+)",
                    "DOCTOR_DNS_PUBLIC_RESOLVERS": r"^DOCTOR_DNS_PUBLIC_RESOLVERS=(\S+)",
                }.items():
                    self.fields[key] = re.search(pattern, text, re.M).group(1)
                break
            if self.proc.poll() is not None:
                break
            time.sleep(0.1)
        if not self.fields:
            self.stop()
            sys.exit("the simulator did not start:\n" + open(self.out.name).read())
        self.fields["XTREAM_DOCTOR_JAVA_OPTS"] = "-Dxtreamdoctor.network.loopback-only=true"

    def facts(self, jar, env):
        """The facts one diagnosis of this panel reports, in a file `evaluate --facts` reads."""
        report = subprocess.run(
            ["java", "-Dxtreamdoctor.network.loopback-only=true", "-jar", jar, "diagnose",
             "--server", self.fields["SERVER"], "--username", self.fields["USERNAME"],
             "--format", "json"],
            env=env, capture_output=True, text=True)
        facts = tempfile.NamedTemporaryFile("w", prefix="interleave-facts-", suffix=".json",
                                            delete=False)
        json.dump({"facts": json.loads(report.stdout)["facts"]}, facts, indent=1)
        facts.close()
        return facts.name

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--simulate", metavar="SCENARIO")
    parser.add_argument("--jar", default=os.path.join(ROOT, "cli/target/xtream-doctor.jar"))
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("rounds", type=int)
    parser.add_argument("commands", nargs="+")
    args = parser.parse_args()
    env = dict(os.environ)
    sim = None
    if args.simulate:
        sim = Simulator(args.simulate, args.jar)
        env.update(sim.fields)
        env["FACTS"] = sim.facts(args.jar, env)
    try:
        measure(args, env)
    finally:
        if sim:
            sim.stop()
            os.unlink(env["FACTS"])


def measure(args, env):
    for _ in range(args.warmup):
        for c in args.commands:
            run(c, env)
    with open("/proc/loadavg") as f:
        load_before = " ".join(f.read().split()[:3])
    runs = {c: [] for c in args.commands}
    for _ in range(args.rounds):
        for c in args.commands:
            runs[c].append(run(c, env))
    with open("/proc/loadavg") as f:
        load_after = " ".join(f.read().split()[:3])
    print(f"{args.rounds} rounds, {os.cpu_count()} cores; load average before {load_before}, "
          f"after {load_after}")
    first = None
    for c in args.commands:
        wall = [r[0] for r in runs[c]]
        cpu = [r[1] for r in runs[c]]
        rss = [r[2] for r in runs[c]]
        codes = sorted({r[3] for r in runs[c]})
        median = statistics.median(wall)
        ratio = "" if first is None else f", {median / first[0]:.2f}x wall, " \
            f"{statistics.median(cpu) / first[1]:.2f}x CPU of the first"
        first = first or (median, statistics.median(cpu))
        print(f"wall median {median:.3f} s, p90 {percentile(wall, 0.9):.3f} s, "
              f"min {min(wall):.3f} s; CPU median {statistics.median(cpu):.3f} s; "
              f"peak RSS median {statistics.median(rss):.0f} MB, max {max(rss):.0f} MB; "
              f"exit {','.join(map(str, codes))}{ratio}: {c}")


if __name__ == "__main__":
    main()
