"""Immutable records, written as annotated classes.

`typing.NamedTuple` would do the same, but importing `typing` costs a cold
`evaluate` about 7 ms of a 60 ms budget. `@record` reads the class's
annotations (left unevaluated by `from __future__ import annotations`) and
builds the record on `collections.namedtuple`; methods and docstrings stay.
"""
from __future__ import annotations

from collections import namedtuple

_SKIP = frozenset({"__dict__", "__weakref__", "__annotations__"})


def record(cls: type) -> type:
    fields = list(cls.__dict__.get("__annotations__", {}))
    with_default = [f for f in fields if f in cls.__dict__]
    if with_default != fields[len(fields) - len(with_default):]:
        raise TypeError(f"{cls.__name__}: fields with defaults must come last")
    base = namedtuple(cls.__name__, fields, defaults=[cls.__dict__[f] for f in with_default] or None,
                      module=cls.__module__)
    body = {k: v for k, v in cls.__dict__.items() if k not in _SKIP and k not in fields}
    body["__slots__"] = ()
    made = type(cls.__name__, (base,), body)
    made.__qualname__ = cls.__qualname__
    return made
