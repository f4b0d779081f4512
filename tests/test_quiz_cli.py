"""`quizgen quiz` and `quizgen stats` driven through the real CLI with piped answers."""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import ROOT, run_cli, start_quiz, wait_for_reviews
from quizgen._deck import Deck, Question, save_deck

T0 = "2026-03-01T09:00:00+00:00"
DECK_ID = 1234567890


@pytest.fixture
def deck_path(tmp_path: Path, sample_deck: Deck) -> Path:
    return save_deck(sample_deck, tmp_path / "sample.yaml")


def quiz(deck: Path, db: Path, answers: str, *args: str, now: str = T0):
    return run_cli(
        "quiz", str(deck), "--db", str(db), *args, input=answers, env={"QUIZGEN_NOW": now}
    )


def rows(db: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_transcript_score_and_rows(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    result = quiz(deck_path, db, "b\nPutin\n?\nNATO\nmaybe\nf\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    expected_in_order = [
        "Sample <b>deck</b> & friends: 4 questions (0 due, 4 new)",
        "Question 1/4 · date · multiple choice",
        "In what year did China let the 1950 accord lapse?",
        "  A) 1969\n  B) 1979\n  C) 1950\n  D) 1972",
        "(A-D) > b\nRight! B) 1979",
        "  Source: A 1950 accord was allowed to lapse in 1979 at China's request.",
        "Question 2/4 · actor · short answer",
        "> Putin\nRight! Владимир Путин",
        "Question 3/4 · organization · fill in the blank",
        "the _____ <script>alert(1)</script>.",
        "> ?\nHint: starts with 'N', 4 words\n> NATO\n",
        "Right! North Atlantic Treaty Organization (with a hint)",
        "Question 4/4 · actor · true or false",
        "(t/f) > maybe\nAnswer t (true) or f (false).\n(t/f) > f\nWrong. The answer is: True",
        "  Source: Chinese Foreign Minister Tang Jiaxuan flew home Tuesday.",
        "Score: 3/4 right (75%), 1 wrong, 0 skipped in ",
        "Next card due in 1 min",
    ]
    pos = 0
    for text in expected_in_order:
        found = out.find(text, pos)
        assert found >= 0, f"{text!r} not found after position {pos} in:\n{out}"
        pos = found + len(text)
    assert "rejected question" not in out
    assert "\x1b" not in out
    reviews = rows(db, "SELECT deck_id, question_id, kind, rating, correct, response FROM reviews")
    assert reviews == [
        (DECK_ID, "q-00000001", "date", 3, 1, "b"),
        (DECK_ID, "q-00000002", "actor", 3, 1, "Putin"),
        (DECK_ID, "q-00000003", "organization", 2, 1, "NATO"),
        (DECK_ID, "q-00000004", "actor", 1, 0, "f"),
    ]
    cards = rows(db, "SELECT question_id, due FROM cards ORDER BY question_id")
    assert [c[0] for c in cards] == ["q-00000001", "q-00000002", "q-00000003", "q-00000004"]
    # Wrong -> Again: due a minute later; Good on a new card: the 10-minute learning step.
    assert cards[3][1] == "2026-03-01T09:01:00+00:00"
    assert cards[0][1] == "2026-03-01T09:10:00+00:00"


def test_second_run_same_day_asks_only_due_and_new(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    first = quiz(deck_path, db, "b\nPutin\n", "--new", "2")
    assert "2 questions (0 due, 2 new)" in first.stdout
    second = quiz(deck_path, db, "NATO\nt\n", "--new", "2")
    assert "2 questions (0 due, 2 new)" in second.stdout
    assert "Question 1/2 · organization" in second.stdout
    assert "accord" not in second.stdout
    third = quiz(deck_path, db, "", "--new", "2")
    assert third.returncode == 0
    assert "nothing to study right now" in third.stdout
    # An hour later, the learning steps are over: all four are due again.
    later = quiz(deck_path, db, "", "--new", "2", now="2026-03-01T10:00:00+00:00")
    assert "4 questions (4 due, 0 new)" in later.stdout
    assert rows(db, "SELECT COUNT(*) FROM reviews") == [(4,)]


def one_question_deck(tmp_path: Path) -> Path:
    deck = Deck(
        title="One",
        questions=[
            Question(
                id="q-1",
                kind="date",
                type="short",
                prompt="When did the accord lapse?",
                answer="1979",
                context="It lapsed in 1979.",
            )
        ],
    )
    return save_deck(deck, tmp_path / "one.yaml")


def test_intervals_grow_when_right_and_shrink_when_wrong(tmp_path: Path) -> None:
    deck, db = one_question_deck(tmp_path), tmp_path / "p.sqlite3"
    now = datetime.fromisoformat(T0)
    intervals = []
    for answer in ["1979", "1979", "1979", "1979", "1969", "1979"]:
        result = quiz(deck, db, answer + "\n", now=now.isoformat())
        assert "Question 1/1" in result.stdout, result.stdout + result.stderr
        ((due, last),) = rows(db, "SELECT due, last_review FROM cards")
        due = datetime.fromisoformat(due)
        intervals.append(due - datetime.fromisoformat(last))
        now = due
    right, wrong, after = intervals[:4], intervals[4], intervals[5]
    assert right == sorted(right) and len(set(right)) == 4, intervals
    assert right[-1] > timedelta(days=7)
    assert wrong < right[-1] and wrong <= timedelta(minutes=10)
    assert after > wrong
    assert rows(db, "SELECT correct FROM reviews") == [(1,), (1,), (1,), (1,), (0,), (1,)]
    assert rows(db, "SELECT reps, lapses FROM cards") == [(6, 1)]


def test_json_result_on_stdout(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    result = quiz(deck_path, db, "a\ns\nNATO\n", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["asked"], data["correct"], data["wrong"], data["skipped"]) == (3, 1, 1, 1)
    assert data["next_due"] == "2026-03-01T09:01:00+00:00"
    assert data["new_left"] == 2
    assert [a["question_id"] for a in data["answers"]] == ["q-00000001", "q-00000003"]
    # The transcript went to stderr, ended by end of input after the third answer.
    assert "Question 4/4" in result.stderr
    assert "Skipped. The answer: Владимир Путин" in result.stderr


def test_quit_skip_and_eof_keep_progress(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    result = quiz(deck_path, db, "s\nputin\nq\n")
    assert result.returncode == 0
    assert "Score: 1/1 right (100%), 0 wrong, 1 skipped" in result.stdout
    assert "Question 4/4" not in result.stdout
    assert rows(db, "SELECT question_id FROM reviews") == [("q-00000002",)]
    eof = quiz(deck_path, db, "b\n", "--all")
    assert eof.returncode == 0
    assert "Score: 1/1 right" in eof.stdout
    assert rows(db, "SELECT COUNT(*) FROM reviews") == [(2,)]


def test_filters_limit_and_all(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    actors = quiz(deck_path, db, "", "--kinds", "actor", "--all")
    assert "2 questions" in actors.stdout
    assert "Question 1/2 · actor · short answer" in actors.stdout
    assert "No answers given (0 skipped)." in actors.stdout
    tf = quiz(deck_path, db, "", "--types", "truefalse,cloze", "--limit", "1")
    assert "1 question (0 due, 1 new)" in tf.stdout
    assert "fill in the blank" in tf.stdout
    a = quiz(deck_path, db, "", "--all", "--shuffle", "--seed", "3")
    b = quiz(deck_path, db, "", "--all", "--shuffle", "--seed", "3")
    assert a.stdout == b.stdout
    bad = quiz(deck_path, db, "", "--kinds", "place")
    assert bad.returncode == 2
    assert "'place' is not one of: date, actor, organization" in bad.stderr


def test_self_grade(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    result = quiz(deck_path, db, "b\n5\n4\nx\n", "--self-grade", "--limit", "2")
    assert "How well did you know it? 1 again, 2 hard, 3 good, 4 easy [3]" in result.stdout
    assert "Type 1, 2, 3 or 4" in result.stdout
    assert rows(db, "SELECT question_id, rating FROM reviews") == [
        ("q-00000001", 4),
        ("q-00000002", 1),
    ]


def test_edited_and_removed_questions(deck_path: Path, tmp_path: Path, sample_deck: Deck) -> None:
    db = tmp_path / "p.sqlite3"
    quiz(deck_path, db, "b\nputin\nNATO\nt\n")
    # Fix a typo in one question, drop another: history follows the id, the gone one is ignored.
    q1 = replace(sample_deck.questions[0], prompt="In which year did China let the accord lapse?")
    sample_deck.questions = [q1, *sample_deck.questions[2:]]
    save_deck(sample_deck, deck_path)
    later = "2026-03-01T09:30:00+00:00"
    again = quiz(deck_path, db, "b\nNATO\nt\n", now=later)
    assert "3 questions (3 due, 0 new)" in again.stdout
    assert "In which year" in again.stdout
    stats = run_cli("stats", str(deck_path), "--db", str(db), "--json", env={"QUIZGEN_NOW": later})
    (data,) = json.loads(stats.stdout)
    assert data["questions"] == 3
    assert data["new"] == 0
    assert data["accuracy"]["date"] == {"correct": 2, "answered": 2}
    assert data["accuracy"]["actor"] == {"correct": 2, "answered": 2}


def test_stats_text(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    empty = run_cli("stats", str(deck_path), "--db", str(db), env={"QUIZGEN_NOW": T0})
    assert empty.returncode == 0
    assert "accuracy by kind: no answers yet" in empty.stdout
    assert "next due: none (nothing studied)" in empty.stdout
    quiz(deck_path, db, "b\nJiang Zemin\n", "--new", "2")
    result = run_cli("stats", str(deck_path), "--db", str(db), env={"QUIZGEN_NOW": T0, "TZ": "UTC"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Sample <b>deck</b> & friends: 4 questions\n"
        "  new           2\n"
        "  learning      2\n"
        "  due           0\n"
        "  review        0\n"
        "  mastered      0\n"
        "  accuracy by kind:\n"
        "    date             1/1    100%\n"
        "    actor            0/1      0%\n"
        "  next due: in 1 min (09:01)\n"
    )
    due = run_cli("stats", str(deck_path), "--db", str(db), env={"QUIZGEN_NOW": "2026-03-02"})
    assert "  due           2\n" in due.stdout


def test_mastered_after_a_long_run_of_right_answers(tmp_path: Path) -> None:
    deck, db = one_question_deck(tmp_path), tmp_path / "p.sqlite3"
    now = datetime.fromisoformat(T0)
    for _ in range(6):
        quiz(deck, db, "in 1979\n", now=now.isoformat())
        ((due,),) = rows(db, "SELECT due FROM cards")
        now = datetime.fromisoformat(due)
    stats = run_cli("stats", str(deck), "--db", str(db), "--json", env={"QUIZGEN_NOW": T0})
    (data,) = json.loads(stats.stdout)
    assert data["mastered"] == 1


def test_control_sequences_are_not_printed(tmp_path: Path) -> None:
    deck = Deck(
        title="Evil\x1b[2J deck",
        questions=[
            Question(
                id="q-1",
                kind="organization",
                type="choice",
                prompt="Which\x1b]0;pwned\x07 body\x9b31m?\x07",
                answer="UN\x1b[1;1H",
                choices=["UN\x1b[1;1H", "EU\x08\x08"],
                context="Bell\x07 and \x1bc reset.",
            )
        ],
    )
    path = save_deck(deck, tmp_path / "evil.yaml")
    result = quiz(path, tmp_path / "p.sqlite3", "a\n")
    assert result.returncode == 0, result.stderr
    assert "Evil deck: 1 question" in result.stdout
    assert "Which body?" in result.stdout
    assert "  A) UN\n  B) EU\n" in result.stdout
    assert "Right! A) UN" in result.stdout
    assert "Bell and  reset." in result.stdout
    assert not any(c in result.stdout for c in "\x1b\x07\x08\x9b")


def test_bad_database_is_one_error_line(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    db.write_bytes(b"garbage" * 1000)
    result = quiz(deck_path, db, "b\n")
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {db}: not a usable progress database (")
    assert result.stderr.count("\n") == 1
    newer = tmp_path / "newer.sqlite3"
    sqlite3.connect(newer).execute("PRAGMA user_version = 99").connection.close()
    result = run_cli("stats", str(deck_path), "--db", str(newer))
    assert result.returncode == 2
    assert result.stderr == (
        f"Error: {newer}: progress database schema 99 is newer than this quizgen reads (1);"
        " upgrade quizgen\n"
    )


def test_db_from_environment(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    result = run_cli(
        "quiz", str(deck_path), input="b\n", env={"QUIZGEN_DB": str(db), "QUIZGEN_NOW": T0}
    )
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT question_id FROM reviews") == [("q-00000001",)]


def test_bad_clock_is_a_usage_error(deck_path: Path, tmp_path: Path) -> None:
    result = quiz(deck_path, tmp_path / "p.sqlite3", "", now="yesterday")
    assert result.returncode == 2
    assert "'yesterday' is not an ISO 8601 date-time" in result.stderr


def test_a_clock_past_the_calendar_is_a_usage_error(deck_path: Path, tmp_path: Path) -> None:
    result = quiz(deck_path, tmp_path / "p.sqlite3", "b\n", now="9999-12-31")
    assert result.returncode == 2
    assert "'9999-12-31' is out of range" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_deck_twice_asks_each_question_once(deck_path: Path, tmp_path: Path) -> None:
    once = run_cli("quiz", str(deck_path), "--db", str(tmp_path / "a.db"), "--json", input="")
    twice = run_cli(
        "quiz", str(deck_path), str(deck_path), "--db", str(tmp_path / "b.db"), "--json", input=""
    )
    assert once.returncode == twice.returncode == 0, twice.stderr
    assert json.loads(twice.stdout)["new_left"] == json.loads(once.stdout)["new_left"] > 0


def test_sigkill_keeps_every_answer_given(deck_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "p.sqlite3"
    proc = start_quiz(deck_path, db, T0, quiet=True)
    assert proc.stdin is not None
    try:
        proc.stdin.write("b\nputin\nNATO\n")
        proc.stdin.flush()
        wait_for_reviews(db, 3)
        # The fourth question is on screen, waiting for an answer, when the kill comes.
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdin.close()
    assert proc.returncode == -signal.SIGKILL
    assert rows(db, "SELECT question_id, correct FROM reviews") == [
        ("q-00000001", 1),
        ("q-00000002", 1),
        ("q-00000003", 1),
    ]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT COUNT(*) FROM cards") == [(3,)]


HEAVY = ("spacy", "reportlab", "genanki", "thinc", "torch")


def test_quiz_path_imports_no_heavy_library(deck_path: Path, tmp_path: Path) -> None:
    for args, answers in (
        (["quiz", str(deck_path), "--db", str(tmp_path / "p.sqlite3")], "b\nputin\n"),
        (["stats", str(deck_path), "--db", str(tmp_path / "p.sqlite3")], ""),
        (["--help"], ""),
    ):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "quizgen", *args],
            input=answers,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "QUIZGEN_NOW": T0},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        imported = {
            line.split("|")[-1].strip().split(".")[0]
            for line in result.stderr.splitlines()
            if line.startswith("import time:") and "|" in line
        }
        assert "quizgen" in imported
        assert "fsrs" in imported or args == ["--help"]
        assert not imported & set(HEAVY), (args, imported & set(HEAVY))


def test_help_lists_options() -> None:
    for command in ("quiz", "stats"):
        result = run_cli(command, "--help")
        assert result.returncode == 0
        assert "--db" in result.stdout
    quiz_help = run_cli("quiz", "--help").stdout
    for option in ("--new", "--all", "--kinds", "--types", "--limit", "--shuffle", "--seed"):
        assert option in quiz_help
    assert "--self-grade" in quiz_help and "--json" in quiz_help
    assert "--now" not in quiz_help


def test_now_is_utc_when_unzoned(tmp_path: Path) -> None:
    deck, db = one_question_deck(tmp_path), tmp_path / "p.sqlite3"
    quiz(deck, db, "1979\n", now="2026-03-01T09:00:00")
    assert rows(db, "SELECT reviewed_at FROM reviews") == [("2026-03-01T09:00:00+00:00",)]
    assert datetime.fromisoformat(T0).tzinfo == UTC


def run_in_pty(args: list[str], keys: list[str], env: dict[str, str]) -> str:
    """Run the CLI with a pseudo-terminal as stdin and stdout, typing `keys` one line at a
    time once the previous prompt has appeared; return everything it printed."""
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "quizgen", *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm", **env},
        close_fds=True,
    )
    os.close(slave)
    out = b""
    pending = list(keys)
    deadline = time.monotonic() + 30
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(master, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                out += chunk
                if pending and out.rstrip().endswith(b">"):
                    os.write(master, pending.pop(0).encode())
            elif proc.poll() is not None:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)
        os.close(master)
    return out.decode("utf-8", "replace")


def test_terminal_colour_and_no_color(deck_path: Path, tmp_path: Path) -> None:
    args = ["quiz", str(deck_path), "--db", str(tmp_path / "p.sqlite3"), "--limit", "1", "--all"]
    env = {"QUIZGEN_NOW": T0, "NO_COLOR": ""}
    coloured = run_in_pty(args, ["b\r"], env)
    assert "Question 1/1" in coloured
    assert "\x1b[32;1mRight!\x1b[0m" in coloured
    assert "Score: 1/1 right" in coloured
    plain = run_in_pty(args, ["\x04"], {**env, "NO_COLOR": "1"})
    assert "Question 1/1" in plain
    # No colour (SGR) sequences; readline may still switch its own terminal modes.
    assert not re.search(r"\x1b\[[0-9;]*m", plain), plain
