"""PDF worksheets a teacher can hand out as printed: a header to fill in, sections by
question type, shuffled versions A, B, ... and an answer key.

`render(decks, out_path, options)` is the renderer the registry calls for "pdf".
Options (`PdfOptions`): key = "end" (or "same") | "separate" | "none", versions (1-26), split (one
file per version), paper = "a4" | "letter"; plus seed, kinds, types, limit.

Files written, for out_path NAME.pdf:
    NAME.pdf            every version's sheet, then (key=end/same) every version's key
    NAME-key.pdf        the keys, with key=separate
    NAME-A.pdf, ...     with split and several versions (and NAME-A-key.pdf, ...)

reportlab is imported only inside `render`, so importing this module stays cheap.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from quizgen._atomic import write_files_atomic
from quizgen._deck import Deck
from quizgen._errors import RenderError
from quizgen._render import RenderOptions
from quizgen._render.pdf._plan import MAX_VERSIONS, Plan, citation_text, plan_worksheet

__all__ = ["KEYS", "OPTIONS", "PAPERS", "SUFFIX", "MissingGlyphWarning", "PdfOptions", "render"]

SUFFIX = ".pdf"
# "same" is "end" under the name `build --key` uses (the key in the same file).
Key = Literal["end", "same", "separate", "none"]
Paper = Literal["a4", "letter"]
KEYS: tuple[str, ...] = get_args(Key)  # the choices, for messages and the CLI
PAPERS: tuple[str, ...] = get_args(Paper)


@dataclass(frozen=True)
class PdfOptions(RenderOptions):
    """The PDF renderer's options (see the module docstring); `paper` ignores case.

    Raises RenderError for a key, paper or number of versions outside those listed.
    """

    key: Key = "end"
    versions: int = 1
    split: bool = False
    paper: Paper = "a4"

    def __post_init__(self) -> None:
        if self.key not in KEYS:
            raise RenderError(
                f"unknown key placement '{self.key}' (expected one of: {', '.join(KEYS)})"
            )
        paper = str(self.paper).lower()
        if paper not in PAPERS:
            raise RenderError(f"unknown paper '{paper}' (expected one of: {', '.join(PAPERS)})")
        object.__setattr__(self, "paper", paper)  # frozen: the one normalized field
        versions = self.versions
        if not isinstance(versions, int) or isinstance(versions, bool):
            raise RenderError(f"versions must be a whole number, not {versions!r}")
        if not 1 <= versions <= MAX_VERSIONS:
            raise RenderError(f"versions must be between 1 and {MAX_VERSIONS}, not {versions}")


OPTIONS = PdfOptions


class MissingGlyphWarning(UserWarning):
    """Characters of a script that no worksheet font draws (one warning per script)."""


def render(decks: Sequence[Deck], out_path: Path, options: PdfOptions) -> list[Path]:
    """Write the worksheet PDF(s) for `decks` and return every file written.

    Every file is built in memory first and then written atomically, all temp files before
    any rename, so a failure leaves the previous files (a sheet never gets an older key).
    A script no font draws is one MissingGlyphWarning naming the questions it is in.
    Raises RenderError for an output path that is a folder, no question to print, or a
    missing font.
    """
    key, versions, split, paper = options.key, options.versions, options.split, options.paper
    if Path(out_path).is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {SUFFIX}")
    plan = plan_worksheet(
        decks,
        versions=versions,
        seed=options.seed,
        kinds=options.kinds,
        types=options.types,
        limit=options.limit,
    )
    from quizgen._render.pdf._scripts import missing_scripts

    for message in missing_scripts(_printed_texts(plan)):
        warnings.warn(message, MissingGlyphWarning, stacklevel=2)

    from quizgen._render.pdf._layout import Layout, Part

    layout = Layout(plan, paper)
    out_path = Path(out_path)
    files: list[tuple[Path, bytes]] = []
    groups = [[v] for v in plan.versions] if split and versions > 1 else [plan.versions]
    for group in groups:
        suffix = f"-{group[0].letter}" if len(groups) > 1 else ""
        sheets = [Part("sheet", v) for v in group]
        keys = [Part("key", v) for v in group]
        title = plan.title + (f" — Version {group[0].letter}" if suffix else "")
        subject = _subject(plan, "Worksheet")
        main = sheets + keys if key in ("end", "same") else sheets
        files.append((_named(out_path, suffix), layout.build(main, title, subject)))
        if key == "separate":
            files.append(
                (
                    _named(out_path, f"{suffix}-key"),
                    layout.build(keys, f"{title} — Answer key", _subject(plan, "Answer key")),
                )
            )
    return write_files_atomic(files)


def _named(out_path: Path, tail: str) -> Path:
    """NAME.pdf -> NAME{tail}.pdf beside it."""
    suffix = out_path.suffix or SUFFIX
    return out_path.with_name(
        f"{out_path.stem if out_path.suffix else out_path.name}{tail}{suffix}"
    )


def _subject(plan: Plan, what: str) -> str:
    sources = "; ".join(citation_text(ref) for ref in plan.citations[:3])
    letters = [v.letter for v in plan.versions if v.letter]
    versions = f", versions {letters[0]}-{letters[-1]}" if letters else ""
    made = f" from {sources}" if sources else ""
    return f"{what}: {plan.count} question{'s' * (plan.count != 1)}{versions}{made}"


def _printed_texts(plan: Plan) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the worksheet and key print, to check the font covers it."""
    yield "the deck title", plan.title
    for ref in plan.citations:
        yield f"source {ref.path}", citation_text(ref) + (ref.url or "")
    for item in plan.versions[0].items:
        q = item.question
        for value in (q.prompt, q.answer, q.context, *q.accept, *q.choices):
            yield q.id, value
