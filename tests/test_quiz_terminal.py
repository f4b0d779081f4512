"""The quiz as a learner meets it (issue 13): dates and names typed their own way through
the real CLI, refused inputs asked again and never graded, wrapping, Ctrl-C and EOF."""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, run_cli
from quizgen._deck import Deck, Question, save_deck
from quizgen._quiz import Session, SessionOptions, open_store
from quizgen._quiz.terminal import Console, run_quiz

T0 = "2026-03-01T09:00:00+00:00"
CASES = SHARED / "cases"


def quiz(deck: Path, db: Path, answers: str, *args: str, env: dict[str, str] | None = None):
    return run_cli(
        "quiz",
        str(deck),
        "--db",
        str(db),
        "--all",
        *args,
        input=answers,
        env={"QUIZGEN_NOW": T0, **(env or {})},
    )


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def short(qid: str, answer: str, kind: str = "date", **kw: object) -> Question:
    return Question(
        id=qid, kind=kind, type="short", prompt=f"Who or when ({qid})?", answer=answer, **kw
    )  # type: ignore[arg-type]


def shared_case(name: str) -> Path:
    deck = CASES / name / "deck.yaml"
    if not deck.is_file():
        pytest.skip(f"{deck} is missing: clone the repo beside the shared folder")
    return deck


@pytest.mark.parametrize(
    "answers",
    [
        "5 June 1947\n9 November 1989\n28 June 1919\n",
        "June 5th, 1947\nNov. 9th, 1989\nJune 28th, 1919\n",
        "1947-06-05\n1989-11-09\n1919-06-28\n",
        "Jun 5 1947\n9 Nov 1989\n28/6/1919\n",
    ],
)
def test_shared_case_dates_typed_another_way(tmp_path: Path, answers: str) -> None:
    result = quiz(shared_case("23-answer-date-order"), tmp_path / "p.db", answers)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Right!") == 3, result.stdout
    assert rows(tmp_path / "p.db", "SELECT SUM(correct), COUNT(*) FROM reviews") == [(3, 3)]


def test_shared_case_other_dates_stay_wrong(tmp_path: Path) -> None:
    result = quiz(shared_case("23-answer-date-order"), tmp_path / "p.db", "June 6, 1947\n1989\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Wrong.") == 2, result.stdout
    assert "More precisely?" not in result.stdout  # a bare year is too vague to ask again


def test_shared_case_surnames_as_people_write_them(tmp_path: Path) -> None:
    answers = "van Hal\nbin Khalid\nda Costa\nSaint-Saëns\nWeiss-Berger\nal-Rashid\n"
    result = quiz(shared_case("24-surname-particles"), tmp_path / "p.db", answers)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Right!") == 6, result.stdout
    assert result.stdout.count("(surname accepted)") == 6


