"""The progress store: FSRS card state and the review log in one SQLite file.

Rows are keyed by (deck id, question id), so editing a question's wording keeps its
history and a question deleted from the deck is simply never looked up. Every answer is
one transaction (card upsert + review row), committed before the next question is shown:
a Ctrl-C or a kill loses nothing already answered. WAL mode and a busy timeout let two
quiz processes share one file.

The schema version lives in `PRAGMA user_version`; a file from a newer quizgen, or one
that is not a quizgen progress database, raises ProgressError naming the file.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fsrs import Card, Rating, State

from quizgen._errors import ProgressError

SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
DB_NAME = "progress.sqlite3"

_SCHEMA = """
CREATE TABLE cards (
    deck_id     INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    state       INTEGER NOT NULL,
    step        INTEGER,
    stability   REAL,
    difficulty  REAL,
    due         TEXT    NOT NULL,
    last_review TEXT,
    reps        INTEGER NOT NULL DEFAULT 0,
    lapses      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (deck_id, question_id)
);
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY,
    deck_id     INTEGER NOT NULL,
    question_id TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    reviewed_at TEXT    NOT NULL,
    rating      INTEGER NOT NULL,
    correct     INTEGER NOT NULL,
    response    TEXT    NOT NULL,
    duration_ms INTEGER
);
CREATE INDEX reviews_by_card ON reviews (deck_id, question_id);
"""


def default_db_path() -> Path:
    """Where progress lives unless --db or QUIZGEN_DB says otherwise."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("quizgen", appauthor=False)) / DB_NAME


def to_text(moment: datetime) -> str:
    """A UTC timestamp as stored: ISO 8601, whole seconds, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    """The inverse of `to_text`: an aware UTC datetime."""
    return datetime.fromisoformat(text).astimezone(UTC)


@dataclass(frozen=True)
class Review:
    """One answer as written to the log."""

    deck_id: int
    question_id: str
    kind: str
    reviewed_at: datetime
    rating: Rating
    correct: bool
    response: str
    duration_ms: int | None = None


class ProgressStore:
    """An open progress database. Use `open_store`; close with `close()` or `with`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    def __enter__(self) -> ProgressStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (every answer is already committed)."""
        self._conn.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise ProgressError(f"{self.path}: progress database error: {exc}") from None

    def check_writable(self) -> None:
        """Raise ProgressError unless answers can be saved (a read-only file or folder).

        A quiz checks this first, so a read-only database is not found out only after
        the first answer.
        """
        try:
            with self._rolled_back():
                # BEGIN alone succeeds on a read-only file; a write is refused at once.
                self._conn.execute("CREATE TABLE quizgen_write_probe (x)")
        except sqlite3.DatabaseError as exc:
            raise ProgressError(f"{self.path}: answers cannot be saved here ({exc})") from None

    @contextmanager
    def _rolled_back(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            self._conn.execute("ROLLBACK")

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def cards(self, deck_id: int, question_ids: Iterable[str] | None = None) -> dict[str, Card]:
        """The FSRS cards of a deck's questions that have been answered at least once."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT question_id, state, step, stability, difficulty, due, last_review"
                " FROM cards WHERE deck_id = ?",
                (deck_id,),
            ).fetchall()
        wanted = None if question_ids is None else set(question_ids)
        cards = {}
        for qid, state, step, stability, difficulty, due, last in rows:
            if wanted is not None and qid not in wanted:
                continue
            cards[qid] = Card(
                card_id=0,
                state=State(state),
                step=step,
                stability=stability,
                difficulty=difficulty,
                due=from_text(due),
                last_review=from_text(last) if last else None,
            )
        return cards

    def record(self, review: Review, card: Card) -> None:
        """Write one answer and the card's new state in a single committed transaction."""
        with self._errors(), self._transaction():
            self._conn.execute(
                "INSERT INTO cards (deck_id, question_id, state, step, stability, difficulty,"
                " due, last_review, reps, lapses) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
                " ON CONFLICT (deck_id, question_id) DO UPDATE SET state = excluded.state,"
                " step = excluded.step, stability = excluded.stability,"
                " difficulty = excluded.difficulty, due = excluded.due,"
                " last_review = excluded.last_review, reps = reps + 1,"
                " lapses = lapses + excluded.lapses",
                (
                    review.deck_id,
                    review.question_id,
                    int(card.state),
                    card.step,
                    card.stability,
                    card.difficulty,
                    to_text(card.due),
                    to_text(card.last_review) if card.last_review else None,
                    int(not review.correct),
                ),
            )
            self._conn.execute(
                "INSERT INTO reviews (deck_id, question_id, kind, reviewed_at, rating, correct,"
                " response, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    review.deck_id,
                    review.question_id,
                    review.kind,
                    to_text(review.reviewed_at),
                    int(review.rating),
                    int(review.correct),
                    review.response,
                    review.duration_ms,
                ),
            )

    def tallies(self, deck_id: int) -> dict[str, tuple[int, int]]:
        """Per question id of a deck: (answers right, answers given)."""
        with self._errors():
            rows = self._conn.execute(
                "SELECT question_id, SUM(correct), COUNT(*) FROM reviews"
                " WHERE deck_id = ? GROUP BY question_id",
                (deck_id,),
            ).fetchall()
        return {qid: (int(right), int(total)) for qid, right, total in rows}


def open_store(path: str | os.PathLike[str]) -> ProgressStore:
    """Open (creating if needed) the progress database at `path`.

    Raises ProgressError when the file is not a quizgen progress database, is corrupt,
    comes from a newer quizgen, or cannot be created.
    """
    path = Path(path)
    if path.is_dir():
        raise ProgressError(f"{path}: is a directory, not a progress database")
    if path.exists() and not path.is_file():
        # SQLite would put its journal beside it: /dev/null-journal, for --db /dev/null.
        raise ProgressError(f"{path}: is not a regular file, so not a progress database")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProgressError(f"{path}: cannot create its folder ({exc.strerror or exc})") from None
    try:
        # Autocommit mode: transactions are begun explicitly, one per answer.
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise ProgressError(f"{path}: cannot open progress database ({exc})") from None
    try:
        _prepare(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ProgressError(
            f"{path}: not a usable progress database ({exc}); move it aside to start afresh"
        ) from None
    except BaseException:
        conn.close()
        raise
    return ProgressStore(path, conn)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    # Version and tables read in one snapshot: read apart, another quiz process could
    # create the schema in between, and its fresh tables looked like another app's.
    conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(version, path)
        if version == 0:
            _check_empty(conn, path)  # before WAL, which would change another app's file
    finally:
        conn.execute("COMMIT")
    _enable_wal(conn)
    # FULL: an answer is on disk once the next question appears, even after a power cut.
    conn.execute("PRAGMA synchronous = FULL")
    if version == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have created the schema while we waited for the lock.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_version(version, path)
        if version == 0:
            _check_empty(conn, path)
            # Statement by statement: executescript would commit our transaction first.
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        # The failed statement may have ended the transaction already; keep its error.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _check_empty(conn: sqlite3.Connection, path: Path) -> None:
    """Raise ProgressError for an SQLite file that holds some other program's tables."""
    if conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        raise ProgressError(f"{path}: is an SQLite database but not a quizgen progress database")


def _enable_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL, waiting for another process that holds the file just then.

    Changing the journal mode does not go through the busy timeout: two quiz processes
    opening a new database at once failed with 'database is locked'.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check_version(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise ProgressError(
            f"{path}: progress database schema {version} is newer than this quizgen reads"
            f" ({SCHEMA_VERSION}); upgrade quizgen"
        )
