"""HTML printed to PDF by a headless Chromium or Chrome: ``twins report --format pdf``.

A browser prints the page the way a person's browser would, with the page's own print
style (A4, page breaks, page numbers) and the system's fonts, Korean included; no Python
PDF library lays out HTML as well, and the browser stays an optional program that twins
looks for only when a PDF is asked for. The page is written into a private temporary
folder (never a predictable path) with the browser's profile, and the PDF is read back
from there only if it is a regular file of bounded size that starts as a PDF does.

``html_to_pdf`` takes any self-contained page, so other outputs can print theirs too.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import tempfile
from pathlib import Path

from twins_cli.base.i18n import _
from twins_cli.base.text import one_line
from twins_cli.errors import InputError

BROWSER_VARIABLE = "TWINS_BROWSER"  # a program name or path: the browser to print with
TIMEOUT_VARIABLE = "TWINS_PDF_TIMEOUT"  # seconds to wait for the browser
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
DEFAULT_TIMEOUT = 120.0
MAX_PDF_BYTES = 256 * 1024 * 1024  # a briefing pack is well under 10 MiB
_MESSAGE_BYTES = 64 * 1024  # the end of the browser's error output that is read, to say why it failed


def _install_hint() -> str:
    return _("install Chromium (e.g. apt install chromium) or set {variable}").format(variable=BROWSER_VARIABLE)


def find_browser() -> str:
    """The browser to print with: ``$TWINS_BROWSER``, else the first Chromium or Chrome on the ``PATH``."""
    chosen = os.environ.get(BROWSER_VARIABLE, "").strip()
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise InputError(
                _("{variable} names no program that can be run: {name}").format(
                    variable=BROWSER_VARIABLE, name=one_line(chosen)
                ),
                _install_hint(),
            )
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise InputError(_("a PDF is printed by Chromium or Chrome, and neither was found"), _install_hint())


def _timeout() -> float:
    """``$TWINS_PDF_TIMEOUT`` seconds (a positive number), else two minutes."""
    text = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < 86400:
        raise InputError(
            _("{variable} is not a number of seconds: {value}").format(variable=TIMEOUT_VARIABLE, value=one_line(text)),
            _("set it to a positive number, e.g. {variable}=300").format(variable=TIMEOUT_VARIABLE),
        )
    return seconds


def _command(browser: str, page: Path, pdf: Path, profile: Path) -> list[str]:
    """Print ``page`` to ``pdf`` headless, with a throwaway profile and nothing fetched in the background."""
    command = [
        browser,
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--mute-audio",
        f"--user-data-dir={profile}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium refuses to start its sandbox as root
        command.insert(2, "--no-sandbox")
    return command


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the browser and every process it started (they share its new session), then reap it."""
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows
            process.kill()
    except ProcessLookupError:
        pass
    process.wait()


def _last_line(log: Path) -> str:
    """The browser's last line of error output, escaped and short, to say why it failed."""
    try:
        with log.open("rb") as file:
            file.seek(max(0, log.stat().st_size - _MESSAGE_BYTES))
            tail = file.read(_MESSAGE_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""
    lines = [line.strip() for line in tail.splitlines() if line.strip()]
    return one_line(lines[-1])[:200] if lines else ""


def _read_pdf(pdf: Path) -> bytes:
    """The PDF the browser wrote: only a regular file (never followed through a link), bounded, starting ``%PDF``."""
    failed = _("the browser printed no PDF")
    try:
        descriptor = os.open(pdf, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        raise InputError(failed, _("check that the browser prints: run it with --headless --print-to-pdf")) from None
    chunks: list[bytes] = []
    total = 0
    try:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):  # not a folder, a pipe or a device put in its place
            while total <= MAX_PDF_BYTES and (chunk := os.read(descriptor, 1 << 20)):
                chunks.append(chunk)
                total += len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if not data.startswith(b"%PDF-") or len(data) > MAX_PDF_BYTES:
        raise InputError(failed, _("the browser wrote something other than a PDF file"))
    return data


def html_to_pdf(html: str) -> bytes:
    """The bytes of ``html`` (a self-contained page) printed to PDF by a headless browser.

    ``InputError`` (one line, exit 2) when no browser is found, when it fails, when it takes longer
    than ``$TWINS_PDF_TIMEOUT`` seconds, or when what it wrote is not a PDF.
    """
    browser = find_browser()
    timeout = _timeout()
    with tempfile.TemporaryDirectory(prefix="twins-pdf-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        page, pdf, log = work / "page.html", work / "page.pdf", work / "browser.log"
        page.write_text(html, encoding="utf-8")
        with log.open("wb") as errors:
            try:
                process = subprocess.Popen(
                    _command(browser, page, pdf, work / "profile"),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=errors,
                    cwd=work,
                    start_new_session=True,  # its own process group, so that a timeout ends all of it
                )
            except OSError as error:
                raise InputError(
                    _("cannot run the browser {browser}: {reason}").format(
                        browser=one_line(browser), reason=error.strerror or error
                    ),
                    _install_hint(),
                ) from None
            try:
                code = process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                _stop(process)
                raise InputError(
                    _("the browser did not print the PDF within {seconds:g} seconds").format(seconds=timeout),
                    _("set {variable} to wait longer, or check that {browser} runs headless").format(
                        variable=TIMEOUT_VARIABLE, browser=one_line(browser)
                    ),
                ) from None
            except BaseException:  # Ctrl-C: leave no browser behind
                _stop(process)
                raise
        if code != 0:
            said = _last_line(log)
            raise InputError(
                _("the browser could not print the PDF (exit {code})").format(code=code)
                + (f": {said}" if said else ""),
                _("check that {browser} runs headless, or set {variable} to another browser").format(
                    browser=one_line(browser), variable=BROWSER_VARIABLE
                ),
            )
        return _read_pdf(pdf)
