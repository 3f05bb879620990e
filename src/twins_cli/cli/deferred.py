"""Standard modules that Typer imports on every run, run only when something uses them.

Importing Typer is two thirds of a query's start. Part of that is modules that
Typer, or a standard module it imports, names at the top but uses only in a
function that a query never calls: ``subprocess`` and ``shellingham`` install
shell completion, ``shutil`` looks for ``bz2`` and ``lzma`` in case an archive
is made, ``inspect`` and ``traceback`` import ``tokenize``, ``linecache`` and
``textwrap`` for source they never show here, ``pathlib`` imports ``fnmatch``
for globs and ``ntpath`` for Windows paths. Running them cost about 5 ms of
every run (a tenth of ``twins list``).

So the console script, and only it, first puts each of them in ``sys.modules``
as a module whose code has not run yet. An ``import`` statement finds it there
and reads nothing from it but its ``__spec__``; the first other attribute read
runs the module's code in that same module object, once (under a lock, should
two threads reach it together), and from then on it is an ordinary module.
A module is deferred only if it is Python source that has not been imported,
and ``bz2`` and ``lzma`` only where their compiled part exists: what imports
them to learn whether they work would otherwise be told yes.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types
from typing import Any

# Each module deferred, with the compiled modules it needs to load at all.
DEFERRED: dict[str, tuple[str, ...]] = {
    "subprocess": (),
    "shellingham": (),
    "bz2": ("_bz2",),
    "lzma": ("_lzma",),
    "tokenize": (),
    "linecache": (),
    "textwrap": (),
    "ipaddress": (),
    "locale": (),
    "token": (),
    "fnmatch": (),
    "ntpath": (),  # os.path on Windows, where it is imported already
}

_loading = threading.RLock()  # reentrant: a module's code may use another deferred module, or itself
_running: set[str] = set()  # the deferred modules whose code is running (in the thread holding the lock)


class DeferredModule(types.ModuleType):
    """A module whose code runs when one of its attributes is first read or set (``__spec__`` aside)."""

    def __getattribute__(self, name: str) -> Any:
        namespace = object.__getattribute__(self, "__dict__")
        if name == "__spec__":  # what `import` reads of a module already in sys.modules
            return namespace["__spec__"]
        _run(self, namespace)
        return types.ModuleType.__getattribute__(self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        _run(self, object.__getattribute__(self, "__dict__"))
        types.ModuleType.__setattr__(self, name, value)


def _run(module: types.ModuleType, namespace: dict[str, Any]) -> None:
    """Run ``module``'s code once; it is then an ordinary module. While it runs it reads as itself, half made,
    as any module does in an import cycle."""
    name = namespace["__name__"]
    with _loading:
        if type(module) is not DeferredModule or name in _running:
            return
        _running.add(name)
        try:
            namespace["__spec__"].loader.exec_module(module)
        except BaseException:
            sys.modules.pop(name, None)  # as a failed import leaves nothing behind
            raise
        finally:
            _running.discard(name)
        object.__setattr__(module, "__class__", types.ModuleType)


def defer(names: dict[str, tuple[str, ...]] = DEFERRED) -> None:
    """Put each module of ``names`` not imported yet into ``sys.modules``, to run when first used."""
    for name, needs in names.items():
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or not (spec.origin or "").endswith(".py") or spec.loader is None:
            continue
        if not all(importlib.util.find_spec(need) for need in needs):
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = DeferredModule
        sys.modules[name] = module
