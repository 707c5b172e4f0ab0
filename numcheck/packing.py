"""A compact pickled form of numcheck's data classes, for claims sent between processes.

Python pickles a frozen data class with slots as its class and the list of its fields, which
``__setstate__`` sets one by one on a new object after looking the fields up anew: for the
claims of a document (a dozen objects each) that is most of the time of sending them to another
process, at both ends. Here such an object is pickled as a call of its class with its fields
(read at C speed by ``operator.attrgetter``), and unpickled by that call: the same object,
made by the class's own ``__init__``, in a third of the time to pickle and about 60% of the
time to unpickle.

Only numcheck's own data classes whose ``__init__`` takes every field, in order, and does
nothing more (no ``__post_init__``, no pickling of their own) are pickled this way; anything
else is pickled as Python pickles it. ``loads`` is ``pickle.loads``: the form needs nothing
but the classes themselves to be read.
"""

from __future__ import annotations

import copyreg
import dataclasses
import inspect
import io
import operator
import pickle
from collections.abc import Callable
from typing import Any

Reducer = Callable[[Any], tuple[Any, tuple[Any, ...]]]

loads = pickle.loads


def dumps(obj: Any) -> bytes:
    """``obj`` pickled (the highest protocol), numcheck's data classes in the compact form."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _REDUCERS
    pickler.dump(obj)
    return buffer.getvalue()


class _Reducers(dict):
    """The pickler's table of reducers by class (copyreg's own, then the compact form of
    each eligible class, found the first time one is pickled)."""

    def __init__(self) -> None:
        super().__init__(copyreg.dispatch_table)
        self._plain: set[type] = set()

    def __missing__(self, cls: type) -> Reducer:
        if cls not in self._plain:
            reducer = _compact_reducer(cls)
            if reducer is not None:
                self[cls] = reducer
                return reducer
            self._plain.add(cls)
        raise KeyError(cls)  # pickled as Python pickles it


def _compact_reducer(cls: type) -> Reducer | None:
    """``obj -> (cls, fields)`` for a data class of numcheck's that ``cls(*fields)`` makes
    again, else None."""
    module = getattr(cls, "__module__", "") or ""
    if not (module == "numcheck" or module.startswith("numcheck.")):
        return None
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return None
    if any(
        name in vars(base)
        for base in cls.__mro__[:-1]
        for name in ("__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__")
    ):
        return None
    names = tuple(field.name for field in dataclasses.fields(cls))
    try:
        parameters = list(inspect.signature(cls).parameters.values())
    except (TypeError, ValueError):
        return None
    positional = inspect.Parameter.POSITIONAL_OR_KEYWORD
    if [p.name for p in parameters] != list(names) or any(p.kind != positional for p in parameters):
        return None  # a field its __init__ does not take, or takes by keyword only
    if len(names) == 1:
        (name,) = names
        return lambda obj: (cls, (getattr(obj, name),))
    values = operator.attrgetter(*names) if names else lambda obj: ()
    return lambda obj: (cls, values(obj))


_REDUCERS = _Reducers()
