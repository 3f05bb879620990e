"""Where roadmaps and schemas are read from.

Roadmaps: ``--roadmaps DIR``, then ``$TWINS_ROADMAPS``, then ``./roadmaps``,
then the copy built into the package; the first that applies wins. Schemas
always come with the package, so a roadmap cannot loosen its own rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from twins_cli.errors import InputError

ENV_VAR = "TWINS_ROADMAPS"
PROGRAMME_FILE = "programme.yaml"
_PACKAGE_DIR = Path(__file__).resolve().parent


def builtin_dir(name: str) -> Path:
    """The packaged ``roadmaps`` or ``schema`` folder (in a source checkout: the repo's own)."""
    for candidate in (_PACKAGE_DIR / "data" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise InputError(f"the built-in {name} are missing from this installation", "reinstall twins")


@dataclass(frozen=True)
class RoadmapsLocation:
    """A folder of roadmaps and why it was chosen."""

    directory: Path
    origin: str

    def roadmap_files(self) -> list[Path]:
        """The roadmap files in the folder, sorted; the programme file is not one."""
        if not self.directory.is_dir():
            problem = "is not a directory" if self.directory.exists() else "does not exist"
            raise InputError(f"roadmaps folder {self.directory} ({self.origin}) {problem}")
        files = sorted(
            path
            for path in self.directory.iterdir()
            if path.suffix in (".yaml", ".yml") and path.name != PROGRAMME_FILE
        )
        if not files:
            raise InputError(
                f"no roadmaps (*.yaml) in {self.directory} ({self.origin})",
                "point --roadmaps at a folder of roadmap files",
            )
        return files


def find_roadmaps(option: Path | None = None, cwd: Path | None = None) -> RoadmapsLocation:
    """The roadmaps folder to use, by the documented order of precedence."""
    if option is not None:
        return RoadmapsLocation(option, "from --roadmaps")
    env = os.environ.get(ENV_VAR)
    if env:
        return RoadmapsLocation(Path(env), f"from ${ENV_VAR}")
    local = (cwd or Path.cwd()) / "roadmaps"
    if local.is_dir():
        return RoadmapsLocation(local, "./roadmaps")
    return RoadmapsLocation(builtin_dir("roadmaps"), "built-in")


def programme_file_for(directory: Path) -> Path:
    """The programme file beside the roadmaps in ``directory``, else the built-in one."""
    beside = directory / PROGRAMME_FILE
    return beside if beside.is_file() else builtin_dir("roadmaps") / PROGRAMME_FILE


def schema_file(name: str) -> Path:
    """Path of a packaged JSON Schema: ``roadmap`` or ``programme``."""
    return builtin_dir("schema") / f"{name}.schema.json"
