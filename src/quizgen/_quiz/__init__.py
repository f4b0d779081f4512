"""The terminal quiz: answer checking, FSRS scheduling and the SQLite progress store.

    from quizgen._quiz import Session, open_store
    with open_store("progress.sqlite3") as store:
        session = Session([deck], store)
        item = session.items[0]
        session.record(item, "1979", session.check(item, "1979"))

Nothing here imports spaCy, reportlab or genanki.
"""

from __future__ import annotations

from quizgen._quiz.check import Verdict, check_answer, hint, normalize
from quizgen._quiz.session import (
    Outcome,
    Session,
    SessionOptions,
    SessionQuestion,
    SessionResult,
    plan_session,
)
from quizgen._quiz.stats import DeckStats, progress_stats
from quizgen._quiz.store import ProgressStore, default_db_path, open_store

__all__ = [
    "DeckStats",
    "Outcome",
    "ProgressStore",
    "Session",
    "SessionOptions",
    "SessionQuestion",
    "SessionResult",
    "Verdict",
    "check_answer",
    "default_db_path",
    "hint",
    "normalize",
    "open_store",
    "plan_session",
    "progress_stats",
]
