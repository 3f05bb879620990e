"""``base.tuples.NamedTuple`` makes the class ``typing.NamedTuple`` makes, for less: same fields, same behaviour.

No ``from __future__ import annotations``: the package's named tuples have no annotations as text (see
test_startup), and typing would make these ``ForwardRef``s where ``base.tuples`` keeps them as written.
"""

import copy
import importlib
import inspect
import pickle
import pkgutil
import typing
from typing import Any

import pytest

import twins_cli
from twins_cli.base import tuples


def _point(base: Any, name: str) -> Any:
    """The same class body on either base; named after the module attribute it is kept in, for pickle."""

    class Point(base):  # type: ignore[misc]
        """A point with a label."""

        x: int
        y: int = 0
        label: str | None = None

        @property
        def norm(self) -> int:
            return abs(self.x) + abs(self.y)

        def moved(self, dx: int) -> Any:
            return self._replace(x=self.x + dx)

        @classmethod
        def origin(cls) -> Any:
            return cls(0)

        @staticmethod
        def unit() -> int:
            return 1

    Point.__qualname__ = name
    return Point


TypingPoint = _point(typing.NamedTuple, "TypingPoint")
OurPoint = _point(tuples.NamedTuple, "OurPoint")
BOTH = [TypingPoint, OurPoint]


def outcome(call: Any) -> tuple[str, str]:
    """What a call gives, or the type and message of what it raises, the class's own name left out."""
    try:
        result = call()
    except Exception as error:  # the same errors, word for word: they come from the same signatures
        return type(error).__name__, str(error).replace("TypingPoint", "P").replace("OurPoint", "P")
    return "ok", repr(result).replace("TypingPoint", "P").replace("OurPoint", "P")


def test_the_classes_are_the_same_shape() -> None:
    typed, ours = BOTH
    for name in ("_fields", "_field_defaults", "__match_args__", "__slots__", "__doc__", "__module__", "__mro__"):
        left, right = getattr(typed, name), getattr(ours, name)
        assert (left if name != "__mro__" else left[1:]) == (right if name != "__mro__" else right[1:]), name
    assert typed.__annotations__ == ours.__annotations__ == {"x": int, "y": int, "label": str | None}
    assert (
        str(inspect.signature(typed))
        == str(inspect.signature(ours))
        == "(x: int, y: int = 0, label: str | None = None)"
    )
    assert ours.__new__.__doc__ == typed.__new__.__doc__
    assert ours.x.__doc__ == typed.x.__doc__
    assert type(ours) is type(typed) is type
    assert set(vars(typed)) ^ set(vars(ours)) == {"__orig_bases__"}  # typing's record of its own base, alone
    assert not hasattr(ours(1), "__dict__")


@pytest.mark.parametrize(
    "call",
    [
        lambda cls: cls(1),
        lambda cls: cls(1, 2, "a"),
        lambda cls: cls(x=1, label="a"),
        lambda cls: cls(label="a", x=3, y=4),
        lambda cls: cls(),
        lambda cls: cls(1, 2, 3, 4),
        lambda cls: cls(1, x=2),
        lambda cls: cls(1, z=2),
        lambda cls: cls(1)._replace(y=5),
        lambda cls: cls(1)._replace(z=5),
        lambda cls: cls._make([1, 2, "b"]),
        lambda cls: cls._make([1, 2]),
        lambda cls: cls(1, 2)._asdict(),
        lambda cls: cls(1, 2).norm,
        lambda cls: cls(1, 2).moved(3),
        lambda cls: cls.origin(),
        lambda cls: cls.unit(),
        lambda cls: cls(1, 2) == (1, 2, None),
        lambda cls: hash(cls(1, 2)) == hash((1, 2, None)),
        lambda cls: cls(1, 2) < cls(1, 3),
        lambda cls: tuple(cls(1, 2)),
        lambda cls: cls(1, 2)[1],
        lambda cls: cls(1, 2).__getnewargs__(),
        lambda cls: copy.copy(cls(1, 2, "c")),
        lambda cls: copy.deepcopy(cls(1, 2, "c")),
        lambda cls: pickle.loads(pickle.dumps(cls(1, 2, "c"))),
        lambda cls: pickle.loads(pickle.dumps(cls(1, 2, "c"), protocol=0)),
        lambda cls: setattr(cls(1), "x", 2),
        lambda cls: setattr(cls(1), "z", 2),
    ],
)
def test_instances_behave_the_same(call: Any) -> None:
    typed, ours = (outcome(lambda cls=cls: call(cls)) for cls in BOTH)
    assert typed == ours


