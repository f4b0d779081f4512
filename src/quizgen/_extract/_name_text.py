"""Name text: the string tests and keys that spans and entities share (no parse needed).

A person's name key, a company's name without its legal suffix, an acronym's initials, and
whether a text can be a person's or an organization's name at all.
"""

from __future__ import annotations

import re

from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    COMPANY_SUFFIXES,
    EPITHETS,
    NAME_PARTICLE_PREFIXES,
    NAME_PARTICLES,
)


def span_text(sent: Sentence, start: int, end: int) -> str:
    """The text of tokens [start, end) of `sent`."""
    return sent.span_text(start, end)


def _is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", word))


def name_key(name: str) -> tuple[str, ...]:
    """A person's name as lower-case words without initials: what two mentions share."""
    return tuple(w.lower().strip(".") for w in name.split() if not _is_initial(w))


def without_suffix(words: list[str]) -> str:
    """ "Jim Walter Paper, Inc." -> "Jim Walter Paper"; "" when it has no legal suffix."""
    k = len(words)
    while k > 1 and words[k - 1].lower().strip(",") in COMPANY_SUFFIXES:
        k -= 1
    return " ".join(words[:k]).rstrip(",") if k < len(words) else ""


def singular(word: str) -> str:
    """ "plans" -> "plan": enough for the head words of NOT_ORG_WORDS."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_ELIDED_PARTICLE = re.compile(r"[dl]['’][A-Z]")


def plausible_person(text: str) -> bool:
    """1-5 words, capitalised but for particles and epithets ("Catherine the Great"), no digits."""
    words = text.split()
    return (
        1 <= len(words) <= 5
        and not any(ch.isdigit() for ch in text)
        and text[:1].isupper()
        and not (text.isupper() and len(text) > 4)  # bylines like "TIMES STAFF WRITER"
        and all(
            w[:1].isupper()
            or w.lower() in NAME_PARTICLES
            or w.split("-")[0].lower() in NAME_PARTICLE_PREFIXES | set(NAME_PARTICLES)
            or (w == "the" and k + 1 < len(words) and words[k + 1].lower() in EPITHETS)
            or _ELIDED_PARTICLE.match(w)  # "Jean le Rond d'Alembert", "Guy d’Arezzo"
            for k, w in enumerate(words)
        )
    )


def plausible_org(text: str) -> bool:
    """Capitalised, or a numbered unit's name ("101st Airborne", "7th Cavalry Regiment")."""
    words = text.split()
    return (
        1 <= len(words) <= 12
        and (text[:1].isupper() or bool(_NUMBERED_UNIT.match(text)))
        and not text.isdigit()
    )


_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th) [A-Z]")


def is_acronym_of(short: str, full: str) -> bool:
    """ "NATO" of "North Atlantic Treaty Organization": the capitals' initials."""
    if not (short.isupper() and 2 <= len(short) <= 8 and " " not in short):
        return False
    return short.replace(".", "") == initials(full)


def initials(name: str) -> str:
    """The initials of a name's capitalised words ("North Atlantic Treaty Organization":
    "NATO"; "Jet-Propulsion Laboratory": "JPL")."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())
