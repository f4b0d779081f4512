"""Dirty input kept away from the parser (issue 11): PDF syllable breaks, running heads and
headings, citation markers, and back-matter sections (References, Notes, See also ...)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen._extract import extract_facts
from quizgen._sources import load_source
from quizgen._sources._clean import drop_credits
from quizgen._sources._hyphens import rejoin_hyphens


def _pdf(path: Path, pages: list[list[tuple[int, str]]], heads: bool = True) -> str:
    """A PDF whose pages hold the given (font size, line) pairs, one printed line each,
    under a running header and over a "Page N of M" footer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n, lines in enumerate(pages, 1):
        pdf.setFont("Helvetica", 8)
        if heads:
            pdf.drawString(72, 815, "Annals of the Weser Mills - Part 2")
            pdf.drawString(450, 25, f"Page {n} of {len(pages)}")
        y = 780
        for size, line in lines:
            pdf.setFont("Helvetica-Bold" if size > 11 else "Helvetica", size)
            pdf.drawString(72, y, line)
            y -= size + 6
        pdf.showPage()
    pdf.save()
    return str(path)


def _names(facts) -> tuple[list[str], list[str]]:
    return sorted(a.name for a in facts.actors), sorted(o.name for o in facts.organizations)


# --- PDF syllable breaks -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("the city govern-\nment", "the city government"),  # dictionary word
        ("moved to Wash-\nington", "moved to Washington"),  # capitalized dictionary word
        ("Hedda Ober-\nhauser", "Hedda Oberhauser"),  # a rare surname wordfreq knows
        ("the Bremen Wool Com-\npany", "the Bremen Wool Company"),
        ("Ilse Brun-\nqvistova met Ilse Brunqvistova", "Ilse Brunqvistova met Ilse Brunqvistova"),
        ("the Austro-\nHungarian fleet", "the Austro-Hungarian fleet"),  # capital after it
        ("Jean-\nLuc Perrin", "Jean-Luc Perrin"),
        ("the war of 1914-\n1918", "the war of 1914-1918"),  # numbers
        ("the vice-\npresident", "the vice-president"),  # two common words
        ("a long-\nterm loan", "a long-term loan"),
        ("a pre-\nwar mill and a pre-war loom", "a pre-war mill and a pre-war loom"),
        ("Greta Hallo-\nrvanq", "Greta Hallo-rvanq"),  # unknown, and not in the text: kept
    ],
)
def test_line_end_hyphens(broken, expected):
    assert rejoin_hyphens(broken) == expected


def test_pdf_syllable_breaks_are_joined_real_hyphens_stay(tmp_path):
    body = [
        "In 1902 the Weser Wool Com-",
        "pany hired Hedda Linde-",
        "mann, who moved to Wash-",
        "ington in 1911 with the Austro-",
        "Hungarian engineer Jean-",
        "Luc Perrin.",
    ]
    src = load_source(_pdf(tmp_path / "mills.pdf", [[(11, line) for line in body]], heads=False))
    assert src.text == (
        "In 1902 the Weser Wool Company hired Hedda Lindemann, who moved to Washington in 1911 "
        "with the Austro-Hungarian engineer Jean-Luc Perrin."
    )
    people, orgs = _names(extract_facts(src))
    assert people == ["Hedda Lindemann", "Jean-Luc Perrin"]
    assert orgs == ["Weser Wool Company"]


# --- PDF running heads and headings ------------------------------------------------------


