"""Anki text import (.tsv): the notes of the .apkg as a spreadsheet a learner can edit.

The file starts with Anki's file headers (https://docs.ankiweb.net/importing/text-files.html,
"File Headers"), so File → Import needs no choices: tab-separated, fields are HTML, and the
GUID, note type, deck and tags each have their column. The layout is the one Anki's own
"Notes in Plain Text" export writes: GUID, note type, deck, the note's fields, then tags;
rows are padded to the widest note type so the tags column is the same on every row.

Every row is the note `quizgen._render.anki.note_spec` makes for the .apkg, with the same
GUID and note type name and the same field text: importing the .apkg and this file, in
either order, gives one note per question, the later import updating the earlier.
The note types come with the .apkg; a collection that never imported a quizgen package
must import one first (Anki reports the rows of a missing note type as such).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from quizgen._deck import Deck
from quizgen._render import RenderOptions
from quizgen._render._anki_models import NOTE_TYPES
from quizgen._render._textfile import exported, write_text_export
from quizgen._render.anki import note_spec

__all__ = ["OPTIONS", "SUFFIX", "render", "tsv_text"]

SUFFIX = ".tsv"
_WIDTH = max(len(nt.fields) for nt in NOTE_TYPES.values())
# 1-based, as in Anki's headers: guid, notetype, deck, fields..., tags.
_TAGS_COLUMN = 3 + _WIDTH + 1


# No choices of its own: the common ones say which questions.
OPTIONS = RenderOptions


def render(decks: Sequence[Deck], out_path: Path, options: RenderOptions) -> list[Path]:
    """Write every deck's active questions as Anki text-import rows at `out_path`.

    Returns [out_path]. Raises RenderError for no decks or an output path that is a folder.
    """
    return write_text_export("tsv", SUFFIX, decks, out_path, lambda: tsv_text(decks, options))


def tsv_text(decks: Sequence[Deck], options: RenderOptions) -> str:
    """The whole file: Anki's headers, then one row per active question of each deck."""
    buffer = io.StringIO()
    buffer.write(
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n"
        f"#tags column:{_TAGS_COLUMN}\n"
    )
    # Anki reads fields with RFC 4180 quoting: a field holding a tab, a quote or a line
    # break is quoted, its quotes doubled. Fields are HTML, so line breaks are <br> already.
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for deck in decks:
        questions = exported(deck, options)
        for question in questions:
            spec = note_spec(deck, question)
            padding = [""] * (_WIDTH - len(spec.fields))
            writer.writerow(
                [
                    spec.guid,
                    NOTE_TYPES[spec.qtype].name,
                    deck.title.strip(),
                    *spec.fields,
                    *padding,
                    " ".join(spec.tags),
                ]
            )
    return buffer.getvalue()
