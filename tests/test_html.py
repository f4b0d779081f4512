"""The HTML quiz: a self-contained page, its answer key agreeing with the terminal quiz's
checker, and (in test_html_browser.py) a real Chromium answering it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quizgen import render
from quizgen._deck import Deck, Question
from quizgen._quiz import check_answer
from quizgen._quiz.check import normalize
from quizgen._quiz.forms import AMBIGUOUS, LESS_PRECISE, answer_key


class _Page(HTMLParser):
    """Tags, attributes, text and scripts of a page, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _page(tmp_path: Path, decks: list[Deck]) -> tuple[str, _Page]:
    out = tmp_path / "quiz.html"
    assert render("html", decks, out) == [out]
    text = out.read_text(encoding="utf-8")
    page = _Page()
    page.feed(text)
    return text, page


def test_the_page_needs_nothing_from_elsewhere(tmp_path: Path, sample_deck: Deck) -> None:
    text, page = _page(tmp_path, [sample_deck])
    for tag, attrs in page.tags:
        assert not ({"src", "href"} & attrs.keys()), (tag, attrs)
        assert tag not in ("link", "iframe", "img", "object", "embed")
    assert "url(" not in text and "@import" not in text and "://" not in text.split("<main>")[0]
    sections = [a for t, a in page.tags if t == "section" and a.get("class") == "question"]
    assert len(sections) == len(sample_deck.active())  # the rejected one is not there
    assert re.search(r"@media print", text)


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    hostile = "</script><script>alert(1)</script> <!-- & \"q\" 'q' {{c1::x}} ]]> مرحبا 🎓"
    deck = Deck(
        title=hostile,
        questions=[
            Question(
                id="q-1",
                kind="actor",
                type="short",
                prompt=hostile,
                answer=hostile,
                context=hostile,
            ),
            Question(
                id="q-2",
                kind="actor",
                type="choice",
                prompt="Which?",
                answer=hostile,
                choices=[hostile, "plain"],
            ),
        ],
    )
    _text, page = _page(tmp_path, [deck])
    # Two scripts (the data and the code) and no third one made of the deck's text.
    assert [t for t, _ in page.tags].count("script") == 2
    data = json.loads(page.scripts[0])
    assert normalize(hostile) in data["questions"][0]["right"]
    assert sum(hostile in chunk for chunk in page.text) >= 4  # title, prompt, choice, context


def test_the_page_is_reproducible(tmp_path: Path, sample_deck: Deck) -> None:
    a, _ = _page(tmp_path / "a", [sample_deck])
    b, _ = _page(tmp_path / "b", [sample_deck])
    assert a == b


# --- the answer key agrees with check_answer ---------------------------------------------


def _q(answer: str, kind: str, accept: tuple[str, ...] = ()) -> Question:
    return Question(
        id="q-x", kind=kind, type="short", prompt="?", answer=answer, accept=list(accept)
    )


@pytest.mark.parametrize(
    ("answer", "kind", "typed"),
    [
        ("June 5, 1947", "date", ["5 June 1947", "June 5th, 1947", "1947-06-05", "5 Jun 1947"]),
        ("1979", "date", ["1979", "in 1979", "AD 1979"]),
        ("the 1950s", "date", ["1950s", "the fifties", "'50s"]),
        ("1914–1918", "date", ["1914-1918", "1914-18", "from 1914 to 1918"]),
        ("George C. Marshall", "actor", ["Marshall", "George Marshall", "george c. marshall"]),
        ("North Atlantic Treaty Organization", "organization", ["the N.A.T.O."]),
    ],
)
def test_every_form_the_key_accepts_the_checker_accepts(
    answer: str, kind: str, typed: list[str]
) -> None:
    question = _q(answer, kind, ("NATO",) if kind == "organization" else ())
    others = ["Harry S. Truman", "1950"]
    key = answer_key(question, others)
    # The key holds folded forms; what a person types is what the checker judges.
    for response in typed:
        assert check_answer(question, response, others).correct, response
        folded = normalize(response)
        assert folded in key.right or folded.split(" ", 1)[-1] in key.right, response
    for wrong in ("1969", "Truman", "June 6, 1947", "1915-1918"):
        assert normalize(wrong) not in key.right


def test_the_key_keeps_what_the_checker_refuses_to_grade() -> None:
    key = answer_key(_q("June 5, 1947", "date"))
    assert key.retry["june 1947"] == LESS_PRECISE
    assert key.retry[normalize("5/6/1947")] == AMBIGUOUS
    assert "june 1947" not in key.right


def test_a_name_that_fits_another_answer_is_not_accepted() -> None:
    key = answer_key(_q("George W. Bush", "actor"), ["George H. W. Bush"])
    assert "bush" not in key.right
    assert normalize("George H. W. Bush") in key.near
    assert not check_answer(_q("George W. Bush", "actor"), "Bush", ["George H. W. Bush"]).correct