def test_own_deck_dates_names_and_refusals(tmp_path: Path) -> None:
    deck = Deck(
        title="History",
        questions=[
            short("q-1", "the 17th century"),
            short("q-2", "1914–1918"),
            short("q-3", "49 BC"),
            short("q-4", "George C. Marshall", "actor"),
            short("q-5", "George H. W. Bush", "actor"),
            short("q-6", "George W. Bush", "actor"),
            short("q-7", "June 5, 1947"),
            Question(
                id="q-8",
                kind="date",
                type="choice",
                prompt="When?",
                answer="1979",
                choices=["1969", "1979", "1950", "1972"],
            ),
        ],
    )
    path = save_deck(deck, tmp_path / "history.yaml")
    answers = [
        "seventeenth century",
        "1914-18",
        "49 B.C.",
        "President Marshall",
        "George Bush",  # another George Bush is in the deck: wrong
        "George W Bush",
        "5/6/1947",  # refused: day and month could be swapped
        "June 1947",  # asked for more, once
        "5 June 1947",
        "E",  # refused: no such choice
        "b",
    ]
    db = tmp_path / "p.db"
    result = quiz(path, db, "\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Which is the day and which the month?" in out
    assert "More precisely?" in out
    assert "There is no such choice: type a letter from A to D, or the answer." in out
    graded = rows(db, "SELECT question_id, correct, response FROM reviews ORDER BY id")
    assert graded == [
        ("q-1", 1, "seventeenth century"),
        ("q-2", 1, "1914-18"),
        ("q-3", 1, "49 B.C."),
        ("q-4", 1, "President Marshall"),
        ("q-5", 0, "George Bush"),
        ("q-6", 1, "George W Bush"),
        ("q-7", 1, "5 June 1947"),
        ("q-8", 1, "b"),
    ]
    ordered = quiz(path, tmp_path / "o.db", "s\ns\ns\ns\ns\ns\n5/6/1947\n", "--date-order", "dmy")
    assert "Right! June 5, 1947" in ordered.stdout
    bad = quiz(path, db, "", "--date-order", "ymd")
    assert bad.returncode == 2
    assert "'ymd' is not one of: dmy, mdy" in bad.stderr


def in_process(tmp_path: Path, deck: Deck, answers: str, **console: object) -> tuple[str, Path]:
    """Run the quiz in process on `answers`; return its transcript and database."""
    db = tmp_path / "p.db"
    out = io.StringIO()
    with open_store(db) as store:
        at = datetime(2026, 3, 1, 9, tzinfo=UTC)
        session = Session([deck], store, SessionOptions(all=True), now=lambda: at)
        run_quiz(session, Console(out, io.StringIO(answers), False, False, **console))  # type: ignore[arg-type]
    return out.getvalue(), db


def test_fsrs_sees_one_review_per_question_and_none_for_refusals(tmp_path: Path) -> None:
    deck = Deck(
        title="Once",
        questions=[
            Question(
                id="c",
                kind="date",
                type="choice",
                prompt="When?",
                answer="1979",
                choices=["1969", "1979"],
            ),
            Question(id="t", kind="date", type="truefalse", prompt="In 1979.", answer="true"),
            short("d", "June 5, 1947"),
        ],
    )
    answers = "e\nz\n?\nb\nmaybe\nt\n5/6/1947\nJune 1947\nJune 1948\n"
    out, db = in_process(tmp_path, deck, answers)
    assert out.count("There is no such choice") == 2
    assert "Answer t (true) or f (false)." in out
    assert "More precisely?" in out
    assert rows(db, "SELECT question_id, correct, response FROM reviews ORDER BY id") == [
        ("c", 1, "b"),
        ("t", 1, "t"),
        ("d", 0, "June 1948"),
    ]
    assert rows(db, "SELECT question_id, reps FROM cards ORDER BY question_id") == [
        ("c", 1),
        ("d", 1),
        ("t", 1),
    ]


def test_a_second_review_of_one_item_is_refused(tmp_path: Path) -> None:
    deck = Deck(title="Twice", questions=[short("d", "1979")])
    with open_store(tmp_path / "p.db") as store:
        session = Session([deck], store)
        item = session.items[0]
        session.record(item, "1979", session.check(item, "1979"))
        with pytest.raises(ValueError, match="d: already recorded in this session"):
            session.record(item, "1979", session.check(item, "1979"))
    assert rows(tmp_path / "p.db", "SELECT COUNT(*) FROM reviews") == [(1,)]


def test_long_lines_wrap_at_word_boundaries(tmp_path: Path) -> None:
    long = "The Austro-Hungarian Empire declared war on Serbia after the assassination in Sarajevo"
    deck = Deck(
        title="Wrap",
        questions=[
            Question(
                id="w",
                kind="organization",
                type="choice",
                prompt=long + "; which empire?",
                answer="Austria-Hungary",
                choices=["Austria-Hungary", "The Ottoman Empire of the Sultans in Constantinople"],
                context=long + ", in 1914.",
            )
        ],
    )
    out, _ = in_process(tmp_path, deck, "a\n", width=30)
    lines = out.splitlines()
    assert all(len(line) <= 30 for line in lines), out
    words = {w for line in lines for w in line.split()}
    for word in ("Austro-Hungarian", "assassination", "Constantinople", "Austria-Hungary"):
        assert word in words, out
    assert "     Constantinople" in out  # a choice continues under its text
    assert "  Source: The\n  Austro-Hungarian Empire\n" in out
    (tmp_path / "pipe").mkdir()
    wide, _ = in_process(tmp_path / "pipe", deck, "a\n")
    assert long + "; which empire?" in wide  # no width (a pipe): no wrapping


def test_columns_wrap_through_the_cli(tmp_path: Path) -> None:
    deck = Deck(title="W", questions=[short("w", "1914", context="word " * 40)])
    result = quiz(
        save_deck(deck, tmp_path / "w.yaml"), tmp_path / "p.db", "1914\n", env={"COLUMNS": "40"}
    )
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 40


def test_the_source_sentence_waits_for_a_later_question_on_it(tmp_path: Path) -> None:
    sentence = "The accord lapsed in 1979 at China's request."
    deck = Deck(
        title="Give-away",
        questions=[
            short("a", "1979", context=sentence),
            Question(
                id="b",
                kind="date",
                type="truefalse",
                prompt="The accord lapsed in 1979.",
                answer="true",
                context=sentence,
            ),
        ],
    )
    out, _ = in_process(tmp_path, deck, "1979\nt\n")
    first, second = out.split("Question 2/2")
    assert sentence not in first
    assert f"Source: {sentence}" in second


def test_eof_ends_cleanly_and_ctrl_c_exits_130(tmp_path: Path) -> None:
    deck = save_deck(
        Deck(title="Sig", questions=[short("a", "1979"), short("b", "1980")]), tmp_path / "s.yaml"
    )
    eof = quiz(deck, tmp_path / "e.db", "1979\n")
    assert eof.returncode == 0, eof.stderr
    assert "Score: 1/1 right" in eof.stdout
    db = tmp_path / "p.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QUIZGEN_NOW": T0, "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizgen", "quiz", str(deck), "--db", str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert proc.stdin is not None
    try:
        proc.stdin.write("1979\n")
        proc.stdin.flush()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if db.exists() and rows(db, "SELECT COUNT(*) FROM reviews") == [(1,)]:
                    break
            except sqlite3.OperationalError:
                pass
            time.sleep(0.05)
        time.sleep(0.2)  # the second question is waiting for its answer
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (out, err)
    assert "Score: 1/1 right" in out
    assert "Traceback" not in err
    assert rows(db, "SELECT question_id FROM reviews") == [("a",)]
