#!/usr/bin/env python3
"""Timing helper for scripts/bench.sh (standard library only).

    benchtime.py pair   --runs N [--input FILE] -- "CMD_A" "CMD_B"
    benchtime.py single --runs N -- "CMD"
    benchtime.py measure --runs N [--input FILE] -- "CMD"
    benchtime.py memory-method

Commands are shell-quoted strings (split with shlex, run without a shell); their output is
discarded. `pair` runs A and B alternately (A, B, A, B, ...) after one untimed warm-up run of
each, and prints one tab-separated line for bench.sh:

    a_ms  b_ms  time_ratio  a_peak_mb  b_peak_mb  mem_ratio  a_mb_per_s

(medians of the wall times in milliseconds; peak = the largest max RSS seen over the runs;
ratios are A/B with two decimals; MB = 10^6 bytes; a_mb_per_s is "-" without --input).
`single` prints `median_ms  min_ms`; `measure` prints `median_ms  peak_mb  mb_per_s` (peak
memory as for `pair`); `memory-method` prints how peak memory is measured.

Wall time is time.perf_counter() around the run. Peak memory comes from `/usr/bin/time -f %M`
when it is there and works (it adds about 1 ms to every run, the same for A and B), else from
the kernel's resource usage of that one child (os.wait4: the per-child form of
getrusage(RUSAGE_CHILDREN)). A non-zero exit status is not a failure of the benchmark: it is
reported as a warning on stderr. A command that cannot be started is an error (exit 2).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

GNU_TIME = "/usr/bin/time"
MB = 1_000_000


def die(msg: str) -> None:
    print(f"benchtime: error: {msg}", file=sys.stderr)
    sys.exit(2)


def warn(msg: str) -> None:
    print(f"warning: {msg}", file=sys.stderr)


def gnu_time_works() -> bool:
    """True when /usr/bin/time is GNU time and writes %M to a file (set BENCH_NO_GNU_TIME to skip)."""
    if os.environ.get("BENCH_NO_GNU_TIME") or not os.access(GNU_TIME, os.X_OK):
        return False
    fd, path = tempfile.mkstemp(suffix=".time")
    os.close(fd)
    try:
        r = subprocess.run([GNU_TIME, "-f", "%M", "-o", path, "true"], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        return r.returncode == 0 and _last_int(path) is not None
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        os.unlink(path)


def _last_int(path: str) -> int | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f if l.strip()]
    except OSError:
        return None
    if lines and lines[-1].isdigit():
        return int(lines[-1])
    return None


class Runner:
    def __init__(self, use_gnu_time: bool):
        self.use_gnu_time = use_gnu_time
        self.tmp = tempfile.NamedTemporaryFile("r", suffix=".time", delete=False)
        self.tmp.close()

    def close(self) -> None:
        try:
            os.unlink(self.tmp.name)
        except OSError:
            pass

    def run(self, argv: list[str]) -> tuple[float, int | None, str | None]:
        """(seconds, peak RSS in KiB or None, problem or None)."""
        if self.use_gnu_time:
            full = [GNU_TIME, "-f", "%M", "-o", self.tmp.name, *argv]
            t0 = time.perf_counter()
            r = subprocess.run(full, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            dt = time.perf_counter() - t0
            kib = _last_int(self.tmp.name)
            problem = None
            with open(self.tmp.name, encoding="utf-8", errors="replace") as f:
                text = f.read()
            if "terminated by signal" in text:
                problem = "signal " + text.split("terminated by signal", 1)[1].split()[0]
            elif r.returncode != 0:
                problem = f"exit status {r.returncode}"
            return dt, kib, problem
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        p.returncode = code  # already reaped
        # ru_maxrss is in KiB on Linux, in bytes on macOS
        kib = ru.ru_maxrss // 1024 if sys.platform == "darwin" else ru.ru_maxrss
        problem = None
        if code < 0:
            problem = f"signal {-code}"
        elif code != 0:
            problem = f"exit status {code}"
        return dt, kib, problem


def parse_cmd(cmd: str) -> list[str]:
    argv = shlex.split(cmd)
    if not argv:
        die("empty command")
    exe = argv[0]
    if os.sep in exe:
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            die(f"cannot run `{exe}`: no such executable file")
    elif shutil.which(exe) is None:
        die(f"cannot run `{exe}`: not found on PATH")
    return argv


class Series:
    def __init__(self, cmd: str):
        self.cmd = cmd
        self.argv = parse_cmd(cmd)
        self.times: list[float] = []
        self.peaks: list[int] = []
        self.problems: list[str] = []

    def record(self, runner: Runner, timed: bool = True) -> None:
        dt, kib, problem = runner.run(self.argv)
        if problem:
            self.problems.append(problem)
        if kib is not None:
            self.peaks.append(kib)
        if timed:
            self.times.append(dt)

    def report_problems(self, runs: int) -> None:
        if self.problems:
            kinds = ", ".join(sorted(set(self.problems)))
            warn(f"`{self.cmd}` did not exit with status 0 in {len(self.problems)} of {runs} "
                 f"runs ({kinds}); timings kept")

    def median_ms(self) -> float:
        return statistics.median(self.times) * 1000

    def peak_mb(self) -> float | None:
        return max(self.peaks) * 1024 / MB if self.peaks else None


def input_bytes(path: str) -> int:
    """The size of a file, or of all the files under a folder."""
    if not os.path.isdir(path):
        return os.path.getsize(path)
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.2f}"


def fmt(x: float | None, digits: int = 1) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["pair", "single", "measure", "memory-method"])
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs of each command first")
    ap.add_argument("--input", help="input file (or folder) of command A, for MB/s")
    argv = sys.argv[1:]
    commands: list[str] = []
    if "--" in argv:  # everything after `--` is a command string, even if it starts with `-`
        cut = argv.index("--")
        argv, commands = argv[:cut], argv[cut + 1:]
    ap.add_argument("commands", nargs="*", help='"CMD_A" "CMD_B" (pair) or "CMD" (single), after --')
    args = ap.parse_args(argv)
    args.commands = args.commands + commands
    if args.mode == "memory-method":
        print("/usr/bin/time -f %M" if gnu_time_works() else "os.wait4 rusage (per child)")
        return 0
    if args.runs < 1:
        die("--runs must be at least 1")
    want = 2 if args.mode == "pair" else 1
    if len(args.commands) != want:
        die(f"{args.mode} takes {want} command string(s), got {len(args.commands)}")

    series = [Series(c) for c in args.commands]
    # `single` times bare runs (no wrapper overhead on millisecond timings).
    runner = Runner(use_gnu_time=args.mode in ("pair", "measure") and gnu_time_works())
    try:
        for _ in range(args.warmup):
            for s in series:
                s.record(runner, timed=False)
        for s in series:
            s.problems.clear()
        for _ in range(args.runs):
            for s in series:  # alternate: A, B, A, B, ...
                s.record(runner)
    finally:
        runner.close()
    for s in series:
        s.report_problems(args.runs)

    if args.mode == "single":
        s = series[0]
        print(f"{s.median_ms():.2f}\t{min(s.times) * 1000:.2f}")
        return 0

    mbps = "-"
    if args.input:
        try:
            size = input_bytes(args.input)
            ms = series[0].median_ms()
            mbps = f"{size / MB / (ms / 1000):.1f}" if ms > 0 else "-"
        except OSError:
            warn(f"cannot read the size of {args.input}")

    if args.mode == "measure":
        s = series[0]
        print(f"{s.median_ms():.1f}\t{fmt(s.peak_mb())}\t{mbps}")
        return 0

    a, b = series
    a_ms, b_ms = a.median_ms(), b.median_ms()
    a_pk, b_pk = a.peak_mb(), b.peak_mb()
    print("\t".join([f"{a_ms:.1f}", f"{b_ms:.1f}", ratio(a_ms, b_ms), fmt(a_pk), fmt(b_pk),
                     ratio(a_pk, b_pk), mbps]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
