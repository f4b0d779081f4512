"""Exceptions raised by quizgen.

    QuizgenError                 anything a user can fix; the CLI prints it as one `Error: ...` line, exit 2
     ├── SourceError             a source file is missing, empty, binary, mis-encoded or too large
     ├── DeckError               a deck file does not parse or does not validate (carries one line per problem)
     ├── TemplateError           a templates file (or a deck's `templates:`) cannot be read or is invalid (the same)
     ├── ModelError              the spaCy model is not installed
     ├── RenderError             a renderer cannot write its output (unknown name, missing font, ...)
     └── ProgressError           the quiz progress database cannot be opened or is from a newer quizgen

Anything else escaping the library is a bug and keeps its traceback.
"""

from __future__ import annotations


class QuizgenError(Exception):
    """Base class of every error a user can fix."""

    def lines(self) -> list[str]:
        """The lines the CLI prints, one problem each: here the whole message, which is one
        problem even when a file name in it holds a newline."""
        return [str(self) or type(self).__name__]


class SourceError(QuizgenError):
    """A source text cannot be read."""


class _ProblemsError(QuizgenError):
    """An error of one or more problems; `problems` holds one message per problem."""

    def __init__(self, problems: list[str] | str) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))

    def lines(self) -> list[str]:
        return self.problems


class DeckError(_ProblemsError):
    """A deck file cannot be loaded; `problems` holds one message per problem."""


class TemplateError(_ProblemsError):
    """Question templates cannot be loaded; `problems` holds one message per problem.

    Raised for a `--templates` file and for a deck's own `templates:` list alike.
    """


class ModelError(QuizgenError):
    """The spaCy language model cannot be loaded."""


class RenderError(QuizgenError):
    """An output cannot be rendered."""


class ProgressError(QuizgenError):
    """The quiz progress store cannot be used."""
