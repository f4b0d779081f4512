"""quizgen._sources on the documents people have: .docx, .odt, .epub, .rtf, and files that
are no source (a deck, an Anki package, a worksheet quizgen printed, a format it does not
read). Fixtures are written with the same libraries a word processor's files come from."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from quizgen._errors import SourceError
from quizgen._sources import load_source
from quizgen._sources._packaged import missing_package

FIRST = "On April 2, 1934, the Corran Ferry Company launched its first steam ferry."
SECOND = "In 1952 the Corran Ferry Company replaced the steam ferry with a diesel boat."
NOT_A_FORMAT = "is not a format quizgen reads; save it as .txt, .md, .html, .pdf, .docx or .epub"


def error_of(path: Path) -> str:
    with pytest.raises(SourceError) as info:
        load_source(path)
    return str(info.value)


def write_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "The Ferry"
    document.core_properties.author = "Ann Lee"
    document.core_properties.created = dt.datetime(2001, 6, 14, 10, 0)
    document.add_heading("The Ferry", level=1)
    document.add_paragraph(FIRST)
    document.add_heading("References", level=2)
    document.add_paragraph("Smith, J. Ferries of Scotland. 1990.")
    document.add_heading("Later years", level=2)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "1952"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Diesel boat"
    table.cell(1, 0).text = "1970"
    table.cell(1, 1).text = "Car ferry"
    document.add_paragraph(SECOND)
    document.save(path)
    return path


def test_docx_paragraphs_headings_tables_and_core_properties(tmp_path):
    source = load_source(write_docx(tmp_path / "ferry.docx"))
    assert (source.title, source.author, source.published) == ("The Ferry", "Ann Lee", "2001-06-14")
    # In document order; the References section dropped; a merged cell counted once.
    assert source.text.split("\n\n") == [
        FIRST,
        "Later years",
        "1952 Diesel boat",
        "1970 Car ferry",
        SECOND,
    ]


def test_docx_without_properties_takes_the_title_heading(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.author = ""  # python-docx's template names itself
    document.add_paragraph("Corran Ferry", style="Title")
    document.add_paragraph(FIRST)
    document.save(tmp_path / "untitled.docx")
    source = load_source(tmp_path / "untitled.docx")
    assert (source.title, source.text, source.author) == ("Corran Ferry", FIRST, None)


def test_epub_chapters_in_reading_order(tmp_path):
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("ferry-1")
    book.set_title("The Ferry Book")
    book.set_language("en")
    book.add_author("Ann Lee")
    book.add_metadata("DC", "date", "2001-06-14")
    one = epub.EpubHtml(title="One", file_name="one.xhtml", lang="en")
    one.content = f"<h1>Chapter One</h1><p>{FIRST}</p><script>var x = 1;</script>"
    two = epub.EpubHtml(title="Two", file_name="two.xhtml", lang="en")
    two.content = f"<h2>Chapter Two</h2><div><p>{SECOND}</p></div>"
    for item in (one, two, epub.EpubNcx(), epub.EpubNav()):
        book.add_item(item)
    book.toc = (one, two)
    book.spine = ["nav", two, one]  # the spine, not the order of the files, is the order
    epub.write_epub(tmp_path / "ferry.epub", book)
    source = load_source(tmp_path / "ferry.epub")
    assert (source.title, source.author, source.published) == (
        "The Ferry Book",
        "Ann Lee",
        "2001-06-14",
    )
    assert source.text.split("\n\n") == ["Chapter Two", SECOND, "Chapter One", FIRST]


def test_odt_headings_paragraphs_and_metadata(tmp_path):
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text="The Ferry"))
    doc.meta.addElement(dc.Creator(text="Ann Lee"))
    doc.meta.addElement(dc.Date(text="2001-06-14T10:00:00"))
    doc.text.addElement(H(outlinelevel=1, text="The Ferry"))
    doc.text.addElement(P(text=FIRST))
    doc.text.addElement(H(outlinelevel=2, text="Later years"))
    doc.text.addElement(P(text=SECOND))
    doc.save(str(tmp_path / "ferry.odt"))
    source = load_source(tmp_path / "ferry.odt")
    assert (source.title, source.author, source.published) == ("The Ferry", "Ann Lee", "2001-06-14")
    assert source.text.split("\n\n") == [FIRST, "Later years", SECOND]


def test_rtf_is_read_as_text(tmp_path):
    path = tmp_path / "ferry.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}}\f0 " + FIRST.encode() + rb"\par "
        rb"In 1952 Hugh Baird opened the Caf\'e9 Baird.\par}"
    )
    source = load_source(path)
    assert source.text.split("\n\n") == [FIRST, "In 1952 Hugh Baird opened the Café Baird."]
    assert source.title == "Ferry"


def test_rtf_markup_in_a_txt_file_is_read_too(tmp_path):
    path = tmp_path / "saved-as.txt"
    path.write_bytes(rb"{\rtf1\ansi " + FIRST.encode() + rb"\par}")
    assert load_source(path).text == FIRST


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("notes.pages", b"PK\x03\x04\x14\x00\x06\x00rest", NOT_A_FORMAT),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", NOT_A_FORMAT),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", NOT_A_FORMAT),
        ("program", b"\x7fELF\x02\x01\x01", NOT_A_FORMAT),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, NOT_A_FORMAT),
        ("templates.yaml", b"- kind: date\n  prompt: When?\n", NOT_A_FORMAT),
        (
            "x.yaml",
            b"quizgen: 1\ntitle: X\nquestions: []\n",
            "is a quizgen deck, not a source; use `quizgen anki|pdf|quiz` on it",
        ),
        (
            "x.apkg",
            b"PK\x03\x04\x14\x00\x06\x00rest",
            "is an Anki package, not a source; build from the text it was made from",
        ),
        ("broken.docx", b"PK\x03\x04\x14\x00\x06\x00", "is not a readable Word document"),
        ("broken.epub", b"PK\x05\x06" + b"\x00" * 18, "is not a readable EPUB"),
        ("broken.odt", b"PK\x05\x06" + b"\x00" * 18, "is not a readable OpenDocument text"),
        ("text.docx", b"Just words.", "is not a Word document (it is not a ZIP package)"),
    ],
)
def test_files_that_are_no_source(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    assert error_of(path).startswith(f"{path}: {problem}")


def test_a_worksheet_quizgen_printed_is_refused(tmp_path):
    from quizgen._deck import Deck, Question
    from quizgen._render import render

    deck = Deck(
        title="Ferry",
        questions=[
            Question(id="q-1", kind="date", type="short", prompt="When?", answer="1934"),
        ],
    )
    (pdf,) = render("pdf", [deck], tmp_path / "ferry.pdf")
    assert error_of(pdf) == (
        f"{pdf}: is a worksheet quizgen printed, not a source; build from the text it was "
        "made from, or use `quizgen pdf` on its deck"
    )


def test_a_missing_reader_is_one_line_naming_the_package(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # what `import docx` finds uninstalled
    path = tmp_path / "ferry.docx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00")
    assert error_of(path) == (
        f"{path}: reading it needs the Python package python-docx; "
        "install it with: pip install python-docx"
    )


def test_lxml_html_clean_is_named_for_html(tmp_path, monkeypatch):
    # What jusText raises on a fresh install where the cleaner is not installed.
    exc = ImportError(
        "lxml.html.clean module is now a separate project lxml_html_clean.\n"
        "Install lxml[html_clean] or lxml_html_clean directly."
    )
    assert missing_package(exc, "trafilatura") == "lxml_html_clean"
    # Forget trafilatura and jusText as imported by earlier tests, so they import afresh.
    for module in [m for m in sys.modules if m.split(".")[0] in ("trafilatura", "justext")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setitem(sys.modules, "lxml.html.clean", None)
    path = tmp_path / "note.html"
    path.write_text(f"<html><body><p>{FIRST}</p></body></html>")
    assert error_of(path) == (
        f"{path}: reading it needs the Python package lxml_html_clean; "
        "install it with: pip install lxml_html_clean"
    )
