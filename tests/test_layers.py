"""Data flows one way: a module imports only from its own layer or the ones below it.

Every import of every module under src/twins_cli counts, wherever it stands: at the top,
inside a function (a lazy import is still a dependency) or in an ``if TYPE_CHECKING:``
block. ARCHITECTURE.md explains the layers; this is what holds them.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

PACKAGE = "twins_cli"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE

# Bottom to top: the layer of each top-level module or subpackage of twins_cli.
LAYERS = {
    "errors": 0,
    "problems": 0,
    "codes": 0,
    "base": 0,
    "files": 1,
    "parse": 2,
    "check": 3,
    "model": 4,
    "catalog": 5,
    "query": 6,
    "formats": 7,
    "write": 8,
    "cli": 9,
    "__main__": 9,
}
# The library's face for notebooks and scripts: it may point anywhere (lazily), so nothing inside may import it.
FACE = {PACKAGE, f"{PACKAGE}.api"}
ROOT_NAMES = {"__version__"}  # what a module may take from the package root itself
OUTPUT = ("formats", "write", "cli")  # twins's own output code
OUTPUT_LIBRARIES = ("rich", "typer", "click")


class Import(NamedTuple):
    """One module named by an import statement, and where."""

    target: str  # twins_cli.formats.table, or a third-party module
    line: int
    names: tuple[str, ...] = ()  # for ``from twins_cli import x``: the names taken


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package, by dotted name."""
    return {module_name(path): path for path in sorted(SOURCE.rglob("*.py"))}


def imports(module: str, source: str, *, is_package: bool = False) -> Iterator[Import]:
    """Every import in ``source``, the ones in functions and TYPE_CHECKING blocks included; relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            names = tuple(alias.name for alias in node.names)
            if target == PACKAGE:  # from twins_cli import check: the subpackage; from twins_cli import x: the root
                yield from (Import(f"{PACKAGE}.{name}", node.lineno) for name in names if name in LAYERS)
                names = tuple(name for name in names if name not in LAYERS)
                if names:
                    yield Import(PACKAGE, node.lineno, names)
            else:
                yield Import(target, node.lineno, names)


def layer(module: str) -> int | None:
    """The layer of a twins_cli module (None for the face, or for a module outside the package)."""
    parts = module.split(".")
    if parts[0] != PACKAGE or module in FACE:
        return None
    return LAYERS[parts[1]]


def climbs(module: str, source: str, *, is_package: bool = False) -> list[str]:
    """The imports of ``module`` that break the direction, one line each."""
    own = layer(module)
    if own is None:
        return []
    found = []
    for imported in sorted(imports(module, source, is_package=is_package), key=lambda found: found.line):
        if imported.target == PACKAGE and not set(imported.names) <= ROOT_NAMES:
            found.append(f"line {imported.line}: takes {', '.join(imported.names)} from the package's lazy API")
        elif imported.target in FACE and imported.target != PACKAGE:
            found.append(f"line {imported.line}: imports {imported.target}, the library's face")
        elif imported.target.split(".")[0] == PACKAGE and imported.target != PACKAGE:
            target = layer(imported.target)
            if target is not None and target > own:
                found.append(f"line {imported.line}: {imported.target} (layer {target}) from layer {own}")
    return found


def test_every_module_has_a_layer() -> None:
    """A new top-level module or subpackage gets its place in the order here (and in ARCHITECTURE.md) first."""
    unplaced = sorted(
        {name.split(".")[1] for name in modules() if name not in FACE and name.split(".")[1] not in LAYERS}
    )
    assert unplaced == [], "give these a layer in LAYERS and ARCHITECTURE.md"


def test_architecture_names_every_layer() -> None:
    text = (SOURCE.parents[1] / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = {name for name in LAYERS if f"`{name}/`" in text or f"`{name}.py`" in text}
    unnamed = sorted(set(LAYERS) - named - {"__main__"})
    assert unnamed == [], "ARCHITECTURE.md's table of layers should give each its job"


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_point_down(module: str) -> None:
    path = modules()[module]
    found = climbs(module, path.read_text(encoding="utf-8"), is_package=path.name == "__init__.py")
    assert not found, f"{module} imports from a higher layer:\n" + "\n".join(found)


def test_check_imports_nothing_from_queries_or_outputs() -> None:
    """Validation must answer the same whatever asks: no query or output code behind it."""
    higher = [
        f"{name}: {imported.target}"
        for name, path in modules().items()
        if name.startswith(f"{PACKAGE}.check")
        for imported in imports(name, path.read_text(encoding="utf-8"), is_package=path.name == "__init__.py")
        if imported.target.startswith((f"{PACKAGE}.query", f"{PACKAGE}.formats"))
    ]
    assert higher == []


def test_the_cache_imports_no_output_code() -> None:
    """The cache stores checked data; how anything is shown is no business of it."""
    path = SOURCE / "check" / "cache.py"
    targets = {imported.target for imported in imports(f"{PACKAGE}.check.cache", path.read_text(encoding="utf-8"))}
    output = {
        target
        for target in targets
        if target.split(".")[0] in OUTPUT_LIBRARIES or target.startswith(tuple(f"{PACKAGE}.{o}" for o in OUTPUT))
    }
    assert output == set()


CLIMBING = """
from __future__ import annotations
from typing import TYPE_CHECKING
from twins_cli import __version__
from twins_cli.base.words import plural
from . import rules
if TYPE_CHECKING:
    from twins_cli.model.records import Catalog
def later() -> None:
    from ..formats import table
    import twins_cli.cli.app
    from twins_cli import load_roadmaps, query
    import twins_cli.api
"""


def test_the_climbs_found_include_lazy_and_type_checking_imports() -> None:
    """The checker itself: a climb is found wherever it is written, and imports that point down pass."""
    assert climbs("twins_cli.check.example", CLIMBING) == [
        "line 8: twins_cli.model.records (layer 4) from layer 3",
        "line 10: twins_cli.formats (layer 7) from layer 3",
        "line 11: twins_cli.cli.app (layer 9) from layer 3",
        "line 12: twins_cli.query (layer 6) from layer 3",
        "line 12: takes load_roadmaps from the package's lazy API",
        "line 13: imports twins_cli.api, the library's face",
    ]
    assert climbs("twins_cli.cli.example", CLIMBING) == [
        "line 12: takes load_roadmaps from the package's lazy API",
        "line 13: imports twins_cli.api, the library's face",
    ]
    assert climbs(PACKAGE, CLIMBING, is_package=True) == []  # the face may point anywhere


def test_imports_are_read_inside_functions_and_type_checking_blocks() -> None:
    """catalog/load.py names check.validate only lazily and under TYPE_CHECKING: both are seen."""
    path = SOURCE / "catalog" / "load.py"
    found = imports("twins_cli.catalog.load", path.read_text(encoding="utf-8"))
    assert len([i for i in found if i.target == "twins_cli.check.validate"]) >= 2
