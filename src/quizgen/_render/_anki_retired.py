"""Notes retired since the last export: rejected or deleted questions Anki still holds.

An .apkg import cannot delete notes, so a question rejected or deleted after its deck was
imported stays in the person's collection, unmarked. When a package is rebuilt, every
note of the previous export (its manifest) whose question is now rejected, or gone from
a deck that is still exported, is written once more: same GUID, same fields, its tags
plus `quizgen::retired`, in a "DECK::Retired" subdeck (Anki leaves an imported card in
its deck, so the tag is what finds it: search `tag:quizgen::retired`).

The fields come from the previous package beside the manifest (a deleted question is no
longer in the deck); a rejected question is rebuilt from the deck when that package is
gone. The manifest lists them apart ("retired"), so the next export does not send them
again.
"""

from __future__ import annotations

import sqlite3
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from quizgen._deck import Deck, Question, derive_deck_id
from quizgen._render._anki_models import NOTE_TYPES

RETIRED_TAG = "quizgen::retired"
RETIRED_SEARCH = f"tag:{RETIRED_TAG}"
RETIRED_SUBDECK = "Retired"
_QTYPE_BY_MODEL = {nt.id: qtype for qtype, nt in NOTE_TYPES.items()}


@dataclass(frozen=True)
class OldNote:
    """A note as the previous package holds it."""

    guid: str
    qtype: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck_id: int


def retired_notes(
    decks: Sequence[Deck],
    previous_guids: Sequence[str],
    old_package: Path,
    guid_of: Callable[[int, str], str],
    spec_of: Callable[[Deck, Question], tuple[str, tuple[str, ...], tuple[str, ...]]],
) -> list[tuple[Deck, list[OldNote]]]:
    """The notes of the last export to send once more as retired, grouped under their
    "DECK::Retired" subdeck (a Deck with no questions, for its title and id).

    `previous_guids` are the notes of the last export; `guid_of(deck_id, question_id)` and
    `spec_of(deck, question) -> (qtype, fields, tags)` are the renderer's own. A note whose
    question is active, or whose deck is not in `decks`, is left alone.
    """
    questions: dict[str, tuple[Deck, Question]] = {
        guid_of(deck.stable_id, q.id): (deck, q) for deck in decks for q in deck.questions
    }
    candidates = [
        g for g in previous_guids if g not in questions or questions[g][1].status == "rejected"
    ]
    if not candidates:
        return []
    old = read_old_notes(old_package, set(candidates))
    by_id = {deck.stable_id: deck for deck in decks}
    grouped: dict[int, list[OldNote]] = {}
    for guid in candidates:
        note = old.get(guid)
        if note is None and guid in questions:  # rejected, and no old package to copy
            deck, q = questions[guid]
            qtype, fields, tags = spec_of(deck, q)
            note = OldNote(guid, qtype, fields, tags, deck.stable_id)
        if note is None or note.deck_id not in by_id:
            continue  # deleted from a deck this export does not hold: not ours to judge
        tags = tuple(dict.fromkeys((*note.tags, RETIRED_TAG)))
        grouped.setdefault(note.deck_id, []).append(
            OldNote(note.guid, note.qtype, note.fields, tags, note.deck_id)
        )
    out = []
    for deck_id, notes in grouped.items():
        title = f"{by_id[deck_id].title.strip()}::{RETIRED_SUBDECK}"
        out.append((Deck(title=title, deck_id=derive_deck_id(title)), notes))
    return out


def read_old_notes(package: Path, guids: set[str]) -> dict[str, OldNote]:
    """The notes with these GUIDs in a package quizgen wrote; empty when it is missing or
    not readable (nothing to copy then, which is not an error)."""
    try:
        with zipfile.ZipFile(package) as zf:
            data = zf.read("collection.anki2")
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        rows = conn.execute(
            "SELECT n.guid, n.mid, n.flds, n.tags, MIN(c.did) FROM notes n"
            " JOIN cards c ON c.nid = n.id GROUP BY n.id"
        ).fetchall()
    except sqlite3.Error:
        return {}
    finally:
        conn.close()
    out = {}
    for guid, mid, flds, tags, did in rows:
        qtype = _QTYPE_BY_MODEL.get(mid)
        fields = tuple(str(flds).split("\x1f"))
        if guid in guids and qtype and len(fields) == len(NOTE_TYPES[qtype].fields):
            out[guid] = OldNote(guid, qtype, fields, tuple(str(tags).split()), did)
    return out
