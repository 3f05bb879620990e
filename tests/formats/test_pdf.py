"""``twins report --format pdf``: printed by a real browser where one is installed, and by fake ones that fail.

The fake browsers are shell scripts in tmp_path named by ``TWINS_BROWSER``: one hangs (stopped by a tiny
``TWINS_PDF_TIMEOUT``, never raced by a sleep), one fails, one writes no PDF, one writes a link, one
writes a PDF and records how it was run.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import FIXTURES, Run
from support import browser_installed, modules_loaded_by, pdf_text
from twins_cli.cli.output import refuse_screen_output
from twins_cli.errors import UsageError
from twins_cli.formats.registry import REPORT

QUERY = FIXTURES / "query"
INSTALL = "install Chromium (e.g. apt install chromium) or set TWINS_BROWSER"
# The path the browser is asked to print to, from its arguments.
OUT = 'for arg in "$@"; do case "$arg" in --print-to-pdf=*) out="${arg#--print-to-pdf=}";; esac; done\n'

posix_only = pytest.mark.skipif(os.name != "posix", reason="the fake browsers are shell scripts")


def fake_browser(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "fake-browser"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return script


def pdf_report(run: Run, target: Path, *args: str) -> Result:
    return run("--roadmaps", str(QUERY), "report", "--as-of", "2025-01-01", "--format", "pdf", "-o", str(target), *args)


def one_line(result: Result) -> str:
    """The run's one line of error, checked to be one line, exit 2, nothing on stdout."""
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    return line


@pytest.mark.skipif(not browser_installed(), reason="no Chromium or Chrome (Debian: apt-get install chromium)")
def test_a_browser_prints_the_report_to_pdf(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    result = pdf_report(run, target)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    if shutil.which("pdftoppm"):  # poppler-utils: the PDF is one a reader can render
        subprocess.run(["pdftoppm", "-png", "-r", "20", str(target), str(tmp_path / "page")], check=True, timeout=120)
        assert len(list(tmp_path.glob("page-*.png"))) >= 1
    if shutil.which("pdftotext"):
        done = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True, timeout=120)
        pages = [page.split() and " ".join(page.split()) for page in done.stdout.split("\f") if page.strip()]
        first = pages[0]
        # the title block, the overview and the first pair share the first page: no near-empty cover
        assert first.startswith("Innovation Twins briefing Programme Test programme")
        assert "Overview" in first and "Agreements" in first
        starts = [page[:40] for page in pages]
        assert [start for start in starts if start.startswith("Gamma–Delta")]  # the next pair starts a page
        for title in ("Proposals in detail P1 Cyber exchange", "P2 Future idea", "Proposals in detail P1 Net zero"):
            assert [start for start in starts if start.startswith(title[:40])], title  # each proposal starts a page
        assert [start for start in starts if start.startswith("Inferred values")]  # not under the last proposal


