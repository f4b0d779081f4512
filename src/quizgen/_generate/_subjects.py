"""Real questions from a sentence whose blank is its subject: "Who ...?", "Which state
senator ...?", "Whose ...?" instead of a cloze (issue 12: a real question wherever one can
be formed; a cloze only where none can).

    "_____ persuaded local women to nurse the wounded."    -> "Who persuaded local women ...?"
    "In the 20th minute, _____ missed a chance."           -> "Who missed a chance in the 20th minute?"
    "State Senator _____ opposed the rail merger."         -> "Which state senator opposed ...?"
    "_____'s first newspaper work was writing sketches."   -> "Whose first newspaper work was ...?"

The wordings are the blanked sentences `_fields` made (pronouns resolved, side remarks
cut), so a question here is as safe as its cloze.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from quizgen._deck import BLANK
from quizgen._generate._fields import FactSlots
from quizgen._generate._roles import role_words
from quizgen._lexicon import (
    DETERMINERS,
    DISCOURSE_MARKERS,
    FRONTED_PREPOSITIONS,
    ONE_HOLDER_POSTS,
    POSSESSIVE_DETERMINERS,
    SAY_VERB_FORMS,
    SUBORDINATORS,
    TITLE_WORDS,
    is_honorific,
)

_B = re.escape(BLANK)
# What a subject's clause may be: no quotation (a question never alters one), and not the
# second half of the subject ("_____ and her student ...", "_____ of France believed").
# Nor a negation: "Who didn't sign the treaty?" has as many answers as there are people;
# nor a plural verb: "the _____ were important U.S. efforts" is no one organization.
_CLAUSE = (
    r" (?!(?:and|or|but|nor|of|in|at|from|for|to|on|with|were|are)\b)"
    r"(?!(?:\w+n't|\w+ not|never)\b)([a-z][^“”\"]*?)\s*[.!]"
)
_SUBJECT_BLANK = re.compile(r"(?:[Tt]he )?" + _B + _CLAUSE)  # "The _____ began as ..."
# "The _____, the regulator for the railways, must approve ...": a remark set off after
# the blank describes the answer and is left out of the question
_REMARKED_BLANK = re.compile(r"(?:[Tt]he )?" + _B + r", [^,“”\"_]+," + _CLAUSE)
# A list of names (`_lists`) is the subject of a plural verb: "_____ were convicted ..."
_LIST_BLANK = re.compile(_B + _CLAUSE.replace("|were|are)", ")"))
# "State Senator _____ opposed the rail merger." / "The colonel, _____, led the regiment
# ...": the subject is a role and the name; "Which state senator opposed ...?" asks it with
# the anchor the sentence gives, where "Who was the state senator?" needs the text.
# "U.S. Senator _____, Republican from Texas, issued ...": the appositive after the name
# is left out of the question.
_ROLE_BLANK = re.compile(
    r"(?:[Tt]he )?((?:[A-Za-z][\w.’'-]* ){0,2}[A-Za-z][\w.]*)(?: |, )"
    + _B
    + r"(?:, [^,“”\"]+,|,)?"
    + _CLAUSE
)
_POSSESSIVE_BLANK = re.compile(_B + r"[’']s ([a-z][^“”\"]*?)\s*[.!]")
# "In the 20th minute, _____ missed ...": a phrase before the subject, set off by a comma,
# that opens with a preposition; the question puts it last.
_FRONTED = re.compile(
    r"((?:" + "|".join(sorted(FRONTED_PREPOSITIONS)) + r")\b[^_“”\"]*?), (.+)", re.I
)
# "In 1896 the French physicist _____ had found ...": a date set before without a comma
_FRONTED_DATE = re.compile(
    r"((?:" + "|".join(sorted(FRONTED_PREPOSITIONS)) + r")\s(?:\w+\s){0,2}\d{4}s?) (.+)", re.I
)


_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # a role before the blank: "State Senator"


def with_subject_clause(item: FactSlots) -> FactSlots:
    """The item with `subject_clause`, what its blanked sentence says of its subject when
    the blank is the subject ("persuaded local women to nurse the wounded"), so that "Who
    ...?" can be asked instead of a cloze; `role_noun` ("state senator") when a role
    stands before the blank; `possessed` ("first newspaper work was ...") when the blank
    is the subject's owner. A phrase fronted before the subject goes to the end."""
    blanked = item.fields.get("blanked", "")
    if item.kind == "date" or not blanked:
        return item
    fronted, rest = "", blanked
    m = _FRONTED.fullmatch(blanked) or _FRONTED_DATE.fullmatch(blanked)
    if m and m.group(2)[:1] in (BLANK[:1], *_UPPER, "t"):
        fronted, rest = " " + m.group(1)[:1].lower() + m.group(1)[1:], m.group(2)
        if re.search(r"\d{4}", fronted):
            fronted = ""  # "In 1896": a date of its own, which the sentence may ask
        if m.group(1).lower() in DISCOURSE_MARKERS:
            fronted = ""  # "In particular, _____ hoped": moved last it read "... in particular?"
    fields, role = dict(item.fields), item.subjects.get(blanked, "")
    if role == "owner":
        if (m := _POSSESSIVE_BLANK.fullmatch(rest)) and item.kind == "actor":
            fields["possessed"] = m.group(1) + fronted
    elif role != "subject":
        return item
    elif (m := (_LIST_BLANK if item.covers else _SUBJECT_BLANK).fullmatch(rest)) or (
        (m := _REMARKED_BLANK.fullmatch(rest))
        and not _points_into(m.group(1))
        and not _noun_phrase(m.group(1))
    ):
        fields["subject_clause"] = m.group(1) + fronted
    elif (
        (m := _ROLE_BLANK.fullmatch(rest.replace(" ,", ",")))
        and item.kind == "actor"
        and _is_role(m.group(1), item.roles)
        and not _noun_phrase(m.group(2))
    ):
        fields["subject_clause"] = m.group(2) + fronted
        if not _owned(m.group(1)):
            fields["role_noun"] = role_words(re.sub(r"^the ", "", m.group(1), flags=re.I))
    return item if fields == item.fields else replace(item, fields=fields)


