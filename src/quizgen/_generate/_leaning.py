"""Words of a sentence that lean on the sentences before it, left out of a statement made
from it: a fronted phrase of relative time or pointing ("In that same year,", "Nearly 200
years later,", "Afterwards,") and a connective set off by commas (", however,").

A blind review flagged such statements as dangling ("In that same year, the settlement was
named Liberia ..." with no year before it). What they leave out is when or against what the
statement holds, which the question never asks: "The settlement was named Liberia ..." is as
true, and stands alone. A statement that opens with a word standing for people named before
("Both had withdrawn their objections") has no such cure: it is refused (`leans_on_people`),
as is one that names a thing of the story only as "the issue", "the men" (`story_thing`),
one that opens on "Other areas" (`leans_on_others`) or names a person only by a title
("The Prince was head of the regency", `titled_person`).
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgen._extract import Sentence, Token
from quizgen._lexicon import (
    CLAUSE_POSSESSIVES,
    COLLECTIVE_NOUNS,
    DEMONYM_NOUNS,
    LEANING_ADVERBS,
    NOBLE_TITLES,
    OTHERING_WORDS,
    PAGE_PRO_FORMS,
    PEOPLE_ENDINGS,
    PERSONAL_PRONOUNS,
    PLACE_PRO_FORMS,
    POINTED_TIME_NOUNS,
    POINTING_WORDS,
    QUANTIFIER_SUBJECTS,
    REGNAL_TITLES,
    RELATIVE_WORDS_OF_TIME,
    SETTLEMENT_NOUNS,
    STORY_NOUNS,
    TITLE_WORDS,
)

# Titles that stand for a person when written as a name: "the Prince", "the Duke".
_PERSON_TITLES = TITLE_WORDS | NOBLE_TITLES | REGNAL_TITLES
# A fronted phrase longer than this is a clause of its own, not "In that same year".
_FRONTED_AT_MOST = 7
_LEANING = POINTING_WORDS | RELATIVE_WORDS_OF_TIME | LEANING_ADVERBS | PLACE_PRO_FORMS
# "At the time,": a bare time noun in a fronted phrase this short points at a time told before;
# "At the time of his death," is longer and says which.
_BARE_TIME_AT_MOST = 3
# What a phrase set before the subject hangs on its verb as: "In that same year", "Later".
_ADVERBIAL = frozenset({"prep", "advmod", "npadvmod", "tmod", "advcl"})


def leaning_parts(sent: Sentence, kept: Sequence[Token], start: int, end: int) -> set[int]:
    """The indices of the tokens of `kept` (a sentence or part of it, in order) to leave
    out: its opening phrase up to the first comma when a word of it leans on the text
    before and it holds no verb and not the blank [start, end) ("In that same year,"), and
    each leaning adverb set off by commas (", however,") or right before its verb
    ("both subsequently punted"). Quoted words are never cut."""
    out: set[int] = set()
    words = [t for t in kept if not t.quoted]
    comma = next((k for k, t in enumerate(kept) if t.text == ","), None)
    if len(words) == len(kept):
        if comma is not None and 0 < comma <= _FRONTED_AT_MOST:
            if _leans(kept[:comma], start, end):
                out.update(t.i for t in kept[: comma + 1])
        elif (lead := _before_subject(sent, kept)) and _leans(kept[:lead], start, end):
            out.update(t.i for t in kept[:lead])  # "Later that year the academy awarded"
    toks = sent.tokens
    for t in words:
        if t.lower_text not in LEANING_ADVERBS or t.dep != "advmod" or t.i in out:
            continue
        before = toks[t.i - 1].text if t.i > 0 else ""
        after = toks[t.i + 1].text if t.i + 1 < len(toks) else ""
        if before == "," and after == ",":
            # "nor the _____, however, wished" -> "nor the _____ wished"; but a comma that
            # closes a phrase set before the subject stays: "Unlike Carnegie, however, his
            # practices were" -> "Unlike Carnegie, his practices were" (blind review)
            subject_after = any(
                c.dep in ("nsubj", "nsubjpass") and c.i > t.i for c in sent.children(t.head)
            )
            out.update((t.i, t.i + 1) if subject_after else (t.i - 1, t.i, t.i + 1))
        elif before not in (",", "") and toks[t.head].pos == "VERB" and t.head == t.i + 1:
            out.add(t.i)  # "both subsequently punted" -> "both punted"
    return out


def _leans(phrase: Sequence[Token], start: int, end: int) -> bool:
    """Is `phrase`, set before the subject, an adverbial that leans on the text before
    ("In that same year", "Later that year"), holding no verb and not the blank?"""
    inside = {t.i for t in phrase}
    words = [t.lower_text for t in phrase]
    bare_time = len(phrase) <= _BARE_TIME_AT_MOST and any(w in POINTED_TIME_NOUNS for w in words)
    # "Under their influence,": whose, the text before says (blind review 5)
    owner = any(t.lower_text in CLAUSE_POSSESSIVES and t.dep == "poss" for t in phrase)
    return (
        (any(w in _LEANING for w in words) or bare_time or owner)
        # an adverbial, not the subject ("Prominent Americans such as X, Y ... were")
        and all(t.dep in _ADVERBIAL for t in phrase if t.head not in inside)
        and not any(t.pos in ("VERB", "AUX") for t in phrase)
        and not any(start <= t.i < end for t in phrase)
    )


def _before_subject(sent: Sentence, kept: Sequence[Token]) -> int:
    """How many of the first tokens of `kept` stand before the subject of its first verb,
    set off by no comma ("Later that year | the academy awarded ..."); 0 when none or
    more than a short phrase."""
    for t in kept[: _FRONTED_AT_MOST + 1]:
        if t.dep in ("nsubj", "nsubjpass"):
            first = min(sent.subtree(t.i))
            lead = next((j for j, o in enumerate(kept) if o.i == first), 0)
            return lead if lead <= _FRONTED_AT_MOST else 0
    return 0


def leans_on_people(kept: Sequence[Token]) -> bool:
    """Does the statement open with a word standing for people named before it ("Both
    had withdrawn their objections", "Each signed the treaty")?"""
    first = next((t for t in kept if t.pos != "PUNCT"), None)
    return (
        first is not None
        and first.lower_text in QUANTIFIER_SUBJECTS
        and first.dep.startswith("nsubj")
    )


def leans_on_others(kept: Sequence[Token]) -> bool:
    """Does the statement open with things set against others told before ("Other areas,
    like the Caucasus, proved contentious", "Another plan failed", "The rest of the army
    fled"; OTHERING_WORDS)? Which the others were, the question cannot say (blind review 4)."""
    words = [t for t in kept if t.pos != "PUNCT"][:3]
    if words and words[0].lower_text == "the":
        words = words[1:]  # "The rest of the army"
    return bool(words) and not words[0].quoted and words[0].lower_text in OTHERING_WORDS


def titled_person(sent: Sentence, t: Token) -> bool:
    """Is `t` a title written as a name under "the" ("The Prince was head of the regency",
    "met the General"; TITLE_WORDS), standing for a person the text named before? A title
    with a name, an "of" or a clause of its own ("the Prince of Wales", "the General, a
    veteran,", "Prince Ali") says who, a place or a time does not ("the Prince in Egypt"); one before another noun ("the General Assembly") is
    no person (blind review 4: dangling)."""
    if t.quoted or not t.text[:1].isupper() or t.lower_text not in _PERSON_TITLES:
        return False
    if t.dep in ("compound", "amod") or (t.head != t.i and sent.tokens[t.head].pos == "PROPN"):
        return False
    kids = sent.children(t.i)
    # a place or a time ("married the Prince in Egypt") does not say who, an "of" does
    return any(k.dep == "det" and k.lower_text == "the" for k in kids) and all(
        k.pos != "PROPN"
        and (k.dep in ("det", "amod") or (k.dep == "prep" and k.lower_text != "of"))
        for k in kids
    )


# What says which thing a story noun is: "the men who broke in", "the plan, a loan to
# Germany,"; a phrase on it ("the plan of 1924", "the crisis over reparations", `_says_which`),
# a name or a number anywhere under the noun says it too.
_ANCHORING = frozenset({"relcl", "acl", "appos"})


def story_thing(
    sent: Sentence, t: Token, kept: Sequence[Token], nouns: frozenset[str] = STORY_NOUNS
) -> bool:
    """Is `t` a general noun of the story (STORY_NOUNS: "issue", "men", "plan") under "the"
    that nothing in the wording `kept` says which is? "relations over the issue", "two of
    the men" name what the text told before. A noun with an "of"-phrase, a clause, a name
    or a number ("the issue of reparations", "the men who broke in", "the Dawes plan",
    "the five men") says which; so does the wording when it names the thing earlier with
    the same noun ("signed the Red Line Agreement ... under the agreement")."""
    if t.quoted or t.pos != "NOUN" or t.lemma.lower() not in nouns:
        return False
    toks = sent.tokens
    kids = sent.children(t.i)
    if not any(k.dep == "det" and k.lower_text == "the" for k in kids):
        return False
    for k in kids:
        if k.dep in _ANCHORING or (k.dep == "prep" and _says_which(sent, k)):
            return False
        if k.dep != "det" and any(
            toks[j].pos in ("PROPN", "NUM") or toks[j].text[:1].isupper() for j in sent.subtree(k.i)
        ):
            return False
    return not any(o.i < t.i and o.lemma.lower() == t.lemma.lower() for o in kept if o is not t)


def _says_which(sent: Sentence, prep: Token) -> bool:
    """Does the phrase `prep` on a story noun say which thing it is? "of" always ("the issue
    of wages"); another preposition when its object is a noun, not a pronoun or a word like
    "the issue" itself ("the crisis over reparations", not "the dispute with them")."""
    if prep.lower_text == "of":
        return True
    obj = next((k for k in sent.children(prep.i) if k.dep == "pobj"), None)
    return obj is not None and obj.pos in ("NOUN", "PROPN") and not story_thing(sent, obj, [])


# What a possessive can stand for: "their" a plural or a body ("the settlers", "Liverpool"),
# "its" a thing ("the city"); a person's name is neither.
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_BODIES = frozenset({"ORG", "NORP", "GPE"})


def deictic(
    sent: Sentence, t: Token, kept: Sequence[Token], start: int, end: int, places: bool = False
) -> bool:
    """Does `t` point at something the wording `kept` (blank [start, end)) does not name
    (blind review 5: dangling)? "here" (a caption's "Seen here", PAGE_PRO_FORMS); a nation's
    noun for a person under "the" ("for the Spaniard", DEMONYM_NOUNS or the tagger's NORP);
    with `places` (a short question, where it is all there is), "marched to the town" that
    nothing says which is (`_bare_place`); and "its", "their" in the blank's clause with
    nothing before them in the wording they could stand for ("Their greatest source of
    discontent", "Hopelessly outnumbered, its defenders")."""
    if t.quoted:
        return False
    if _demonym_person(sent, t):
        return True  # in the blank too: "the Welshman" taken for a person's name
    if start <= t.i < end:
        return False  # the blank's own words ("_____ and its partners") are the answer
    if t.lower_text in PAGE_PRO_FORMS:
        return t.pos == "ADV"
    if places and _bare_place(sent, t, kept):
        return True
    if t.lower_text not in CLAUSE_POSSESSIVES or t.dep != "poss":
        return False
    if 0 <= start < end and _in_a_clause_of_its_own(sent, start, t):
        return False  # "Its chief executive will be X, who has run Y since _____": asked is
        # the clause on X, which the owner does not change
    # the owned thing's own phrase cannot hold the owner, an appositive after it may: "their
    # common frontier, Russia and China," (the parser's reading of a fronted clause)
    renamed = {j for k in sent.children(t.head) if k.dep == "appos" for j in sent.subtree(k.i)}
    own = set(sent.subtree(t.head)) - renamed
    # before its antecedent only in a phrase set before the subject it stands for, which
    # may be a body in the singular: "To show loyalty to their new country, a force marched"
    # "their" only: "Its deputy head, the physicist Maurice Wilkins," renames the deputy
    later = _fronted_over_subject(sent, t) | (renamed if t.lower_text == "their" else set())
    plural = t.lower_text == "their"
    # people named before it: the last word of each name ("Hamilton", not "Alexander") or
    # a person's pronoun ("He was a friend of Hamilton, and their letters")
    people = sum(
        k.i < t.i
        and ((k.ent == "PERSON" and k.dep != "compound") or k.lower_text in PERSONAL_PRONOUNS)
        for k in kept
    )
    return not any(
        k.i not in own
        and (
            (k.i < t.i and _could_own(sent, k, plural, people))
            or (k.i in later and k.pos in ("NOUN", "PROPN"))
        )
        for k in kept
    )


def _bare_place(sent: Sentence, t: Token, kept: Sequence[Token]) -> bool:
    """ "Which army marched to the town?": a settlement (SETTLEMENT_NOUNS) as the object of a
    preposition that nothing says which is (as `story_thing`); "the town's nurse" says
    whose, "the town was renamed Vellby" which."""
    return (
        t.dep == "pobj"
        and story_thing(sent, t, kept, SETTLEMENT_NOUNS)
        and not any(k.dep == "case" for k in sent.children(t.i))
    )


def _in_a_clause_of_its_own(sent: Sentence, i: int, t: Token) -> bool:
    """Is token i in a relative clause that does not hold `t` ("X, who has run Y since
    1994")?"""
    toks = sent.tokens
    while toks[i].head != i:
        if toks[i].dep == "relcl" and t.i not in sent.subtree(i):
            return True
        i = toks[i].head
    return False


def _could_own(sent: Sentence, k: Token, plural: bool, people: int) -> bool:
    """Can `k` be what "their" (`plural`) or "its" stands for? "their" a plural noun, a body
    ("Liverpool", "the team", COLLECTIVE_NOUNS), people joined by "and" or `people` (the
    count of people named before it) of two or more ("a friend of Hamilton, and their
    letters"); "its" any noun in the singular (the tagger takes "Graham Paper" for a person)."""
    if k.pos not in ("NOUN", "PROPN"):
        return False
    if not plural:
        return k.tag not in _PLURAL_TAGS
    if k.pos == "PROPN" and not k.ent:
        return True  # a name the tagger could not place: "culture mitochondria outside of their"
    joined = k.dep == "conj" or any(c.dep == "conj" for c in sent.children(k.i))
    return (
        k.tag in _PLURAL_TAGS
        or k.ent in _BODIES
        or k.lemma.lower() in COLLECTIVE_NOUNS
        or joined
        or (k.ent == "PERSON" and people >= 2)
    )


def _fronted_over_subject(sent: Sentence, t: Token) -> set[int]:
    """The tokens of the main clause's subject when `t` stands before it, else none."""
    root = next((o for o in sent.tokens if o.head == o.i), None)
    if root is None:
        return set()
    subj = next((k for k in sent.children(root.i) if k.dep.startswith("nsubj")), None)
    if subj is None or min(sent.subtree(subj.i)) <= t.i:
        return set()
    return set(sent.subtree(subj.i))


# A noun that describes rather than refers: before another noun ("the Spanish team"), or
# said of the subject ("Robinson was the first African American to play").
_DESCRIBING = frozenset({"compound", "amod", "attr", "appos"})


def _demonym_person(sent: Sentence, t: Token) -> bool:
    """ "easy pickings for the Spaniard": a nation's noun for one person under "the", with no
    name beside it ("the Spaniard Reina" says who)."""
    if t.tag not in ("NN", "NNP") or t.dep in _DESCRIBING or not t.text[:1].isupper():
        return False
    # "the British", "the French", "the Chinese" are a nation's people, told by the text
    if t.lower_text not in DEMONYM_NOUNS and (
        t.ent != "NORP" or t.lower_text.endswith(PEOPLE_ENDINGS)
    ):
        return False
    kids = sent.children(t.i)
    return any(k.dep == "det" and k.lower_text == "the" for k in kids) and all(
        k.dep in ("det", "amod") for k in kids
    )
