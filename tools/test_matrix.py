"""Run the test suite in a fresh virtual environment against one choice of dependency versions.

CI installs the pinned versions of ``constraints.txt``, so that a new upstream
release cannot break main overnight. The pins hide two kinds of breakage that
this script finds before the users do:

  locked        the versions in constraints.txt, as CI and the README's quick start install them
  newest        the newest releases that pyproject.toml allows (no constraints, ``--upgrade``)
  oldest        every direct dependency, test extra included, at its lower bound in
                pyproject.toml (``>=X`` becomes ``==X``); the others as the resolver picks
  refresh-lock  rewrite constraints.txt with the newest releases, for every Python that
                pyproject.toml allows (uv, installed in a throwaway environment)

The environment is made in a temporary folder and removed afterwards, or in
``--venv DIR`` (recreated) to look into it after a failure. Arguments after
``--`` go to pytest. The exit code is pytest's, or pip's when the install failed.

Usage: python3 tools/test_matrix.py {locked,newest,oldest,refresh-lock} [--venv DIR] [-- PYTEST ARGS...]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
LOCK = ROOT / "constraints.txt"
EXTRAS = ("test", "dev")  # what the lock covers; the suite needs only the test extra
LOCK_HEADER = """\
# Every package that twins and its test and dev extras install, pinned, for every
# Python that pyproject.toml allows (a marker after a pin says which Pythons it is for).
# CI and the README's quick start install with `pip install -c constraints.txt ...`,
# so a new upstream release cannot change what they test.
#
# Made by `python3 tools/test_matrix.py refresh-lock` (uv pip compile --universal,
# the newest releases that pyproject.toml allows). Do not edit by hand: refresh it in a
# commit of its own, after `python3 tools/test_matrix.py newest` passes (README,
# "Refreshing the lock").
"""
REQUIREMENT = re.compile(r"\s*(?P<name>[\w.-]+)\s*(?:\[[^\]]*\])?\s*(?P<specs>[^;]*?)\s*(?P<marker>;.*)?")


def read_pyproject() -> dict[str, Any]:
    """pyproject.toml as a dict (Python 3.10 has no tomllib, but pip carries the same parser)."""
    try:
        import tomllib
    except ModuleNotFoundError:
        from pip._vendor import tomli as tomllib
    with PYPROJECT.open("rb") as file:
        return tomllib.load(file)


def normalise(name: str) -> str:
    """A distribution name as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def lower_bounds(project: dict[str, Any]) -> list[str]:
    """``name==X`` for each direct dependency and test-extra requirement ``name>=X`` (markers kept)."""
    own = normalise(project["name"])
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = REQUIREMENT.fullmatch(requirement)
        if match is None:
            sys.exit(f"test_matrix: cannot read the requirement {requirement!r} in pyproject.toml")
        if normalise(match["name"]) == own:
            continue
        marker = f" {match['marker']}" if match["marker"] else ""
        pins.append(f"{match['name']}=={lower_bound(match['specs'], requirement)}{marker}")
    return pins


def lower_bound(specifiers: str, where: str) -> str:
    """The X of the one ``>=X`` in comma-separated version specifiers (``where`` names them in the error)."""
    bounds = [spec.strip()[2:].strip() for spec in specifiers.split(",") if spec.strip().startswith(">=")]
    if len(bounds) != 1:
        sys.exit(f"test_matrix: {where!r} in pyproject.toml needs one lower bound (>=X)")
    return bounds[0]


def run(*command: str | Path) -> int:
    """Run a command from the repository root, showing it first; its exit code."""
    print("+", " ".join(str(part) for part in command), flush=True)
    return subprocess.run([str(part) for part in command], cwd=ROOT, check=False).returncode


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment in ``folder`` (an environment there before is removed); its python."""
    if folder.exists():
        if not (folder / "pyvenv.cfg").is_file():
            sys.exit(f"test_matrix: {folder} exists and is not a virtual environment; not removing it")
        shutil.rmtree(folder)
    venv.create(folder, with_pip=True)
    return folder / ("Scripts" if os.name == "nt" else "bin") / "python"


def refresh_lock(work: Path) -> int:
    """Rewrite constraints.txt with the newest releases that pyproject.toml allows, for every supported Python."""
    python = fresh_venv(work / "uv")
    code = run(python, "-m", "pip", "install", "--quiet", "uv")
    if code:
        return code
    compiled = work / "constraints.txt"
    requires_python = read_pyproject()["project"]["requires-python"]
    options = ["--universal", "--python-version", lower_bound(requires_python, "requires-python")]
    options += [arg for extra in EXTRAS for arg in ("--extra", extra)]
    code = run(python, "-m", "uv", "pip", "compile", "--quiet", "--no-header", *options, PYPROJECT, "-o", compiled)
    if code:
        return code
    LOCK.write_text(LOCK_HEADER + compiled.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"test_matrix: wrote {LOCK.relative_to(ROOT)}; run `python3 tools/test_matrix.py locked` before committing")
    return 0


def run_suite(choice: str, folder: Path, work: Path, pytest_args: list[str]) -> int:
    """Install twins with its test extra as ``choice`` says into a fresh environment, then run pytest there."""
    python = fresh_venv(folder)
    pip = [python, "-m", "pip", "install"]
    if choice == "locked":
        pip += ["-c", LOCK]
    elif choice == "newest":
        pip += ["--upgrade", "--upgrade-strategy", "eager"]
    else:
        oldest = work / "oldest.txt"
        oldest.write_text("\n".join(lower_bounds(read_pyproject()["project"])) + "\n", encoding="utf-8")
        print(f"test_matrix: oldest versions:\n{oldest.read_text(encoding='utf-8')}", flush=True)
        pip += ["-c", oldest]
    code = run(*pip, "-e", ".[test]")
    if code:
        print(f"test_matrix: the {choice} install failed (pip exit {code})", file=sys.stderr)
        return code
    run(python, "-m", "pip", "list", "--format", "freeze", "--exclude-editable")
    code = run(python, "-m", "pytest", *pytest_args)
    print(f"test_matrix: {choice}: pytest exit {code}", flush=True)
    return code


def main(argv: list[str]) -> int:
    """Parse the command line: our arguments, then ``--`` and pytest's."""
    ours, pytest_args = (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Arguments after -- go to pytest, e.g. -- -q -x"
    )
    parser.add_argument("choice", choices=["locked", "newest", "oldest", "refresh-lock"])
    parser.add_argument("--venv", type=Path, help="make the environment here (recreated) instead of a temporary folder")
    args = parser.parse_args(ours)
    with tempfile.TemporaryDirectory(prefix="twins-matrix-") as temporary:
        work = Path(temporary)
        if args.choice == "refresh-lock":
            return refresh_lock(work)
        return run_suite(args.choice, (args.venv or work / "venv").resolve(), work, pytest_args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
