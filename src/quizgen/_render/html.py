"""A self-contained HTML quiz (NAME.html) a student opens in any browser, offline.

One file: the questions as HTML, the style and script inline (`html_assets/`), no font,
image or request from elsewhere. Questions come one at a time or all on one page; typed
answers are checked with the terminal quiz's forgiving rules, computed here in Python
(`quizgen._quiz.forms.answer_key`) and embedded as JSON, so the script only folds the
response and looks it up. Choices and true/false are buttons. After each answer the
source sentence is shown; the score is kept as the student goes and given at the end.
Everything works from the keyboard (Tab, Enter), and printing gives a worksheet.

Escaping: every text goes through `html.escape`; the JSON inside <script> has `<`, `>`
and `&` written as \\u escapes, so no text can close the script element. The answer key is
in the page: this is a quiz to learn from, not an exam.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from quizgen._atomic import atomic_path
from quizgen._deck import BLANK, BLANK_RE, Deck, Question, select_questions
from quizgen._errors import RenderError
from quizgen._lexicon import CHOICE_LETTERS
from quizgen._quiz.check import MIN_TYPO_LENGTH
from quizgen._quiz.forms import answer_key, folding_rules
from quizgen._render import RenderOptions

__all__ = ["OPTIONS", "SUFFIX", "HtmlOptions", "page_data", "render"]

SUFFIX = ".html"


@dataclass(frozen=True)
class HtmlOptions(RenderOptions):
    """The HTML renderer's options: only the common ones (which questions)."""


OPTIONS = HtmlOptions


def render(decks: Sequence[Deck], out_path: Path, options: HtmlOptions) -> list[Path]:
    """Write one quiz page holding every deck's questions at `out_path`; returns [out_path].

    Raises RenderError for no decks or an output that is a folder; nothing is written then.
    """
    out_path = Path(out_path)
    if not decks:
        raise RenderError("html: no decks to render")
    if out_path.is_dir():
        raise RenderError(f"{out_path}: is a folder; give a file name ending in {SUFFIX}")
    chosen = [
        (deck, q)
        for deck in decks
        for q in select_questions(deck.questions, options.kinds, options.types, options.limit)
    ]
    title = " + ".join(deck.title for deck in decks)
    with atomic_path(out_path) as tmp:
        tmp.write_bytes(_page(title, decks, chosen).encode("utf-8"))
    return [out_path]


def page_data(decks: Sequence[Deck], chosen: Sequence[tuple[Deck, Question]]) -> dict[str, Any]:
    """The JSON the page's script reads: folding rules and one answer key per question."""
    questions = []
    for deck, q in chosen:
        entry: dict[str, Any] = {"kind": q.kind, "type": q.type}
        if q.type == "choice":
            entry["choice"] = q.choices.index(q.answer) if q.answer in q.choices else -1
        elif q.type == "truefalse":
            entry["choice"] = 0 if q.answer.strip().lower() == "true" else 1
        else:
            others = [a for o in deck.active() if o.id != q.id for a in o.answers]
            key = answer_key(q, others)
            entry.update(right=key.right, typo=key.typo, near=key.near, retry=key.retry)
        questions.append(entry)
    return {"rules": folding_rules(), "minTypo": MIN_TYPO_LENGTH, "questions": questions}


def _script_json(data: dict[str, Any]) -> str:
    """JSON that stays data inside <script>: no '</script>', no '<!--'."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@cache
def _asset(name: str) -> str:
    return files("quizgen._render").joinpath("html_assets", name).read_text(encoding="utf-8")


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _page(title: str, decks: Sequence[Deck], chosen: Sequence[tuple[Deck, Question]]) -> str:
    count = len(chosen)
    body = "\n".join(_question(i, count, deck, q) for i, (deck, q) in enumerate(chosen))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="quizgen">
<title>{html.escape(title)}</title>
<style>
{_asset("quiz.css")}</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<div class="controls">
<p id="score" aria-live="polite">{count} questions</p>
<button type="button" id="mode" aria-pressed="false">All questions on one page</button>
</div>
<noscript><p>This quiz checks answers with JavaScript; without it the questions can still be read and printed.</p></noscript>
</header>
<main>
{body}
<section id="result" hidden>
<h2>Your score</h2>
<p id="final" tabindex="-1"></p>
<button type="button" id="restart">Start again</button>
</section>
</main>
<script type="application/json" id="quiz-data">{_script_json(page_data(decks, chosen))}</script>
<script>
{_asset("quiz.js")}</script>
</body>
</html>
"""


def _question(i: int, count: int, deck: Deck, q: Question) -> str:
    prompt = _text(BLANK_RE.sub(BLANK, q.prompt))
    if q.type in ("choice", "truefalse"):
        labels = q.choices if q.type == "choice" else ["True", "False"]
        buttons = "\n".join(
            f'<button type="button" class="choice" data-choice="{k}">'
            f"{_letter(k, q)}{_text(label)}</button>"
            for k, label in enumerate(labels)
        )
        answer_ui = (
            f'<fieldset class="choices"><legend class="sr">Choices</legend>\n{buttons}\n</fieldset>'
        )
        shown = _letter(labels.index(q.answer), q) + q.answer if q.answer in labels else q.answer
        if q.type == "truefalse":
            shown = q.answer.strip().capitalize()
    else:
        answer_ui = (
            f'<form class="typed" autocomplete="off"><label class="sr" for="a{i}">Your answer</label>'
            f'<input id="a{i}" name="response" type="text" spellcheck="false">'
            '<button type="submit" class="check">Check</button></form>'
        )
        shown = q.answer
    ref = deck.source_for(q)
    cite = f'<p class="cite">{_text(ref.title or ref.path)}</p>' if ref else ""
    context = f"<blockquote>{_text(q.context)}</blockquote>" if q.context else ""
    return f"""<section class="question" id="q{i}" aria-labelledby="h{i}">
<h2 id="h{i}" tabindex="-1">Question {i + 1} of {count}</h2>
<p class="prompt">{prompt}</p>
{answer_ui}
<p class="verdict" role="status" hidden></p>
<div class="feedback" hidden><p>Answer: <strong>{_text(shown)}</strong></p>{context}{cite}</div>
<button type="button" class="next" hidden>Next question</button>
</section>"""


def _letter(k: int, q: Question) -> str:
    """'A) ' before a choice (none for true/false or past Z)."""
    return f"{CHOICE_LETTERS[k]}) " if q.type == "choice" and k < len(CHOICE_LETTERS) else ""