@pytest.mark.parametrize(
    "body",
    [
        "x: int = 0\n    y: int",  # a field without a default after one with a default
        "x: int\n    def _replace(self): pass",  # a name namedtuple needs
        "x: int\n    __slots__ = ('z',)",
    ],
)
def test_classes_refused_alike(body: str) -> None:
    refused = []
    for base in (typing.NamedTuple, tuples.NamedTuple):
        with pytest.raises((TypeError, AttributeError)) as raised:
            exec(f"class Bad(base):\n    {body}", {"base": base, "__name__": "bad"})
        refused.append(raised.type)
    assert refused[0] is refused[1]


def test_an_empty_and_a_one_field_class() -> None:
    for body in ("pass", "only: str"):
        made = [
            exec(f"class One(base):\n    {body}", space := {"base": base, "__name__": "m"}) or space["One"]
            for base in (typing.NamedTuple, tuples.NamedTuple)
        ]
        assert made[0]._fields == made[1]._fields
        assert made[0].__doc__ == made[1].__doc__
        arguments = ("a",) if made[0]._fields else ()
        assert repr(made[0](*arguments)) == repr(made[1](*arguments))


def test_every_named_tuple_of_the_package_has_the_signature_its_fields_say() -> None:
    """Each class's ``__new__`` takes its fields by position or name, with the defaults the class declares."""
    checked = 0
    for found in pkgutil.walk_packages(twins_cli.__path__, "twins_cli."):
        if found.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(found.name)).values():
            if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == found.name:
                parameters = inspect.signature(value).parameters
                assert tuple(parameters) == value._fields
                defaults = {name: p.default for name, p in parameters.items() if p.default is not p.empty}
                assert defaults == value._field_defaults
                checked += 1
    assert checked > 30


def test_the_accessor_for_another_python_reads_as_cpythons() -> None:
    """Where CPython's ``_tuplegetter`` is missing, a property gives the same value and doc."""
    from _collections import _tuplegetter  # type: ignore[import-not-found]

    class Pair(tuple[int, int]):
        ours = tuples._property_getter(1, "Alias for field number 1")
        theirs = _tuplegetter(1, "Alias for field number 1")

    pair = Pair((3, 4))
    assert pair.ours == pair.theirs == 4
    assert Pair.ours.__doc__ == Pair.theirs.__doc__
    with pytest.raises(AttributeError):
        pair.ours = 5


@pytest.mark.parametrize("count", [0, 1, 2, 22, 23, 30])
def test_written_and_compiled_constructors_alike(count: int) -> None:
    """``__new__`` comes written out for up to 22 fields and compiled beyond: both as typing makes it."""
    body = "\n    ".join(f"f{index}: int = {index}" for index in range(count)) or "pass"
    made = [
        exec(f"class Many(base):\n    {body}", space := {"base": base, "__name__": "m"}) or space["Many"]
        for base in (typing.NamedTuple, tuples.NamedTuple)
    ]
    assert str(inspect.signature(made[0])) == str(inspect.signature(made[1]))
    values = tuple(range(100, 100 + count))
    assert tuple(made[0](*values)) == tuple(made[1](*values)) == values
    assert tuple(made[1]()) == tuple(range(count))
    assert outcome(lambda: made[0](*values, 1)) == outcome(lambda: made[1](*values, 1))
