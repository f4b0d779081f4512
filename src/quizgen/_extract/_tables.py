"""Names in the cells of a table, by the header of their column (a context rule of
`_context`): "Team" over "Harlan Voss Racing" makes it a team, "Driver" over "Tim Archer" a
person. A results table gives the tagger no sentence to read a kind from: it called a team
in a cell a person, or nothing at all.

The sources stage writes each cell of a tab-typed table as a paragraph of its own
(`_sources._clean.tab_rows`), row after row; here such a run of one-sentence paragraphs is
read back into columns: the cells without digits before the first number are the header,
and the rows follow with as many cells each.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract._found import Found
from quizgen._extract._types import Sentence
from quizgen._lexicon import PERSON_COLUMN_HEADS, TEAM_COLUMN_HEADS

_CELL_TOKENS = 6  # a cell names a team, a person or a number; longer is a sentence


def _cell_runs(sentences: Sequence[Sentence]) -> list[list[Sentence]]:
    """The runs of consecutive sentences that are each a short paragraph of their own."""
    alone = [
        s
        for k, s in enumerate(sentences)
        if len(s.tokens) <= _CELL_TOKENS
        and (k == 0 or sentences[k - 1].paragraph != s.paragraph)
        and (k + 1 == len(sentences) or sentences[k + 1].paragraph != s.paragraph)
    ]
    runs: list[list[Sentence]] = []
    for s in alone:
        if runs and runs[-1][-1].index + 1 == s.index:
            runs[-1].append(s)
        else:
            runs.append([s])
    return runs


def _has_digit(sent: Sentence) -> bool:
    return any(c.isdigit() for c in sent.text)


def _columns(header: list[Sentence]) -> dict[int, tuple[str, str | None]]:
    """Column index -> (label, subtype) for the columns whose header names their kind."""
    kinds: dict[int, tuple[str, str | None]] = {}
    for k, cell in enumerate(header):
        word = cell.tokens[-1].lower_text
        if word in TEAM_COLUMN_HEADS:
            kinds[k] = ("ORG", "team")
        elif word in PERSON_COLUMN_HEADS:
            kinds[k] = ("PERSON", None)
    return kinds


def _rows(run: list[Sentence], lead: int, width: int) -> list[list[Sentence]]:
    """The rows of `width` cells after the header ending at `lead`, while each has digits
    where the first has them (the position, the car's number)."""
    rows = [run[k : k + width] for k in range(lead, len(run) - width + 1, width)]
    shape = [_has_digit(s) for s in rows[0]] if rows else []
    kept = []
    for row in rows:
        if [_has_digit(s) for s in row] != shape:
            break
        kept.append(row)
    return kept


def _table_columns(found: Found) -> None:
    """Each capitalised cell under a "Team"/"Club" header is a team, under "Driver"/"Player"
    a person. The header is the last cells without digits before the first with one; as
    many as make two rows or more alike ("Race results" before it is a caption)."""
    for run in _cell_runs(found.sentences):
        lead = next((k for k, s in enumerate(run) if _has_digit(s)), len(run))
        for width in range(lead, 1, -1):
            rows = _rows(run, lead, width)
            if len(rows) >= 2:
                break
        else:
            continue
        for k, (label, sub) in _columns(run[lead - width : lead]).items():
            for row in rows:
                cell = row[k]
                end = len(cell.tokens)
                while end and not cell.tokens[end - 1].text[:1].isalnum():
                    end -= 1  # "Tim Archer." or "Tim Archer *": the name without its marks
                if end and cell.tokens[0].text[:1].isupper():
                    found.add(cell, 0, end, label, settled=True, subtype=sub)
                    found.name(cell, 0, end, label, sub)


RULES = (_table_columns,)
