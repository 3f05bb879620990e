"""``twins init``: a repository of roadmaps that works as written, CI and pre-commit included.

Everything is written or nothing: the files it would write are checked first, and
one that exists already stops it before any is written, so ``twins init`` never
replaces a file (in an existing repository, it adds what is missing only when
none of its files is there). The generated workflow and hook install twins with
one pip requirement (``--install``), by default the one this twins came from.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from twins_cli import __version__
from twins_cli.base.i18n import _
from twins_cli.base.paths import display_name
from twins_cli.errors import InputError, UsageError
from twins_cli.files.atomic import write_atomic
from twins_cli.files.locate import (
    CONFIG_FILE,
    DEFAULT_FOLDER,
    PROGRAMME_FILE,
    builtin_dir,
    holds_roadmaps,
    inside_package,
    schema_file,
)
from twins_cli.write.scaffold import create_roadmap, place_names

PACKAGE = "twins-cli"
DEFAULT_PAIR = "cardiff-gwangju"  # a pair to start from: the file says it is not yet transcribed
WORKFLOW = Path(".github/workflows/validate.yml")
PRE_COMMIT = Path(".pre-commit-config.yaml")
SCHEMAS = ("roadmap", "programme")

WORKFLOW_TEXT = """\
# Checks the roadmaps on every push and pull request: each problem is an
# annotation on its line, with a summary on the run's page.
name: validate roadmaps
on: [push, pull_request]
permissions:
  contents: read
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: {install}
      - run: twins validate
"""

PRE_COMMIT_TEXT = """\
# pre-commit (https://pre-commit.com): `pre-commit install`, then every commit
# that stages a roadmap or programme.yaml checks it first.
repos:
  - repo: local
    hooks:
      - id: twins-validate
        name: twins validate
        entry: twins validate
        language: python
        additional_dependencies: [{requirement}]
        files: ^{folder}/[^/]+\\.ya?ml$
        pass_filenames: true
"""

README_TEXT = """\
# Innovation Twins roadmaps

The roadmaps of city pairs of the UK–Republic of Korea Innovation Twins
programme, one YAML file per pair in `{folder}/`, checked by twins (the
`twins-cli` package).

## Set up

```sh
{install}
twins validate
```

## Add a pair

1. `twins new PAIR` writes `{folder}/PAIR.yaml` (the UK place first:
   `twins new cardiff-gwangju`, or `twins new liverpool-busan --uk "Liverpool City Region" --kr Busan`).
2. Replace its placeholder source with the document you transcribe, and fill
   in what that source says; never invent a date, a person or an address.
3. Add the pair's id to `pairs` in `{folder}/programme.yaml`.
4. `twins validate` until it says valid, then commit.

`{folder}/{first}.yaml` is such a file, not yet transcribed: fill it in, or
delete it once you have added your own pair.

## Checks

- `.github/workflows/validate.yml` runs `twins validate` on every push and pull
  request: problems are annotations on their lines.
- `.pre-commit-config.yaml`: after `pre-commit install`, a commit that stages a
  roadmap checks it first.
- `schema/` holds copies of the JSON Schemas, so editors that use
  yaml-language-server complete and check the files as you type. Refresh them
  after upgrading twins: `twins schema > schema/roadmap.schema.json` and
  `twins schema programme > schema/programme.schema.json`.