@posix_only
def test_a_browser_that_writes_a_pdf_is_run_headless_in_a_private_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = tmp_path / "seen"
    browser = fake_browser(
        tmp_path,
        OUT + f'printf "%s\\n" "$@" > {seen}/args\nprintf "%s" "$PWD" > {seen}/cwd\n'
        'for arg in "$@"; do page="$arg"; done\n'
        f'cp "${{page#file://}}" {seen}/page.html\nprintf "%%PDF-1.4 fake" > "$out"\n',
    )
    seen.mkdir()
    monkeypatch.setenv("TWINS_BROWSER", str(browser))
    target = tmp_path / "briefing.pdf"
    result = pdf_report(run, target)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes() == b"%PDF-1.4 fake"
    args = (seen / "args").read_text(encoding="utf-8").splitlines()
    folder = Path((seen / "cwd").read_text(encoding="utf-8"))
    assert {"--headless", "--no-pdf-header-footer", f"--print-to-pdf={folder / 'page.pdf'}"} <= set(args)
    assert f"--user-data-dir={folder / 'profile'}" in args
    assert args[-1] == (folder / "page.html").as_uri()
    assert folder.name.startswith("twins-pdf-") and folder.name != "twins-pdf-"  # a fresh, unpredictable name
    assert not folder.exists()  # removed, with the browser's profile
    page = (seen / "page.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h1>Innovation Twins briefing</h1>" in page


def test_a_missing_browser_is_one_line_saying_what_to_install(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWINS_BROWSER", str(tmp_path / "no-such-browser"))
    target = tmp_path / "briefing.pdf"
    line = one_line(pdf_report(run, target))
    assert line == f"twins: TWINS_BROWSER names no program that can be run: {tmp_path / 'no-such-browser'} — {INSTALL}"
    assert not target.exists()
    monkeypatch.delenv("TWINS_BROWSER")
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on the PATH either
    line = one_line(pdf_report(run, target))
    assert line == f"twins: a PDF is printed by Chromium or Chrome, and neither was found — {INSTALL}"


def test_a_pdf_is_never_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refused before the browser is run (emit refuses first); a pipe or --output gets it."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stdout", Terminal())
    with pytest.raises(UsageError) as refused:
        refuse_screen_output(REPORT, REPORT.get("pdf"), None, False)
    assert refused.value.hint == "add --output FILE, or redirect it to a file"


@posix_only
def test_a_pipe_gets_the_pdf_the_browser_printed(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printer = (
        'for arg; do case "$arg" in --print-to-pdf=*) printf "%%PDF-1.4 fake" > "${arg#--print-to-pdf=}";; esac; done\n'
    )
    monkeypatch.setenv("TWINS_BROWSER", str(fake_browser(tmp_path, printer)))
    result = run("--roadmaps", str(QUERY), "report", "--format", "pdf")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"%PDF-")


@posix_only
def test_a_browser_that_hangs_is_stopped_after_the_timeout(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = tmp_path / "pid"
    monkeypatch.setenv("TWINS_BROWSER", str(fake_browser(tmp_path, f"echo $$ > {pid}\nexec sleep 600\n")))
    monkeypatch.setenv("TWINS_PDF_TIMEOUT", "0.2")
    target = tmp_path / "briefing.pdf"
    line = one_line(pdf_report(run, target))
    assert re.fullmatch(
        r"twins: the browser did not print the PDF within 0\.2 seconds — "
        r"set TWINS_PDF_TIMEOUT to wait longer, or check that .*fake-browser runs headless",
        line,
    )
    assert not target.exists()
    with pytest.raises(ProcessLookupError):  # stopped and reaped, not left running
        os.kill(int(pid.read_text(encoding="utf-8")), 0)


NOT_A_PDF = "printed no PDF — the browser wrote something other than a PDF file"
NO_PDF = "printed no PDF — check that the browser prints"
FAILS = (
    r"could not print the PDF \(exit 3\): cannot open display — "
    r"check that .*fake-browser runs headless, or set TWINS_BROWSER to another browser"
)


@posix_only
@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("echo 'first line' >&2\necho 'cannot open display' >&2\nexit 3\n", FAILS),
        (OUT + 'echo "<html>not a pdf" > "$out"\n', NOT_A_PDF),
        (OUT + 'mkdir "$out"\n', NOT_A_PDF),
        (OUT + 'printf "%%PDF-1.4 elsewhere" > "$out.real"\nln -s "$out.real" "$out"\n', NO_PDF),  # never followed
        ("exit 0\n", NO_PDF),
    ],
    ids=["fails", "not-a-pdf", "a-folder", "a-link", "nothing"],
)
def test_a_browser_that_fails_is_one_line(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, message: str
) -> None:
    monkeypatch.setenv("TWINS_BROWSER", str(fake_browser(tmp_path, body)))
    target = tmp_path / "briefing.pdf"
    line = one_line(pdf_report(run, target))
    assert re.match(rf"twins: the browser {message}", line), line
    assert not target.exists()


def test_a_timeout_that_is_not_a_number_of_seconds_is_refused(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TWINS_PDF_TIMEOUT", "soon")
    line = one_line(pdf_report(run, tmp_path / "briefing.pdf"))
    assert line == (
        "twins: TWINS_PDF_TIMEOUT is not a number of seconds: soon — "
        "set it to a positive number, e.g. TWINS_PDF_TIMEOUT=300"
    )


@pytest.mark.parametrize("args", [["--help"], ["report", "--format", "html"]], ids=" ".join)
def test_the_pdf_printer_is_imported_only_for_a_pdf(args: list[str], tmp_path: Path) -> None:
    assert "twins_cli.formats.pdf" not in modules_loaded_by(args, tmp_path)


@pytest.mark.skipif(not browser_installed(), reason="no Chromium or Chrome (Debian: apt-get install chromium)")
def test_the_pdf_says_what_the_html_says(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    assert run("report", "kingsport-hanbit", "--as-of", "2025-01-01", "-f", "pdf", "-o", str(target)).exit_code == 0
    text = pdf_text(target.read_bytes())
    if text is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert "한빛특별자치시" in text  # Korean, in a font that has it
    assert "Memorandum of understanding" in text and " mou " not in text
    assert "Vision To be a place where students from partnering universities meet at a HackTheon." in text


@posix_only
def test_an_output_that_would_be_refused_is_refused_before_the_browser_runs(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran = tmp_path / "ran"
    monkeypatch.setenv("TWINS_BROWSER", str(fake_browser(tmp_path, f"touch {ran}\n")))
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"kept")
    line = one_line(pdf_report(run, target))
    assert line == f"twins: {target} already exists — add --force to replace it, or choose another name"
    assert target.read_bytes() == b"kept"
    assert not ran.exists()
