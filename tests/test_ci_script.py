"""CI tests what the README says to run, with the pinned versions of constraints.txt, and the pins are whole."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
LOCK = ROOT / "constraints.txt"
PIN = re.compile(r"(?P<name>[A-Za-z0-9._-]+)==(?P<version>[^\s;]+)(?:\s*;\s*.+)?")  # a marker may follow


def quick_start() -> list[str]:
    """The commands of the README's Quick start, in order."""
    section = README.read_text(encoding="utf-8").split("## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def pins() -> dict[str, list[Version]]:
    """constraints.txt as {canonical name: its versions (one per range of Pythons)}, checking each line is a pin."""
    found: dict[str, list[Version]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = PIN.fullmatch(line.strip())
        assert match, f"not an exact pin: {line!r}"
        found.setdefault(canonicalize_name(match["name"]), []).append(Version(match["version"]))
    return found


def matrix_tool() -> ModuleType:
    """tools/test_matrix.py, imported."""
    spec = importlib.util.spec_from_file_location("test_matrix", ROOT / "tools" / "test_matrix.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pyproject() -> dict[str, Any]:
    """The [project] table of pyproject.toml."""
    return dict(matrix_tool().read_pyproject()["project"])


def test_quick_start_is_two_commands_that_install_the_pinned_versions() -> None:
    install, tests = quick_start()
    assert install.count("\n") == 0 and tests.count("\n") == 0
    assert "pip install -c constraints.txt " in install and "twins list --theme cybersecurity" in install
    assert "pip install -c constraints.txt " in tests and tests.endswith("-m pytest")


def test_ci_runs_the_readme_test_command_as_written() -> None:
    assert quick_start()[1] in CI.read_text(encoding="utf-8").splitlines()


def test_every_install_in_ci_uses_the_constraints() -> None:
    installs = [line for line in CI.read_text(encoding="utf-8").splitlines() if "pip install" in line]
    assert len(installs) >= 2
    for line in installs:
        assert "-c constraints.txt" in line, line


def test_the_lock_satisfies_every_requirement_of_pyproject() -> None:
    """Each direct requirement, extras included, has a pin for every Python within its range."""
    project = pyproject()
    locked = pins()
    extras = project["optional-dependencies"].values()
    for text in [*project["dependencies"], *(requirement for extra in extras for requirement in extra)]:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if name == canonicalize_name(project["name"]):
            continue
        assert name in locked, f"{name} is not pinned in constraints.txt"
        for version in locked[name]:
            assert requirement.specifier.contains(version, prereleases=True), f"{text}, but the lock has {version}"


def installed_for_twins() -> dict[str, Version]:
    """{name: version} of each installed distribution that twins and its installed extras need, directly or not."""
    found: dict[str, Version] = {}
    wanted = [Requirement(f"twins-cli[{','.join(pyproject()['optional-dependencies'])}]")]
    while wanted:
        requirement = wanted.pop()
        name = canonicalize_name(requirement.name)
        try:
            distribution = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # an extra that this environment did not install (the dev tools under .[test])
        if name in found:
            continue
        found[name] = Version(distribution.version)
        for text in distribution.requires or []:
            needed = Requirement(text)
            extras = requirement.extras or {""}
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in extras):
                wanted.append(needed)
    del found["twins-cli"]
    return found


def test_the_lock_pins_everything_installed_here_for_twins() -> None:
    """Where the lock was installed (CI), every package twins needs on this Python is in it, direct or not."""
    locked = pins()
    installed = installed_for_twins()
    assert {"typer", "pytest", "pyyaml"} <= set(installed)
    if any(version not in locked[name] for name, version in installed.items() if name in locked):
        pytest.skip("installed without constraints.txt (tools/test_matrix.py newest or oldest)")
    assert sorted(set(installed) - set(locked)) == [], "installed for twins but not pinned in constraints.txt"


def test_oldest_pins_each_direct_dependency_at_its_lower_bound() -> None:
    project = {
        "name": "twins-cli",
        "dependencies": ["typer>=0.28,<0.29", "PyYAML >= 6.0.1 ; python_version < '4'"],
        "optional-dependencies": {"test": ["pytest>=8", "twins-cli[other]"], "dev": ["ruff"]},
    }
    assert matrix_tool().lower_bounds(project) == ["typer==0.28", "PyYAML==6.0.1 ; python_version < '4'", "pytest==8"]


def test_oldest_needs_a_lower_bound() -> None:
    project = {"name": "twins-cli", "dependencies": ["rich"], "optional-dependencies": {"test": []}}
    with pytest.raises(SystemExit, match="needs one lower bound"):
        matrix_tool().lower_bounds(project)


def test_oldest_reads_the_real_pyproject() -> None:
    pinned = matrix_tool().lower_bounds(pyproject())
    assert len(pinned) == len(pyproject()["dependencies"]) + len(pyproject()["optional-dependencies"]["test"])
    assert all("==" in pin and ">" not in pin and "<" not in pin.split(";")[0] for pin in pinned)


def test_a_folder_that_is_not_an_environment_is_not_removed(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="not a virtual environment"):
        matrix_tool().fresh_venv(tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"
