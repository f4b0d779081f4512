"""Renderers, looked up by the name a user types (`anki`, `pdf`, `tsv` ...).

A renderer is a module with `SUFFIX` (the output file ending) and
`render(decks, out_path, options) -> list[Path]` (the files it wrote, atomically).
The registry imports a renderer only when asked, so `quizgen --help` never loads
reportlab or genanki, and an Anki build never loads reportlab.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from quizgen._deck import Deck
from quizgen._errors import RenderError

_RENDERERS: dict[str, str] = {
    "anki": "quizgen._render.anki",
    "pdf": "quizgen._render.pdf",
}


@dataclass
class RenderOptions:
    """Choices common to every renderer, plus renderer-specific ones in `extra`."""

    seed: int = 0
    kinds: Sequence[str] | None = None
    types: Sequence[str] | None = None
    limit: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


RenderFn = Callable[[Sequence[Deck], Path, RenderOptions], list[Path]]


def renderer_names() -> list[str]:
    """The names `render` accepts."""
    return sorted(_RENDERERS)


def _module(name: str) -> Any:
    try:
        module_name = _RENDERERS[name]
    except KeyError:
        raise RenderError(
            f"unknown output '{name}' (available: {', '.join(renderer_names())})"
        ) from None
    return import_module(module_name)


def renderer_suffix(name: str) -> str:
    """The file ending a renderer writes, e.g. '.apkg'."""
    return str(_module(name).SUFFIX)


def render(
    name: str,
    decks: Sequence[Deck],
    out_path: str | os.PathLike[str],
    options: RenderOptions | None = None,
) -> list[Path]:
    """Render decks with the renderer called `name`; returns the files written.

    Raises RenderError for an unknown name or an output that cannot be made.
    """
    fn: RenderFn = _module(name).render
    return fn(list(decks), Path(out_path), options or RenderOptions())
