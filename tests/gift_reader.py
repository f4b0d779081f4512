"""A reader of Moodle's GIFT format, written from its documentation
(https://docs.moodle.org/en/GIFT_format), for the tests of the gift export.

pygiftparser (PyPI, 1.1) was evaluated first and is not usable: it ends an answer block at
an escaped `\\}`, keeps `\\:` in a category and leaves the escapes in question text.

What it reads: `//` comment lines; blocks separated by blank lines; `$CATEGORY: path`;
questions `::name::[format]text{answers####general feedback}tail`, where the answers are
`T`/`TRUE`/`F`/`FALSE`, or `=right` and `~wrong` each with an optional `#feedback`.
`\\X` is a literal X for X in `~=#{}:\\`, and `\\n` is a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPABLE = "~=#{}:\\"


@dataclass
class GiftQuestion:
    """One question as Moodle would read it: type is multichoice, shortanswer or truefalse."""

    category: str
    name: str
    format: str
    text: str  # the text with the answer block taken out ("missing word": before + ___ + after)
    tail: str  # text after the answer block ("" unless a missing-word question)
    qtype: str
    right: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    truth: bool | None = None
    general_feedback: str = ""


Tokens = list[tuple[str, bool]]  # (character, is it literal text, i.e. was it escaped)


def _tokens(text: str) -> Tokens:
    out: Tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and (text[i + 1] in _ESCAPABLE or text[i + 1] == "n"):
            out.append(("\n" if text[i + 1] == "n" else text[i + 1], True))
            i += 2
        else:
            out.append((ch, False))
            i += 1
    return out


def _text(tokens: Tokens) -> str:
    return "".join(ch for ch, _ in tokens)


def _find(tokens: Tokens, syntax: str, start: int = 0) -> int:
    """Index where the unescaped characters `syntax` start, or -1."""
    for i in range(start, len(tokens) - len(syntax) + 1):
        if all(tokens[i + k] == (c, False) for k, c in enumerate(syntax)):
            return i
    return -1


def _split(tokens: Tokens, marks: str) -> list[tuple[str, Tokens]]:
    """Split at each unescaped character of `marks`: [(mark, tokens after it), ...]."""
    parts: list[tuple[str, Tokens]] = []
    for ch, literal in tokens:
        if not literal and ch in marks:
            parts.append((ch, []))
        elif parts:
            parts[-1][1].append((ch, literal))
        elif ch.strip():
            raise ValueError(f"answer text before the first = or ~: {_text(tokens)!r}")
    return parts


def read_gift(source: str) -> list[GiftQuestion]:
    """Every question of a GIFT file, in order. Raises ValueError for what Moodle refuses."""
    lines = [line for line in source.splitlines() if not line.lstrip().startswith("//")]
    blocks = re.split(r"\n\s*\n", "\n".join(lines))
    category, questions = "", []
    for block in (b.strip() for b in blocks):
        if not block:
            continue
        if block.startswith("$CATEGORY:"):
            category = block[len("$CATEGORY:") :].strip()
            continue
        questions.append(_question(block, category))
    return questions


def _question(block: str, category: str) -> GiftQuestion:
    tokens = _tokens(block)
    name = ""
    if _find(tokens, "::") == 0:
        end = _find(tokens, "::", 2)
        if end < 0:
            raise ValueError(f"unclosed question name: {block!r}")
        name, tokens = _text(tokens[2:end]).strip(), tokens[end + 2 :]
    fmt = ""
    if (m := re.match(r"\[(html|plain|markdown|moodle)\]", _text(tokens))) and not any(
        lit for _, lit in tokens[: m.end()]
    ):
        fmt, tokens = m.group(1), tokens[m.end() :]
    open_at = _find(tokens, "{")
    close_at = _find(tokens, "}", open_at + 1) if open_at >= 0 else -1
    if open_at < 0 or close_at < 0:
        raise ValueError(f"no answer block: {block!r}")
    if -1 < _find(tokens, "{", open_at + 1) < close_at:
        raise ValueError(f"a brace inside the answer block: {block!r}")
    before, inside, after = tokens[:open_at], tokens[open_at + 1 : close_at], tokens[close_at + 1 :]
    if _find(after, "{") != -1 or _find(after, "}") != -1:
        raise ValueError(f"unescaped brace after the answers: {block!r}")
    general = ""
    if (at := _find(inside, "####")) >= 0:
        general, inside = _text(inside[at + 4 :]), inside[:at]
    question = GiftQuestion(
        category=category,
        name=name,
        format=fmt,
        text=_text(before).strip(),
        tail=_text(after).strip(),
        qtype="",
        general_feedback=general,
    )
    word = _text(inside).strip()
    if word in ("T", "TRUE", "F", "FALSE") and not any(lit for _, lit in inside):
        question.qtype, question.truth = "truefalse", word.startswith("T")
        return question
    for mark, answer in _split(inside, "=~"):
        if (hash_at := _find(answer, "#")) >= 0:
            answer = answer[:hash_at]
        (question.right if mark == "=" else question.wrong).append(_text(answer).strip())
    if not question.right:
        raise ValueError(f"no right answer: {block!r}")
    question.qtype = "multichoice" if question.wrong else "shortanswer"
    return question
