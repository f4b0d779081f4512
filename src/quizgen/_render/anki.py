"""Anki packages (.apkg): one package holding one Anki deck per quizgen deck.

Re-importing a rebuilt package must update the notes a person already studies, in place,
keeping their review history. Three things make that work:

- Note types and decks have fixed ids (`_anki_models`, `Deck.stable_id`).
- A note's GUID comes from its deck's id and the question id, never from its text, so an
  edited question is the same note.
- Anki's default import updates a note only when the package's copy is *newer*. So each
  note carries its own modification time, remembered in a manifest beside the package
  (`NAME.apkg.notes.json`: guid -> [hash of the note's content, mod time]). A note whose
  content is unchanged keeps its old time (re-importing leaves it, and any edit made in
  Anki, alone); a new or changed note gets the build time.

Notes of the previous export whose question is now rejected or deleted are written once
more, tagged `quizgen::retired` (`_anki_retired`); `retired_count` says how many.

With `AnkiOptions(timestamp=...)` every note, card and id takes that fixed time instead,
the manifest is not consulted (nothing is retired), and the package is byte-for-byte
reproducible.
"""

from __future__ import annotations

import base64
import hashlib
import html
import itertools
import json
import math
import re
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from quizgen._atomic import atomic_path
from quizgen._deck import BLANK_RE, Deck, Question, select_questions
from quizgen._errors import RenderError
from quizgen._lexicon import choice_letter
from quizgen._render import RenderOptions
from quizgen._render._anki_models import NOTE_TYPES, genanki_models, note_type_digest
from quizgen._render._anki_retired import RETIRED_SEARCH, RETIRED_TAG, retired_notes

__all__ = [
    "OPTIONS",
    "RETIRED_SEARCH",
    "RETIRED_TAG",
    "SUFFIX",
    "AnkiOptions",
    "manifest_path_for",
    "note_spec",
    "read_manifest",
    "render",
    "retired_count",
]

SUFFIX = ".apkg"
MANIFEST_SUFFIX = ".notes.json"
_MANIFEST_VERSION = 1
_KIND_LABELS = {"date": "date", "actor": "person", "organization": "organization"}
_RETIRED_KEY = "retired:"  # manifest keys of retired notes, apart from the live ones


@dataclass(frozen=True)
class AnkiOptions(RenderOptions):
    """The Anki renderer's options: `timestamp`, Unix seconds from 0 to 2^32, stamps every
    note, card and id with that time (a reproducible package; see the module docstring).

    Raises RenderError for a timestamp that is not such a number.
    """

    timestamp: float | None = None

    def __post_init__(self) -> None:
        _check_timestamp(self.timestamp)


OPTIONS = AnkiOptions


@dataclass(frozen=True)
class NoteSpec:
    """Everything one Anki note holds, as plain data: what the package and manifest need."""

    guid: str
    qtype: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def digest(self) -> str:
        """A hash of the content; a different hash means Anki should update the note."""
        parts = (str(NOTE_TYPES[self.qtype].id), *self.fields, " ".join(self.tags))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def render(decks: Sequence[Deck], out_path: Path, options: AnkiOptions) -> list[Path]:
    """Write every deck into one Anki package at `out_path`; returns [out_path].

    Also (re)writes the note manifest `out_path` + '.notes.json' (see the module docstring).
    Raises RenderError for no decks, two decks with one Anki id or an output path that is
    a folder; nothing is written then.
    """
    out_path = Path(out_path)
    if not decks:
        raise RenderError("anki: no decks to render")
    if out_path.is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {SUFFIX}")
    fixed = _check_timestamp(options.timestamp)
    _check_distinct_ids(decks)
    now = fixed if fixed is not None else time.time()
    manifest_path = manifest_path_for(out_path)
    previous = {} if fixed is not None else read_manifest(manifest_path)

    specs = [(deck, _note_specs(deck, _selected(deck, options))) for deck in decks]
    # Note types are stamped like notes (key "notetype:ID"), so an unchanged note type is
    # not "updated" in the collection on every import.
    digests = {f"notetype:{nt.id}": note_type_digest(nt) for nt in NOTE_TYPES.values()}
    digests.update((note.guid, note.digest) for _deck, notes in specs for note in notes)
    manifest = {
        key: [digest, _mod(previous.get(key), digest, now, fixed is not None)]
        for key, digest in digests.items()
    }
    retired = _retired(decks, previous, out_path)
    for _deck, notes in retired:
        for note in notes:
            # Newer than the imported copy, or Anki would not take the new tag.
            mod = _mod(previous.get(note.guid), note.digest, now, False)
            manifest[f"{_RETIRED_KEY}{note.guid}"] = [note.digest, mod]
    specs += retired

    # Both temp files are written before either is renamed: a manifest that cannot be
    # written (a folder in the way, a full disk) leaves the old package too.
    # The package is opened first so that a folder that cannot be written is reported
    # under the name the user gave.
    with atomic_path(out_path) as tmp, atomic_path(manifest_path) as manifest_tmp:
        write_package(_genanki_decks(specs, manifest), tmp, now, manifest)
        manifest_tmp.write_bytes(_dump_manifest(manifest).encode("utf-8"))
    return [out_path]


