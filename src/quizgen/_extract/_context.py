"""Kinds read from the words around a name, over the whole text (issue 11).

The small model tags a name by its own shape: "Sweden" is a place, "Vogue" a person,
"Alpine Seed Library" nothing. What the sentence says around it often settles the kind:
"Sweden defeated South Korea" in a match report names teams, "Vogue magazine" a
publication, "sons Clarence, Edward, Ted, and Kecalf" four people. Each rule (`_names`:
whole names and people; `_cues`: the other kinds) reads one such cue and settles a span,
or a name for every mention of it ("Irène" is a person
in every sentence once "their first daughter, Irène" said so). Runs on the light parse
before the span rules of `_spans`, which then only trim a settled span.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quizgen._extract import _bodies, _cues, _headed, _names, _people, _tables
from quizgen._extract._found import NAME_LABELS, Found, name_text
from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence


def context_spans(sentences: Sequence[Sentence], spans: list[Span]) -> list[Span]:
    """The spans with what the words around them say applied: new names the tagger missed
    ("Alpine Seed Library"), and names whose kind the context settles, mention by mention
    or for the whole text. Rules run in order; the first to settle a name wins."""
    found = Found(sentences, spans)
    for rule in _RULES:
        rule(found)
        found.merge()
    out = []
    for s in found.spans:
        decided = found.names.get(name_text(sentences[s.sent_index], s.start, s.end))
        if decided is None or s.label not in NAME_LABELS:
            out.append(s)
        elif decided[0]:
            out.append(Span(s.sent_index, s.start, s.end, decided[0], True, decided[1]))
    return out


# The rules in order: a table's columns first (a header says the most), a body glued to a person split first, whole names and people next (so the others see whole names), people
# the tagger called places, bodies it called people, then the kinds the words around a name give.
_RULES: tuple[Callable[[Found], None], ...] = (
    *_tables.RULES,
    *_headed.RULES,
    *_names.RULES,
    *_people.RULES,
    *_bodies.RULES,
    *_cues.RULES,
)
