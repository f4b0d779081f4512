"""The progress store: real SQLite files, schema versioning, bad files, concurrent writers."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, State

from quizgen._errors import ProgressError
from quizgen._quiz.session import Session, SessionOptions, make_scheduler
from quizgen._quiz.store import SCHEMA_VERSION, Review, open_store

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def review(qid: str, correct: bool, at: datetime = T0) -> Review:
    return Review(
        deck_id=42,
        question_id=qid,
        kind="actor",
        reviewed_at=at,
        rating=Rating.Good if correct else Rating.Again,
        correct=correct,
        response="Tang",
    )


def test_new_store_has_schema_wal_and_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "p.sqlite3"
    with open_store(path):
        pass
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"cards", "reviews"}


def test_record_round_trips_the_card(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    card, _ = make_scheduler().review_card(Card(card_id=0, due=T0), Rating.Good, T0)
    with open_store(path) as store:
        store.record(review("q-1", True), card)
        store.record(review("q-2", False), card)
        store.record(review("q-1", False, T0 + timedelta(hours=1)), card)
        got = store.cards(42)
        assert set(got) == {"q-1", "q-2"}
        assert got["q-1"].due == card.due.replace(microsecond=0)
        assert got["q-1"].state == card.state == State.Learning
        assert got["q-1"].stability == pytest.approx(card.stability)
        assert store.cards(42, ["q-2"]).keys() == {"q-2"}
        assert store.cards(7) == {}
        assert store.tallies(42) == {"q-1": (1, 2), "q-2": (0, 1)}
    rows = sqlite3.connect(path).execute("SELECT question_id, reps, lapses FROM cards").fetchall()
    assert sorted(rows) == [("q-1", 2, 1), ("q-2", 1, 1)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    with open_store(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(ProgressError) as err:
        open_store(path)
    assert str(err.value) == (
        f"{path}: progress database schema {SCHEMA_VERSION + 1} is newer than this quizgen"
        f" reads ({SCHEMA_VERSION}); upgrade quizgen"
    )


def test_corrupt_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    path.write_bytes(b"this is not sqlite at all, just some text\n" * 100)
    with pytest.raises(ProgressError) as err:
        open_store(path)
    assert str(err.value).startswith(f"{path}: not a usable progress database (")
    assert "\n" not in str(err.value)


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("CREATE TABLE notes (x)").connection.commit()
    with pytest.raises(ProgressError, match="is an SQLite database but not a quizgen progress"):
        open_store(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProgressError, match="is a directory"):
        open_store(tmp_path)


def test_session_records_each_answer_before_returning(tmp_path: Path, sample_deck) -> None:
    path = tmp_path / "p.sqlite3"
    with open_store(path) as store:
        session = Session([sample_deck], store, SessionOptions(new=2), now=lambda: T0)
        assert [i.question.id for i in session.items] == ["q-00000001", "q-00000002"]
        item = session.items[0]
        session.record(item, "b", session.check(item, "b"))
        # Another connection sees the answer at once: it is committed, not pending.
        seen = sqlite3.connect(path).execute("SELECT correct, response FROM reviews").fetchall()
        assert seen == [(1, "b")]
        result = session.finish()
    assert (result.asked, result.correct, result.wrong, result.skipped) == (1, 1, 0, 0)
    assert result.new_left == 3
    assert result.next_due == T0 + timedelta(minutes=10)


WRITER = """
import sys
from datetime import UTC, datetime
from fsrs import Card, Rating
from quizgen._quiz.store import Review, open_store
path, name = sys.argv[1], sys.argv[2]
now = datetime.now(UTC)
with open_store(path) as store:
    for i in range(100):
        store.record(
            Review(1, f"{name}-{i}", "date", now, Rating.Good, True, "x"),
            Card(card_id=0, due=now),
        )
"""


OPENER = """
import sys
from pathlib import Path
from quizgen._quiz.store import open_store
for i in range(int(sys.argv[2])):
    with open_store(Path(sys.argv[1]) / f"p{i}.sqlite3") as store:
        store.tallies(1)
"""


@pytest.mark.slow
def test_processes_creating_one_db_at_once_all_open_it(tmp_path: Path) -> None:
    # Each process opens the same run of new files, so their schema creation overlaps.
    src = str(Path(__file__).resolve().parent.parent / "src")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPENER, str(tmp_path), "40"],
            env={"PYTHONPATH": src},
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(6)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err


def test_two_processes_write_one_db(tmp_path: Path) -> None:
    path = tmp_path / "p.sqlite3"
    src = str(Path(__file__).resolve().parent.parent / "src")
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), name],
            env={"PYTHONPATH": src},
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 200
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 200