def _retired(
    decks: Sequence[Deck], previous: dict[str, tuple[str, int]], out_path: Path
) -> list[tuple[Deck, list[NoteSpec]]]:
    """The previous export's notes now rejected or deleted, as retired notes."""
    if not previous:
        return []

    def spec_of(deck: Deck, q: Question) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        spec = note_spec(deck, q)
        return spec.qtype, spec.fields, spec.tags

    old_guids = [k for k in previous if not k.startswith("notetype:")]
    return [
        (deck, [NoteSpec(n.guid, n.qtype, n.fields, n.tags) for n in notes])
        for deck, notes in retired_notes(decks, old_guids, out_path, _guid, spec_of)
    ]


def retired_count(out_path: str | Path) -> int:
    """How many notes the last build of `out_path` sent once more as retired."""
    try:
        data = json.loads(manifest_path_for(Path(out_path)).read_text(encoding="utf-8"))
        return len(data.get("retired", {}))
    except (OSError, ValueError, AttributeError):
        return 0


def manifest_path_for(out_path: Path) -> Path:
    """Where the note manifest of a package lives: beside it, NAME.apkg.notes.json."""
    return out_path.with_name(out_path.name + MANIFEST_SUFFIX)


def read_manifest(path: Path) -> dict[str, tuple[str, int]]:
    """The key -> (digest, mod) map of the last build; empty when missing or unreadable.

    Keys are note GUIDs, and "notetype:ID" for note types. An unreadable manifest is not
    an error: everything is then stamped as changed, which costs nothing but an update of
    identical notes on the next import.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != _MANIFEST_VERSION:
            return {}
        entries = {f"notetype:{k}": v for k, v in data.get("note_types", {}).items()}
        entries.update(data["notes"])
        return {
            key: (str(entry[0]), int(entry[1]))
            for key, entry in entries.items()
            if isinstance(entry, list) and len(entry) == 2
        }
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def _dump_manifest(entries: dict[str, list[Any]]) -> str:
    # One entry a line, sorted: a diff of two manifests shows which notes changed.
    def block(items: dict[str, list[Any]]) -> str:
        return ",\n".join(f"  {json.dumps(k)}: {json.dumps(items[k])}" for k in sorted(items))

    types = {k.split(":", 1)[1]: v for k, v in entries.items() if k.startswith("notetype:")}
    retired = {k[len(_RETIRED_KEY) :]: v for k, v in entries.items() if k.startswith(_RETIRED_KEY)}
    notes = {k: v for k, v in entries.items() if ":" not in k}
    # Retired notes are listed apart: the next build reads only "notes" as its previous
    # export, so a note is sent as retired once.
    tail = f',\n"retired": {{\n{block(retired)}\n}}' if retired else ""
    return (
        f'{{"version": {_MANIFEST_VERSION},\n"note_types": {{\n{block(types)}\n}},\n'
        f'"notes": {{\n{block(notes)}\n}}{tail}}}\n'
    )


def _mod(previous: tuple[str, int] | None, digest: str, now: float, fixed: bool) -> int:
    if fixed:
        return int(now)
    if previous is not None and previous[0] == digest:
        return previous[1]
    # One past the last stamp, so a rebuild within the same second still counts as newer.
    return max(int(now), previous[1] + 1 if previous is not None else 0)


def _check_timestamp(value: Any) -> float | None:
    if value is None:
        return None
    if (
        isinstance(value, bool)
        or not isinstance(value, (int, float))
        or not math.isfinite(value)
        or not 0 <= value < 2**32
    ):
        raise RenderError(f"anki: timestamp must be Unix seconds from 0 to 2^32, not {value!r}")
    return float(value)


def _check_distinct_ids(decks: Sequence[Deck]) -> None:
    seen: dict[int, str] = {}
    for count, deck in enumerate(decks, 1):
        other = seen.setdefault(deck.stable_id, deck.title)
        if len(seen) < count:
            raise RenderError(
                f"anki: decks '{other}' and '{deck.title}' have the same Anki deck id "
                f"{deck.stable_id}; give one of them another title or 'deck_id'"
            )


def _selected(deck: Deck, options: RenderOptions) -> list[Question]:
    return select_questions(deck.questions, options.kinds, options.types, options.limit)


# --- note content ------------------------------------------------------------------------


def note_guid(deck: Deck, question: Question) -> str:
    """The Anki GUID of a question's note: from the deck id and question id only."""
    return _guid(deck.stable_id, question.id)


