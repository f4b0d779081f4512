"""Names as people write them: surnames with their particles, middle names left out,
titles added or dropped, and never a name that also fits another entity of the deck.

Works on text already folded by `check.normalize` (lower case, no diacritics, hyphens as
spaces), except where the raw answer is needed to see a hyphenated surname.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import combinations

from quizgen._lexicon import ANSWER_PARTICLES, ANSWER_TITLES

# The longest title is stripped first: "secretary of state" before "secretary".
TITLES = tuple(sorted(ANSWER_TITLES, key=lambda t: (-len(t), t)))
# A name of more words than this is not expanded into its shorter forms (2^n of them).
MAX_NAME_WORDS = 7


def strip_titles(norm: str) -> str:
    """'president woodrow wilson' -> 'woodrow wilson'; a title alone stays as it is."""
    words = norm.split()
    stripped = True
    while stripped:
        stripped = False
        for title in TITLES:
            size = len(title.split())
            if len(words) > size and " ".join(words[:size]) == title:
                words = words[size:]
                stripped = True
                break
    return " ".join(words)


def surnames(answer: str, normalize: Callable[[str], str]) -> set[str]:
    """The forms of a multi-word name's surname: the last word ("saens", as before), the
    last written word whole ("saint saens" from "Saint-Saëns", "al rashid"), and that with
    the particles before it ("van hal", "bin khalid", "van der berg")."""
    words = strip_titles(normalize(answer)).split()
    if len(words) < 2 or any(c.isdigit() for c in words[-1]):
        return set()
    raw = [w for w in answer.split() if normalize(w)]
    tail = normalize(raw[-1])
    out = {words[-1], tail}
    # Walk back over particles, never into the first name.
    for word in reversed(raw[1:-1]):
        particle = normalize(word)
        if particle not in ANSWER_PARTICLES:
            break
        tail = f"{particle} {tail}"
        out.add(tail)
    return out


def _units(answer: str, normalize: Callable[[str], str]) -> list[str]:
    """The written words of a name, folded, titles dropped, particles joined to the word
    after them: 'Dr. Ludwig van Hal' -> ['ludwig', 'van hal']."""
    units = [n for n in (normalize(w) for w in answer.split()) if n]
    for title in TITLES:
        size = len(title.split())
        if len(units) > size and " ".join(units[:size]) == title:
            units = units[size:]
            break
    while len(units) > 2 and units[-2] in ANSWER_PARTICLES:
        units[-2:] = [f"{units[-2]} {units[-1]}"]
    return units


def short_names(answer: str, normalize: Callable[[str], str]) -> set[str]:
    """A name with middle names and initials left out: 'George C. Marshall' ->
    {'george marshall'}; the first name and the whole surname always stay."""
    units = _units(answer, normalize)
    if not 3 <= len(units) <= MAX_NAME_WORDS or any(c.isdigit() for c in answer):
        return set()
    first, middle, last = units[0], units[1:-1], units[-1]
    out = set()
    for size in range(len(middle)):
        for kept in combinations(middle, size):
            out.add(" ".join([first, *kept, last]))
    return out


def name_forms(
    answers: Iterable[str], others: Iterable[str], normalize: Callable[[str], str]
) -> dict[str, str]:
    """Every shorter form that stands for one of `answers` and for no name in `others`:
    form -> how it was accepted ("surname" or "short name").

    A one-word surname another answer contains anywhere is ambiguous ("Bush" when the
    deck also has "George W. Bush"); a longer surname only when another answer contains
    it whole; a short name when it is also another answer or one of its short names.
    """
    others = list(others)
    other_norms = [normalize(o) for o in others]
    other_words = {w for o in other_norms for w in o.split()}
    other_short = {f for o in others for f in short_names(o, normalize)} | set(other_norms)
    forms: dict[str, str] = {}
    for answer in answers:
        for form in sorted(surnames(answer, normalize)):
            if " " in form:
                taken = any(f" {form} " in f" {o} " for o in other_norms)
            else:
                taken = form in other_words
            if not taken:
                forms.setdefault(form, "surname")
        for form in sorted(short_names(answer, normalize) - other_short):
            forms.setdefault(form, "short name")
    return forms
