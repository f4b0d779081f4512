"""The PDF worksheet renderer, read back with pypdf as a teacher's printer would see it."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
import warnings
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import ROOT, run_cli
from quizgen._deck import BLANK_RE, Deck, Question, SourceRef, save_deck
from quizgen._errors import RenderError
from quizgen._render import RenderOptions, render
from quizgen._render.pdf import MissingGlyphWarning, PdfOptions
from quizgen._render.pdf._plan import plan_worksheet


def _render(decks: list[Deck], out: Path, seed: int = 0, **options: object) -> list[Path]:
    return render("pdf", decks, out, PdfOptions(seed=seed, **options))  # type: ignore[arg-type]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pages(path: Path) -> list[str]:
    return [_flat(page.extract_text()) for page in PdfReader(path).pages]


BLANK_PAGE = "This page is intentionally left blank."


def _printed(path: Path) -> list[str]:
    """The pages with something on them (not the blank pages added for duplex printing)."""
    return [text for text in _pages(path) if BLANK_PAGE not in text]


def _split(pages: list[str]) -> tuple[str, str]:
    """(worksheet text, key text) of a one-version PDF with the key at the end."""
    start = next(i for i, text in enumerate(pages) if text.lstrip().startswith("Answer key"))
    return " ".join(pages[:start]), " ".join(pages[start:])


def _prompt_pieces(q: Question) -> list[str]:
    """The printed parts of a prompt (a cloze prompt prints a drawn line for its blank)."""
    return [p.strip() for p in BLANK_RE.split(q.prompt) if p.strip()]


def _short_deck(n: int, title: str = "Capitals") -> Deck:
    return Deck(
        title=title,
        sources=[SourceRef("atlas.txt", title="Atlas", published="1999")],
        questions=[
            Question(
                f"q-{i:08x}",
                "organization",
                "short",
                f"Which city is capital number {i}?",
                f"Answer{i}zz",
                context=f"Capital number {i} is Answer{i}zz.",
                source="atlas.txt",
            )
            for i in range(n)
        ],
    )


def test_prompts_on_the_sheet_answers_only_in_the_key(sample_deck: Deck, tmp_path: Path) -> None:
    written = _render([sample_deck], tmp_path / "s.pdf")
    assert written == [tmp_path / "s.pdf"]
    sheet, key = _split(_pages(written[0]))
    for q in sample_deck.active():
        for piece in _prompt_pieces(q):
            assert piece in sheet, piece
        assert q.context in key
    for q in sample_deck.active():
        if q.type in ("short", "cloze"):
            assert q.answer not in sheet
            assert q.answer in key
    assert "B. 1979" in key  # a choice's key gives letter and text
    assert "True" in key
    assert "never rendered" not in sheet + key  # the rejected question


def test_header_cites_the_source_and_has_name_and_score(sample_deck: Deck, tmp_path: Path) -> None:
    first = _pages(_render([sample_deck], tmp_path / "s.pdf")[0])[0]
    assert first.startswith("Sample <b>deck</b> & friends")  # markup prints literally
    assert "A sample source (2001-05-04)" in first
    assert "https://example.org/a?b=1&c=2" in first
    for label in ("Name", "Class", "Date", "SCORE", "/ 4"):
        assert label in first
    for title in ("Multiple choice", "True or false", "Fill in the blank", "Short answer"):
        assert title in first
    assert "<script>alert(1)</script>" in first
    assert re.search(r"1\. In what year.*2\. Tang.*3\. Russia.*4\. Who was", first)


def test_unicode_names_round_trip_without_warnings(tmp_path: Path) -> None:
    names = ["Łukasz Żółć", "Путин", "Ολυμπία", "Zoë Ångström", "Şişli Çarşı"]
    deck = Deck(
        "Names",
        questions=[
            Question(f"q-{i}", "actor", "short", f"Who met {n}?", "someone")
            for i, n in enumerate(names)
        ],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = _render([deck], tmp_path / "u.pdf", key="none")[0]
    text = " ".join(_pages(path))
    for name in names:
        assert f"Who met {name}?" in text


# The names of ../shared/cases/04-glyphs-pdf, one per script Fira Sans lacks.
SCRIPT_NAMES = {
    "Chinese": "东京大学",
    "Japanese": "ひらがなカタカナ",
    "Korean": "서울",
    "Arabic": "الأهرام",
    "Hebrew": "גולדה מאיר",
    "Devanagari": "जवाहरलाल नेहरू",
    "Thai": "กรุงเทพมหานคร",
}


def _script_deck() -> Deck:
    return Deck(
        "Scripts",
        questions=[
            Question(f"q-{i}", "actor", "short", f"Who wrote {name} in {i + 1900}?", name)
            for i, name in enumerate(SCRIPT_NAMES.values())
        ],
    )


def _readable(printed: str) -> str:
    """Extracted text with Arabic presentation forms read as the letters they are."""
    return unicodedata.normalize("NFKC", printed)


def test_every_script_prints_without_a_warning(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path = _render([_script_deck()], tmp_path / "s.pdf")[0]
    sheet, key = _split(_pages(path))
    for script, name in SCRIPT_NAMES.items():
        if script in ("Arabic", "Hebrew"):
            # Printed right to left (see the next test for the order); pypdf reads each
            # word back in one order or the other.
            for word in name.split():
                assert word in _readable(sheet) or word[::-1] in _readable(sheet), script
        elif script in ("Devanagari", "Thai"):
            # Shaped: the glyphs are HarfBuzz's, so compare the consonants only.
            letters = {c for c in name if unicodedata.category(c) == "Lo"}
            assert letters <= set(sheet), script
        else:
            assert name in sheet and name in key, script
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
    }
    for family in ("STSong-Light", "HeiseiMin-W3", "HYSMyeongJo-Medium", "NotoSansArabic"):
        assert any(family in f for f in fonts), (family, fonts)


def test_right_to_left_names_read_right_to_left_in_an_english_line() -> None:
    from quizgen._render.pdf._scripts import font_runs

    runs = font_runs("was גולדה מאיר?")
    assert "".join(text for _, text in runs) == "was ריאמ הדלוג?"
    assert runs[-1] == ("QuizgenSans", "?")  # the question mark ends the English sentence
    assert "".join(t for _, t in font_runs("the (الأهرام) paper")).startswith("the (")


def test_a_script_no_font_has_is_one_warning_naming_the_questions(tmp_path: Path) -> None:
    deck = Deck(
        "Ethiopic",
        questions=[
            Question(f"q-{i}", "actor", "short", f"Who wrote ሀለሐመ {i}?", "x") for i in range(3)
        ],
    )
    with pytest.warns(MissingGlyphWarning) as caught:
        _render([deck], tmp_path / "c.pdf")
    assert [str(w.message) for w in caught] == [
        "no worksheet font draws Ethiopic characters ('ሀለሐመ', U+1200) in q-0, q-1, q-2; "
        "they print as empty boxes"
    ]


@pytest.mark.slow
@pytest.mark.parametrize("command", ["pdf", "build"])
def test_cli_prints_a_missing_script_as_one_warning_line(command: str, tmp_path: Path) -> None:
    deck = Deck("Runes", questions=[Question("q-1", "actor", "short", "Who wrote ᚠᚢᚦ?", "x")])
    save_deck(deck, tmp_path / "decks" / "runes.yaml")
    if command == "pdf":
        result = run_cli("pdf", "decks/runes.yaml", cwd=tmp_path)
    else:
        (tmp_path / "runes.txt").write_text("Who wrote ᚠᚢᚦ? Lu Xun wrote it in 1921.\n", "utf-8")
        result = run_cli("build", "runes.txt", "--to", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    glyphs = [line for line in result.stderr.splitlines() if "ᚠ" in line]
    assert len(glyphs) == 1 and glyphs[0].startswith("Warning: "), result.stderr
    assert "MissingGlyphWarning" not in result.stderr


@pytest.mark.slow
def test_the_glyphs_case_prints_every_name(shared_dir: Path, tmp_path: Path) -> None:
    case = shared_dir / "cases" / "04-glyphs-pdf"
    sources = [str(case / "scripts.txt"), str(case / "cjk-titles.txt")]
    result = run_cli("build", *sources, "--to", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warned) <= 1 and all("emoji" in line for line in warned), warned  # 🚀 only
    text = _readable(" ".join(_pages(tmp_path / "output" / "scripts.pdf")))
    for name in ("東京", "서울", "Правда", "Σπυρίδων"):
        assert name in text, name
    assert "丞丟丠両丢" in " ".join(_pages(tmp_path / "output" / "cjk-titles.pdf"))


def test_versions_shuffle_questions_and_each_has_its_key(tmp_path: Path) -> None:
    deck = _short_deck(8)
    path = _render([deck], tmp_path / "v.pdf", versions=2, seed=7)[0]
    pages = _printed(path)
    sheet_a, sheet_b, key_a, key_b = pages
    assert "Version A" in sheet_a and "Version B" in sheet_b
    assert key_a.lstrip().startswith("Answer key — Version A")
    assert key_b.lstrip().startswith("Answer key — Version B")

    def order(text: str) -> list[int]:
        return [int(n) for n in re.findall(r"capital number (\d+)\?", text)]

    assert all("Page 1 of 1" in page for page in pages)  # each part counts its own pages
    assert sorted(order(sheet_a)) == sorted(order(sheet_b)) == list(range(8))
    assert order(sheet_a) != order(sheet_b)
    # Each key answers its own version's numbering.
    for sheet, key in ((sheet_a, key_a), (sheet_b, key_b)):
        for number, original in enumerate(order(sheet), start=1):
            assert f"{number}. Answer{original}zz" in key


def test_several_decks_make_one_sheet(tmp_path: Path) -> None:
    first, second = _short_deck(3, "Europe"), _short_deck(3, "Asia")
    for q in second.questions:
        q.id, q.prompt = q.id + "-asia", q.prompt.replace("capital", "Asian capital")
    path = tmp_path / "two.pdf"
    render("pdf", [first, second], path, PdfOptions(limit=5, key="none"))
    text = " ".join(_pages(path))
    assert text.startswith("Europe + Asia") and "/ 5" in text
    assert "capital number 2?" in text and "Asian capital number 1?" in text
    assert "Asian capital number 2?" not in text  # --max counts across decks


def test_versions_shuffle_choices_and_the_key_follows(tmp_path: Path) -> None:
    deck = Deck(
        "Years",
        questions=[
            Question(
                f"q-{i}",
                "date",
                "choice",
                f"Year of event {i}?",
                f"{1900 + i}",
                choices=[f"{1900 + i + k * 10}" for k in range(4)],
            )
            for i in range(6)
        ],
    )
    plan = plan_worksheet([deck], versions=3, seed=3)
    assert len({tuple(item.choices) for v in plan.versions for item in v.items}) > 6
    path = _render([deck], tmp_path / "y.pdf", versions=3, seed=3)[0]
    pages = _printed(path)
    for version, sheet, key in zip(plan.versions, pages[:3], pages[3:], strict=True):
        for item in version.items:
            positions = [sheet.index(choice) for choice in item.choices]
            assert positions == sorted(positions)  # printed in the planned order
            assert f"{item.number}. {item.answer_letter}. {item.question.answer}" in key


def test_each_part_starts_on_a_front_page_with_a_bookmark(tmp_path: Path) -> None:
    # One-page sheets: a blank back follows each, so duplex printing keeps parts apart.
    path = _render([_short_deck(3)], tmp_path / "d.pdf", versions=2)[0]
    reader = PdfReader(path)
    pages = _pages(path)
    assert [BLANK_PAGE in text for text in pages] == [False, True, False, True, False, True, False]
    marks = {o.title: reader.get_destination_page_number(o) for o in reader.outline}
    assert marks == {
        "Worksheet — Version A": 0,
        "Worksheet — Version B": 2,
        "Answer key — Version A": 4,
        "Answer key — Version B": 6,
    }
    # A two-page part needs no blank page after it.
    pages = _pages(_render([_short_deck(20)], tmp_path / "e.pdf", key="end")[0])
    assert "Page 2 of 2" in pages[1] and pages[2].lstrip().startswith("Answer key")


def test_same_input_same_bytes(sample_deck: Deck, tmp_path: Path) -> None:
    first = _render([sample_deck], tmp_path / "a.pdf", versions=3, seed=5)[0].read_bytes()
    second = _render([sample_deck], tmp_path / "b.pdf", versions=3, seed=5)[0].read_bytes()
    assert first == second
    other = _render([sample_deck], tmp_path / "c.pdf", versions=3, seed=6)[0].read_bytes()
    assert other != first


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_size(sample_deck: Deck, tmp_path: Path, paper: str, size: tuple[int, int]) -> None:
    reader = PdfReader(_render([sample_deck], tmp_path / "p.pdf", paper=paper)[0])
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_key_separate_writes_name_key_pdf(sample_deck: Deck, tmp_path: Path) -> None:
    written = _render([sample_deck], tmp_path / "quiz.pdf", key="separate")
    assert written == [tmp_path / "quiz.pdf", tmp_path / "quiz-key.pdf"]
    sheet = " ".join(_pages(written[0]))
    key = " ".join(_pages(written[1]))
    assert "Answer key" not in sheet and "North Atlantic Treaty Organization" not in sheet
    assert key.lstrip().startswith("Answer key") and "North Atlantic Treaty Organization" in key


def test_key_none_prints_no_answers(sample_deck: Deck, tmp_path: Path) -> None:
    written = _render([sample_deck], tmp_path / "quiz.pdf", key="none")
    text = " ".join(_pages(written[0]))
    assert written == [tmp_path / "quiz.pdf"]
    assert "Answer key" not in text and "Владимир Путин" not in text


def test_split_writes_one_file_per_version(tmp_path: Path) -> None:
    written = _render(
        [_short_deck(5)], tmp_path / "quiz.pdf", versions=3, split=True, key="separate"
    )
    names = [p.name for p in written]
    assert names == [
        "quiz-A.pdf",
        "quiz-A-key.pdf",
        "quiz-B.pdf",
        "quiz-B-key.pdf",
        "quiz-C.pdf",
        "quiz-C-key.pdf",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)
    for path, mark in zip(written[::2], "ABC", strict=True):
        text = " ".join(_pages(path))
        assert f"Version {mark}" in text and "Answer key" not in text
        assert PdfReader(path).metadata.title == f"Capitals — Version {mark}"


def test_metadata(sample_deck: Deck, tmp_path: Path) -> None:
    meta = PdfReader(_render([sample_deck], tmp_path / "m.pdf")[0]).metadata
    assert meta.title == "Sample <b>deck</b> & friends"
    assert meta.creator == "quizgen"
    assert meta.subject.startswith("Worksheet: 4 questions")
    assert "A sample source" in meta.subject


def test_kinds_types_and_max_select_questions(sample_deck: Deck, tmp_path: Path) -> None:
    out = tmp_path / "f.pdf"
    render("pdf", [sample_deck], out, PdfOptions(types=["short", "cloze"], key="none"))
    text = " ".join(_pages(out))
    assert "Who was Russia's president" in text and "eastward expansion" in text
    assert "In what year" not in text and "Tang Jiaxuan" not in text
    assert "/ 2" in text and "Multiple choice" not in text
    render("pdf", [sample_deck], out, RenderOptions(kinds=["actor"], limit=1))
    text = " ".join(_pages(out))
    assert "Who was Russia's president" in text and "/ 1" in text
    assert "Tang Jiaxuan" not in text
    with pytest.raises(RenderError, match="no questions to print"):
        render("pdf", [sample_deck], out, RenderOptions(kinds=["date"], types=["short"]))


def test_questions_never_split_and_pages_are_counted(tmp_path: Path) -> None:
    long = " and then some more words to make the choice wrap onto a second line" * 2
    deck = Deck(
        "Long",
        questions=[
            Question(
                f"q-{i}",
                "date",
                "choice",
                f"Question {i}: which of these happened first?",
                f"Option{i}a{long}",
                choices=[f"Option{i}{c}{long}" for c in "abcd"],
            )
            for i in range(30)
        ],
    )
    pages = _pages(_render([deck], tmp_path / "l.pdf", key="none")[0])
    assert len(pages) > 2
    for i in range(30):
        where = [n for n, text in enumerate(pages) if f"Question {i}:" in text]
        assert len(where) == 1
        for c in "abcd":
            assert f"Option{i}{c} and then" in pages[where[0]]
    for n, text in enumerate(pages, start=1):
        assert f"Page {n} of {len(pages)}" in text


def test_cli_writes_the_worksheet(sample_deck: Deck, tmp_path: Path) -> None:
    save_deck(sample_deck, tmp_path / "deck.yaml")
    result = run_cli(
        "pdf", "deck.yaml", "-o", "out/w.pdf", "--versions", "2", "--split", "--paper", "letter", "--mkdir",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["w-A.pdf", "w-B.pdf"]
    assert "wrote out/w-A.pdf" in result.stderr


def test_cli_broken_deck_is_one_error_and_no_file(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "quizgen: 1\ntitle: Bad\nquestions:\n  - id: q-1\n    kind: date\n    type: short\n"
        "    prompt: When?\n",
        encoding="utf-8",
    )
    result = run_cli("pdf", "bad.yaml", "-o", "out/bad.pdf", cwd=tmp_path)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert errors == ["Error: bad.yaml:4: questions[0] (q-1): 'answer' is missing"]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_importing_the_renderer_does_not_load_reportlab() -> None:
    code = "import sys, quizgen._cli, quizgen._render.pdf; print('reportlab' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert result.stdout.strip() == "False"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("key", "files"),
    [
        (None, ["capitals-key.pdf", "capitals.pdf"]),  # the worksheet never prints the key
        ("same", ["capitals.pdf"]),
        ("none", ["capitals.pdf"]),
    ],
)
def test_build_puts_the_key_in_its_own_file(
    key: str | None, files: list[str], tmp_path: Path
) -> None:
    (tmp_path / "capitals.txt").write_text(
        "In 1961 Willy Brandt met John F. Kennedy in Berlin.\n", "utf-8"
    )
    args = ["build", "capitals.txt", "--to", "pdf"] + (["--key", key] if key else [])
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == files
    sheet = " ".join(_pages(tmp_path / "output" / "capitals.pdf"))
    assert ("Answer key" in sheet) == (key == "same")
    if key is None:
        assert "Answer key" in " ".join(_pages(tmp_path / "output" / "capitals-key.pdf"))


def test_blanks_and_lines_leave_room_to_write_the_answer_by_hand(tmp_path: Path) -> None:
    answers = ["Kohl", "North Atlantic Treaty Organization"]
    deck = Deck(
        "Blanks",
        questions=[
            Question(f"q-{i}", "organization", "cloze", f"Q{i} ____ was there.", a)
            for i, a in enumerate(answers)
        ],
    )
    page = PdfReader(_render([deck], tmp_path / "b.pdf", key="none")[0]).pages[0]
    # Each line is one text run: number, prompt and the blank's no-break spaces.
    runs: list[str] = []
    page.extract_text(visitor_text=lambda text, *_: runs.append(text))
    blanks = [len(re.findall(r"\s", t)) for t in runs if t.startswith(("Q0", "Q1"))]
    assert len(blanks) == 2 and blanks[1] >= 2 * blanks[0], blanks


def _two_source_deck() -> Deck:
    """A deck of two sources (as `build --one-deck` makes), the second listed first."""

    def q(i: int, source: str, qtype: str) -> Question:
        return Question(
            f"q-{i:08x}",
            "date",
            qtype,
            f"Year of event {i}?",
            f"{1900 + i}",
            choices=[f"{1900 + i + k}" for k in range(4)] if qtype == "choice" else [],
            source=source,
        )

    return Deck(
        title="Term 1",
        sources=[SourceRef("b.txt", title="Reading B"), SourceRef("a.txt")],
        questions=[
            q(0, "a.txt", "short"),
            q(1, "b.txt", "short"),
            q(2, "a.txt", "choice"),
            q(3, "b.txt", "choice"),
            q(4, "b.txt", "short"),
        ],
    )


def test_a_sheet_of_several_sources_has_a_part_per_source_in_the_decks_order(
    tmp_path: Path,
) -> None:
    plan = plan_worksheet([_two_source_deck()], versions=2, seed=1)
    for version in plan.versions:
        # Each source's questions under its title (else its path), by type within it.
        assert [(s.part, s.type) for s in version.sections] == [
            ("Reading B", "choice"),
            ("Reading B", "short"),
            ("a.txt", "choice"),
            ("a.txt", "short"),
        ]
        assert [i.number for i in version.items] == [1, 2, 3, 4, 5]
        assert {i.question.source for s in version.sections[:2] for i in s.items} == {"b.txt"}
    # A sheet of one source has no part headings.
    assert {s.part for s in plan_worksheet([_short_deck(3)]).versions[0].sections} == {None}
    sheet = _split(_printed(_render([_two_source_deck()], tmp_path / "t.pdf", key="end")[0]))[0]
    heading_b = sheet.index("Reading B Multiple choice")
    heading_a = sheet.index("a.txt Multiple choice")
    assert heading_b < sheet.index("Year of event 3?") < heading_a < sheet.index("Year of event 2?")
