"""quizgen._sources: every format, encoding and bad input, on fixtures made in tmp_path."""

from __future__ import annotations

import codecs
import os
import re
import subprocess
import sys
import timeit
from pathlib import Path

import pytest

import quizgen._sources
from quizgen._errors import SourceError
from quizgen._sources import MAX_SOURCE_BYTES, Source, load_source
from quizgen._sources._hyphens import rejoin_hyphens

ROOT = Path(__file__).resolve().parent.parent

PROSE = (
    "Russia and China are preparing to boost their “strategic partnership” by signing a "
    "treaty.\n\nThe summit is in July, and Putin’s aide said it was “historic.”\n"
)


def write(tmp_path: Path, name: str, content: str | bytes, encoding: str = "utf-8") -> str:
    """Write a fixture and return its path as a string, the way a user names a source."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode(encoding))
    return str(path)


def error_of(path: str) -> str:
    with pytest.raises(SourceError) as info:
        load_source(path)
    return str(info.value)


def test_public_api():
    assert quizgen._sources.__all__ == ["MAX_SOURCE_BYTES", "Source", "load_source"]
    assert MAX_SOURCE_BYTES == 20 * 1024 * 1024
    assert [f for f in Source.__dataclass_fields__] == [
        "path",
        "title",
        "text",
        "published",
        "url",
        "author",
    ]


def test_import_is_light():
    code = (
        "import sys, quizgen._sources; "
        "print(sorted(m for m in ('trafilatura', 'pypdf', 'charset_normalizer', 'spacy') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert out.stdout.strip() == "[]"


# --- encodings ------------------------------------------------------------------------


def test_utf8(tmp_path):
    src = load_source(write(tmp_path, "a.txt", PROSE))
    assert src.text == PROSE.strip()
    assert src.path == str(tmp_path / "a.txt")


def test_pathlike_is_accepted_and_cited_as_given(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(PROSE, encoding="utf-8")
    assert load_source(path).path == str(path)


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
    ids=["utf8-bom", "utf16-le-bom", "utf16-be-bom"],
)
def test_byte_order_marks(tmp_path, bom, encoding):
    src = load_source(write(tmp_path, "a.txt", bom + PROSE.encode(encoding)))
    assert src.text == PROSE.strip()
    assert "\ufeff" not in src.text


def test_cp1252_curly_quotes_and_accents(tmp_path):
    text = "“Café” is the owner’s favourite – a naïve résumé, he said.\n\nIt opened in 1999.\n"
    src = load_source(write(tmp_path, "a.txt", text, encoding="cp1252"))
    assert src.text == text.strip()


def test_cp1252_accented_capital_before_curly_quote(tmp_path):
    # "É’" in cp1252 is C9 92, which happens to be a valid UTF-8 pair; the rest of the
    # file is plainly cp1252, so it must not be called corrupt UTF-8.
    text = "CAFÉ’S OWNER SPEAKS\n\nLe café a ouvert à Noël. Élodie était là. «Très bien», dit-il.\n"
    src = load_source(write(tmp_path, "a.txt", text, encoding="cp1252"))
    assert (src.title, src.text) == ("CAFÉ’S OWNER SPEAKS", text.split("\n\n")[1].strip())


def test_latin1(tmp_path):
    text = "Le garçon a mangé une crème brûlée à Noël.\n\nÜber die Straße, «oui».\n"
    src = load_source(write(tmp_path, "a.txt", text, encoding="latin-1"))
    assert src.text == text.strip()


def test_short_latin1_word_is_not_mojibake(tmp_path):
    assert load_source(write(tmp_path, "a.txt", "café\n", encoding="latin-1")).text == "café"


def test_cyrillic_cp1251_is_detected(tmp_path):
    text = "Президент России Владимир Путин встретился с министром иностранных дел Китая.\n"
    src = load_source(write(tmp_path, "a.txt", text, encoding="cp1251"))
    assert src.text == text.strip()


def test_corrupt_utf8_mid_file_is_an_error_not_cp1252(tmp_path):
    good = "Le garçon a mangé.\nIl a dit « oui ».\n".encode()
    data = good + b"La cr\xe8me br\xfbl\xe9e.\n" + "Noël à Paris.\n".encode()
    path = write(tmp_path, "broken.txt", data)
    assert error_of(path) == (
        f"{path}: line 3 is not valid UTF-8 (byte 0xE8); the file is UTF-8 with corrupt "
        "bytes, fix that line or save the file as UTF-8 again"
    )


def test_corrupt_utf8_after_bom_is_an_error(tmp_path):
    path = write(tmp_path, "broken.txt", codecs.BOM_UTF8 + b"one\ntwo \xff three\n")
    assert error_of(path).startswith(f"{path}: line 2 is not valid UTF-8 (byte 0xFF)")


def test_utf16_without_bom(tmp_path):
    path = write(tmp_path, "a.txt", PROSE.encode("utf-16-le"))
    assert error_of(path) == (
        f"{path}: looks like UTF-16 without a byte-order mark; save it as UTF-8"
    )


# --- cleaning -------------------------------------------------------------------------


def test_whitespace_control_characters_and_nfc(tmp_path):
    raw = (
        "\x1b[2J\x1b[1;31mFirst\tline   of\x07 the   paragraph  \r\n"
        "and its second line.\x1b[0m\r\n\r\n\r\n\r\n"
        "Cafe\u0301 \u00a0opened  in\u00ad 1999.\r"
        "\x0c"
    )
    src = load_source(write(tmp_path, "a.txt", raw))
    assert src.text == "First line of the paragraph and its second line.\n\nCafé opened in 1999."
    assert re.search(r"[\x00-\x09\x0b-\x1f\x7f]", src.text) is None


def test_typographic_quotes_are_kept(tmp_path):
    src = load_source(write(tmp_path, "a.txt", "He said “it’s done” — ‘finally’.\n"))
    assert src.text == "He said “it’s done” — ‘finally’."


def test_boilerplate_lines_dropped_real_sentences_kept(tmp_path):
    text = (
        "Skip to content\n\n"
        "Treaty Signed in Moscow\n\n"
        "Share\nTIMES STAFF WRITER\n\n"
        "By JOHN SMITH\n\n"
        "Putin and Jiang signed the treaty in July.\n\n"
        "Advertisement\n\n"
        "Share the load, the minister told reporters in Beijing.\n\n"
        "Sponsored\n\n"
        "By the time the summit opened, both sides had agreed.\n\n"
        "Associated Press\n\n"
        "Subscribe to our newsletter.\n\n"
        "Sign up for the language class before the exam in May, the dean said.\n\n"
        "Click here to read more\n\n"
        "Read more...\n\n"
        "Reuters\n\n"
        "Share this article"
    )
    src = load_source(write(tmp_path, "news.txt", text))
    assert src.title == "Treaty Signed in Moscow"
    assert src.text.split("\n\n") == [
        "Putin and Jiang signed the treaty in July.",
        "Share the load, the minister told reporters in Beijing.",
        "By the time the summit opened, both sides had agreed.",
        "Sign up for the language class before the exam in May, the dean said.",
    ]


def test_real_article(shared_dir):
    path = shared_dir / "corpus" / "russia-china-2001.txt"
    src = load_source(str(path))
    assert src.title == "Russia, China Gear Up for Pact to Seal ‘Strategic Partnership’"
    lines = src.text.split("\n")
    for furniture in ("Advertisement", "Share", "TIMES STAFF WRITER"):
        assert furniture not in lines
    assert src.title not in src.text
    # Every line of the original that is a sentence is still there, word for word.
    raw = path.read_text(encoding="utf-8")
    sentences = [ln.strip() for ln in raw.splitlines() if re.search(r"[.!?][”’\"]?$", ln)]
    assert len(sentences) > 15
    paragraphs = src.text.split("\n\n")
    for sentence in sentences:
        assert sentence in paragraphs
    assert len(paragraphs) == len(sentences)


def test_txt_separator_lines_are_dropped(tmp_path):
    src = load_source(
        write(tmp_path, "a.txt", "Title Here\n\n---\n\nBody text.\n\n* * *\n\nEnd.\n")
    )
    assert (src.title, src.text) == ("Title Here", "Body text.\n\nEnd.")


def test_txt_paragraph_lines_are_joined_and_lists_kept(tmp_path):
    text = "The treaty was drafted\nin Moscow and signed\nin July.\n\nItems:\n- one\n- two\n"
    src = load_source(write(tmp_path, "a.txt", text))
    assert (
        src.text == "The treaty was drafted in Moscow and signed in July.\n\nItems:\n- one\n- two"
    )


# --- titles and front matter ----------------------------------------------------------


def test_txt_headline_is_the_title_and_leaves_the_body(tmp_path):
    src = load_source(write(tmp_path, "a.txt", "Moscow Summit Set for July\n\n" + PROSE))
    assert src.title == "Moscow Summit Set for July"
    assert src.text == PROSE.strip()


def test_txt_first_line_that_is_a_sentence_is_not_a_headline(tmp_path):
    text = "The summit is set for July.\n\nIt will be in Moscow.\n"
    src = load_source(write(tmp_path, "summit_notes-2001.txt", text))
    assert src.title == "Summit notes 2001"
    assert src.text == text.strip()


def test_txt_first_line_without_blank_line_is_not_a_headline(tmp_path):
    text = "Moscow summit\nset for July by both sides.\n"
    src = load_source(write(tmp_path, "notes.txt", text))
    assert src.title == "Notes"
    assert src.text == "Moscow summit set for July by both sides."


def test_file_name_title(tmp_path):
    src = load_source(write(tmp_path, "russia-china_pact.txt", PROSE))
    assert src.title == "Russia china pact"


def test_front_matter_every_field(tmp_path):
    text = (
        "---\n"
        "title: Russia, China Gear Up\n"
        "url: https://example.org/a?b=1\n"
        'published: "2001-05-04"\n'
        "author: Robyn Dixon\n"
        "tags: [ignored, too]\n"
        "---\n" + PROSE
    )
    src = load_source(write(tmp_path, "a.md", text))
    assert (src.title, src.url, src.published, src.author) == (
        "Russia, China Gear Up",
        "https://example.org/a?b=1",
        "2001-05-04",
        "Robyn Dixon",
    )
    assert src.text == PROSE.strip()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2001-05-04", "2001-05-04"),  # a YAML date
        ("'2001-05-04'", "2001-05-04"),
        ("2001-05", "2001-05"),
        ('"2001-05"', "2001-05"),
        ("2001", "2001"),
        ("'2001'", "2001"),
        ("2001-05-04T10:30:00Z", "2001-05-04"),
        ("May 4, 2001", "2001-05-04"),
        ("4 May 2001", "2001-05-04"),
    ],
)
def test_front_matter_published_is_iso(tmp_path, value, expected):
    src = load_source(write(tmp_path, "a.txt", f"---\npublished: {value}\n---\n{PROSE}"))
    assert src.published == expected


def test_front_matter_bad_date(tmp_path):
    path = write(tmp_path, "a.txt", f"---\npublished: soon\n---\n{PROSE}")
    assert error_of(path) == (
        f"{path}: front matter 'published: soon' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY"
    )


def test_front_matter_bad_yaml(tmp_path):
    path = write(tmp_path, "a.md", f"---\ntitle: a\n  bad: [\n---\n{PROSE}")
    assert error_of(path).startswith(f"{path}: line ")
    assert "front matter is not valid YAML" in error_of(path)


def test_front_matter_with_crlf_line_endings(tmp_path):
    path = write(tmp_path, "a.md", b"---\r\ntitle: CRLF\r\nauthor: A. B.\r\n---\r\nBody.\r\n")
    src = load_source(path)
    assert (src.title, src.author, src.text) == ("CRLF", "A. B.", "Body.")


def test_prose_between_rules_is_not_front_matter(tmp_path):
    text = "---\nNote: it rained in Moscow on the day of the summit.\n---\n\nText.\n"
    src = load_source(write(tmp_path, "a.txt", text))
    assert src.text == "Note: it rained in Moscow on the day of the summit.\n\nText."


def test_front_matter_title_wins_and_headline_stays_in_body(tmp_path):
    text = "---\ntitle: The Real Title\n---\nA Different Headline\n\n" + PROSE
    src = load_source(write(tmp_path, "a.txt", text))
    assert src.title == "The Real Title"
    assert src.text == "A Different Headline\n\n" + PROSE.strip()


def test_markdown_heading_is_title_and_syntax_is_stripped(tmp_path):
    text = (
        "# The *Moscow* Summit\n\n"
        "Putin and **Jiang Zemin** will [sign the treaty](https://example.org) in `July`.\n"
        "The talks ran late.\n\n"
        "## Background\n"
        "> A 1950 accord was allowed to lapse\n"
        "> in 1979.\n\n"
        "* First point, on snake_case_names.\n"
        "* Second point\n"
        "1. Numbered item\n\n"
        "---\n\n"
        "Setext Heading\n"
        "--------------\n\n"
        "![A map of Asia](map.png) shows the border.\n"
    )
    src = load_source(write(tmp_path, "summit.md", text))
    assert src.title == "The Moscow Summit"
    assert src.text.split("\n\n") == [
        "Putin and Jiang Zemin will sign the treaty in July. The talks ran late.",
        "Background",
        "A 1950 accord was allowed to lapse in 1979.",
        "First point, on snake_case_names.",
        "Second point",
        "Numbered item",
        "Setext Heading",
        "A map of Asia shows the border.",
    ]


def test_markdown_without_heading_takes_the_file_name(tmp_path):
    src = load_source(write(tmp_path, "my_notes.markdown", "Plain *text* here.\n"))
    assert (src.title, src.text) == ("My notes", "Plain text here.")


@pytest.mark.parametrize("name", ["notes.text", "notes.rst", "notes", "NOTES.TXT"])
def test_other_endings_are_plain_text(tmp_path, name):
    src = load_source(write(tmp_path, name, "Summit Set\n\n" + PROSE))
    assert (src.title, src.text) == ("Summit Set", PROSE.strip())


# --- HTML -----------------------------------------------------------------------------

HTML = """<!doctype html>
<html><head><meta charset="utf-8"><title>Pact signed | The Daily</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2001-05-04T10:00:00Z">
<link rel="canonical" href="https://example.org/news/pact"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li>
<li><a href="/sport">Sport pages index</a></li></ul></nav>
<article><h1>Russia and China sign a pact</h1>
<p>Russia and China are preparing to boost their “strategic partnership” by signing a treaty
of friendship and cooperation, officials in both capitals said.</p>
<p>Chinese Foreign Minister Tang Jiaxuan flew home Tuesday carrying the draft accord in his
briefcase. Putin and Jiang Zemin are to sign it at a Moscow summit in July.</p>
<p>The treaty will be the first full-fledged pact between Beijing and Moscow since a 1950
accord was allowed to lapse in 1979 at China’s request.</p>
</article>
<footer><p>Copyright 2001 The Daily. All rights reserved. Privacy policy and cookie terms.</p>
</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    src = load_source(write(tmp_path, "pact.html", HTML))
    assert src.title == "Russia and China sign a pact"
    assert (src.published, src.author, src.url) == (
        "2001-05-04",
        "Jane Roe",
        "https://example.org/news/pact",
    )
    paragraphs = src.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("Russia and China are preparing to boost their “strategic")
    assert "Tang Jiaxuan flew home Tuesday" in paragraphs[1]
    assert paragraphs[2].endswith("lapse in 1979 at China’s request.")
    for furniture in ("World news menu", "Sport pages", "Copyright", "Privacy", "Home"):
        assert furniture not in src.text