def test_pdf_headings_and_running_heads_stay_out_of_sentences(tmp_path):
    pages = [
        [
            (16, "The Weser Mills"),
            (11, "On May 4, 1868, the Weser Wool Company opened a mill in Bremen."),
            (13, "Early Years"),
            (11, "In 1874 Hedda Lindqvist became the first director of the company."),
        ],
        [
            (13, "Greta Hallorann"),
            (11, "Greta Hallorann joined the Weser Wool Company in 1921 as an engineer."),
        ],
        [(11, "In 1930 the Bremen Dye Works bought the mill from the company.")],
    ]
    src = load_source(_pdf(tmp_path / "weser.pdf", pages))
    assert src.text.split("\n\n") == [
        "The Weser Mills",
        "On May 4, 1868, the Weser Wool Company opened a mill in Bremen.",
        "Early Years",
        "In 1874 Hedda Lindqvist became the first director of the company.",
        "Greta Hallorann",
        # Full-width lines give no sign of a paragraph's end; the sentences stay apart.
        "Greta Hallorann joined the Weser Wool Company in 1921 as an engineer. "
        "In 1930 the Bremen Dye Works bought the mill from the company.",
    ]
    facts = extract_facts(src)
    assert all("Page" not in s.text and "Annals" not in s.text for s in facts.sentences)
    dated = {d.answer: facts.sentences[d.sent_index].text for d in facts.dates}
    assert dated["1921"] == "Greta Hallorann joined the Weser Wool Company in 1921 as an engineer."


def test_pdf_two_pages_share_a_header_with_page_numbers(tmp_path):
    pages = [[(11, f"In {year} the Weser Wool Company built a mill.")] for year in (1901, 1902)]
    src = load_source(_pdf(tmp_path / "two.pdf", pages))
    assert src.text == (
        "In 1901 the Weser Wool Company built a mill. In 1902 the Weser Wool Company built a mill."
    )


# --- citation markers and back matter ----------------------------------------------------

MARKED = (
    "Halvard Mill\n\n"
    "The mill at Halvard was first opened on April 9, 1862.[1] Its first miller was Tobias "
    "Krell.[2][3]\n\n"
    "In 1884 the Halvard Milling Guild replaced Krell with Sigrun Vale.[citation needed]\n\n"
    "The mill was restored in 1979[4] and sold to the Halvard Preservation Society on "
    "August 21, 1996.[a][12]\n\n"
    '"We [the Halvard Preservation Society] will grind again," said Ottilie Brask in 2001.'
    "[note 1]\n"
)
CLEAN_DATES = ["April 9, 1862", "1884", "1979", "August 21, 1996", "2001"]
CLEAN_PEOPLE = ["Ottilie Brask", "Sigrun Vale", "Tobias Krell"]
CLEAN_ORGS = ["Halvard Milling Guild", "Halvard Preservation Society"]


def _summary(path: Path, text: str) -> tuple[list[str], list[str], list[str], list[str]]:
    """Write `text` to `path`; return the people, organizations, date answers and sentences."""
    path.write_text(text)
    facts = extract_facts(load_source(path))
    people, orgs = _names(facts)
    return people, orgs, [d.answer for d in facts.dates], [s.text for s in facts.sentences]


def test_citation_markers_in_text_are_dropped_without_gluing_sentences(tmp_path):
    text = MARKED + "\nReferences\n\n1. ^ Halvard Gazette, 1862.\n2. ^ Guild minutes.\n"
    people, orgs, dates, sentences = _summary(tmp_path / "mill.txt", text)
    assert (people, orgs) == (CLEAN_PEOPLE, CLEAN_ORGS)
    assert dates == CLEAN_DATES
    assert sentences[:2] == [
        "The mill at Halvard was first opened on April 9, 1862.",
        "Its first miller was Tobias Krell.",
    ]
    assert not any("[" in s and "Society]" not in s for s in sentences)
    assert "Halvard Gazette" not in " ".join(sentences)
    assert sentences[-1] == (
        '"We [the Halvard Preservation Society] will grind again," said Ottilie Brask in 2001.'
    )


def test_markdown_back_matter_runs_to_the_next_heading_of_its_level(tmp_path):
    text = (
        "# Halvard Mill\n\n"
        "The mill was restored in 1979.[4] Its keeper was Tobias Krell.[^1]\n\n"
        "## Notes\n\nA note naming Greta Lund in 1950.\n\n### Sources\n\nEdda Holm, 1971.\n\n"
        "## Later years\n\nIn 1996 the Halvard Preservation Society bought the mill.\n\n"
        "## See also\n\n- Weser Mill\n- Bremen Dye Works\n"
    )
    people, orgs, dates, sentences = _summary(tmp_path / "mill.md", text)
    assert sentences == [
        "The mill was restored in 1979.",
        "Its keeper was Tobias Krell.",
        "Later years",
        "In 1996 the Halvard Preservation Society bought the mill.",
    ]
    assert (people, orgs, dates) == (
        ["Tobias Krell"],
        ["Halvard Preservation Society"],
        ["1979", "1996"],
    )


