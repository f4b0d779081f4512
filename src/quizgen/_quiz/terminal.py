"""The quiz in a terminal: print questions, read answers, show the verdict.

In a terminal it uses light colour (never when NO_COLOR is set) and readline editing,
and wraps long lines at word boundaries to the terminal's width (a terminal left to
itself breaks words: "A\nustria"); when stdin is a pipe it reads one answer per line,
echoes it so the transcript reads well, and prints plain text, unwrapped unless COLUMNS
is set. Deck text is printed only after `clean` has removed terminal control sequences,
so a deck cannot clear the screen or move the cursor.
"""

from __future__ import annotations

import os
import sys
import textwrap
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TextIO

from fsrs import Rating

from quizgen._lexicon import CHOICE_LETTERS, choice_letter
from quizgen._quiz.check import LESS_PRECISE, REFUSED, Verdict, answer_label, hint
from quizgen._quiz.session import Session, SessionQuestion, SessionResult
from quizgen._quiz.stats import BUCKETS, DeckStats
from quizgen._safetext import strip_unsafe

_STYLES = {"bold": "1", "dim": "2", "green": "32", "red": "31", "yellow": "33", "cyan": "36"}
_KIND_WORDS = {
    "short": "short answer",
    "cloze": "fill in the blank",
    "choice": "multiple choice",
    "truefalse": "true or false",
}
_GRADES = {
    "1": Rating.Again,
    "again": Rating.Again,
    "a": Rating.Again,
    "2": Rating.Hard,
    "hard": Rating.Hard,
    "h": Rating.Hard,
    "3": Rating.Good,
    "good": Rating.Good,
    "g": Rating.Good,
    "4": Rating.Easy,
    "easy": Rating.Easy,
    "e": Rating.Easy,
}


def clean(text: str) -> str:
    """Deck text made safe to print: escape sequences and control characters removed,
    tabs and newlines kept."""
    return strip_unsafe(text)


