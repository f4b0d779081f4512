from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from quizgen._cli.anki import DecksArg
from quizgen._cli.generate import KindsOpt, TypesOpt

DbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="QUIZGEN_DB",
        help="Progress database [default: quizgen's folder in your user data dir].",
        show_default=False,
        readable=False,
    ),
]
# Hidden: pins the clock for tests and scripted replays (ISO 8601; no zone means UTC).
NowOpt = Annotated[str | None, typer.Option("--now", envvar="QUIZGEN_NOW", hidden=True)]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as one JSON object.")]


def quiz_cli(
    decks: DecksArg,
    db: DbOpt = None,
    new: Annotated[
        int, typer.Option("--new", min=0, help="At most N never-seen questions this session.")
    ] = 10,
    all_: Annotated[
        bool, typer.Option("--all", help="Ask every question, whatever the schedule says.")
    ] = False,
    kinds: KindsOpt = None,
    types: TypesOpt = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="At most N questions in all.", show_default=False),
    ] = None,
    shuffle: Annotated[bool, typer.Option("--shuffle", help="Ask in random order.")] = False,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", help="Seed for --shuffle (same seed, same order).", show_default=False
        ),
    ] = None,
    self_grade: Annotated[
        bool,
        typer.Option("--self-grade", help="After a right answer, rate it: again/hard/good/easy."),
    ] = False,
    date_order: Annotated[
        str | None,
        typer.Option(
            "--date-order",
            help="Read an all-numeric date answer such as 5/6/1947 as dmy (5 June) or mdy"
            " (May 6) [default: ask for the month as a word when both could be].",
            show_default=False,
        ),
    ] = None,
    json_: JsonOpt = False,
    now: NowOpt = None,
) -> None:
    """Quiz yourself in the terminal, with spaced repetition that remembers what you know.

    Due questions come first, then new ones. Type the answer (or a choice's letter);
    ? shows a hint, s skips, q quits. Every answer is saved as you give it; Ctrl-C ends
    the session with status 130. With stdin not a terminal, reads one answer per line.
    """
    import sys

    from quizgen._cli._common import load_decks, parse_kinds, parse_types
    from quizgen._quiz import Session, SessionOptions, default_db_path, open_store
    from quizgen._quiz.terminal import Console, run_quiz

    clock = _clock(now)
    options = SessionOptions(
        new=new,
        all=all_,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        limit=limit,
        shuffle=shuffle,
        seed=seed,
        date_order=_order(date_order),
    )
    loaded = load_decks([str(d) for d in decks])
    # With --json the transcript goes to stderr so stdout holds nothing but the JSON.
    console = Console.detect(sys.stderr if json_ else sys.stdout)
    with open_store(db or default_db_path()) as store:
        store.check_writable()
        session = Session(loaded, store, options, now=clock)
        result = run_quiz(session, console, self_grade=self_grade)
    if json_:
        import json

        print(json.dumps(result.to_json(), ensure_ascii=False))
    if result.interrupted:
        raise typer.Exit(130)  # 128 + SIGINT, as a shell reports an interrupted command


def _order(value: str | None) -> Literal["dmy", "mdy"] | None:
    """--date-order checked: dmy, mdy or not given."""
    from quizgen._cli._common import split_choices

    chosen = split_choices([value] if value else None, ("dmy", "mdy"), "--date-order")
    if not chosen:
        return None
    return "dmy" if chosen[0] == "dmy" else "mdy"


def stats_cli(
    decks: DecksArg, db: DbOpt = None, json_: JsonOpt = False, now: NowOpt = None
) -> None:
    """Show your progress: new, learning, due and mastered cards, accuracy by kind.

    Mastered means in review with a memory stability of 21 days or more.
    """
    from quizgen._cli._common import load_decks
    from quizgen._quiz import default_db_path, open_store, progress_stats
    from quizgen._quiz.terminal import Console, print_stats

    at = _clock(now)()
    loaded = load_decks([str(d) for d in decks])
    with open_store(db or default_db_path()) as store:
        stats = progress_stats(loaded, store, at)
    if json_:
        import json

        print(json.dumps([s.to_json() for s in stats], ensure_ascii=False))
    else:
        print_stats(stats, at, Console.detect())


def _clock(now: str | None) -> Callable[[], datetime]:
    """The real UTC clock, or one pinned to `now` (--now / QUIZGEN_NOW)."""
    from datetime import UTC

    if now is None:
        return lambda: datetime.now(UTC)
    try:
        pinned = datetime.fromisoformat(now)
    except ValueError:
        raise typer.BadParameter(
            f"'{now}' is not an ISO 8601 date-time (e.g. 2026-01-31T09:00:00Z)",
            param_hint="--now / QUIZGEN_NOW",
        ) from None
    if not 1970 <= pinned.year <= 9000:
        # Scheduling years ahead from 9999 overflows the calendar.
        raise typer.BadParameter(f"'{now}' is out of range", param_hint="--now / QUIZGEN_NOW")
    if pinned.tzinfo is None:
        pinned = pinned.replace(tzinfo=UTC)
    pinned = pinned.astimezone(UTC)
    return lambda: pinned
