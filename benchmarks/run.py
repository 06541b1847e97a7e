"""Benchmark mvi-xl against its floors and against the pandas script a colleague would write.

    python benchmarks/run.py [--repeat 5] [--sizes 124,10000,100000]

Generates deterministic registers (benchmarks/registers.py) into benchmarks/out/ once, then
measures every command as a whole process, spawned by a tiny wrapper process: wall time from
spawn to exit, and the peak resident memory of that one child from os.wait4's rusage. The
commands run in turns, one repetition of each before the next, so noise from other work on the
machine falls on all of them alike; the tables show medians. Prints the measurements and the
targets of issues 7 and 13 as Markdown tables, and exits 1 when a target is missed, so ``make
bench`` is honest. The mvi-xl measured is the one this interpreter imports (PYTHONPATH included).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import histories
import registers

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
#: A second register to save over the first one in the watch benchmark.
EXAMPLE = HERE.parent / "templates" / "voorbeeld" / "register.xlsx"
SIZES = (124, 10_000, 100_000)
PYTHON = sys.executable
BUILD_OPTIONS = ("--as-of", "2025-11-01", "--since", "2025-06-01")
#: The pandas peer twice: (case key, label, extra argument of peer.py).
PEERS = (
    ("pandas", "pandas peer, default reader (openpyxl)", ()),
    ("pandas_calamine", 'pandas peer, engine="calamine"', ("calamine",)),
)
PACKAGES = ("mvi-xl", "XlsxWriter", "python-calamine", "click", "pandas", "openpyxl", "numpy")
#: The commands run as installed: with Python's bytecode cache, as pip writes it for an installed
#: package. An editable install under PYTHONDONTWRITEBYTECODE would compile mvi-xl on every run.
ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Sample:
    seconds: float
    peak_mib: float


@dataclass
class Case:
    """One command to measure; ``argv`` gets a fresh, empty folder for its output."""

    key: str
    label: str
    size: int | None
    argv: Callable[[Path], list[str]]
    samples: list[Sample] = field(default_factory=list)
    #: prepares the fresh output folder before the command runs (not timed)
    setup: Callable[[Path], None] | None = None

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def peak_mib(self) -> float:
        return statistics.median(s.peak_mib for s in self.samples)


@dataclass
class Target:
    label: str
    value: float
    limit: float
    at_least: bool = False  # value >= limit (a speed-up) rather than value <= limit (a ratio)
    strict: bool = False  # > or < rather than >= or <=
    unit: str = "×"

    @property
    def met(self) -> bool:
        if self.at_least:
            return self.value > self.limit if self.strict else self.value >= self.limit
        return self.value < self.limit if self.strict else self.value <= self.limit

    @property
    def rule(self) -> str:
        sign = (">" if self.strict else "≥") if self.at_least else ("<" if self.strict else "≤")
        return f"{sign} {self.limit:g}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument(
        "--sizes",
        default=",".join(str(s) for s in SIZES),
        help="register sizes in actions (default 124,10000,100000; the targets need all three)",
    )
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))

    print(f"Generating registers in {OUT.relative_to(Path.cwd()) if _under_cwd(OUT) else OUT} ...")
    paths = {size: registers.ensure(OUT, size) for size in sizes}
    cycle = None
    if CYCLE_SIZE in paths:
        print("Preparing histories of 1 and 24 published monitors ...")
        cycle = histories.ensure(OUT, paths[CYCLE_SIZE], CYCLE_COUNTS)
    cases = _cases(paths, cycle)
    runs = OUT / "runs"
    runs.mkdir(parents=True, exist_ok=True)

    print("Warming up (imports compiled, files cached) ...")
    smallest = min(sizes)
    for case in cases:
        if case.size in (None, smallest):
            _measure(case, runs)
    started = time.perf_counter()
    load_before = _load()
    for turn in range(1, args.repeat + 1):
        print(f"Run {turn} of {args.repeat} ...", flush=True)
        for case in cases:
            case.samples.append(_measure(case, runs))
    elapsed = time.perf_counter() - started
    print("Watch: save to monitor ...", flush=True)
    watch_delays = _watch_delays(paths[smallest], runs, max(args.repeat, 5))
    shutil.rmtree(runs, ignore_errors=True)

    print()
    print(_machine(args.repeat, elapsed, load_before))
    print()
    print(_measurements_table(cases))
    print()
    print(_watch_table(watch_delays, smallest))
    print()
    targets = _targets({c.key: c for c in cases}, sizes)
    targets.append(
        Target(
            f"watch: a save of the {smallest:,}-action register to its monitor, median (s)",
            statistics.median(watch_delays),
            WATCH_LIMIT,
            unit="s",
        )
    )
    print(_targets_table(targets))
    failed = [t for t in targets if not t.met]
    print()
    if failed:
        print(f"{len(failed)} of {len(targets)} targets missed.")
        return 1
    print(f"All {len(targets)} targets met.")
    return 0


#: The reporting cycle: a refresh of the largest register against a history of one published
#: monitor and of 24 (issue 13).
CYCLE_SIZE = 100_000
CYCLE_COUNTS = (1, 24)


def _cases(paths: dict[int, Path], cycle: dict[int, Path] | None = None) -> list[Case]:
    mvi_xl = _mvi_xl_command()
    sheet = registers.SHEET
    cases = [
        Case("help", "mvi-xl --help", None, lambda out: [*mvi_xl, "--help"]),
        Case("click", 'python -c "import click"', None, lambda out: [PYTHON, "-c", "import click"]),
        Case(
            "floor_a",
            'floor A: python -c "import xlsxwriter, python_calamine, click"',
            None,
            lambda out: [PYTHON, "-c", "import xlsxwriter, python_calamine, click"],
        ),
    ]
    for size, path in paths.items():
        register = str(path)
        cases += [
            Case(
                f"build:{size}",
                "mvi-xl build",
                size,
                lambda out, r=register: (
                    [*mvi_xl, "build", r, "-o", str(out / "monitor.xlsx"), *BUILD_OPTIONS]
                ),
            ),
            Case(
                f"floor_b:{size}",
                "floor B: calamine read + XlsxWriter write",
                size,
                lambda out, r=register: [
                    PYTHON,
                    str(HERE / "floor_b.py"),
                    r,
                    sheet,
                    str(out / "rows.xlsx"),
                ],
            ),
            *(
                Case(
                    f"{key}:{size}",
                    label,
                    size,
                    lambda out, r=register, engine=engine: [
                        PYTHON,
                        str(HERE / "peer.py"),
                        r,
                        sheet,
                        str(out / "p.xlsx"),
                        *engine,
                    ],
                )
                for key, label, engine in PEERS
            ),
        ]
    for count, history in (cycle or {}).items():
        register = str(paths[CYCLE_SIZE])
        cases.append(
            Case(
                f"cycle:{count}",
                f"mvi-xl build, a refresh; history of {count} published",
                CYCLE_SIZE,
                lambda out, r=register: [
                    *mvi_xl,
                    "build",
                    r,
                    "-o",
                    str(out / "monitor.xlsx"),
                    "--as-of",
                    histories.REFRESH_AS_OF.isoformat(),
                ],
                setup=lambda out, h=history: histories.install(h, out / "monitor.xlsx"),
            )
        )
    return cases


#: issue 15: the monitor follows a save within 3 seconds (median, local disk).
WATCH_LIMIT = 3.0


def _watch_delays(register: Path, runs: Path, saves: int) -> list[float]:
    """Seconds from a save of the register (written beside it and renamed over it, as Excel
    saves) to the new monitor, with ``mvi-xl watch`` running; polling alone would take its
    interval (60 s here), so this measures the file-system events."""
    folder = Path(tempfile.mkdtemp(dir=runs))
    versions = [register.read_bytes(), EXAMPLE.read_bytes()]
    target, monitor = folder / "register.xlsx", folder / "monitor.xlsx"
    target.write_bytes(versions[0])
    watch = subprocess.Popen(
        [*_mvi_xl_command(), "watch", str(target), "-o", str(monitor), "--interval", "60", "-q"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENVIRONMENT,
    )
    delays = []
    try:
        deadline = time.monotonic() + 120
        while not monitor.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # the observer is listening
        for turn in range(1, saves + 1):
            before = monitor.stat().st_mtime_ns
            saving = folder / "~$saving.xlsx"
            saving.write_bytes(versions[turn % 2])
            started = time.perf_counter()
            saving.replace(target)
            while monitor.stat().st_mtime_ns == before:
                if time.perf_counter() - started > 60:
                    sys.exit("mvi-xl watch did not follow a save within 60 s")
                time.sleep(0.01)
            delays.append(time.perf_counter() - started)
            time.sleep(0.5)
    finally:
        watch.send_signal(signal.SIGINT)
        try:
            watch.wait(timeout=30)
        except subprocess.TimeoutExpired:
            watch.kill()
    return delays


def _watch_table(delays: list[float], size: int) -> str:
    return "\n".join(
        [
            "| watch | saves | median | min – max |",
            "|---|--:|--:|--:|",
            f"| save of the {size:,}-action register → monitor | {len(delays)} | "
            f"{statistics.median(delays):.2f} s | {min(delays):.2f} – {max(delays):.2f} s |",
        ]
    )


def _mvi_xl_command() -> list[str]:
    """The installed console script, as a user runs it; ``python -m mvi_xl`` when there is
    none. Found beside this interpreter, not through PATH, so shims add no time."""
    script = shutil.which("mvi-xl", path=str(Path(PYTHON).parent))
    return [script] if script else [PYTHON, "-m", "mvi_xl"]


#: Runs one command and reports its wall time, peak memory and exit code. A child's peak
#: memory (ru_maxrss) starts from the memory of the process that spawned it, so the spawner is
#: this tiny interpreter (no site, about 8 MiB) rather than the benchmark itself.
WRAPPER = """\
import os, sys, time
report, argv = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(report, "w") as handle:
    handle.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def _measure(case: Case, runs: Path) -> Sample:
    """Run one command in a fresh folder; wall time and that child's own peak memory."""
    out = Path(tempfile.mkdtemp(dir=runs))
    report, errors = out / "report.txt", out / "stderr.txt"
    if case.setup is not None:
        case.setup(out)
    try:
        with errors.open("wb") as stderr:
            subprocess.run(
                [PYTHON, "-S", "-I", "-c", WRAPPER, str(report), *case.argv(out)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr,
                env=ENVIRONMENT,
                check=False,
            )
        seconds, peak, code = report.read_text().split() if report.exists() else ("0", "0", "-")
        if code != "0":
            detail = errors.read_text(errors="replace").strip().splitlines()[-5:]
            sys.exit(f"{case.label} ({case.size or '-'}) failed ({code}):\n" + "\n".join(detail))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    # ru_maxrss is in KiB on Linux and in bytes on macOS
    scale = 2**20 if sys.platform == "darwin" else 2**10
    return Sample(float(seconds), int(peak) / scale)


def _targets(cases: dict[str, Case], sizes: tuple[int, ...]) -> list[Target]:
    def time_of(key: str) -> float:
        return cases[key].seconds

    targets = [
        Target(
            "`mvi-xl --help` / `import click` (time)",
            time_of("help") / time_of("click"),
            2.0,
        )
    ]
    if 124 in sizes:
        targets.append(
            Target(
                "124 actions: build / floor A (time)",
                time_of("build:124") / time_of("floor_a"),
                2.5,
            )
        )
    if 100_000 in sizes:
        build, floor = cases["build:100000"], cases["floor_b:100000"]
        targets += [
            Target("100,000 actions: build / floor B (time)", build.seconds / floor.seconds, 1.3),
            Target(
                "100,000 actions: build / floor B (peak memory)",
                build.peak_mib / floor.peak_mib,
                1.5,
            ),
        ]
    if 10_000 in sizes and 100_000 in sizes:
        targets.append(
            Target(
                "10,000 → 100,000 actions: build time grows",
                time_of("build:100000") / time_of("build:10000"),
                11.0,
            )
        )
    if "cycle:24" in cases:
        targets.append(
            Target(
                "100,000 actions: refresh, 24 published / 1 published (time)",
                time_of("cycle:24") / time_of("cycle:1"),
                1.3,
            )
        )
    for size in sizes:
        build = time_of(f"build:{size}")
        targets += [
            Target(
                f"{size:,} actions: faster than pandas (openpyxl reader)",
                time_of(f"pandas:{size}") / build,
                2.0,
                at_least=True,
            ),
            Target(
                f'{size:,} actions: faster than pandas (engine="calamine")',
                time_of(f"pandas_calamine:{size}") / build,
                1.0,
                at_least=True,
                strict=True,
            ),
        ]
    return targets


def _measurements_table(cases: list[Case]) -> str:
    lines = [
        "| command | actions | wall time (median) | min – max | peak memory (median) |",
        "|---|--:|--:|--:|--:|",
    ]
    for case in cases:
        times = [s.seconds for s in case.samples]
        size = f"{case.size:,}" if case.size is not None else "–"
        lines.append(
            f"| {case.label} | {size} | {case.seconds:.3f} s | "
            f"{min(times):.3f} – {max(times):.3f} s | {case.peak_mib:.1f} MiB |"
        )
    return "\n".join(lines)


def _targets_table(targets: list[Target]) -> str:
    lines = ["| target | measured | rule | result |", "|---|--:|--:|---|"]
    for target in targets:
        shown = f"{target.value:.2f}{' ' if target.unit == 's' else ''}{target.unit}"
        lines.append(
            f"| {target.label} | {shown} | {target.rule} | {'PASS' if target.met else 'FAIL'} |"
        )
    return "\n".join(lines)


def _machine(repeat: int, elapsed: float, load_before: str) -> str:
    versions = ", ".join(f"{name} {_version(name)}" for name in PACKAGES)
    return "\n".join(
        [
            f"Date: {dt.date.today().isoformat()}",
            f"Machine: {_cpu()}, {os.cpu_count()} cores, {_memory()}; {platform.platform()}",
            f"Python {platform.python_version()} ({PYTHON}); {versions}",
            f"mvi-xl from {_mvi_xl_source()}",
            f"Each command {repeat} times in turns after a warm-up; medians. "
            f"{elapsed:.0f} s; load average before {load_before}, after {_load()}.",
        ]
    )


def _mvi_xl_source() -> str:
    spec = importlib.util.find_spec("mvi_xl")
    origin = spec.origin if spec is not None else None
    return str(Path(origin).parent) if origin else "nowhere (not installed)"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return "memory unknown"
    return f"{total / 2**30:.0f} GiB"


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _under_cwd(path: Path) -> bool:
    return path.is_relative_to(Path.cwd())


if __name__ == "__main__":
    sys.exit(main())