def _guid(deck_id: int, question_id: str) -> str:
    # 72 bits as 12 URL-safe base64 characters: no space or quote, so safe in any export.
    key = f"quizgen\x1f{deck_id}\x1f{question_id}".encode()
    return base64.urlsafe_b64encode(hashlib.sha256(key).digest()[:9]).decode("ascii")


def note_spec(deck: Deck, q: Question) -> NoteSpec:
    """The fields and tags of the note for question `q` of `deck` (all text HTML-escaped)."""
    return _note_spec(deck, deck.stable_id, q)


def _note_specs(deck: Deck, questions: list[Question]) -> list[NoteSpec]:
    deck_id = deck.stable_id
    return [_note_spec(deck, deck_id, q) for q in questions]


def _note_spec(deck: Deck, deck_id: int, q: Question) -> NoteSpec:
    ref = deck.source_for(q)
    context = _context_html(q)
    if ref is not None:
        source = _ref_html(ref.title, ref.path, ref.url, ref.author, ref.published)
    else:
        source = _ref_html(None, q.source, None, None, None) if q.source else ""
    if q.type == "cloze":
        # A function, not the answer itself: re.sub reads "\\" and "\\1" in a replacement.
        if _same_text(BLANK_RE.sub(lambda _: q.answer, q.prompt), q.context):
            context = ""  # the revealed cloze already is the source sentence
        extra = "".join(
            f'<div class="{cls}">{body}</div>'
            for cls, body in (
                ("qz-also", _also_html(q)),
                ("qz-context", context),
                ("qz-source", source),
            )
            if body
        )
        fields: tuple[str, ...] = (_cloze_html(q), extra)
    elif q.type == "choice":
        fields = (_esc(q.prompt), _choices_html(q), _choice_answer_html(q), context, source)
    elif q.type == "truefalse":
        verdict = "True" if q.answer.strip().lower() == "true" else "False"
        answer = f'<span class="qz-{verdict.lower()}">{verdict}</span>'
        fields = (_esc(q.prompt), answer, context, source)
    else:
        also = _also_html(q)
        back = _esc(q.answer) + (f'<div class="qz-also">{also}</div>' if also else "")
        fields = (_esc(q.prompt), back, context, source)
    tags = _base_tags(q.kind, q.type, q.template, ref.path if ref else q.source)
    if q.tags:
        tags = tuple(dict.fromkeys((*tags, *(_slug(t, keep_colons=True) for t in q.tags))))
    return NoteSpec(_guid(deck_id, q.id), q.type, fields, tuple(t for t in tags if t))


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _esc(text: str) -> str:
    # Quotes stay plain in text (fewer entities for someone editing the note in Anki).
    return html.escape(text, quote=False).replace("\n", "<br>")


