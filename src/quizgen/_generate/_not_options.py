"""Names that are no wrong answer, whatever their kind: another name the text gives the
answer by a renaming, a name the text writes as one phrase with it, and the credit of a
picture (a photographer is no one of the story). Each was offered as an option in a blind
review (issue 12)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from quizgen._generate._distractors import Pool

# "the TPC (which was renamed the Iraqi Petroleum Company in 1929)", "Socal, later renamed
# Chevron", "Anglo-Persian (later British Petroleum)": the name after it is another name of
# the name before it.
_RENAMING = re.compile(
    r"\b(?:renamed|later|formerly|became|known as|now called)"
    r"(?:\s+(?:renamed|known as|called))?\s+(?:the\s+)?",
    re.I,
)
# What may stand between the earlier name and the renaming words: "(", ", which was".
_RENAMING_GAP = re.compile(
    r"\s*[,(]?\s*(?:(?:which|that|who)\s+)?(?:(?:was|were|is|had been|has been)\s+)?"
    r"(?:(?:later|subsequently|eventually|then)\s+)?",
    re.I,
)


def renamings(
    sentences: Iterable[str], entities: Pool, owner: Mapping[str, str]
) -> dict[str, set[str]]:
    """Each entity's other names by a renaming the `sentences` tell: the names of `entities`
    (a Pool of every name and alias; `owner` maps each to its entity's answer) right after
    "renamed", "later", "formerly" ... and the one right before them ("X (later Y)", "X,
    which was renamed Y"), both ways. A renamed
    body is the answer under another name, never a wrong answer (blind review: "Iraqi
    Petroleum Company" offered for the Turkish Petroleum Company)."""
    out: dict[str, set[str]] = {}
    for sent in sentences:
        if not _RENAMING.search(sent):
            continue
        lowered = sent.lower()
        found = [
            (at, at + len(n), n)
            for n in entities.mentioned_in(sent)
            for at in _occurrences(lowered, n.lower())
        ]
        for m in _RENAMING.finditer(sent):
            later = [n for at, _, n in found if at == m.end()]
            earlier = [
                (end, n)
                for _, end, n in found
                if end <= m.start() and _RENAMING_GAP.fullmatch(sent, end, m.start())
            ]
            if not later or not earlier:
                continue
            first = owner.get(max(earlier)[1])
            second = owner.get(max(later, key=len))
            if first and second and first != second:
                out.setdefault(first, set()).add(second)
                out.setdefault(second, set()).add(first)
    return out


# What may join two names into one phrase: nothing but a space, or a possessive.
_JOINED = re.compile(r"\s+|['’]s\s+")


def linked_names(
    sentences: Iterable[str], entities: Pool, owner: Mapping[str, str]
) -> dict[str, set[str]]:
    """Each entity's names written as one phrase with it ("the Brown v. Board of Education
    Supreme Court case", "Harvard's Graduate School"), both ways. Such a name is no false
    value for the other: "the Supreme Court" swapped in for the Brown case still reads true
    (issue 12, review 3)."""
    out: dict[str, set[str]] = {}
    for sent in sentences:
        lowered = sent.lower()
        found = [
            (at, at + len(n), n)
            for n in entities.mentioned_in(sent)
            for at in _occurrences(lowered, n.lower())
        ]
        for _, end, first in found:
            for at, _, second in found:
                if at > end and _JOINED.fullmatch(sent, end, at):
                    a, b = owner.get(first), owner.get(second)
                    if a and b and a != b:
                        out.setdefault(a, set()).add(b)
                        out.setdefault(b, set()).add(a)
    return out


def _occurrences(text: str, part: str) -> Iterator[int]:
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


# A picture's credit line ("Image: Jeffrey Beall", "Photo by Ann Berg", "(credit: NASA)").
_CREDIT_LABEL = (
    r"(?:image|photo|photograph|picture|credit|source|illustration)s?(?:\s+credit)?\s*(?::|by)\s*"
)
# The label alone: a context without one credits no one, and is told so without building
# a pattern per name (thousands of names overflowed `re`'s cache of 512 patterns, and
# recompiling cost 4% of generating 1 MB of prose).
_CREDIT_LABEL_RX = re.compile(_CREDIT_LABEL, re.I)


def credited(name: str, context: str) -> bool:
    """Is `name` given in `context` (its first sentence) as a picture's credit? Such a
    name (a photographer) is no player, author or founder of the text, so no distractor
    (blind review: "Jeffrey Beall" offered among the players of a final)."""
    if _CREDIT_LABEL_RX.search(context) is None:
        return False
    return re.search(_CREDIT_LABEL + re.escape(name), context, re.I) is not None
