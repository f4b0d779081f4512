"""One hostile deck through every renderer in the registry, each output read back by a
reader of its format: text that could break a format comes through as text."""

from __future__ import annotations

import html
import json
import warnings
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest

from conftest import import_apkg
from gift_reader import read_gift
from moodle_reader import read_moodle
from quizgen._deck import BLANK, Deck, Question
from quizgen._render import render, renderer_names, renderer_suffix

HOSTILE = {
    "markup": "<b>bold</b> <script>alert(1)</script>",
    "amp": "Tom & Jerry &amp; co",
    "quotes": "\"double\" 'single' “curly”",
    "cloze": "{{c1::not a cloze}}",
    "gift": "~=#{}: \\ ####",
    "cdata": "a ]]> b",
    "rtl": "שלום עולם مرحبا",
    "emoji": "🎓 👩🏽‍🏫",
}
TEXT = " | ".join(HOSTILE.values())


def hostile_deck() -> Deck:
    def q(i: int, qtype: str, prompt: str, answer: str, **kw: object) -> Question:
        return Question(id=f"q-h{i}", kind="actor", type=qtype, prompt=prompt, answer=answer,
                        context=f"Context {TEXT}.", source="h.txt", **kw)  # fmt: skip

    return Deck(
        title=f"Hostile {HOSTILE['markup']} {HOSTILE['cdata']}",
        deck_id=4242,
        questions=[
            q(1, "short", f"Who {TEXT}?", f"Answer {TEXT}", accept=[HOSTILE["gift"]]),
            q(2, "cloze", f"Before {TEXT} {BLANK} after.", f"Blank {TEXT}"),
            q(3, "choice", f"Which {TEXT}?", f"Right {TEXT}", choices=[f"Right {TEXT}", "Other"]),
            q(4, "truefalse", f"It is {TEXT}.", "true"),
            q(5, "short", f"Rejected {TEXT}", "never", status="rejected"),
        ],
    )


def _anki_text(col: Collection) -> str:
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    return html.unescape(" ".join(f for n in notes for f in n.fields)) if notes else ""


def read_anki(path: Path, tmp_path: Path) -> str:
    col = Collection(str(tmp_path / "anki.anki2"))
    try:
        import_apkg(col, path)
        return _anki_text(col)
    finally:
        col.close()


def read_tsv(path: Path, tmp_path: Path) -> str:
    col = Collection(str(tmp_path / "tsv.anki2"))
    try:
        # The note types come with a quizgen package (of another deck, so no note yet).
        import_apkg(col, render("anki", [hostile_deck()], tmp_path / "types.apkg")[0])
        for nid in col.find_notes(""):
            col.remove_notes([nid])
        metadata = col.get_csv_metadata(str(path), None)
        col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata))
        return _anki_text(col)
    finally:
        col.close()


def read_gift_file(path: Path, tmp_path: Path) -> str:
    questions = read_gift(path.read_text(encoding="utf-8"))
    return " ".join(
        " ".join([q.text, q.tail, q.general_feedback, *q.right, *q.wrong]) for q in questions
    )


def read_moodle_file(path: Path, tmp_path: Path) -> str:
    return " ".join(" ".join([q.text, q.general_feedback, *q.answers]) for q in read_moodle(path))


def read_json(path: Path, tmp_path: Path) -> str:
    decks = json.loads(path.read_text(encoding="utf-8"))["decks"]
    values = [v for d in decks for q in d["questions"] for v in q.values()]
    return " ".join(" ".join(v) if isinstance(v, list) else str(v) for v in values)


def read_pdf(path: Path, tmp_path: Path) -> str:
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(path).pages)


def read_other(path: Path, tmp_path: Path) -> str:
    """A renderer this file has no reader for (qti, html): its XML parses, its text is
    returned with entities read."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            parts = [zf.read(n).decode("utf-8") for n in zf.namelist() if n.endswith(".xml")]
        for part in parts:
            ET.fromstring(part)
        return html.unescape(" ".join(parts))
    return html.unescape(path.read_text(encoding="utf-8"))


READERS = {
    "anki": read_anki,
    "tsv": read_tsv,
    "gift": read_gift_file,
    "moodle": read_moodle_file,
    "json": read_json,
    "pdf": read_pdf,
}
# What a format cannot hold: the PDF's text layer is checked for the ASCII strings only
# (its fonts and pypdf's extraction reorder right-to-left text and emoji).
CHECKED = {"pdf": ("markup", "amp", "cloze", "cdata")}


@pytest.mark.parametrize("name", renderer_names())
def test_hostile_text_comes_through_as_text(name: str, tmp_path: Path) -> None:
    out = tmp_path / f"h{renderer_suffix(name)}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the PDF font lacks is a warning, not a fault
        written = render(name, [hostile_deck()], out)
    assert out in written and out.stat().st_size > 0
    text = READERS.get(name, read_other)(out, tmp_path)
    for key in CHECKED.get(name, HOSTILE):
        assert HOSTILE[key] in text, (name, key)
    assert "never" not in text  # the rejected question's answer
    if name in READERS:  # a reader of the format, not just its text: all four questions
        assert text.count("Context ") >= 4 or name == "pdf", name