@dataclass
class Console:
    """Where the quiz reads and writes. `interactive` when stdin is a terminal."""

    out: TextIO
    inp: TextIO
    interactive: bool
    color: bool
    width: int | None = None  # wrap lines to this many columns; None: never wrap

    @classmethod
    def detect(cls, out: TextIO | None = None) -> Console:
        """A console on the real stdin and `out` (stdout by default), colour if it is a
        terminal and NO_COLOR is not set, wrapped to the terminal (or COLUMNS) width."""
        out = out or sys.stdout
        interactive = sys.stdin.isatty()
        color = (
            interactive
            and out.isatty()
            and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb"
        )
        if interactive:
            import readline  # noqa: F401  (line editing for input())
        return cls(out, sys.stdin, interactive, color, _width(out))

    def fill(self, text: str, indent: str = "", hang: str | None = None) -> str:
        """`text` wrapped at word boundaries to the console's width, each line of it
        starting with `indent` and its continuation lines with `hang` (default: indent)."""
        hang = indent if hang is None else hang
        if not self.width:
            return indent + text
        lines = []
        for k, line in enumerate(text.split("\n")):
            lines.append(
                textwrap.fill(
                    line,
                    max(self.width - 1, 20),
                    initial_indent=indent if k == 0 else hang,
                    subsequent_indent=hang,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or (indent if k == 0 else hang).rstrip()
            )
        return "\n".join(lines)

    def style(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_STYLES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def say(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def ask(self, prompt: str) -> str | None:
        """Read one line; None at end of input (Ctrl-D, or the pipe ran dry)."""
        if self.interactive:
            # input() must print the prompt itself, or readline redraws the line without it.
            if self.out is not sys.stdout:
                self.out.write(prompt)
                self.out.flush()
                prompt = ""
            try:
                return _decoded(input(prompt))
            except EOFError:
                self.say()
                return None
        self.out.write(prompt)
        self.out.flush()
        line = self.inp.readline()
        if not line:
            self.say()
            return None
        line = _decoded(line.rstrip("\r\n"))
        # Piped answers are not echoed by a terminal; echo them so the transcript reads well.
        self.say(clean(line))
        return line


def _width(out: TextIO) -> int | None:
    """The columns to wrap to: the terminal's, or COLUMNS when set; None for a pipe."""
    import shutil

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"]) or None
    try:
        return shutil.get_terminal_size().columns if out.isatty() else None
    except (AttributeError, ValueError, OSError):
        return None


def _decoded(line: str) -> str:
    """The line with bytes that were not UTF-8 (read as lone surrogates) made U+FFFD.

    Python reads undecodable stdin bytes as surrogates, which SQLite cannot store.
    """
    return line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def run_quiz(session: Session, console: Console, self_grade: bool = False) -> SessionResult:
    """Ask every planned item until done, `q`, Ctrl-C or end of input; return the score
    (`interrupted` after Ctrl-C).

    Each answer is recorded by the session before the next question is shown.
    """
    items = session.items
    if not items:
        result = session.finish()
        titles = ", ".join(clean(d.title) for d in session.decks)
        waiting = next_due_line(result.next_due, result.ended, result.due_left, result.new_left)
        console.say(f"{titles}: nothing to study right now. {waiting}")
        if result.next_due is not None:
            console.say("Use --all to practise anyway.")
        return result
    _intro(session, console)
    interrupted = False
    try:
        for number, item in enumerate(items, 1):
            if not _ask_item(session, console, item, number, len(items), self_grade):
                break
    except KeyboardInterrupt:
        console.say()
        interrupted = True
    result = session.finish()
    result.interrupted = interrupted
    _summary(result, console)
    return result


def _intro(session: Session, console: Console) -> None:
    items = session.items
    titles = ", ".join(clean(d.title) for d in session.decks)
    new = sum(item.is_new for item in items)
    count = f"{len(items)} question{'s' if len(items) != 1 else ''}"
    detail = "" if session.options.all else f" ({len(items) - new} due, {new} new)"
    console.say(console.style(console.fill(f"{titles}: {count}{detail}"), "bold"))
    help_line = "Type your answer and press Enter.  ? hint  s skip  q quit"
    console.say(console.style(console.fill(help_line), "dim"))


def _ask_item(
    session: Session,
    console: Console,
    item: SessionQuestion,
    number: int,
    total: int,
    self_grade: bool,
) -> bool:
    """Ask one item; False when the person quits or input ends.

    A refused response (see `check.REFUSED`) is asked again and graded never; a date one
    step short of the answer's precision is asked again once ("More precisely?").
    """
    q = item.question
    console.say()
    where = f" · {clean(item.deck.title)}" if len(session.decks) > 1 else ""
    head = f"Question {number}/{total}"
    text = console.fill(f"{head} · {q.kind} · {_KIND_WORDS.get(q.type, q.type)}{where}")
    console.say(console.style(head, "bold") + console.style(text[len(head) :], "dim"))
    console.say(console.fill(clean(q.prompt)))
    if q.type == "choice":
        for letter, choice in zip(CHOICE_LETTERS, q.choices, strict=False):
            console.say(console.fill(clean(choice), f"  {letter}) ", "     "))
    prompt = "(t/f) > " if q.type == "truefalse" else "> "
    if q.type == "choice":
        prompt = f"({CHOICE_LETTERS[0]}-{CHOICE_LETTERS[min(len(q.choices), 26) - 1]}) > "
    hints = 0
    pressed = False
    shown = time.monotonic()
    while True:
        line = console.ask(prompt)
        if line is None:
            return False
        said = line.strip()
        command = said.lower()
        if command == "q":
            return False
        if command == "s":
            session.skip(item)
            console.say(console.style(f"Skipped. The answer: {clean(answer_label(q))}", "yellow"))
            return True
        if command == "?":
            hints += 1
            console.say(console.style(f"Hint: {clean(hint(q, hints))}", "cyan"))
            continue
        if not said:
            console.say("Type an answer, ? for a hint, s to skip or q to quit.")
            continue
        verdict = session.check(item, said)
        if verdict.how in REFUSED:
            last = choice_letter(min(len(q.choices), 26) - 1) if q.choices else ""
            console.say(console.fill(_REFUSALS[verdict.how].format(last=last)))
            continue
        if verdict.how == LESS_PRECISE and not pressed:
            pressed = True
            console.say("More precisely?")
            continue
        break
    took = timedelta(seconds=time.monotonic() - shown)
    _verdict(console, session, item, verdict, hinted=hints > 0)
    rating = None
    if verdict.correct and self_grade:
        try:
            rating = _self_grade(console, hinted=hints > 0)
        except KeyboardInterrupt:
            # The answer was given: keep it (default grade) even if the rating was not.
            session.record(item, said, verdict, None, hinted=hints > 0, duration=took)
            raise
    session.record(item, said, verdict, rating, hinted=hints > 0, duration=took)
    return True


_REFUSALS = {
    "not true or false": "Answer t (true) or f (false).",
    "no such choice": "There is no such choice: type a letter from A to {last}, or the answer.",
    "ambiguous date": "Which is the day and which the month? Write the month as a word"
    " (or start the quiz with --date-order dmy or mdy).",
}


def _verdict(
    console: Console, session: Session, item: SessionQuestion, verdict: Verdict, hinted: bool
) -> None:
    q = item.question
    answer = clean(answer_label(q))
    if verdict.correct:
        note = {
            "typo": " (one typo forgiven)",
            "surname": " (surname accepted)",
            "short name": " (short name accepted)",
        }.get(verdict.how, "")
        if hinted:
            note += " (with a hint)"
        head, text = "Right!", f"Right! {answer}{note}"
        styles: tuple[str, ...] = ("green", "bold")
    else:
        head, text = "Wrong.", f"Wrong. The answer is: {answer}"
        styles = ("red", "bold")
    console.say(console.style(head, *styles) + console.fill(text, hang="  ")[len(head) :])
    if not verdict.correct and q.accept:
        console.say(console.fill(f"Also accepted: {clean(', '.join(q.accept))}", "  "))
    if q.context and not _asked_later(session, item):
        console.say(console.style(console.fill(f"Source: {clean(q.context)}", "  "), "dim"))


def _asked_later(session: Session, item: SessionQuestion) -> bool:
    """Does a question still to come in this session rest on the same source sentence?

    Its sentence shown now would answer it ("Source: ... in 1979." before "True or false:
    ... in 1979."); it is shown after that question instead.
    """
    at = next(k for k, other in enumerate(session.items) if other is item)
    later = session.items[at + 1 :]
    context = " ".join(item.question.context.split())
    return any(" ".join(other.question.context.split()) == context for other in later)


def _self_grade(console: Console, hinted: bool) -> Rating | None:
    default = "2" if hinted else "3"
    while True:
        line = console.ask(
            f"How well did you know it? 1 again, 2 hard, 3 good, 4 easy [{default}] "
        )
        if line is None:
            return None
        word = line.strip().lower() or default
        if word in _GRADES:
            return _GRADES[word]
        console.say("Type 1, 2, 3 or 4 (or press Enter).")


def _summary(result: SessionResult, console: Console) -> None:
    console.say()
    answered = result.correct + result.wrong
    if answered:
        percent = round(100 * result.correct / answered)
        head = f"Score: {result.correct}/{answered} right ({percent}%)"
        text = console.fill(
            f"{head}, {result.wrong} wrong, {result.skipped} skipped"
            f" in {format_duration(result.seconds)}."
        )
        console.say(console.style(head, "bold") + text[len(head) :])
    else:
        console.say(console.fill(f"No answers given ({result.skipped} skipped)."))
    waiting = next_due_line(result.next_due, result.ended, result.due_left, result.new_left)
    console.say(console.fill(waiting))


def next_due_line(next_due: datetime | None, now: datetime, due: int, new: int) -> str:
    """'Next card due: ...' with what is waiting now."""
    parts = []
    if due:
        parts.append(f"{due} card{'s' if due != 1 else ''} due now.")
    elif next_due is not None:
        parts.append(f"Next card due {format_when(next_due, now)}.")
    if new:
        parts.append(f"{new} new card{'s' if new != 1 else ''} not yet studied.")
    return " ".join(parts) or "No cards studied yet."


def format_duration(seconds: float) -> str:
    """'45 s', '3 min 5 s', '1 h 2 min'."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {s % 3600 // 60} min"


def format_when(moment: datetime, now: datetime) -> str:
    """A due time for people: local clock time and how far away it is."""
    local = moment.astimezone()
    delta = moment - now
    if delta <= timedelta(0):
        return "now"
    minutes = delta.total_seconds() / 60
    if minutes < 60:
        away = f"in {max(1, round(minutes))} min"
    elif minutes < 48 * 60:
        away = f"in {round(minutes / 60)} h"
    else:
        away = f"in {round(minutes / 1440)} days"
    stamp = (
        local.strftime("%H:%M")
        if delta < timedelta(hours=20)
        else local.strftime("%a %d %b %Y %H:%M")
    )
    return f"{away} ({stamp})"


def print_stats(stats: list[DeckStats], now: datetime, console: Console) -> None:
    """The `quizgen stats` report, one block per deck."""
    for i, deck in enumerate(stats):
        if i:
            console.say()
        console.say(console.style(f"{clean(deck.title)}: {deck.questions} questions", "bold"))
        for bucket in BUCKETS:
            console.say(f"  {bucket:<9} {deck.counts[bucket]:>5}")
        if deck.accuracy:
            console.say("  accuracy by kind:")
            for kind, (right, total) in deck.accuracy.items():
                console.say(
                    f"    {kind:<13} {right:>4}/{total:<4} {round(100 * right / total):>3}%"
                )
        else:
            console.say("  accuracy by kind: no answers yet")
        due = f"{format_when(deck.next_due, now)}" if deck.next_due else "none (nothing studied)"
        console.say(f"  next due: {due}")
