"""Hostile text: markup, terminal escapes and very long or random Unicode text in a deck
stay text in every output, and never make a renderer or the answer checker fail."""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli
from quizgen._deck import BLANK, Deck, Question, SourceRef, dump_deck, loads_deck, save_deck
from quizgen._render import RenderOptions, render
from quizgen._render.anki import AnkiOptions
from quizgen._render.pdf import PdfOptions

HOSTILE = [
    "<script>alert('x')</script>",
    "Tom & Jerry &amp; co",
    "\x1b[2Jcleared",
    "<b>bold</b>",
    '<font color="red" size="40">big</font>',
    "\x1b]0;title\x07osc",
]


def _hostile_deck() -> Deck:
    questions = []
    for i, text in enumerate(HOSTILE):
        questions.append(
            Question(
                id=f"q-h{i}",
                kind="actor",
                type="short",
                prompt=f"Who wrote {text}?",
                answer=f"Writer {i} {text}",
                context=f"The text {text} was written by Writer {i}.",
                source="h.txt",
            )
        )
    questions.append(
        Question(
            id="q-hc",
            kind="organization",
            type="choice",
            prompt="Which <i>group</i> & which?",
            answer="<b>B</b>",
            choices=["<b>B</b>", "A & C", "\x1b[31mred"],
            source="h.txt",
        )
    )
    return Deck(
        title="Hostile <script> & \x1b[2J <font>",
        deck_id=777,
        sources=[SourceRef(path="h.txt", title="<b>Source</b> & more", url="javascript:alert(1)")],
        questions=questions,
    )


def test_a_source_loses_terminal_escapes_and_bidi_overrides(tmp_path: Path) -> None:
    from quizgen._sources import load_source

    path = tmp_path / "tricky.txt"
    path.write_text(
        "\u202eelgooG\u202c was founded by \u2067Larry Page\u2069 in 1998.\x1b[2J\x07\n",
        encoding="utf-8",
    )
    text = load_source(path).text
    assert text == "elgooG was founded by Larry Page in 1998."


