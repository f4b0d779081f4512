"""The four Anki note types quizgen writes: fixed ids, fields, card templates and CSS.

The ids are constants, never drawn at run time: Anki recognises a note type by its id,
so a rebuilt package updates the note types already in a collection instead of adding
"quizgen Basic-1a2b3" copies. Change a note type's *fields* only with a new id.

Plain data here; `genanki_models()` turns it into genanki objects (genanki is imported
only then, so importing this module stays cheap).
"""

from __future__ import annotations

import hashlib
from dataclasses import astuple, dataclass
from functools import cache
from typing import Any


@dataclass(frozen=True)
class NoteType:
    """One note type: Anki id, name, field names, card templates and whether it is a cloze."""

    id: int
    name: str
    fields: tuple[str, ...]
    front: str
    back: str
    cloze: bool = False


_SOURCE = '{{#Source}}<div class="qz-source">{{Source}}</div>{{/Source}}'
_CONTEXT = '{{#Context}}<div class="qz-context">{{Context}}</div>{{/Context}}'

BASIC = NoteType(
    id=1705089059,
    name="quizgen Basic",
    fields=("Front", "Back", "Context", "Source"),
    front='<div class="qz"><div class="qz-prompt">{{Front}}</div></div>',
    back=(
        '<div class="qz"><div class="qz-prompt">{{Front}}</div>'
        '<hr id="answer"><div class="qz-answer">{{Back}}</div>' + _CONTEXT + _SOURCE + "</div>"
    ),
)

CLOZE = NoteType(
    id=2112624785,
    name="quizgen Cloze",
    fields=("Text", "Extra"),
    front=(
        '<div class="qz"><div class="qz-label">Fill in the blank</div>'
        '<div class="qz-prompt">{{cloze:Text}}</div></div>'
    ),
    back=(
        '<div class="qz"><div class="qz-label">Fill in the blank</div>'
        '<div class="qz-prompt">{{cloze:Text}}</div>'
        '{{#Extra}}<hr id="answer">{{Extra}}{{/Extra}}</div>'
    ),
    cloze=True,
)

# The back repeats the choices inside `.qz-back`, where CSS marks the `.qz-right` one:
# no script, so it works the same in Anki, AnkiDroid and AnkiMobile.
CHOICE = NoteType(
    id=2092777626,
    name="quizgen Multiple choice",
    fields=("Question", "Choices", "Answer", "Context", "Source"),
    front=(
        '<div class="qz qz-front"><div class="qz-label">Choose one</div>'
        '<div class="qz-prompt">{{Question}}</div>{{Choices}}</div>'
    ),
    back=(
        '<div class="qz qz-back"><div class="qz-label">Choose one</div>'
        '<div class="qz-prompt">{{Question}}</div>{{Choices}}'
        '<hr id="answer"><div class="qz-answer">{{Answer}}</div>' + _CONTEXT + _SOURCE + "</div>"
    ),
)

TRUEFALSE = NoteType(
    id=1226410806,
    name="quizgen True/False",
    fields=("Statement", "Answer", "Context", "Source"),
    front=(
        '<div class="qz"><div class="qz-label">True or false?</div>'
        '<div class="qz-prompt">{{Statement}}</div></div>'
    ),
    back=(
        '<div class="qz"><div class="qz-label">True or false?</div>'
        '<div class="qz-prompt">{{Statement}}</div>'
        '<hr id="answer"><div class="qz-answer">{{Answer}}</div>' + _CONTEXT + _SOURCE + "</div>"
    ),
)

NOTE_TYPES = {"short": BASIC, "cloze": CLOZE, "choice": CHOICE, "truefalse": TRUEFALSE}

