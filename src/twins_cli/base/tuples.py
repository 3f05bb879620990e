"""``NamedTuple`` classes made for a fraction of what ``typing.NamedTuple`` costs: a query creates dozens.

Each query imports some forty named tuples (the thirty records, and the small
tuples of the layers they pass through). ``typing.NamedTuple`` makes each one
with ``collections.namedtuple``, which compiles its ``__new__`` from source and
defines its methods anew, and then checks every annotation: 60 to 100 µs a
class. This ``NamedTuple`` makes the same class, and a type checker reads it as
``typing.NamedTuple``: a tuple subclass with the same ``__new__`` (positional
or keyword arguments, the same defaults and errors), ``_fields``,
``_field_defaults``, ``_make``, ``_replace``, ``_asdict``, ``__match_args__``,
``__repr__``, no ``__dict__``, pickled and copied the same way. Its
``__new__`` is one written out here for its number of fields (compiled once
per number beyond 22), renamed for each class; its other methods are shared,
reading ``_fields``. Annotations are kept as
written (``typing`` would make text a ``ForwardRef``; the package's named
tuples have none as text, which ``tests/cli/test_startup.py`` checks).

It reads a class's fields from the ``__annotations__`` of its body, where
Python 3.10 to 3.13 put them. Python 3.14 defers annotations (PEP 649/749):
the body holds a function that makes them instead, so from 3.14 on this is
``typing.NamedTuple`` itself, which knows how to call it. The field accessors
are ``collections.namedtuple``'s own where CPython has them (``_tuplegetter``),
else properties that do the same.

Use it as ``typing.NamedTuple``: ``class Place(NamedTuple): id: str``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from operator import itemgetter
from types import CodeType, FunctionType
from typing import TYPE_CHECKING, Any, TypeVar

_T = TypeVar("_T", bound=tuple[Any, ...])

_tuple_new = tuple.__new__
_GLOBALS: dict[str, Any] = {"_tuple_new": _tuple_new, "__builtins__": {}}
_NEW_CODE: dict[int, CodeType] = {}  # the code of ``__new__`` for more fields than ``_WRITTEN_NEW`` has
# ``__new__`` of 0 to 22 fields, written out so that Python compiles them once, into the bytecode cache:
# compiling one from text for each class, as namedtuple does, cost a query about 0.5 ms.
_WRITTEN_NEW = (
    lambda _cls: _tuple_new(_cls, ()),
    lambda _cls, _0: _tuple_new(_cls, (_0,)),
    lambda _cls, _0, _1: _tuple_new(_cls, (_0, _1)),
    lambda _cls, _0, _1, _2: _tuple_new(_cls, (_0, _1, _2)),
    lambda _cls, _0, _1, _2, _3: _tuple_new(_cls, (_0, _1, _2, _3)),
    lambda _cls, _0, _1, _2, _3, _4: _tuple_new(_cls, (_0, _1, _2, _3, _4)),
    lambda _cls, _0, _1, _2, _3, _4, _5: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9: _tuple_new(_cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9)),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19: _tuple_new(
        _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19)
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20: (
        _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20)
        )
    ),
    lambda _cls, _0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21: (
        _tuple_new(
            _cls, (_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21)
        )
    ),
)
# What a class body may not define, and what is not copied from it to the class: as typing.NamedTuple says.
_PROHIBITED = frozenset(
    {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
    | {"_asdict", "_source"}
)
_NOT_COPIED = frozenset({"__module__", "__name__", "__annotations__"})
# Python 3.13's named tuples refuse an unknown field to ``_replace`` with a TypeError, and serve ``copy.replace``.
_UNKNOWN_FIELD = TypeError if sys.version_info >= (3, 13) else ValueError


def _property_getter(index: int, doc: str) -> Any:
    """A field accessor for where CPython's is missing: the same value and doc, a little slower."""
    return property(itemgetter(index), doc=doc)


