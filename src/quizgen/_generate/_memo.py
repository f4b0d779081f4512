"""Memoizing by identity: what generation derives from one parsed sentence or source, once.

A sentence of a run-on list can name hundreds of people, and generation asks the same
questions of it for every one of them (its clauses, its text around a name): computed per
name, a long sentence made generation quadratic in its length. `Sentence` and `Facts` are
unhashable dataclasses, so `functools.lru_cache` cannot key on them; this cache keys on
`id()` and holds only a weak reference, so a source's parse is still freed when generation
drops it (and an `id()` reused by a later object is never mistaken for the old one).

The objects must not change once looked at: generation only reads the parse.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

R = TypeVar("R")


def by_identity(fn: Callable[[Any], R]) -> Callable[[Any], R]:
    """`fn(obj)` computed once per live object `obj` (which must take weak references)."""
    cache: dict[int, tuple[weakref.ref[Any], R]] = {}

    @wraps(fn)
    def memoized(obj: Any) -> R:
        key = id(obj)
        hit = cache.get(key)
        if hit is not None and hit[0]() is obj:
            return hit[1]
        value = fn(obj)
        # the entry goes with its object: the callback runs before its id can be reused
        cache[key] = (weakref.ref(obj, lambda _, k=key: cache.pop(k, None)), value)
        return value

    return memoized
