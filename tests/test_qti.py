"""The Canvas QTI renderer, read back as Canvas's importer reads it: the zip, the manifest
and each assessment parsed as XML (the IMS QTI 1.2 schema is not shipped: its licence does
not let us copy it, so the structure Canvas needs is checked here instead)."""

from __future__ import annotations

import html
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from quizgen import render
from quizgen._deck import Deck, Question
from quizgen._errors import RenderError
from quizgen._render import RenderOptions
from quizgen._render.qti import MANIFEST_NS, QTI_NS

NS = {"q": QTI_NS, "m": MANIFEST_NS}


def _build(tmp_path: Path, decks: list[Deck], options: RenderOptions | None = None) -> Path:
    out = tmp_path / "deck.qti.zip"
    assert render("qti", decks, out, options) == [out]
    return out


def _items(package: Path) -> dict[str, ET.Element]:
    """Every <item> of every assessment in the package, by ident."""
    with zipfile.ZipFile(package) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
        items = {}
        for resource in manifest.iterfind(".//m:resource[@type='imsqti_xmlv1p2']", NS):
            root = ET.fromstring(zf.read(resource.find("m:file", NS).get("href")))
            items.update((i.get("ident"), i) for i in root.iterfind(".//q:item", NS))
    return items


def _text(element: ET.Element, path: str) -> str:
    """The plain text of the HTML in a mattext."""
    return html.unescape(element.find(path, NS).text.replace("<br/>", "\n"))


def _field(item: ET.Element, label: str) -> str:
    for field in item.iterfind(".//q:qtimetadatafield", NS):
        if field.find("q:fieldlabel", NS).text == label:
            return field.find("q:fieldentry", NS).text or ""
    raise AssertionError(label)


def test_the_manifest_lists_every_file_of_the_package(tmp_path: Path, sample_deck: Deck) -> None:
    package = _build(tmp_path, [sample_deck])
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    listed = {f.get("href") for f in manifest.iterfind(".//m:file", NS)}
    assert listed == names - {"imsmanifest.xml"}
    assert len(listed) == 2  # the assessment and Canvas's settings
    ident = f"quizgen-{sample_deck.stable_id}"
    dependency = manifest.find(f".//m:resource[@identifier='{ident}']/m:dependency", NS)
    assert manifest.find(f".//m:resource[@identifier='{dependency.get('identifierref')}']", NS)


def test_each_question_becomes_the_canvas_type_with_its_right_answer(
    tmp_path: Path, sample_deck: Deck
) -> None:
    items = _items(_build(tmp_path, [sample_deck]))
    active = {q.id: q for q in sample_deck.active()}
    assert items.keys() == active.keys()  # the rejected question is not exported
    expected_types = {
        "choice": "multiple_choice_question",
        "short": "short_answer_question",
        "cloze": "short_answer_question",
        "truefalse": "true_false_question",
    }
    for ident, item in items.items():
        question = active[ident]
        assert _field(item, "question_type") == expected_types[question.type]
        assert _text(item, "q:presentation/q:material/q:mattext") == question.prompt
        right = [
            v.text for v in item.iterfind(".//q:respcondition[@continue='No']//q:varequal", NS)
        ]
        labels = {
            r.get("ident"): _text(r, "q:material/q:mattext")
            for r in item.iterfind(".//q:response_lid//q:response_label", NS)
        }
        if question.type == "choice":
            assert list(labels.values()) == question.choices
            assert [labels[r] for r in right] == [question.answer]
            assert _field(item, "original_answer_ids").split(",") == list(labels)
        elif question.type == "truefalse":
            assert list(labels.values()) == ["True", "False"]
            assert [labels[r].lower() for r in right] == [question.answer]
        else:
            assert item.find(".//q:response_str/q:render_fib", NS) is not None
            assert right == question.answers
        feedback = item.find("q:itemfeedback[@ident='general_fb']", NS)
        assert _text(feedback, ".//q:mattext") == question.context


def test_text_that_looks_like_markup_arrives_as_text(tmp_path: Path) -> None:
    hostile = "<b>A & B</b> ]]> {{c1::x}} \"quoted\" 'single' مرحبا 🎓\nline two"
    deck = Deck(
        title=hostile,
        questions=[
            Question(
                id="q-hostile1",
                kind="actor",
                type="short",
                prompt=hostile,
                answer=hostile,
                accept=["<i>x</i>"],
                context=hostile,
            )
        ],
    )
    item = _items(_build(tmp_path, [deck]))["q-hostile1"]
    assert _text(item, "q:presentation/q:material/q:mattext") == hostile
    assert [v.text for v in item.iterfind(".//q:varequal", NS)] == [hostile, "<i>x</i>"]
    assert _text(item, "q:itemfeedback//q:mattext") == hostile


def test_the_package_is_reproducible(tmp_path: Path, sample_deck: Deck) -> None:
    first = _build(tmp_path / "a", [sample_deck]).read_bytes()
    second = _build(tmp_path / "b", [sample_deck]).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a" / "deck.qti.zip") as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_options_choose_the_questions(tmp_path: Path, sample_deck: Deck) -> None:
    items = _items(_build(tmp_path, [sample_deck], RenderOptions(types=["truefalse"])))
    assert list(items) == ["q-00000004"]


def test_two_decks_are_two_assessments(tmp_path: Path, sample_deck: Deck) -> None:
    other = Deck(title="Another", questions=[sample_deck.questions[3]])
    other.questions[0] = Question(**{**vars_of(other.questions[0]), "id": "q-00000009"})
    package = _build(tmp_path, [sample_deck, other])
    with zipfile.ZipFile(package) as zf:
        manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    assert len(manifest.findall(".//m:resource[@type='imsqti_xmlv1p2']", NS)) == 2
    assert "q-00000009" in _items(package)


def vars_of(question: Question) -> dict[str, object]:
    return {name: getattr(question, name) for name in Question.__slots__}


def test_two_decks_with_one_id_are_refused(tmp_path: Path, sample_deck: Deck) -> None:
    with pytest.raises(RenderError, match="same deck_id"):
        render("qti", [sample_deck, sample_deck], tmp_path / "x.qti.zip")
    assert not (tmp_path / "x.qti.zip").exists()