try:  # namedtuple's own field accessor, in C
    from _collections import _tuplegetter as _field  # type: ignore[import-not-found]
except ImportError:  # another Python than CPython
    _field = _property_getter


def _new_code(count: int) -> CodeType:
    """The code of a ``__new__`` of ``count`` arguments, as ``collections.namedtuple`` writes it."""
    if count < len(_WRITTEN_NEW):
        return _WRITTEN_NEW[count].__code__
    if count not in _NEW_CODE:
        names = ", ".join(f"_{index}" for index in range(count)) + ("," if count == 1 else "")
        _NEW_CODE[count] = eval(f"lambda _cls, {names}: _tuple_new(_cls, ({names}))", _GLOBALS).__code__
    return _NEW_CODE[count]


def _make(cls: type[_T], iterable: Iterable[Any]) -> _T:
    """Make a new object from a sequence or iterable."""
    result = tuple.__new__(cls, iterable)
    if len(result) != len(cls._fields):  # type: ignore[attr-defined]
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")  # type: ignore[attr-defined]
    return result


def _replace(self: Any, /, **kwds: Any) -> Any:
    """Return a new object replacing specified fields with new values."""
    result = self._make(map(kwds.pop, self._fields, self))
    if kwds:
        raise _UNKNOWN_FIELD(f"Got unexpected field names: {list(kwds)!r}")
    return result


def _repr(self: Any) -> str:
    """Return a nicely formatted representation string."""
    fields = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
    return f"{type(self).__name__}({fields})"


def _asdict(self: Any) -> dict[str, Any]:
    """Return a new dict which maps field names to their values."""
    return dict(zip(self._fields, self, strict=True))


def _getnewargs(self: Any) -> tuple[Any, ...]:
    """Return self as a plain tuple.  Used by copy and pickle."""
    return tuple(self)


class _NamedTupleMeta(type):
    """Makes a class written ``class Name(NamedTuple)`` a named tuple, as ``typing.NamedTupleMeta`` does."""

    def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
        if len(bases) != 1:
            raise TypeError("a NamedTuple subclasses NamedTuple alone")
        annotations = namespace.get("__annotations__", {})
        fields = tuple(map(sys.intern, annotations))
        defaults = tuple(namespace[name] for name in fields if name in namespace)
        required = len(fields) - len(defaults)
        if any(name in namespace for name in fields[:required]):
            raise TypeError(f"{typename}: a field without a default follows one with a default")
        arguments = ", ".join(fields) + ("," if len(fields) == 1 else "")
        new = FunctionType(_new_code(len(fields)).replace(co_varnames=("_cls", *fields)), _GLOBALS, "__new__")
        new.__defaults__ = defaults
        new.__doc__ = f"Create new instance of {typename}({arguments})"
        new.__qualname__ = f"{typename}.__new__"
        new.__annotations__ = dict(annotations)
        body: dict[str, Any] = {
            "__doc__": f"{typename}({arguments})",
            "__slots__": (),
            "_fields": fields,
            "_field_defaults": dict(zip(fields[required:], defaults, strict=True)),
            "__new__": new,
            "_make": classmethod(_make),
            "_replace": _replace,
            "__repr__": _repr,
            "_asdict": _asdict,
            "__getnewargs__": _getnewargs,
            "__match_args__": fields,
            "__module__": namespace["__module__"],
            "__annotations__": new.__annotations__,
        }
        if sys.version_info >= (3, 13):
            body["__replace__"] = _replace
        for index, name in enumerate(fields):
            body[name] = _field(index, f"Alias for field number {index}")
        for key, value in namespace.items():
            if key in _PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key not in _NOT_COPIED and key not in fields:
                body[key] = value
        return type(typename, (tuple,), body)


if TYPE_CHECKING or sys.version_info >= (3, 14):
    from typing import NamedTuple as NamedTuple
else:
    NamedTuple = type.__new__(_NamedTupleMeta, "NamedTuple", (), {"__module__": __name__})
