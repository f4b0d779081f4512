"""Moodle XML (.moodle.xml): the decks in the format of Moodle's own question export.

The format is https://docs.moodle.org/en/Moodle_XML_format. Each deck is a category
question (`$course$/top/` + its title, "A::B" -> "A/B" as in the gift export), then:

- choice -> `multichoice` (one right answer, 100 %; the others 0 %), shuffled by Moodle;
- short and cloze -> `shortanswer` with every accepted form at 100 %, case-insensitive;
  a cloze prompt keeps its blank (`_____`) in the text;
- truefalse -> `truefalse`.

The source sentence is the general feedback. Question text and feedback are HTML (the
deck's text escaped, so "<b>" shows as typed); answers are plain text, compared by Moodle
with what a student types. All text sits in CDATA sections, a "]]>" in it split across two.
XML 1.0 cannot hold control characters, so those (and what `_safetext` strips anywhere a
reader sees text) are left out.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from pathlib import Path

from quizgen._deck import Deck, Question
from quizgen._render import RenderOptions
from quizgen._render._textfile import exported, write_text_export
from quizgen._render.gift import category_path
from quizgen._safetext import strip_unsafe

__all__ = ["OPTIONS", "SUFFIX", "cdata", "moodle_text", "render"]

SUFFIX = ".moodle.xml"
# No choices of its own: the common ones say which questions.
OPTIONS = RenderOptions
# Code points XML 1.0 forbids that strip_unsafe keeps: lone surrogates, U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def render(decks: Sequence[Deck], out_path: Path, options: RenderOptions) -> list[Path]:
    """Write every deck's active questions as Moodle XML at `out_path`; returns [out_path].

    Raises RenderError for no decks or an output path that is a folder.
    """
    return write_text_export("moodle", SUFFIX, decks, out_path, lambda: moodle_text(decks, options))


def moodle_text(decks: Sequence[Deck], options: RenderOptions) -> str:
    """The whole file: `<quiz>` with a category question per deck, then its questions."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<!-- Made by quizgen. -->", "<quiz>"]
    for deck in decks:
        out.append(
            '  <question type="category">\n'
            f"    <category><text>{cdata('$course$/top/' + category_path(deck.title))}</text>"
            "</category>\n  </question>"
        )
        out.extend(_question(q) for q in exported(deck, options))
    out.append("</quiz>")
    return "\n".join(out) + "\n"


def cdata(text: str) -> str:
    """`text` as CDATA: a "]]>" inside is split over two sections, so it stays text."""
    clean = _NOT_XML.sub("", strip_unsafe(text))
    return "<![CDATA[" + clean.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _html(text: str) -> str:
    return cdata(html.escape(text, quote=False).replace("\n", "<br>"))


def _question(q: Question) -> str:
    if q.type == "choice":
        qtype = "multichoice"
        answers = [(100 if c == q.answer else 0, c) for c in q.choices]
        extra = (
            "<single>true</single><shuffleanswers>true</shuffleanswers>"
            "<answernumbering>abc</answernumbering>"
        )
    elif q.type == "truefalse":
        qtype, extra = "truefalse", ""
        truth = q.answer.strip().lower() == "true"
        answers = [(100 if truth else 0, "true"), (0 if truth else 100, "false")]
    else:
        qtype, extra = "shortanswer", "<usecase>0</usecase>"
        answers = [(100, a) for a in dict.fromkeys(q.answers)]
    answer_xml = "".join(
        f'\n    <answer fraction="{fraction}" format="plain_text"><text>{cdata(text)}</text>'
        '<feedback format="html"><text></text></feedback></answer>'
        for fraction, text in answers
    )
    return (
        f'  <question type="{qtype}">\n'
        f"    <name><text>{cdata(q.id)}</text></name>\n"
        f'    <questiontext format="html"><text>{_html(q.prompt)}</text></questiontext>\n'
        f'    <generalfeedback format="html"><text>{_html(q.context)}</text></generalfeedback>\n'
        "    <defaultgrade>1</defaultgrade><penalty>0.3333333</penalty><hidden>0</hidden>\n"
        f"    <idnumber>{cdata(q.id)}</idnumber>{extra}{answer_xml}\n"
        "  </question>"
    )
