"""The console script defers the standard modules Typer imports but a run rarely uses (``cli/deferred.py``).

Each case runs in a process of its own: deferring changes ``sys.modules`` for the rest of the process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import SAMPLE
from twins_cli.cli.deferred import DEFERRED

# A module of its own, made in each test's folder: it counts the times its code ran, and may fail.
PROBE_MODULE = """
import builtins
builtins.RUNS = getattr(builtins, "RUNS", 0) + 1
if builtins.RUNS == 1 and getattr(builtins, "FAIL_FIRST", False):
    raise ValueError("first run fails")
VALUE = 42
"""


def _run(code: str, tmp_path: Path) -> list[object]:
    """What ``code`` (with ``probe`` deferred and ``show(...)`` to report) showed, in a process of its own."""
    (tmp_path / "probe.py").write_text(PROBE_MODULE, encoding="utf-8")
    prelude = (
        "import builtins, json, sys, threading\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "from twins_cli.cli.deferred import DeferredModule, defer\n"
        "shown = []\n"
        "show = shown.append\n"
        "runs = lambda: getattr(builtins, 'RUNS', 0)\n"
        "deferred = lambda name: type(sys.modules.get(name)) is DeferredModule\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code) + "\nprint(json.dumps(shown))"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found: list[object] = json.loads(done.stdout.splitlines()[-1])
    return found


def test_an_import_statement_does_not_run_a_deferred_module(tmp_path: Path) -> None:
    shown = _run(
        """
        defer({"probe": ()})
        import probe
        show([deferred("probe"), runs()])
        show([probe.VALUE, deferred("probe"), runs()])
        show(probe.VALUE)
        """,
        tmp_path,
    )
    assert shown == [[True, 0], [42, False, 1], 42]


def test_setting_an_attribute_first_runs_the_module_so_its_code_does_not_undo_it(tmp_path: Path) -> None:
    shown = _run(
        """
        defer({"probe": ()})
        import probe
        probe.VALUE = 7
        show([probe.VALUE, runs()])
        """,
        tmp_path,
    )
    assert shown == [[7, 1]]


def test_a_from_import_runs_it(tmp_path: Path) -> None:
    shown = _run(
        """
        defer({"probe": ()})
        from probe import VALUE
        show([VALUE, deferred("probe"), runs()])
        """,
        tmp_path,
    )
    assert shown == [[42, False, 1]]


def test_threads_that_first_use_it_together_run_it_once(tmp_path: Path) -> None:
    shown = _run(
        """
        defer({"probe": ()})
        import probe
        start = threading.Barrier(8)
        values = []
        def use():
            start.wait()
            values.append(probe.VALUE)
        threads = [threading.Thread(target=use) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        show([values, runs()])
        """,
        tmp_path,
    )
    assert shown == [[[42] * 8, 1]]


def test_a_module_that_fails_is_gone_as_after_a_failed_import_and_can_be_imported_again(tmp_path: Path) -> None:
    shown = _run(
        """
        builtins.FAIL_FIRST = True
        defer({"probe": ()})
        import probe
        try:
            probe.VALUE
        except ValueError as error:
            show(str(error))
        show("probe" in sys.modules)
        import probe
        show([probe.VALUE, runs()])
        """,
        tmp_path,
    )
    assert shown == ["first run fails", False, [42, 2]]


def test_only_python_source_not_imported_yet_and_whose_compiled_parts_exist_is_deferred(tmp_path: Path) -> None:
    shown = _run(
        """
        import json as already
        defer({"json": (), "probe": ("_no_such_compiled_module",), "_sha256": (), "no_such_module": ()})
        show([deferred("json"), deferred("probe"), deferred("_sha256"), "no_such_module" in sys.modules])
        """,
        tmp_path,
    )
    assert shown == [[False, False, False, False]]


def test_a_query_through_the_console_script_leaves_them_unrun_and_answers_as_without(tmp_path: Path) -> None:
    """The deferred modules are the ones a query does not use; the answer is the same as the app's own."""
    probe = (
        "import atexit, json, sys\n"
        "from twins_cli.cli.deferred import DeferredModule\n"
        "atexit.register(lambda: print('DEFERRED', json.dumps(sorted(name for name, module in list(sys.modules.items())"
        " if type(module) is DeferredModule)), file=sys.stderr))\n"
        "sys.argv = ['twins', *sys.argv[1:]]\n"
        "from twins_cli.cli.{module} import main\n"
        "main()\n"
    )
    env = {**os.environ, "NO_COLOR": "1", "TWINS_ROADMAPS": str(SAMPLE), "PYTHONIOENCODING": "utf-8"}

    def run(module: str, *args: str) -> subprocess.CompletedProcess[str]:
        code = probe.replace("{module}", module)
        return subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=tmp_path
        )

    for args in (["list", "--theme", "cybersecurity"], ["contacts", "P1"], ["show", "P1"], ["milestones"]):
        deferred, plain = run("console", *args), run("app", *args)
        assert deferred.returncode == plain.returncode == 0, deferred.stderr
        assert deferred.stdout == plain.stdout
        left = set(json.loads(deferred.stderr.split("DEFERRED ")[1]))
        assert {"subprocess", "shellingham", "tokenize", "textwrap", "locale"} <= left <= set(DEFERRED)


def test_shell_completion_still_works_through_the_console_script(tmp_path: Path) -> None:
    """Shell completion is what subprocess and shellingham serve: deferred, they run when it asks for them."""
    code = "import sys\nsys.argv = ['twins', '--show-completion', 'bash']\n"
    code += "from twins_cli.cli.console import main\nmain()\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 0, done.stderr
    assert "_TWINS_COMPLETE" in done.stdout