def test_html_citation_markers_and_references_list_are_dropped(tmp_path):
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Halvard Mill</title></head>'
        "<body><main><div>"
        '<p>The mill at Halvard was first opened on April 9, 1862.<sup class="reference">'
        '<a href="#cite_note-1">[1]</a></sup> Its first miller was Tobias Krell.'
        '<sup class="reference"><a href="#cite_note-2">[2]</a></sup></p>'
        "<p>In 1884 the Halvard Milling Guild replaced Krell with Sigrun Vale.<sup>[<i>"
        '<a href="/wiki/Citation_needed">citation needed</a></i>]</sup></p>'
        "<h2>References</h2><ol><li>Greta Lund, The Halvard Gazette, 1862.</li>"
        "<li>Minutes of the Bremen Milling Board, 1884.</li></ol>"
        "<h2>Later years</h2><p>In 1996 the Halvard Preservation Society bought the mill "
        "from the Halvard Milling Guild, which had run it for a century.</p>"
        "<h2>External links</h2><ul><li>Official site of the Weser Mill Trust</li></ul>"
        "</div></main></body></html>"
    )
    people, orgs, dates, sentences = _summary(tmp_path / "mill.html", page)
    assert people == ["Sigrun Vale", "Tobias Krell"]
    assert orgs == ["Halvard Milling Guild", "Halvard Preservation Society"]
    assert dates == ["April 9, 1862", "1884", "1996"]
    assert sentences[:2] == [
        "The mill at Halvard was first opened on April 9, 1862.",
        "Its first miller was Tobias Krell.",
    ]


def test_plain_text_heading_above_its_paragraph_is_its_own_sentence(tmp_path):
    text = (
        "Halvard Mill\n\nThe mill opened in 1862 on the river bank.\n\n"
        "Tobias Krell\nTobias Krell ran the mill from 1870 until his death in\n"
        "1901, when his daughter took it over.\n"
    )
    _, _, _, sentences = _summary(tmp_path / "mill.txt", text)
    assert sentences == [
        "The mill opened in 1862 on the river bank.",
        "Tobias Krell",
        "Tobias Krell ran the mill from 1870 until his death in 1901, when his daughter took "
        "it over.",
    ]


# --- picture credits -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news caption's credit glued to it: the photographer is no person of the text
        (
            "Tova Brink at the harbour in 2015. Image: Oskar Lind.",
            "Tova Brink at the harbour in 2015.",
        ),
        ("The mill in 1902. Photo: Weser Archive, U.S. Navy.", "The mill in 1902."),
        ("The mayor spoke (Photo: Ann Lee/AP) to the crowd.", "The mayor spoke to the crowd."),
        ("Credit: Oskar Lind", ""),
        # a figure's panels credited by letter (review 4 kept one, and its body took an alias)
        (
            "The dam in 1931 (a) and in 1950 (b). (credit a, b: work by the Weser Archive)",
            "The dam in 1931 (a) and in 1950 (b).",
        ),
        ("File:harbour_1902.jpg", ""),
        # a sentence that only mentions a picture, or a long line after a label, stays
        ("She kept one image: a lamp.", "She kept one image: a lamp."),
        (
            "Credit: the bank lent the mill money for many years and the town paid it back "
            "in full by 1900.",
            "Credit: the bank lent the mill money for many years and the town paid it back "
            "in full by 1900.",
        ),
    ],
)
def test_picture_credits_are_dropped(text: str, expected: str) -> None:
    assert drop_credits(text) == expected


