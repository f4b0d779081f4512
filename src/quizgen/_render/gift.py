"""Moodle GIFT (.gift): the decks as a text file Moodle's question bank imports.

The grammar is Moodle's (https://docs.moodle.org/en/GIFT_format): `$CATEGORY:` lines,
`::name::[plain]text{answers####general feedback}` questions separated by blank lines.

- choice -> multiple choice (`{=right ~wrong ~wrong}`); short -> short answer with every
  accepted form (`{=answer =alias}`); cloze -> the same, the answer block standing where
  the blank was (GIFT's "missing word"); truefalse -> `{T}` or `{F}`.
- Each deck is a `$CATEGORY:` named by its title ("A::B", an Anki subdeck, is category
  "A/B"; a "/" in a title is written "//", as Moodle's category paths read it).
- The source sentence is the question's general feedback, shown after answering.
- Text is `[plain]`: a "<b>" in a deck is shown as typed, never as markup. GIFT's special
  characters `~ = # { } :` and the backslash are escaped with a backslash, and a line break
  is written `\\n`, so no text can end a question, open an answer or start a comment.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from quizgen._deck import BLANK_RE, Deck, Question
from quizgen._render import RenderOptions
from quizgen._render._textfile import exported, write_text_export

__all__ = ["OPTIONS", "SUFFIX", "category_path", "escape", "gift_text", "render"]

SUFFIX = ".gift"
# Moodle's GIFT reader treats these as syntax unless a backslash comes first; the
# backslash itself goes first so that the escapes added after it stay single.
_SPECIAL = "\\~=#{}:"


# No choices of its own: the common ones say which questions.
OPTIONS = RenderOptions


def render(decks: Sequence[Deck], out_path: Path, options: RenderOptions) -> list[Path]:
    """Write every deck's active questions as GIFT at `out_path`; returns [out_path].

    Raises RenderError for no decks or an output path that is a folder.
    """
    return write_text_export("gift", SUFFIX, decks, out_path, lambda: gift_text(decks, options))


def gift_text(decks: Sequence[Deck], options: RenderOptions) -> str:
    """The whole file: per deck a `$CATEGORY:` line, then one question per paragraph."""
    blocks = ["// Made by quizgen. Import in Moodle: Question bank -> Import -> GIFT format."]
    for deck in decks:
        blocks.append(f"$CATEGORY: {category_path(deck.title)}")
        questions = exported(deck, options)
        blocks.extend(_question(q) for q in questions)
    return "\n\n".join(blocks) + "\n"


def category_path(title: str) -> str:
    """A deck title as a Moodle category path: "A::B" -> "A/B", a literal "/" doubled."""
    parts = [" ".join(part.split()) for part in title.split("::")]
    return "/".join(part.replace("/", "//") for part in parts if part)


def escape(text: str) -> str:
    """Text as GIFT reads it back unchanged: specials backslashed, line breaks as `\\n`."""
    for char in _SPECIAL:
        text = text.replace(char, "\\" + char)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _question(q: Question) -> str:
    feedback = f"####{escape(q.context)}" if q.context else ""
    if q.type == "choice":
        answers = " ".join(("=" if c == q.answer else "~") + escape(c) for c in q.choices)
    elif q.type == "truefalse":
        answers = "T" if q.answer.strip().lower() == "true" else "F"
    else:  # short and cloze: every accepted form is a right answer
        answers = " ".join("=" + escape(a) for a in dict.fromkeys(q.answers))
    block = f"{{{answers}{feedback}}}"
    head = f"::{escape(q.id)}::[plain]"
    parts = BLANK_RE.split(q.prompt) if q.type == "cloze" else [q.prompt]
    if len(parts) == 2:  # one blank: the answer box stands in it ("missing word")
        return f"{head}{escape(parts[0])}{block}{escape(parts[1])}"
    return f"{head}{escape(q.prompt)} {block}"
