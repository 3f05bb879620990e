"""Helpers shared by test modules in several folders (conftest holds the fixtures)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tracemalloc
from collections.abc import Callable
from datetime import date
from pathlib import Path

from twins_cli.catalog.load import load_catalog, read_roadmaps
from twins_cli.files.locate import RoadmapsLocation
from twins_cli.formats.listing import Listing, proposals_listing, streamed_proposals_listing
from twins_cli.parse.syntax_errors import FAMILIES, PREFIX
from twins_cli.query.proposals import ProposalQuery, select_proposals, streamed_selection

PROBE = """
import json, sys
from twins_cli.cli.app import main
sys.argv = ["twins", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""


def modules_loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    """The modules a run of ``twins ARGS`` imports, piped and with NO_COLOR."""
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("TWINS_ROADMAPS", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    marker = result.stderr.rindex("MODULES ")
    return set(json.loads(result.stderr[marker + len("MODULES ") :]))


def top_level(modules: set[str]) -> set[str]:
    return {module.split(".")[0] for module in modules}


def family_of(message: str) -> str | None:
    """The code of the family in ``yamlsyntax.FAMILIES`` whose sentence ``message`` is, if any."""
    for code, family in FAMILIES.items():
        pattern = re.sub(r"\\\{[a-z]+\\\}", ".+", re.escape(PREFIX + family.message))
        if re.fullmatch(pattern, message):
            return code
    return None


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
        check=True,
        capture_output=True,
    )


def twins_process(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``python -m twins_cli ARGS`` in its own process; the timeout only guards against a hang."""
    env = {key: value for key, value in os.environ.items() if key != "TWINS_ROADMAPS"}
    env |= {"NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "twins_cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def browser_installed() -> bool:
    """Whether ``--format pdf`` finds a Chromium or Chrome to print with (PDF tests are skipped without one)."""
    from twins_cli.errors import TwinsError
    from twins_cli.formats.pdf import find_browser

    try:
        find_browser()
    except TwinsError:
        return False
    return True


def pdf_text(pdf: bytes) -> str | None:
    """The words of a PDF, by poppler's ``pdftotext``, white space made single spaces (None without it)."""
    if not shutil.which("pdftotext"):
        return None
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True, timeout=120)
    return " ".join(done.stdout.decode("utf-8").split())


def _dependencies_only(tmp_path: Path) -> Path:
    """A folder that shows this environment's installed packages, twins's own left out.

    A fresh environment that reads it has twins's dependencies and pip without downloading
    anything, so that installing twins there is exactly the workflow's one line.
    """
    site = Path(sysconfig.get_paths()["purelib"])
    folder = tmp_path / "dependencies"
    folder.mkdir()
    for entry in site.iterdir():
        if not re.match(r"_?(editable_impl_)?twins_cli|__editable__|.*\.pth$", entry.name):
            (folder / entry.name).symlink_to(entry)
    return folder


def environment_with_dependencies(tmp_path: Path) -> Path:
    """A new virtual environment without pip of its own, that sees the dependencies (and pip) of this one."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "dependencies.pth").write_text(f"{_dependencies_only(tmp_path)}\n", encoding="utf-8")
    return venv


def copies(folder: Path, count: int) -> Path:
    """``count`` valid roadmaps: the sample's kingsport-hanbit under new pair ids, with its programme."""
    from conftest import SAMPLE

    folder.mkdir()
    shutil.copy(SAMPLE / "programme.yaml", folder)
    text = (SAMPLE / "kingsport-hanbit.yaml").read_text(encoding="utf-8")
    for number in range(count):
        pair = f"pair-{number:03d}"
        (folder / f"{pair}.yaml").write_text(text.replace("id: kingsport-hanbit", f"id: {pair}"), encoding="utf-8")
    return folder


def peak_bytes(read: Callable[[], object]) -> int:
    """The most memory Python held at once while ``read`` ran."""
    tracemalloc.start()
    try:
        read()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


LISTING_DAY = date(2025, 6, 1)  # the day listings are told as of, in tests that compare two ways of making them


def whole_listing(folder: Path, query: ProposalQuery) -> Listing:
    """``twins list`` of ``folder`` as it was first made: every roadmap read whole, then selected."""
    catalog = load_catalog(RoadmapsLocation(folder, "test"))
    return proposals_listing(catalog, select_proposals(catalog, query), LISTING_DAY)


def streamed_listing(folder: Path, query: ProposalQuery) -> Listing:
    """``twins list`` of ``folder`` as it runs: roadmaps read one at a time, in brief where the index knows them."""
    roadmaps = read_roadmaps(RoadmapsLocation(folder, "test"))
    return streamed_proposals_listing(streamed_selection(roadmaps, query), query.sort, LISTING_DAY)