"""


def install_requirement() -> tuple[str, str | None]:
    """The pip requirement that installs this very twins elsewhere (in CI), and why it may not.

    From how this twins was installed (its ``direct_url.json``, PEP 610): a git checkout is
    ``twins-cli @ git+URL@COMMIT``; from a package index, ``twins-cli==VERSION``. A local folder
    or file cannot be installed in CI: then ``twins-cli==VERSION`` with a warning to say so.
    """
    from importlib.metadata import PackageNotFoundError, distribution

    pinned = f"{PACKAGE}=={__version__}"
    try:
        text = distribution(PACKAGE).read_text("direct_url.json")
    except PackageNotFoundError:  # run from a source tree, not installed
        text = None
    if not text:
        return pinned, None
    try:
        origin = json.loads(text)
    except ValueError:
        return pinned, None
    url, vcs = str(origin.get("url", "")), origin.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and vcs.get("commit_id") and not url.startswith("file:"):
        return f"{PACKAGE} @ git+{url}@{vcs['commit_id']}", None
    if url.startswith("file:"):
        return pinned, _(
            "this twins was installed from a folder or file on this machine, which CI cannot reach: "
            "the workflow and hook install {requirement} from PyPI; if that is not where twins is, "
            "run twins init again with --install REQUIREMENT (a git URL of your copy of twins, for example)"
        ).format(requirement=pinned)
    return (f"{PACKAGE} @ {url}" if url else pinned), None


def _yaml_text(text: str) -> str:
    """``text`` as a YAML flow scalar (a JSON string is one), so a requirement with ``@`` or ``:`` stays whole."""
    return json.dumps(text, ensure_ascii=False)


@dataclass(frozen=True)
class NewRepository:
    """The files ``twins init`` wrote, and what to say about how CI installs twins."""

    root: Path
    written: tuple[Path, ...]
    requirement: str
    warning: str | None

    def next_steps(self) -> str:
        """What was written and what to do next, as lines to print."""
        lines = [_("Created {file}.").format(file=display_name(path)) for path in self.written]
        lines.append(_("CI and pre-commit install: {requirement}").format(requirement=self.requirement))
        lines.append(
            _("Next, in {root}: twins validate (and git init, if it is not a repository yet).").format(
                root=display_name(self.root)
            )
        )
        return "\n".join(lines) + "\n"


def init_repository(root: Path, pair: str = DEFAULT_PAIR, requirement: str | None = None) -> NewRepository:
    """Write a repository of roadmaps at ``root`` (created if need be), never replacing a file.

    ``requirement`` is what CI installs twins with (default: ``install_requirement()``).
    """
    if inside_package(root):
        raise UsageError(
            _("{folder} is inside the twins package").format(folder=display_name(root)),
            _("choose a folder of your own"),
        )
    if root.is_symlink() and not root.is_dir():  # a dangling link: twins would create a folder elsewhere
        raise InputError(
            _("{folder} is a symbolic link to nothing").format(folder=display_name(root)),
            _("choose a new or existing folder"),
        )
    if root.exists() and not root.is_dir():
        raise InputError(
            _("{folder} is not a folder").format(folder=display_name(root)), _("choose a new or existing folder")
        )
    if holds_roadmaps(root):  # its own roadmaps/ would nest in a roadmaps folder, beside the roadmaps
        raise UsageError(
            _("{folder} is a roadmaps folder already").format(folder=display_name(root)),
            _("run twins init in the folder above it, or add pairs with twins new"),
        )
    place_names(pair)  # a pair id that names two places, checked before anything is written
    warning = None
    if requirement is None:
        requirement, warning = install_requirement()
    requirement = " ".join(requirement.split())
    if not requirement:
        raise UsageError(
            _("--install needs a pip requirement"),
            _("for example --install {requirement}").format(requirement=f"{PACKAGE}=={__version__}"),
        )
    folder = root / DEFAULT_FOLDER
    pip_install = f"python -m pip install {_shell_word(requirement)}"
    texts: dict[Path, bytes] = {
        root / CONFIG_FILE: (
            f"# twins reads its roadmaps from here (relative to this file)\nroadmaps = {_yaml_text(DEFAULT_FOLDER)}\n"
        ).encode(),
        folder / PROGRAMME_FILE: (builtin_dir("roadmaps") / PROGRAMME_FILE).read_bytes(),
        **{root / "schema" / f"{name}.schema.json": schema_file(name).read_bytes() for name in SCHEMAS},
        root / PRE_COMMIT: PRE_COMMIT_TEXT.format(requirement=_yaml_text(requirement), folder=DEFAULT_FOLDER).encode(),
        root / WORKFLOW: WORKFLOW_TEXT.format(install=_yaml_text(pip_install)).encode(),
        root / "README.md": README_TEXT.format(folder=DEFAULT_FOLDER, first=pair, install=pip_install).encode(),
    }
    roadmap = folder / f"{pair}.yaml"
    clashes = [path for path in [*texts, roadmap] if path.exists() or path.is_symlink()]
    folders = sorted({root / part for path in texts for part in path.relative_to(root).parents if part.name})
    # a file called .github, or a link: twins would write through it, somewhere outside the repository
    clashes += [folder for folder in folders if folder.is_symlink() or (folder.exists() and not folder.is_dir())]
    if clashes:
        names = ", ".join(display_name(path) for path in clashes)
        raise UsageError(
            _("twins init writes only new files, and these exist: {files}").format(files=names),
            _("move them away, or add pairs to an existing repository with twins new"),
        )
    for path, data in texts.items():
        _make_folder(path.parent)
        write_atomic(path, data)
    create_roadmap(folder, pair)
    config, programme, *rest = texts  # in the order a person reads them: the roadmaps together
    return NewRepository(root, (config, programme, roadmap, *rest), requirement, warning)


def _shell_word(text: str) -> str:
    """``text`` as one word for a POSIX shell (the workflow's ``run:`` line, the README's command)."""
    import shlex

    return shlex.quote(text)


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise InputError(
            _("cannot create {folder}: {reason}").format(folder=display_name(folder), reason=error.strerror or error),
            _("check the folder's permissions and free space"),
        ) from error