@pytest.mark.slow
def test_a_photographer_credited_under_a_caption_is_no_person(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text(
        "Harbour reopens\n\nTova Brink at the harbour in 2015. Image: Oskar Lind.\n\n"
        "Tova Brink opened the harbour on Monday.\n",
        encoding="utf-8",
    )
    source = load_source(path)
    assert "Oskar" not in source.text
    assert _names(extract_facts(source))[0] == ["Tova Brink"]


# --- media boxes and name rows (issue 12, review 3) --------------------------------------


def _body(tmp_path: Path, text: str) -> str:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    return load_source(path).text


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Listen to the interview below about the strike at the Weser mills.", True),
        ("Visit the museum's website to learn more about the mill.", True),
        ("For a tour of the old mill, watch the 1962 film Paper Town.", True),
        # a verb of MEDIA_VERBS, but no medium: a sentence of the text
        ("Visit records show that Anna Kohl came to Bremen in 1871.", False),
        # a medium, but no instruction: reported as a fact
        ("The video of the strike was shown in Bremen in 1911.", False),
    ],
)
def test_link_instructions_are_dropped(tmp_path: Path, line: str, dropped: bool) -> None:
    body = _body(tmp_path, f"Mill history\n\nAnna Kohl ran the mill from 1871.\n\n{line}\n")
    assert (line not in body) is dropped


def test_a_media_box_goes_with_the_paragraph_under_it(tmp_path: Path) -> None:
    body = _body(
        tmp_path,
        "Mill history\n\nAnna Kohl ran the mill from 1871.\n\nClick and Explore\n\n"
        "The BBC video on paper towns presents a debate about the mills.\n\n"
        "In 1911 the workers of the mill went on strike.\n",
    )
    assert "Click" not in body and "BBC" not in body
    assert "In 1911 the workers" in body


def test_rows_of_names_in_a_table_stay_apart_entries_with_years_too(tmp_path: Path) -> None:
    # Joined into one sentence, a line-up's rows made "Augameyang Sebastian Rode Gonzalo
    # Castro" one person, key and distractor (review 3); each row is its own line, so its
    # people are still found (a referee, a substitute) and no name runs into the next.
    body = _body(
        tmp_path,
        "Cup final\n\nThe Lions beat the Hawks 2–1 on May 4, 1990.\n\n"
        "Hans Berger Peter Kolb\nUwe Lind Otto Fahr\nMax Roth 12' 88'\n\n"
        "Owners\nKarl Weiss (1901–1920)\nEmma Weiss (1920–1944)\n",
    )
    assert "Peter Kolb\n\nUwe Lind" in body and "Otto Fahr\n\nMax Roth" in body
    assert "Karl Weiss (1901–1920)" in body and "Emma Weiss" in body


@pytest.mark.slow
def test_a_tab_separated_table_keeps_each_cell_to_itself(tmp_path: Path) -> None:
    # A results table typed with tabs was joined into one sentence (a row ends on "Jr.")
    # and "Motorsports Jeff Gordon", a team's last word and its driver, became the person
    # and the key (review 4): each cell stands alone, so no name runs into the next cell
    text = (
        "Aldbury race\n\nKarl Brandt of Weser Motorsports won the race at Aldbury on "
        "Sunday, ahead of Uwe Lind.\n\nResults\n"
        "Pos\tCar\tTeam\tDriver\n"
        "1\t24\tWeser Motorsports\tKarl Brandt\n"
        "2\t18\tWeser Motorsports\tUwe Lind\n"
        "3\t11\tKolbe Racing\tOtto Fahr, Jr.\n"
        "4\t7\tWeser Motorsports\tJonas Pirk\n"
    )
    body = _body(tmp_path, text)
    assert "Weser Motorsports\n\nKarl Brandt" in body and "\t" not in body
    path = tmp_path / "t.txt"
    names = {a.name for a in extract_facts(load_source(path)).actors}
    assert {"Karl Brandt", "Jonas Pirk"} <= names
    assert not [n for n in names if n.split()[0] in ("Motorsports", "Racing")]


def test_textbook_box_headings_are_dropped(tmp_path: Path) -> None:
    # "Dig Deeper" alone on a line was taken for a person and offered as a distractor
    body = _body(
        tmp_path,
        "Mill history\n\nAnna Kohl ran the mill from 1871.\n\nDig Deeper\n\n"
        "In 1911 the workers of the mill went on strike.\n\nLearning Objectives\n\n"
        "Karl Weiss bought the mill in 1920.\n",
    )
    assert "Dig Deeper" not in body and "Learning Objectives" not in body
    assert "In 1911 the workers" in body and "Karl Weiss" in body