def _href(url: str | None) -> str | None:
    """A link target that is safe in an attribute, or None for anything but http(s)."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    return html.escape(url, quote=True)


def _also_html(q: Question) -> str:
    return "also accepted: " + "; ".join(_esc(a) for a in q.accept) if q.accept else ""


def _cloze_html(q: Question) -> str:
    # Braces and colons become entities so that text can never open or close a cloze.
    def guard(text: str) -> str:
        return _esc(text).replace("{", "&#123;").replace("}", "&#125;")

    parts = BLANK_RE.split(q.prompt)
    if len(parts) < 2:  # load_deck refuses this; a Deck built in code might not
        raise RenderError(f"{q.id}: a cloze prompt needs a blank (____): {q.prompt!r}")
    answer = guard(q.answer).replace(":", "&#58;")
    return f"{{{{c1::{answer}}}}}".join(guard(part) for part in parts)


def _choices_html(q: Question) -> str:
    items = []
    for i, choice in enumerate(q.choices):
        cls = ' class="qz-right"' if choice == q.answer else ""
        items.append(
            f'<li{cls}><span class="qz-letter">{choice_letter(i)}</span><span>{_esc(choice)}</span></li>'
        )
    return f'<ol class="qz-choices">{"".join(items)}</ol>'


def _choice_answer_html(q: Question) -> str:
    letter = choice_letter(q.choices.index(q.answer)) if q.answer in q.choices else ""
    return f"{letter}. {_esc(q.answer)}" if letter else _esc(q.answer)


def _context_html(q: Question) -> str:
    """The source sentence, escaped, with the answer marked where it occurs."""
    if not q.context:
        return ""
    needles = [] if q.type == "truefalse" else [a for a in q.answers if len(a.strip()) > 1]
    out, pos = [], 0
    for start, end in _answer_spans(q.context, needles):
        out.append(_esc(q.context[pos:start]))
        out.append(f"<mark>{_esc(q.context[start:end])}</mark>")
        pos = end
    out.append(_esc(q.context[pos:]))
    return "".join(out)


def _answer_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where the needles occur in `text`, ignoring case, never overlapping.

    The first needle (the answer itself) wins, then the longer alternatives.
    A needle that starts (ends) with a letter or digit must start (end) a word: "1979" is
    not marked inside "19790". Plain `str.find` rather than a regex per question, which
    would cost more than the rest of the note.
    """
    low = text.lower()
    exact = len(low) != len(text)  # lower-casing changed lengths ("İ"): match case exactly
    if exact:
        low = text
    spans: list[tuple[int, int]] = []
    for needle in dict.fromkeys(needles[:1] + sorted(needles[1:], key=len, reverse=True)):
        lowered = needle if exact or len(needle.lower()) != len(needle) else needle.lower()
        start = low.find(lowered)
        while start != -1:
            end = start + len(lowered)
            if (
                not (lowered[0].isalnum() and start > 0 and low[start - 1].isalnum())
                and not (lowered[-1].isalnum() and end < len(low) and low[end].isalnum())
                and all(end <= s or start >= e for s, e in spans)
            ):
                spans.append((start, end))
            start = low.find(lowered, start + 1)
    return sorted(spans)


@lru_cache(maxsize=4096)
def _ref_html(
    title: str | None, path: str, url: str | None, author: str | None, published: str | None
) -> str:
    """A source as cards cite it: title (linked when it has a web address), author, date."""
    name = _esc(title or PurePosixPath(path).name)
    if href := _href(url):
        name = f'<a href="{href}">{name}</a>'
    return " · ".join([name, *(_esc(x) for x in (author, published) if x)])


@lru_cache(maxsize=4096)
def _base_tags(kind: str, qtype: str, template: str, source: str) -> tuple[str, ...]:
    """The tags every note gets: quizgen, kind::, type::, template:: and source::."""
    stem = _slug(PurePosixPath(source).stem)
    return (
        "quizgen",
        f"kind::{_KIND_LABELS.get(kind, kind)}",
        f"type::{qtype}",
        f"template::{_slug(template)}",
        f"source::{stem}" if stem else "",
    )


