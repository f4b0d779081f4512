"""The `quizgen` command line: thin wrappers that parse, call the library once, and report.

Every command module imports only typer and the standard library at the top, so
`quizgen --help` starts fast; the library (and spaCy, reportlab, genanki) is
imported inside the command that needs it.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from quizgen import __version__
from quizgen._cli.anki import anki_cli
from quizgen._cli.build import build_cli
from quizgen._cli.check import check_cli
from quizgen._cli.export import export_cli
from quizgen._cli.facts import facts_cli
from quizgen._cli.generate import generate_cli
from quizgen._cli.pdf import pdf_cli
from quizgen._cli.quiz import quiz_cli, stats_cli
from quizgen._safetext import one_line


class _App(TyperGroup):
    """The root group: runs every command inside `_errors_as_lines`.

    The mapping lives here, not in `main`, so that `typer.testing.CliRunner` (which calls
    the click command, never `main`) sees exactly what a user sees.
    """

    def invoke(self, ctx: typer.Context) -> Any:
        with _errors_as_lines(ctx):
            return super().invoke(ctx)


app = typer.Typer(
    name="quizgen",
    cls=_App,
    help="Turn texts into questions about their dates, people and organizations: "
    "editable YAML decks, Anki packages, PDF worksheets and a terminal quiz.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"quizgen {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Turn texts into questions about their dates, people and organizations."""


app.command("build")(build_cli)
app.command("generate")(generate_cli)
app.command("check")(check_cli)
app.command("facts")(facts_cli)
app.command("anki")(anki_cli)
app.command("pdf")(pdf_cli)
app.command("export")(export_cli)
app.command("quiz")(quiz_cli)
app.command("stats")(stats_cli)


def main() -> None:
    """Run the app (the `quizgen` script and `python -m quizgen`)."""
    app()


@contextmanager
def _errors_as_lines(ctx: typer.Context) -> Iterator[None]:
    """A QuizgenError or OSError becomes `Error: ...` lines on stderr and exit code 2;
    a warning becomes one `Warning: ...` line. Anything else is a bug: its traceback stays.
    """
    from quizgen._errors import QuizgenError

    # catch_warnings puts the caller's warning hook back afterwards (tests run in process).
    with warnings.catch_warnings():
        # A library warning (a glyph the PDF font lacks) is a `Warning: ...` line like ours,
        # not Python's two-line "file:line: Category" form.
        warnings.showwarning = _show_warning
        try:
            yield
        except QuizgenError as exc:
            for line in exc.lines():
                print(f"Error: {one_line(line)}", file=sys.stderr)
            ctx.exit(2)
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            print(f"Error: {one_line(f'{where}{exc.strerror or exc}')}", file=sys.stderr)
            ctx.exit(2)


def _show_warning(message: Warning | str, *_: object, **__: object) -> None:
    print(f"Warning: {one_line(str(message))}", file=sys.stderr)
