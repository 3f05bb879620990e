"""Measure twins's start-up and scaling as ratios, side by side in one run, and print the README's tables.

    python benchmarks/run.py [--quick | --full] [--repeat K] [--check-jsonschema PATH]

Start-up: each command's median wall time over rounds in which the commands
take turns, divided by the floor (``python -c pass`` with the same
interpreter), so that figures from different machines compare. Queries are
warm (answered from the cache, as every run after the first); ``validate``
checks the built-in roadmaps.

Scaling, over generated roadmaps (benchmarks/generate.py): 100 and 1,000
(``--quick``: 100; ``--full``: 10,000 too, which takes a while). For each size: ``validate`` with an
empty cache (time, peak memory of the process and its workers, time per file),
``validate`` again (answered from the cache: a share of the first), a
``list --theme cybersecurity`` with an empty cache (its peak memory too), and
again warm (as a ratio to the same query over the built-in roadmaps), and
check-jsonschema on the same files when it is installed (on PATH, or given with
--check-jsonschema).

``--repeat K`` measures everything K times and prints the last run's tables
with, beside each ratio, its range over the K runs: a shared machine's speed
drifts. The benchmark keeps its own cache folders.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
TWINS = str(Path(PYTHON).parent / "twins")
# Report what a user sees: bytecode cached, output piped, no colour.
ENV = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "TWINS_ROADMAPS")}
ENV["NO_COLOR"] = "1"
QUERY = ["list", "--theme", "cybersecurity"]
STARTUP = (  # (arguments, target as a multiple of the floor)
    (["--help"], 5),
    (QUERY, 6),
    (["contacts", "P5"], 6),
    (["show", "P5"], 6),
    (["milestones"], 6),
    (["validate", "--builtin"], 8),
)
SETTLED_S = 2.5  # cache.SETTLED_NS and a margin: files changed more recently are read again, by design

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def measure(command: list[str], cwd: Path, cache: Path | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak resident memory (MiB) of the command and its workers, exit code.

    ``cache`` is the query cache folder to use (default: the benchmark's own, under ``cwd``).
    """
    env = {**ENV, "TWINS_CACHE_DIR": str(cache or cwd / "cache")}
    out = subprocess.run(
        [PYTHON, "-c", MEASURE, *command], capture_output=True, text=True, env=env, cwd=cwd, check=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024, int(out[2])


def interleaved_medians(commands: list[list[str]], cwd: Path, runs: int) -> list[float]:
    """Median wall time of each command, the commands taking turns round by round.

    Taking turns spreads the machine's drift (other load, CPU frequency) over
    all of them alike, so the ratios to the floor stay fair. One warm-up round
    first, which also writes the bytecode caches and fills the query cache.
    """
    times: list[list[float]] = [[] for _ in commands]
    for round_number in range(runs + 1):
        for command, samples in zip(commands, times, strict=True):
            seconds = measure(command, cwd)[0]
            if round_number:
                samples.append(seconds)
    return [statistics.median(samples) for samples in times]


def startup(work: Path, runs: int) -> dict[str, float]:
    """The floor (seconds) and each command's ratio to it."""
    commands = [[PYTHON, "-c", "pass"], *([TWINS, *args] for args, _ in STARTUP)]
    floor, *medians = interleaved_medians(commands, work, runs)
    figures = {"floor ms": floor * 1000}
    for (args, _), seconds in zip(STARTUP, medians, strict=True):
        figures[" ".join(args)] = seconds / floor
    return figures


def generated(work: Path, size: int) -> Path:
    """A folder of ``size`` generated roadmaps, written long enough ago for the cache to trust its records."""
    folder = work / f"r{size}"
    command = [PYTHON, str(HERE / "generate.py"), str(folder), str(size)]
    subprocess.run(command, check=True, capture_output=True, env=ENV)
    time.sleep(SETTLED_S)
    return folder


def scaling(work: Path, folder: Path, size: int, checker: str | None, tag: int) -> dict[str, float]:
    """Every figure of one size, each from its own cache folder (``tag``: which run) so that cold means cold."""
    roadmaps = [TWINS, "--roadmaps", str(folder)]
    cold_cache, query_cache = work / f"validate-cache-{size}-{tag}", work / f"query-cache-{size}-{tag}"
    validate_s, validate_mib, code = measure([*roadmaps, "validate"], work, cache=cold_cache)
    assert code == 0, f"generated roadmaps do not validate (exit {code})"
    again_s = min(measure([*roadmaps, "validate"], work, cache=cold_cache)[0] for _ in range(3))
    cold_list_s, cold_list_mib, _ = measure([*roadmaps, *QUERY], work, cache=query_cache)
    warm = [measure([*roadmaps, *QUERY], work, cache=query_cache) for _ in range(3)]
    builtin = min(measure([TWINS, *QUERY], work, cache=query_cache)[0] for _ in range(3))
    figures = {
        "validate s": validate_s,
        "validate MiB": validate_mib,
        "per file ms": validate_s / size * 1000,
        "again %": min(again_s / validate_s * 100, 100.0),
        "cold list s": cold_list_s,
        "cold list MiB": cold_list_mib,
        "warm list s": min(seconds for seconds, _, _ in warm),
        "warm list MiB": max(memory for _, memory, _ in warm),
        "warm list ×": min(seconds for seconds, _, _ in warm) / builtin,
    }
    if checker:
        files = sorted(str(path) for path in folder.glob("pair-*.yaml"))
        schema = str(ROOT / "schema" / "roadmap.schema.json")
        figures["check-jsonschema s"] = measure([checker, "--schemafile", schema, *files], work)[0]
    return figures


def row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def spread(values: Sequence[float], unit: str = "×", digits: int = 1) -> str:
    """The last value, and the range over all of them when there are several."""
    last = f"{values[-1]:.{digits}f}{unit}"
    if len(values) < 2:
        return last
    return f"{last} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def print_tables(runs: list[dict[str, float]], scales: dict[int, list[dict[str, float]]], rounds: int) -> None:
    floors = [run["floor ms"] for run in runs]
    print(f"Start-up ({rounds} rounds, medians; floor `python -c pass` = {spread(floors, ' ms')})\n")
    print(row("command", "× floor", "target"))
    print(row("---", "---:", "---:"))
    for args, target in STARTUP:
        name = " ".join(args)
        print(row(f"`twins {name}`", spread([run[name] for run in runs]), f"≤ {target}×"))
    print("\nScaling over generated roadmaps (14 proposals each, about 60 KB)\n")
    header = [
        "roadmaps",
        "`validate`",
        "peak memory",
        "per file",
        "`validate` again",
        "first `list`",
        "its memory",
        "`list` after",
        "its memory",
        "× the built-ins",
    ]
    checker = all("check-jsonschema s" in figures for sized in scales.values() for figures in sized)
    if checker:
        header += ["check-jsonschema", "speed-up"]
    print(row(*header))
    print(row(*(["---:"] * len(header))))
    for size, sized in scales.items():
        last = sized[-1]
        cells = [
            f"{size:,}",
            f"{last['validate s']:.2f} s",
            f"{last['validate MiB']:.0f} MiB",
            f"{last['per file ms']:.1f} ms",
            spread([figures["again %"] for figures in sized], " %", 0) + " of it",
            f"{last['cold list s']:.2f} s",
            f"{last['cold list MiB']:.0f} MiB",
            f"{last['warm list s']:.2f} s",
            f"{last['warm list MiB']:.0f} MiB",
            spread([figures["warm list ×"] for figures in sized]),
        ]
        if checker:
            speed_up = [figures["check-jsonschema s"] / figures["validate s"] for figures in sized]
            cells += [f"{last['check-jsonschema s']:.2f} s", spread(speed_up)]
        print(row(*cells))
    print("\nTargets: `validate` again ≤ 10 % of the first; `list` after ≤ 5× the built-ins and ≤ 80 MiB.")


def option(name: str, default: str | None) -> str | None:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> int:
    quick, full = "--quick" in sys.argv, "--full" in sys.argv
    rounds = 5 if quick else 21
    repeat = int(option("--repeat", "1") or 1)
    checker = option("--check-jsonschema", shutil.which("check-jsonschema"))
    sizes = (100,) if quick else (100, 1000, 10000) if full else (100, 1000)
    work = Path(tempfile.mkdtemp(prefix="twins-bench-"))
    try:
        folders = {size: generated(work, size) for size in sizes}
        runs: list[dict[str, float]] = []
        scales: dict[int, list[dict[str, float]]] = {size: [] for size in sizes}
        for number in range(repeat):
            runs.append(startup(work, rounds))
            for size, folder in folders.items():
                scales[size].append(scaling(work, folder, size, checker, number))
        print_tables(runs, scales, rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    sys.exit(status)