@lru_cache(maxsize=4096)
def _slug(text: str, keep_colons: bool = False) -> str:
    """A valid Anki tag: lower case, no spaces; `::` kept in a person's tags (hierarchy)."""
    allowed = r"[^\w:-]+" if keep_colons else r"[^\w-]+"
    slug = re.sub(allowed, "-", text.strip().lower())
    return re.sub(r"-{2,}", "-", slug).strip("-:")


# --- the package -------------------------------------------------------------------------


@cache
def _note_class() -> type:
    import genanki

    class StampedNote(genanki.Note):  # type: ignore[misc]
        """A genanki Note with its own modification time.

        genanki stamps every note and card with the package's timestamp; we need the
        time each note last changed, so Anki's "update if newer" sees only real changes.
        """

        def __init__(self, *, mod: int, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.mod = mod

        def write_to_db(self, cursor: Any, timestamp: float, deck_id: int, id_gen: Any) -> None:
            super().write_to_db(cursor, self.mod, deck_id, id_gen)

        def _check_invalid_html_tags_in_fields(self) -> None:
            # That regex warns callers who forget to escape; every field here is built
            # escaped (tests/test_anki.py checks it), and the scan costs ~10% of a build.
            pass

    return StampedNote


def _genanki_decks(
    specs: list[tuple[Deck, list[NoteSpec]]], manifest: dict[str, list[Any]]
) -> list[Any]:
    import genanki

    models = genanki_models()
    note_cls = _note_class()
    out = []
    for deck, notes in specs:
        # "Parent::Child" titles are Anki's own subdeck syntax: Anki makes the parent.
        ga_deck = genanki.Deck(deck.stable_id, deck.title.strip(), _deck_description(deck))
        for position, note in enumerate(notes):
            ga_deck.add_note(
                note_cls(
                    model=models[note.qtype],
                    fields=list(note.fields),
                    tags=list(note.tags),
                    guid=note.guid,
                    due=position,
                    mod=(manifest.get(note.guid) or manifest[_RETIRED_KEY + note.guid])[1],
                )
            )
        out.append(ga_deck)
    return out


def _stamp_note_types(cursor: Any, manifest: dict[str, list[Any]]) -> None:
    # genanki stamps note types with the package time; give each the time it last changed.
    (models_json,) = cursor.execute("SELECT models FROM col").fetchone()
    models = json.loads(models_json)
    for model_id, model in models.items():
        entry = manifest.get(f"notetype:{model_id}")
        if entry is not None:
            model["mod"] = entry[1]
    cursor.execute("UPDATE col SET models = ?", (json.dumps(models),))


def _deck_description(deck: Deck) -> str:
    names = [_ref_html(ref.title, ref.path, ref.url, None, None) for ref in deck.sources]
    return "Made by quizgen" + (" from " + ", ".join(names) if names else "") + "."


def write_package(
    genanki_decks: list[Any],
    path: Path,
    timestamp: float,
    manifest: dict[str, list[Any]] | None = None,
) -> None:
    """Write genanki decks as an .apkg at `path`, every byte determined by the inputs.

    genanki's own `write_to_file` puts the temporary database's mtime into the zip; here
    the collection is built in memory and the zip entries carry `timestamp`. Note types
    get their mod time from `manifest["notetype:ID"]` when it is there.
    """
    import sqlite3

    import genanki

    conn = sqlite3.connect(":memory:")
    try:
        cursor = conn.cursor()
        genanki.Package(genanki_decks).write_to_db(
            cursor, timestamp, itertools.count(int(timestamp * 1000))
        )
        if manifest:
            _stamp_note_types(cursor, manifest)
        conn.commit()
        collection = conn.serialize()
    finally:
        conn.close()
    date_time = time.gmtime(max(timestamp, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            info = zipfile.ZipInfo(name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=1)  # 7x smaller than stored, and fast