def test_html_cp1252_charset(tmp_path):
    page = HTML.replace('charset="utf-8"', 'charset="windows-1252"')
    src = load_source(write(tmp_path, "pact.htm", page, encoding="cp1252"))
    assert "“strategic partnership”" in src.text
    assert "China’s request" in src.text


def test_html_without_main_text(tmp_path):
    path = write(
        tmp_path, "empty.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    assert error_of(path) == f"{path}: has no main text that quizgen can find in the HTML"


# --- PDF ------------------------------------------------------------------------------


def make_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> str:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        y = 800
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 14
        pdf.showPage()
    pdf.save()
    return str(path)


def test_pdf_text_hyphenation_and_title(tmp_path):
    lines = [
        "The treaty will be the first full-fledged inter-",
        "national pact between Beijing and Moscow since the Sino-",
        "Soviet accord of 1950, which was allowed to lapse in",
        "1979 at the request of China.",
        "",
        "Putin and Jiang Zemin are to sign it in July.",
    ]
    path = make_pdf(tmp_path / "pact.pdf", [lines, ["A second page ends the text."]], "The Pact")
    src = load_source(path)
    assert src.title == "The Pact"
    assert src.text.split("\n\n") == [
        "The treaty will be the first full-fledged international pact between Beijing and "
        "Moscow since the Sino-Soviet accord of 1950, which was allowed to lapse in 1979 at "
        "the request of China.",
        "Putin and Jiang Zemin are to sign it in July.",
        "A second page ends the text.",
    ]


def test_rejoining_hyphens_keeps_pairs_spelled_with_a_hyphen_anywhere():
    text = "well-\nknown, the swell-knowns; inter-\nnational, Sino-\nSoviet, non-\n1950"
    assert (
        rejoin_hyphens(text) == "well-known, the swell-knowns; international, Sino-Soviet, non-1950"
    )


def _broken_lines(breaks: int) -> str:
    """About 100 characters a line, each line ending in a word broken by a hyphen."""
    words = ["treaty", "partner", "summit", "border", "accord", "region", "council"]
    return "".join(
        f"line {i} speaks of the {words[i % 7]} and the {words[(i + 3) % 7]} and the gov-\n"
        f"ernments of well-known states "
        for i in range(breaks)
    )


def test_rejoining_hyphens_grows_with_the_text_not_its_square():
    # Not a time limit: the ratio of two sizes. Linear work makes 8x the text cost about 8x
    # (the quadratic version: about 64x, 10 s for 8,000 breaks).
    def seconds(text: str) -> float:
        return min(timeit.repeat(lambda: rejoin_hyphens(text), number=1, repeat=3))

    small, large = _broken_lines(1000), _broken_lines(8000)
    assert "-\n" not in rejoin_hyphens(large) and "governments" in rejoin_hyphens(small)
    assert seconds(large) / seconds(small) < 24


def test_pdf_placeholder_title_falls_back_to_file_name(tmp_path):
    # reportlab writes "untitled" when no title is set.
    path = make_pdf(tmp_path / "border_talks.pdf", [["The border talks ended in 1969."]])
    src = load_source(path)
    assert (src.title, src.author) == ("Border talks", None)


def test_pdf_without_text_layer(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", [[""]])
    assert error_of(path) == (
        f"{path}: has no text layer (a scanned PDF?); quizgen reads text only"
    )


def test_pdf_that_is_not_a_pdf(tmp_path):
    path = write(tmp_path, "notes.pdf", PROSE)
    assert error_of(path) == f"{path}: is not a PDF (it has no %PDF header)"


def test_damaged_pdf(tmp_path):
    path = write(tmp_path, "bad.pdf", b"%PDF-1.4\n" + b"garbage " * 50)
    assert error_of(path).startswith(f"{path}: ")


# --- bad input ------------------------------------------------------------------------


def test_missing_file(tmp_path):
    path = str(tmp_path / "nope.txt")
    assert error_of(path) == f"{path}: no such file"


def test_relative_path_is_named_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert error_of("sources/x.txt") == "sources/x.txt: no such file"


def test_directory(tmp_path):
    (tmp_path / "d.txt").mkdir()
    assert error_of(str(tmp_path / "d.txt")) == f"{tmp_path / 'd.txt'}: is a directory"


@pytest.mark.parametrize(
    "content",
    [b"", b"  \n\t\r\n  ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty(tmp_path, content):
    path = write(tmp_path, "x.txt", content)
    assert error_of(path) == f"{path}: is empty"


def test_only_boilerplate_has_no_text(tmp_path):
    path = write(tmp_path, "x.txt", "Advertisement\n\nShare\n")
    assert error_of(path) == f"{path}: has no text"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("x.txt", b"%PDF-1.4\n1 0 obj"),
        ("x.txt", b"plain words \x00 then a NUL"),
        ("x.html", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("x.md", bytes(range(1, 32)) * 20),
    ],
)
def test_binary(tmp_path, name, content):
    # Binary data under an ending that promises text; other endings are formats quizgen
    # does not read (tests/test_sources_formats.py).
    path = write(tmp_path, name, content)
    assert error_of(path) == f"{path}: is binary, not text"


def test_unreadable(tmp_path, monkeypatch):
    path = write(tmp_path, "locked.txt", PROSE)
    os.chmod(path, 0)
    if os.geteuid() == 0:
        # root reads any file; make open() fail the way it does for everyone else.
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(quizgen._sources, "open", refuse, raising=False)
    try:
        assert error_of(path) == f"{path}: cannot be read (permission denied)"
    finally:
        os.chmod(path, 0o644)


def test_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    path = str(tmp_path / "a.txt")
    assert error_of(path) == f"{path}: is a symbolic link loop"


def test_broken_symlink(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")
    path = str(tmp_path / "a.txt")
    assert error_of(path) == f"{path}: is a broken symbolic link"


def test_not_a_regular_file(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert error_of(str(fifo)) == f"{fifo}: is not a regular file"


def test_too_large(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:  # sparse: takes no disk space
        f.truncate(21 * 1024 * 1024)
    assert error_of(str(path)) == f"{path}: is 21 MB; the largest source quizgen reads is 20 MB"


def test_just_over_the_limit_is_not_rounded_down(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(MAX_SOURCE_BYTES + 1)
    assert error_of(str(path)) == (f"{path}: is 20.1 MB; the largest source quizgen reads is 20 MB")