# Colours live in variables so night mode only swaps the palette. Anki desktop puts
# `nightMode` on the card's body, AnkiDroid `night_mode`: both are covered.
CSS = """\
.card {
  --qz-text: #1f2328;
  --qz-muted: #5f6b76;
  --qz-bg: #ffffff;
  --qz-panel: #f4f6f8;
  --qz-line: #d0d7de;
  --qz-accent: #0b62c4;
  --qz-right: #1a7f37;
  --qz-right-bg: #e3f6e8;
  --qz-wrong: #c62828;
  --qz-mark: #fff0a8;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans",
    "Helvetica Neue", Arial, sans-serif;
  font-size: 20px;
  line-height: 1.45;
  text-align: left;
  color: var(--qz-text);
  background: var(--qz-bg);
  overflow-wrap: anywhere;
}
.card.nightMode, .card.night_mode, .nightMode .card, .night_mode .card {
  --qz-text: #e6e6e6;
  --qz-muted: #a3acb5;
  --qz-bg: #1e1f22;
  --qz-panel: #2a2c30;
  --qz-line: #454a52;
  --qz-accent: #6cb6ff;
  --qz-right: #57d47a;
  --qz-right-bg: #1f3a28;
  --qz-wrong: #ff7b72;
  --qz-mark: #5c4d12;
}
.qz { max-width: 34em; margin: 0 auto; padding: 0.5em 0.25em; }
.qz-label {
  font-size: 0.7em; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase;
  color: var(--qz-muted); margin-bottom: 0.35em;
}
.qz-prompt { font-size: 1.1em; font-weight: 500; }
.qz-answer { font-size: 1.2em; font-weight: 700; color: var(--qz-right); }
.qz-also { font-size: 0.7em; font-weight: 400; color: var(--qz-muted); margin-top: 0.15em; }
.qz-true { color: var(--qz-right); }
.qz-false { color: var(--qz-wrong); }
.qz-context {
  margin-top: 1em; padding: 0.55em 0.8em; border-left: 3px solid var(--qz-line);
  border-radius: 0 6px 6px 0; background: var(--qz-panel); font-size: 0.85em;
}
.qz-context mark { background: var(--qz-mark); color: inherit; border-radius: 3px; padding: 0 0.1em; }
.qz-source { margin-top: 0.8em; font-size: 0.7em; color: var(--qz-muted); }
.qz-source a { color: var(--qz-accent); text-decoration: none; }
.qz-source a:hover { text-decoration: underline; }
.cloze { font-weight: 700; color: var(--qz-accent); }
hr#answer { border: none; border-top: 1px solid var(--qz-line); margin: 1em 0; }
ol.qz-choices { list-style: none; margin: 0.8em 0 0; padding: 0; }
ol.qz-choices li {
  display: flex; gap: 0.6em; align-items: baseline; margin: 0.4em 0; padding: 0.5em 0.75em;
  border: 1px solid var(--qz-line); border-radius: 8px;
}
.qz-letter { font-weight: 700; color: var(--qz-muted); min-width: 1.1em; }
.qz-back ol.qz-choices li { opacity: 0.55; }
.qz-back ol.qz-choices li.qz-right {
  opacity: 1; font-weight: 600; border: 2px solid var(--qz-right); background: var(--qz-right-bg);
}
.qz-back li.qz-right .qz-letter { color: var(--qz-right); }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .qz { padding: 0.25em 0; }
}
"""


@cache
def note_type_digest(note_type: NoteType) -> str:
    """A hash of everything Anki stores for a note type: a new hash means update it."""
    text = repr((astuple(note_type), CSS))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def _to_genanki(note_type: NoteType) -> Any:
    import genanki

    return genanki.Model(
        note_type.id,
        note_type.name,
        fields=[{"name": name} for name in note_type.fields],
        templates=[{"name": "Card 1", "qfmt": note_type.front, "afmt": note_type.back}],
        css=CSS,
        model_type=genanki.Model.CLOZE if note_type.cloze else genanki.Model.FRONT_BACK,
    )


@cache
def genanki_models() -> dict[str, Any]:
    """The genanki Model of each question type ('short', 'cloze', 'choice', 'truefalse')."""
    return {qtype: _to_genanki(nt) for qtype, nt in NOTE_TYPES.items()}
