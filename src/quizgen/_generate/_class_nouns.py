"""The noun a "Which ...?" question names an organization by: its wh-word follows its kind.

A blind review found "Which organization" asked of a team ("Team Estonia"), a band
("Coldplay"), a university and a person spaCy took for an organization ("By which
organization was FIRST Global founded?" keyed to Dean Kamen). The noun comes from what the
text says of the organization, else from its subtype, else "organization" where its name
says it is one; otherwise there is none and no "Which ...?" question is made of it.
"""

from __future__ import annotations

import re

from quizgen._lexicon import (
    GROUP_NOUNS,
    ORG_CLASS_NOUNS,
    ORG_NAME_HEADS,
    ORG_SUBTYPES,
    ORG_WORDS,
    SUBTYPE_CLASS_NOUNS,
    SUBTYPES_NAMED_BY_THEIR_WORD,
)

_ACRONYM = re.compile(r"[A-Z][A-Z&.]+")
# The nouns that may name an organization's class: the text's own noun after a name is
# often something else ("U.S. Government money", "the Broncos touchdown", "a Nobel winner").
_CLASS_WORDS = ORG_CLASS_NOUNS | ORG_WORDS | ORG_NAME_HEADS | GROUP_NOUNS
_CLASS_WORDS = _CLASS_WORDS.union(*ORG_SUBTYPES.values())


def _head(words: list[str]) -> str:
    """The head word of a name: before its first "of", else its last ("Bureau of the
    Budget", "U.S. Government")."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def class_noun(name: str, given: str | None, subtype: str | None, article: str = "") -> str:
    """The class noun for an organization `name`: `given` (the text's own: "the think tank
    X"), when it is a noun of organizations ("Which money had provided ...?" was not), else its `subtype`'s (`_lexicon.SUBTYPE_CLASS_NOUNS`: "team", "company") or the
    word of its name that made the subtype ("university", "church"), else "organization"
    when it is one surely: of a subtype, with an organization word in its name, an acronym
    ("FBI"), or a name the text writes after "the" (`article`: "the Confederacy", "the
    Taliban"). Else "": a bare name of unknown kind ("Coldplay", "Herat", "Dean Kamen") may
    be a band, a place or a person.

        class_noun("Team Estonia", None, "team") -> "team"
        class_noun("Coldplay", None, None) -> ""
        class_noun("U.S. Government", "money", "government body") -> "organization"
    """
    if given and given.split()[-1] in _CLASS_WORDS:
        return given
    words = re.findall(r"[\w’'-]+", name.lower())
    if subtype in SUBTYPE_CLASS_NOUNS:
        return SUBTYPE_CLASS_NOUNS[subtype]
    if subtype in SUBTYPES_NAMED_BY_THEIR_WORD:
        said = [w for w in words if w in ORG_SUBTYPES[subtype]]
        if subtype == "government body":
            # its head only: "Bureau of the Budget", "U.S. Government"; "Volunteers in
            # Service to America" is no service, "Ikon Office Solutions" no office
            said = [w for w in said if w == _head(words)]
        return said[-1] if said else "organization"
    if (
        subtype
        or article == "the"
        or any(w in ORG_WORDS or w in ORG_NAME_HEADS for w in words)
        or _ACRONYM.fullmatch(name)
    ):
        return "organization"
    return ""
