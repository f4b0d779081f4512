"""Renderers, looked up by the name a user types (`anki`, `pdf`, `tsv` ...).

A renderer is a module with `SUFFIX` (the output file ending), `OPTIONS` (its typed
options class, a `RenderOptions` subclass) and
`render(decks, out_path, options) -> list[Path]` (the files it wrote, atomically).
The registry imports a renderer only when asked, so `quizgen --help` never loads
reportlab or genanki, and an Anki build never loads reportlab.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizgen._errors import RenderError

if TYPE_CHECKING:
    # Only for annotations: the CLI reads `renderer_names()` for its `--help`, which must
    # not load the deck model (or YAML) just to list names.
    from quizgen._deck import Deck

_RENDERERS: dict[str, str] = {
    "anki": "quizgen._render.anki",
    "pdf": "quizgen._render.pdf",
    # The exports of issue 14: where teachers and learners already work.
    "tsv": "quizgen._render.tsv",
    "json": "quizgen._render.json",
    "gift": "quizgen._render.gift",
    "moodle": "quizgen._render.moodle",
    "qti": "quizgen._render.qti",
    "html": "quizgen._render.html",
}

# What `build` makes when no `--to` is given: the package to study and the worksheet to
# print; the exports are asked for by name.
DEFAULT_TARGETS = ("anki", "pdf")


@dataclass(frozen=True)
class RenderOptions:
    """Choices every renderer takes: which questions, and the seed for any shuffling.

    `kinds`/`types` keep only those (None: all), `limit` caps the count per deck. Each
    renderer adds its own choices in a subclass (`AnkiOptions`, `PdfOptions`); a plain
    RenderOptions gives a renderer its defaults for the rest.
    """

    seed: int = 0
    kinds: Sequence[str] | None = None
    types: Sequence[str] | None = None
    limit: int | None = None


RenderFn = Callable[[Sequence["Deck"], Path, RenderOptions], list[Path]]


def renderer_names() -> list[str]:
    """The names `render` accepts, sorted: the words a user types after `--to`."""
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


def renderer_options(name: str) -> type[RenderOptions]:
    """The typed options class of a renderer, e.g. PdfOptions for 'pdf'."""
    options: type[RenderOptions] = _module(name).OPTIONS
    return options


def render(
    name: str,
    decks: Sequence[Deck],
    out_path: str | os.PathLike[str],
    options: RenderOptions | None = None,
) -> list[Path]:
    """Render decks with the renderer called `name`; returns the files written.

    `options` is the renderer's own options class or a plain RenderOptions (the
    renderer's defaults for the rest). Raises RenderError for an unknown name, options
    of another renderer, an output that is one of the decks' files (`Deck.origin`), or an
    output that cannot be made.
    """
    module = _module(name)
    out = Path(out_path)
    typed = _typed(name, module.OPTIONS, options)
    _refuse_overwriting(out, decks, module.SUFFIX)
    fn: RenderFn = module.render
    return fn(list(decks), out, typed)


def _typed(name: str, cls: type[RenderOptions], options: RenderOptions | None) -> RenderOptions:
    if options is None:
        return cls()
    if isinstance(options, cls):
        return options
    if type(options) is RenderOptions:
        return cls(**{f.name: getattr(options, f.name) for f in fields(RenderOptions)})
    raise RenderError(
        f"{name}: options must be {cls.__name__} or RenderOptions, not {type(options).__name__}"
    )


def _refuse_overwriting(out: Path, decks: Sequence[Deck], suffix: str) -> None:
    """Raise RenderError when `out` is the file a deck was loaded from.

    `quizgen anki deck.yaml -o deck.yaml` (or `render("anki", decks, "deck.yaml")`)
    replaced the deck, and every edit in it, with a zip file.
    """
    for deck in decks:
        if deck.origin is None:
            continue
        try:
            same = os.path.samefile(out, deck.origin)
        except OSError:  # either does not exist (yet): not the same file
            same = False
        if same:
            raise RenderError(
                f"{out}: is a deck being read, not an output; "
                f"write to another file such as {out.with_suffix(suffix)}"
            )
