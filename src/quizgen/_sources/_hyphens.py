"""Line-end hyphens in extracted PDF text: a typesetter's syllable break or a real hyphen?

"Linde-\\nmann" and "govern-\\nment" are syllable breaks and are joined; "Austro-\\nHungarian",
"Jean-\\nPaul", "1914-\\n1918" and "vice-\\npresident" are real hyphens and stay. The rule
(issue 11): a break is a syllable break when the joined word occurs elsewhere in the document
or is a dictionary word; word frequencies come from `wordfreq` (its English list ships in the
wheel), loaded only when the document itself does not decide.
"""

from __future__ import annotations

import re
from functools import lru_cache

_BREAK = re.compile(r"(\w+)-\n(\w+)")
_WORD = re.compile(r"\w+(?:-\w+)*")
# Zipf frequency (log10 per billion words): "government" 5.6, "Lindemann" 2.2, "Oberhauser"
# 1.4, 0 when wordfreq has never seen the word.
_COMMON_WORD = 3.0  # a joined word this common is a word whatever its parts are
_COMMON_PART = 4.0  # two parts this common make a compound: "vice-president", "well-known"


def rejoin_hyphens(text: str) -> str:
    """Undo syllable breaks at line ends in one pass; real hyphens stay.

    A break is kept as a hyphen when the part after it is capitalized ("Anglo-\\nFrench") or a
    number, or the document spells the pair with a hyphen elsewhere. It is joined when the
    joined word occurs elsewhere in the document, or wordfreq knows it as a word, unless
    both parts are common words on their own ("long-\\nterm": "longterm" is a rare misspelling).
    """
    if "-\n" not in text:
        return text
    words = {w.lower() for w in _WORD.findall(_BREAK.sub(" ", text))}

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1), m.group(2)
        hyphenated, joined = f"{first}-{second}", first + second
        if not _may_join(first, second) or hyphenated.lower() in words:
            return hyphenated
        if joined.lower() in words or _is_word(first, second):
            return joined
        return hyphenated

    return _BREAK.sub(join, text)


def _may_join(first: str, second: str) -> bool:
    if not (first.isalpha() and second.isalpha()):
        return False  # "1914-\n1918", "COVID-\n19"
    # A syllable break never capitalizes the second half, but a word in capitals
    # ("WASH-\nINGTON") breaks into two capitalized halves.
    return second[:1].islower() or (first.isupper() and second.isupper())


def _is_word(first: str, second: str) -> bool:
    joined = _zipf(first + second)
    if joined >= _COMMON_WORD:
        return True
    return joined > 0 and min(_zipf(first), _zipf(second)) < _COMMON_PART


@lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "en"))
