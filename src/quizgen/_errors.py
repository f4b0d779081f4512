"""Exceptions raised by quizgen.

    QuizgenError                 anything a user can fix; the CLI prints it as one `Error: ...` line, exit 2
     ├── SourceError             a source file is missing, empty, binary, mis-encoded or too large
     ├── DeckError               a deck file does not parse or does not validate (carries a Problem each)
     ├── TemplateError           a templates file (or a deck's `templates:`) cannot be read or is invalid (the same)
     ├── ModelError              the spaCy model is not installed
     ├── RenderError             a renderer cannot write its output (unknown name, missing font, ...)
     └── ProgressError           the quiz progress database cannot be opened or is from a newer quizgen

Anything else escaping the library is a bug and keeps its traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


class QuizgenError(Exception):
    """Base class of every error a user can fix."""

    def lines(self) -> list[str]:
        """The lines the CLI prints, one problem each: here the whole message, which is one
        problem even when a file name in it holds a newline."""
        return [str(self) or type(self).__name__]


class SourceError(QuizgenError):
    """A source text cannot be read."""


@dataclass(frozen=True)
class Problem:
    """One problem in a deck or templates file, as data.

    `file` is the name as given; `line` is 1-based (None when the problem has no place in
    the text, such as a missing file); `path` says where in the document, as a person
    reads it (`questions[3]`, `sources[0]`, `templates[1]`; "" for the document as a
    whole); `question_id` is the id of the question it concerns, when known.
    `str()` gives the line the CLI prints:
    `decks/broken.yaml:14: questions[3] (q-5d1c2a9e): 'answer' is missing`.
    """

    file: str
    message: str
    line: int | None = None
    path: str = ""
    question_id: str | None = None

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        where = f"{self.path} ({self.question_id})" if self.question_id else self.path
        return ": ".join(part for part in (place, where, self.message) if part)


class _ProblemsError(QuizgenError):
    """An error of one or more problems; `problems` holds every Problem found.

    A plain string is taken as one whole problem line (its file and place already in it):
    `Problem(file="", message=text)`.
    """

    def __init__(self, problems: str | Problem | Sequence[str | Problem]) -> None:
        if isinstance(problems, (str, Problem)):
            problems = [problems]
        self.problems = [p if isinstance(p, Problem) else Problem("", p) for p in problems]
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class DeckError(_ProblemsError):
    """A deck file cannot be loaded; `problems` holds every Problem found."""


class TemplateError(_ProblemsError):
    """Question templates cannot be loaded; `problems` holds every Problem found.

    Raised for a `--templates` file and for a deck's own `templates:` list alike.
    """


class ModelError(QuizgenError):
    """The spaCy language model cannot be loaded."""


class RenderError(QuizgenError):
    """An output cannot be rendered."""


class ProgressError(QuizgenError):
    """The quiz progress store cannot be used."""
