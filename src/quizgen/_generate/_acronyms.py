"""A bracketed acronym that spells the blank: "the _____ to Re-Elect the President (CREEP)"
keyed "Committee" gives the answer's first letter and the words around it away (blind
review: a giveaway). The acronym right after the blank ("the _____ (OECD)") is `_blanks`'."""

from __future__ import annotations

import re

from quizgen._deck import BLANK

# The blank, the rest of the name after it (a few words, no punctuation but hyphens), and
# the acronym in brackets.
_AFTER = re.compile(re.escape(BLANK) + r"((?:\s+[\w’'-]+){1,6})\s*\(([A-Z][A-Za-z]*[A-Z])\)")


def spelled_by_acronym(text: str, answer: str) -> bool:
    """Does a bracketed acronym after the blank in `text` spell `answer` with the words
    between them: its first letter the answer's, and the capitals of those words among its
    other letters, in order ("Committee" + "to Re-Elect the President" -> C, R, E, P in
    "CREEP")?

        spelled_by_acronym("the _____ to Re-Elect the President (CREEP) met.", "Committee")
        -> True
    """
    m = _AFTER.search(text)
    if m is None or not answer[:1].isupper():
        return False
    acronym = m.group(2).upper()
    if acronym[0] != answer[0]:
        return False
    capitals = re.findall(r"(?<![\w’'])[A-Z]|(?<=-)[A-Z]", m.group(1))
    if not capitals:
        return False
    rest = iter(acronym[1:])
    return all(c in rest for c in capitals)  # each in order: a subsequence of the rest
