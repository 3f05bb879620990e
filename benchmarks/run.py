"""Measure twins's start-up and scaling as ratios, side by side in one run.

    python benchmarks/run.py [--quick] [--check-jsonschema PATH]

Start-up: each command's median wall time over repeated runs, divided by the
floor (``python -c pass`` with the same interpreter), so figures from
different machines compare. Scaling: over 100, 300 and 1,000 generated
roadmaps (benchmarks/generate.py), a first ``twins list`` with an empty cache,
``twins validate`` with its peak memory, ``twins list`` again after it (from
what validate cached), and check-jsonschema on the same files when it is
installed (on PATH, or given with --check-jsonschema). The benchmark keeps its
own cache folder. Run it on an otherwise idle machine.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
TWINS = str(Path(PYTHON).parent / "twins")
# Report what a user sees: bytecode cached, output piped, no colour.
ENV = {key: value for key, value in os.environ.items() if key not in ("PYTHONDONTWRITEBYTECODE", "TWINS_ROADMAPS")}
ENV["NO_COLOR"] = "1"

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
    first, which also writes the bytecode caches.
    """
    times: list[list[float]] = [[] for _ in commands]
    for round_number in range(runs + 1):
        for command, samples in zip(commands, times, strict=True):
            seconds = measure(command, cwd)[0]
            if round_number:
                samples.append(seconds)
    return [statistics.median(samples) for samples in times]


def row(*cells: object) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def main() -> int:
    quick = "--quick" in sys.argv
    runs = 5 if quick else 21
    checker = shutil.which("check-jsonschema")
    if "--check-jsonschema" in sys.argv:
        checker = sys.argv[sys.argv.index("--check-jsonschema") + 1]
    work = Path(tempfile.mkdtemp(prefix="twins-bench-"))
    try:
        targets = (
            (["--help"], 6),
            (["list", "--theme", "cybersecurity"], 10),
            (["contacts", "P5"], 10),
            (["validate"], 12),
        )
        floor, *medians = interleaved_medians(
            [[PYTHON, "-c", "pass"], *([TWINS, *args] for args, _ in targets)], work, runs
        )
        print(f"Start-up ({runs} rounds, medians; floor `python -c pass` = {floor * 1000:.1f} ms)\n")
        print(row("command", "median", "× floor", "target"))
        print(row("---", "---:", "---:", "---:"))
        for (args, target), seconds in zip(targets, medians, strict=True):
            ratio = f"{seconds / floor:.1f}×"
            print(row(f"`twins {' '.join(args)}`", f"{seconds * 1000:.0f} ms", ratio, f"≤ {target}×"))

        sizes = (100, 300) if quick else (100, 300, 1000)
        print("\nScaling over generated roadmaps (14 proposals each, about 60 KB)\n")
        header = ["roadmaps", "`twins validate`", "peak memory", "per file", "first `list`", "`list` after"]
        if checker:
            header += ["check-jsonschema", "speed-up"]
        print(row(*header))
        print(row(*(["---:"] * len(header))))
        for size in sizes:
            folder = work / f"r{size}"
            subprocess.run(
                [PYTHON, str(HERE / "generate.py"), str(folder), str(size)], check=True, capture_output=True, env=ENV
            )
            files = sorted(str(path) for path in folder.glob("pair-*.yaml"))
            query = [TWINS, "--roadmaps", str(folder), "list", "--theme", "cybersecurity"]
            first_list_s = measure(query, work, cache=work / f"empty-cache-{size}")[0]
            validate_s, memory, code = measure([TWINS, "--roadmaps", str(folder), "validate"], work)
            assert code == 0, f"generated roadmaps do not validate (exit {code})"
            list_s = measure(query, work)[0]  # answered from what validate cached
            cells = [
                size,
                f"{validate_s:.2f} s",
                f"{memory:.0f} MiB",
                f"{validate_s / size * 1000:.1f} ms",
                f"{first_list_s:.2f} s",
                f"{list_s:.2f} s",
            ]
            if checker:
                schema = str(ROOT / "schema" / "roadmap.schema.json")
                checker_s = measure([checker, "--schemafile", schema, *files], work)[0]
                cells += [f"{checker_s:.2f} s", f"{checker_s / validate_s:.1f}×"]
            print(row(*cells))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"\n(benchmark took {time.perf_counter() - started:.0f} s)")
    sys.exit(status)