def _noun_phrase(clause: str) -> bool:
    """Does what should be the subject's clause open with a determiner? Then the remark
    taken as set off after the name held the verb: "The chair, _____, said a sale to X, a
    harbour operator, removed that concern" gave "a harbour operator, removed that
    concern", and a verb phrase never opens with "a", "the" or "its"."""
    return clause.split(" ", 1)[0].lower() in DETERMINERS


def _points_into(clause: str) -> bool:
    """Does the clause hold "it" or "them" whose referent may be in the remark left out?
    "Moynier, who became the committee's president, led it for decades": "Who led it?".
    Not after a verb of saying: "... said it did not expect" is the subject speaking."""
    words = re.findall(r"[a-z]+", clause.lower())
    return any(
        w in ("it", "them") and not (k and words[k - 1] in SAY_VERB_FORMS)
        for k, w in enumerate(words)
    )


def _owned(words: str) -> bool:
    """Is the role a named owner's ("Italy's chief negotiator")? "Which Italy's chief
    negotiator ...?" reads broken (blind review): "Who ...?" asks it. A role owned by a
    pronoun ("its panel chair") is no role at all (see _is_role)."""
    return bool(re.search(r"[’']s\b", words))


def _is_role(words: str, roles: Sequence[str]) -> bool:
    """ "State Senator", "colonel", "NASA Administrator": a role ends in a title word or a
    post, or is one extraction gave the person ("English defender"); "Dr", "Mr" are
    honorifics."""
    parts = words.lower().split()
    if any(is_honorific(w) for w in parts) or parts[0] in SUBORDINATORS:
        return False  # "Though President _____ was open ...": a clause of the sentence's
    if parts[0] in POSSESSIVE_DETERMINERS:
        return False  # "Its panel chair, _____, said ...": whose, the sentence before says
    return (
        parts[-1] in TITLE_WORDS
        or parts[-1] in ONE_HOLDER_POSTS
        or words.lower() in {r.lower() for r in roles}
    )
