"""A person's roles as questions use them: which role names one person ("the head of General
Electric"), how it reads inside a sentence ("the Chinese foreign minister"), and with the
organization asked ("the head of which organization")."""

from __future__ import annotations

import re

from quizgen._extract import Entity, Facts, Role
from quizgen._lexicon import (
    MANY_HOLDER_HEADS,
    ONE_HOLDER_POSTS,
    PRONOUN_ONES,
    ROLE_QUALIFIERS,
    TITLE_WORDS,
)

_POSSESSIVE_ROLE = re.compile(r"(?:\S+ ){0,2}\S+[’']s\b")  # "Tunisia's goalkeeper"


def role_words(text: str) -> str:
    """A role as words inside a sentence: "Chinese Foreign Minister" -> "Chinese foreign
    minister", "U.S. Senator" -> "U.S. senator". A title before a name keeps its capital
    ("President Roosevelt's daughter"), as does a name after "of" ("head of General
    Electric")."""
    words = text.split()
    out: list[str] = []
    named = False  # past "of", "at" ...: what follows is a body's name
    for w, nxt in zip(words, [*words[1:], ""], strict=True):
        low = w.lower()
        named = named or low in ("of", "at", "for", "with")
        title = low in TITLE_WORDS or low in ONE_HOLDER_POSTS or low in ("state", "and")
        before_a_name = nxt[:1].isupper() and re.sub(r"[’']s$", "", nxt.lower()) not in TITLE_WORDS
        # "Philanthropist Samuel Mather": a role's last word is a common noun, capital or not
        common = not nxt and w[:1].isupper() and w[1:].islower() and not named
        # "Current UK prime minister": a qualifier capitalised only as the sentence opened
        qualifier = not out and low in ROLE_QUALIFIERS
        out.append(low if (title and not named and not before_a_name) or common or qualifier else w)
    return " ".join(out)


def role_np(text: str) -> str:
    """ "Chinese Foreign Minister" -> "the Chinese foreign minister" (see `role_words`); a
    possessive takes no article ("Tunisia's goalkeeper")."""
    phrase = role_words(text)
    if not re.match(r"^(a|an|the)\b", phrase, re.I) and not _POSSESSIVE_ROLE.match(phrase):
        phrase = "the " + phrase
    return phrase


# "Who was an Armenian businessman who was a stakeholder in the TPC?": the role's own clause
# doubles the question's "who was"; "Which Armenian businessman was ...?" asks it once.
_WHO_WAS_WHO = re.compile(r"Who (?:was|were|is|are) (?:an?|the) ([^,?]+?) who ([a-z][^?]*)\?")


def undoubled(prompt: str) -> str:
    """ "Who was a chemist who had changed the making of wine?" -> "Which chemist had
    changed the making of wine?": a role told by a relative clause is asked through it."""
    m = _WHO_WAS_WHO.fullmatch(prompt)
    return f"Which {m.group(1)} {m.group(2)}?" if m else prompt


def is_a_list(role: str) -> bool:
    """Is the "role" a list of people the parser took for one ("the Kaiser and Prince
    Arthur, Duke of Connaught" beside "Edward VII")? Another name follows an "and"."""
    return re.search(r"\band (?:the )?[A-Z]", role) is not None


def names_one(role: str) -> bool:
    """Does the role name one person without the text? An office one person holds at a
    time ("the Chinese foreign minister", "the English captain", see ONE_HOLDER_POSTS) or
    a role tied to a named body or place ("the head of General Electric", "an analyst at
    Russia's Far East Institute", "a boy from Alsace") or told by a clause of its own ("a
    chemist who had changed the making of wine") does; "the U.S. senator", "the British
    singer", "a naval doctor" fit many (issue 12: asked as "Who was ...?" they have no
    answer)."""
    head = re.split(r",| and ", role)[0].split()
    noun = re.split(r" (?:of|at|for|with|from|in) ", " ".join(head))[0].split()
    if noun and noun[-1].lower() in MANY_HOLDER_HEADS:
        return False  # "a member of the League of Nations" is one of many
    if re.search(r"\b(?:of|at|for|with|from|in)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}[A-Z]", role):
        return True  # "a partner of the investment bank Kuhn, Loeb and Company"
    if re.search(r"\b(?:who|whose|whom|which|that)\s+[a-z]", role):
        return True
    return bool(head) and head[-1].lower().strip(".,") in ONE_HOLDER_POSTS


def indefinite(text: str) -> str:
    """ "a Chicago banker", but "the head of which organization": a post one person holds."""
    phrase = role_np(text)
    if phrase.startswith("the ") and not names_one(re.split(r" (?:of|at|for) ", phrase)[0]):
        rest = phrase[4:]
        return ("an " if rest[:1].lower() in "aeiou" else "a ") + rest
    return phrase


def unique_roles(facts: Facts, actor: Entity) -> list[Role]:
    """Roles of this actor that no other actor's role contains (so "Who was ...?" has one answer)."""
    if not actor.roles:
        return []  # most have none: no pass over every actor's roles for them
    others = [r.text.lower() for a in facts.actors if a is not actor for r in a.roles]
    out = []
    for role in actor.roles:
        text = role.text.lower()
        words = re.findall(r"[a-z’'.-]+", text)
        if len(words) < 2:
            continue
        if (words[1] if words[0] == "the" else words[0]) in PRONOUN_ONES:
            continue  # "one that was compatible with ...": a pronoun for a thing, no role
        if any(text in o or o in text for o in others):
            continue
        out.append(role)
    return out


def replace_org(role: str, org: Entity, class_noun: str) -> str | None:
    """ "head of ... of Russia’s Far East Institute" -> "head of ... of which institute"."""
    for name in sorted(org.names, key=len, reverse=True):
        pattern = re.compile(
            r"(?:\bthe\s+|\b[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)*[’']s\s+)?"
            + re.escape(name)
            + r"(?:\s+"
            + re.escape(class_noun)
            + r")?"
        )
        if pattern.search(role):
            # a lambda: text from the source must never be read as a replacement template
            return pattern.sub(lambda _: f"which {class_noun}", role, count=1)
    return None