def test_markup_in_a_deck_is_escaped_in_anki_notes(tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    apkg = tmp_path / "h.apkg"
    render("anki", [_hostile_deck()], apkg, AnkiOptions(timestamp=1_700_000_000))
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        fields = [f for nid in col.find_notes("") for f in col.get_note(nid).fields]
        deck_names = [d.name for d in col.decks.all_names_and_ids()]
    finally:
        col.close()
    joined = "\n".join(fields)
    assert len(fields) > len(HOSTILE)
    for tag in ("<script", "<b>", "<font", "<i>", "javascript:"):
        assert tag not in joined, tag
    for escaped in (
        "&lt;script&gt;",
        "&lt;b&gt;bold&lt;/b&gt;",
        "&lt;font color=",
        "Tom &amp; Jerry",
    ):
        assert escaped in joined, escaped
    assert any(name.startswith("Hostile") for name in deck_names)


def test_markup_in_a_deck_prints_literally_in_the_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "h.pdf"
    render("pdf", [_hostile_deck()], pdf, RenderOptions())
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    for literal in ("<script>alert('x')</script>", "Tom & Jerry &amp; co", "<b>bold</b>"):
        assert literal in text, literal
    assert '<font color="red" size="40">big</font>' in text
    assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "#", "x", "file:///etc/passwd", "https://example.org/?a=1&b=2"]
)
def test_only_web_addresses_become_links_in_the_pdf(url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    deck = Deck(
        title="Links",
        sources=[SourceRef(path="s.txt", title="S", url=url)],
        questions=[Question("q-1", "date", "short", "When?", "1999")],
    )
    pdf = tmp_path / "links.pdf"
    render("pdf", [deck], pdf, RenderOptions())  # "#" once raised ValueError in reportlab
    reader = PdfReader(pdf)
    links = [
        annot.get_object()["/A"].get("/URI")
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/A" in annot.get_object()
    ]
    assert links == ([url] if url.startswith("https://") else [])
    assert url in "".join(page.extract_text() for page in reader.pages)


def test_escapes_in_a_deck_never_reach_the_terminal(tmp_path: Path) -> None:
    deck = save_deck(_hostile_deck(), tmp_path / "h.yaml")
    answers = "".join(f"Writer {i}\n" for i in range(len(HOSTILE))) + "a\n"
    result = run_cli("quiz", str(deck), "--db", str(tmp_path / "p.sqlite3"), "--all", input=answers)
    assert result.returncode == 0, result.stderr
    for out in (result.stdout, result.stderr):
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    assert "<script>alert('x')</script>" in result.stdout
    assert "Tom & Jerry &amp; co" in result.stdout
    assert "[2J" not in result.stdout


LONG = " ".join(["word"] * 3000)


@pytest.mark.slow
@pytest.mark.parametrize(
    "question",
    [
        Question("q-p", "date", "short", LONG + " END?", "1999", context=LONG),
        Question("q-w", "date", "short", "x" * 5000 + "END", "x" * 3000),
        Question("q-c", "actor", "choice", "Pick", "a", choices=["a", LONG + " END"]),
        Question("q-t", "actor", "truefalse", LONG + " END", "true"),
        Question("q-z", "actor", "cloze", f"{LONG} {BLANK} END", LONG),
    ],
    ids=["prompt", "unbroken word", "choice", "truefalse", "cloze"],
)
@pytest.mark.parametrize("versions", [1, 2])
def test_a_question_longer_than_a_page_still_prints(
    question: Question, versions: int, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    deck = Deck(title=LONG if versions == 2 else "Long", questions=[question])
    [pdf] = render("pdf", [deck], tmp_path / "long.pdf", PdfOptions(versions=versions))
    reader = PdfReader(pdf)
    assert len(reader.pages) > 2
    assert "END" in "".join(page.extract_text() for page in reader.pages)


# --- random Unicode decks ----------------------------------------------------------------------

ANY_TEXT = st.text(min_size=1, max_size=60).filter(str.strip)
SOME_TEXT = st.text(max_size=60)


@st.composite
def questions(draw: st.DrawFn, i: int) -> Question:
    qtype = draw(st.sampled_from(["short", "cloze", "choice", "truefalse"]))
    prompt = draw(ANY_TEXT)
    answer = draw(ANY_TEXT)
    choices: list[str] = []
    if qtype == "cloze":
        prompt = f"{prompt} {BLANK} {draw(SOME_TEXT)}"
    elif qtype == "truefalse":
        answer = draw(st.sampled_from(["true", "false"]))
    elif qtype == "choice":
        others = draw(st.lists(ANY_TEXT, min_size=1, max_size=4))
        for c in [answer, *others]:
            if c.casefold() not in {x.casefold() for x in choices}:
                choices.append(c)
        if len(choices) < 2:
            choices.append(answer + "\u2009x" if "x" not in answer else answer + "y")
        choices = draw(st.permutations(choices))
    return Question(
        id=f"q-{i}-{draw(st.text(min_size=1, max_size=8))}",
        kind=draw(st.sampled_from(["date", "actor", "organization"])),
        type=qtype,
        prompt=prompt,
        answer=answer,
        accept=draw(st.lists(ANY_TEXT, max_size=3)),
        choices=choices,
        context=draw(SOME_TEXT),
        source=draw(SOME_TEXT),
        template=draw(ANY_TEXT),
        tags=draw(st.lists(ANY_TEXT, max_size=3)),
        status=draw(st.sampled_from(["new", "approved"])),
    )


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    count = draw(st.integers(1, 5))
    return Deck(
        title=draw(ANY_TEXT),
        deck_id=draw(st.one_of(st.none(), st.integers(1, (1 << 63) - 1))),
        sources=[
            SourceRef(
                path=draw(ANY_TEXT),
                title=draw(st.one_of(st.none(), ANY_TEXT)),
                url=draw(st.one_of(st.none(), ANY_TEXT)),
            )
        ],
        questions=[draw(questions(i)) for i in range(count)],
    )


@pytest.mark.parametrize(
    "title",
    [
        "A title\n- id: q-1\nover lines",  # once given a blank line by dump_deck
        "next\x85line",  # NEL: PyYAML writes it raw, where a reader folds it
        "ends with NEL\x85\n",
    ],
)
def test_titles_that_once_broke_the_round_trip(title: str, sample_deck: Deck) -> None:
    deck = replace(sample_deck, title=title)
    deck.questions[0].context = title
    assert loads_deck(dump_deck(deck)) == deck


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(deck=decks())
def test_any_valid_deck_round_trips_exactly(deck: Deck) -> None:
    text = dump_deck(deck)
    assert loads_deck(text) == deck
    assert dump_deck(loads_deck(text)) == text


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(deck=decks())
def test_a_deck_dumped_question_by_question_reads_as_one_dump(deck: Deck) -> None:
    # dump_deck dumps each question alone (memory); the text must be what one dump of the
    # whole deck gives, with a blank line between questions.
    from quizgen._deck import deck_to_data
    from quizgen._yaml import dump_yaml

    whole = dump_yaml(deck_to_data(deck))
    head, key, questions = whole.partition("\nquestions:\n")
    assert dump_deck(deck).replace("\n\n  - id: ", "\n  - id: ") == head + key + questions


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(deck=decks(), response=st.text(max_size=40))
def test_renderers_and_checker_never_raise_on_any_text(deck: Deck, response: str) -> None:
    import tempfile
    import warnings

    from quizgen._quiz.check import answer_label, check_answer, hint
    from quizgen._quiz.terminal import clean

    others = [q.answer for q in deck.questions]
    for q in deck.questions:
        check_answer(q, response, others)
        check_answer(q, q.answer, others)
        for level in (1, 2):
            hint(q, level)
        assert "\x1b" not in clean(answer_label(q) + q.prompt)
    with tempfile.TemporaryDirectory() as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph the font lacks is a warning, not a failure
        written = render("pdf", [deck], Path(folder) / "x.pdf", RenderOptions())
        written += render("anki", [deck], Path(folder) / "x.apkg", RenderOptions())
        assert all(p.stat().st_size > 0 for p in written)


@pytest.mark.parametrize("answer", ["C:\\Users", "\\1", "\\g<0>", "a\\"])
def test_a_cloze_answer_with_backslashes_renders_as_written(answer: str, tmp_path: Path) -> None:
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    prompt = f"The folder is {BLANK}."
    question = Question(
        "q-1", "organization", "cloze", prompt, answer, context=f"The folder is {answer}."
    )
    apkg = tmp_path / "b.apkg"
    render("anki", [Deck(title="Backslashes", questions=[question])], apkg, RenderOptions())
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(apkg), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        [text] = [col.get_note(nid).fields[0] for nid in col.find_notes("")]
    finally:
        col.close()
    assert f"{{{{c1::{answer}}}}}" in html.unescape(text)
