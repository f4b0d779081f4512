"""The person and organization rules for one span: an ORG span cut, split or turned into a
person (`org_spans`), and the small model's usual confusions corrected (`_relabel`).

Works on the light parse in `Sentence`; organization evidence lives in `_orgs`.
"""

from __future__ import annotations

import re

from quizgen._extract import _orgs
from quizgen._extract._kinds import head_word
from quizgen._extract._name_text import (
    is_acronym_of,
    plausible_org,
    plausible_person,
    singular,
    span_text,
)
from quizgen._extract._orgs import Span
from quizgen._extract._types import Sentence
from quizgen._lexicon import (
    ARTICLES,
    BOOK_PARTS,
    CUT_WORDS,
    FOREIGN_ORG_STEMS,
    IDEA_NOUNS,
    KIN_NOUNS,
    LEGISLATURES,
    MOVEMENT_WORDS,
    NOT_ORG_WORDS,
    ORG_WORDS,
    POST_MODIFIERS,
    REGNAL_TITLES,
    TITLE_WORDS,
    WORK_VERBS,
)


def checked(sent: Sentence, index: int, start: int, end: int, label: str) -> list[Span]:
    """The span relabelled by _relabel, if its text is a plausible name of that kind."""
    label = _relabel(sent, start, end, label)
    text = span_text(sent, start, end)
    if label == "PERSON" and not plausible_person(text):
        return []
    if label == "ORG" and not plausible_org(text):
        return []
    return [Span(index, start, end, label)] if label else []


def org_spans(sent: Sentence, index: int, start: int, end: int, common: set[str]) -> list[Span]:
    """An ORG span as organizations (none, one, or a part and its whole) or as a person."""
    toks = sent.tokens
    # "the World Health Organization (WHO": the short form in brackets is not part of the name
    end = next((k for k in range(start, end) if toks[k].text == "("), end)
    while end > start and not toks[end - 1].text.strip():
        end -= 1
    if start >= end:
        return []
    acronym = _orgs.acronym_after(sent, end)
    if acronym and acronym[0] > end:
        # "the Organisation for Economic Co-operation and" + "Development (OECD)"
        longer = sent.span_text(start, acronym[0]).strip()
        between = toks[end : acronym[0]]
        # "... and Chemistry" + "of the City of Paris (ESPCI)": the short form closes the name
        continues = between[0].lower_text in ("of", "for") and not any(
            t.lower_text in ("and", "&") or t.ent == "ORG" for t in between
        )
        if (is_acronym_of(acronym[1], longer) and toks[end - 1].lower_text in CUT_WORDS) or (
            continues
        ):
            end = acronym[0]
            while not toks[end - 1].text.strip():
                end -= 1
    words = [t.lower_text for t in toks[start:end]]
    if not any(w in ORG_WORDS for w in words):
        if words[0] in REGNAL_TITLES and len(words) > 1:
            # "Kaiser Wilhelm of Germany": a ruler, named up to the land they rule
            cut = words.index("of") if "of" in words[2:] else len(words)
            return checked(sent, index, start, start + cut, "PERSON")
        if _orgs.first_name_before(sent, start, end):
            start -= 1  # "Oswald Avery": a first name and a surname
            return (
                [Span(index, start, end, "PERSON")]
                if plausible_person(sent.span_text(start, end))
                else []
            )
        if _orgs.is_modifier_word(sent, start, end):
            # "Alpine valleys" is nothing; "the Methodist preacher" names a group of people
            parent = toks[toks[start].head]
            people = _orgs.is_person_noun(parent.text)
            return [Span(index, start, end, "NORP")] if people else []
        if end - start == 1 and words[0] in common and not toks[start].text.isupper():
            return []  # "Wounded", "Government": a common noun the text also writes in lower case
        if end - start > 1 and _side_adjective(sent, end - 1):
            return []  # "the New Hampshire Democratic primary": a side's adjective, no body
        if all(w in POST_MODIFIERS for w in words) and _title_follows(sent, end):
            return []  # "Shadow Home" + "Secretary": the words of a post, no body
    split = _orgs.split_part_of(sent, start, end)
    pieces = [(start, split[0]), (split[1], end)] if split else [(start, end)]
    return [span for a, b in pieces for span in checked(sent, index, a, b, "ORG")]


def _side_adjective(sent: Sentence, k: int) -> bool:
    """Is token k an adjective (or a camp's word, MOVEMENT_WORDS) modifying a lower-case
    noun after it? Not "the Cleveland Clinic fire": "Clinic" is a body's word."""
    t = sent.tokens[k]
    return (t.pos == "ADJ" or t.lower_text in MOVEMENT_WORDS) and _orgs.is_modifier_word(
        sent, k, k + 1
    )


def _title_follows(sent: Sentence, end: int) -> bool:
    """Is the word after [.., end) a capitalised title word ("Secretary", "Minister")?"""
    toks = sent.tokens
    return end < len(toks) and toks[end].text.istitle() and toks[end].lower_text in TITLE_WORDS


def _relabel(sent: Sentence, start: int, end: int, label: str) -> str:
    """Correct the small model's usual confusions; "" drops the span."""
    toks = sent.tokens
    words = [t.lower_text for t in toks[start:end]]
    before = toks[start - 1].lower_text if start else ""
    before2 = toks[start - 2].lower_text if start > 1 else ""
    head = toks[sent.span_head(start, end)]
    has_org_word = any(w in ORG_WORDS for w in words)
    # "Linus Pauling, a chemist", "the economist Frédéric Passy", "X, a hydropower operator"
    said = _orgs.appositive_class(sent, head.i, end) or _orgs.title_class(sent, start, head.i)
    if label == "PERSON":
        if any(stem in w for w in words for stem in FOREIGN_ORG_STEMS):
            return "ORG"  # "Universitätsmedizin Berlin", tagged PERSON
        if before in ("born", "née", "nee"):
            return ""  # a maiden name: another name of someone already named
        if len(words) > 1 and words[-1] in TITLE_WORDS | REGNAL_TITLES and _after_the(sent, start):
            # "the last Ottoman Caliph": an office after "the", no one's name ("the Kaiser"
            # alone is how a text names its ruler)
            return ""
        if len(words) > 1 and words[-1] in NOT_ORG_WORDS:
            return ""  # "its Copley Medal": a prize, a treaty, a war is no one's name
        if said == "org":
            return "ORG"
        if (
            head.dep in ("amod", "compound")
            and toks[head.head].pos == "NOUN"
            and toks[head.head].text.islower()
            and head.head >= end
        ):
            return ""  # "Alpine valleys": a modifier, not a person
        return label
    if label != "ORG":
        return label
    if _cross_reference(sent, start):
        return ""  # "(see the chapter on Celestial Distances)": a chapter's title, no body
    if singular(words[-1]) in NOT_ORG_WORDS or words[-1] in ("and", "of", "for", "the"):
        return ""  # "the Dawes and Young Plans" as well as "the Marshall Plan"
    if len(words) == 2 and _NUMBERED.fullmatch(toks[end - 1].text):
        return ""  # "Group G", "Division 3": a numbered part of something, no body's name
    if end - start > 1 and not has_org_word and all(t.text.isupper() for t in toks[start:end]):
        return ""  # "AFRICAN AMERICAN SOLDIERS": a heading in capitals
    if _DESCRIPTOR.fullmatch(sent.span_text(start, end)):
        return ""  # "Pan-democrat", "Anti-communist": a word for a camp, no body's name
    if (
        start == 0
        and toks[0].pos != "PROPN"
        and not any(c.isupper() for t in toks[1:end] for c in t.text)
    ):
        return ""  # "Radioactive sulfur-35": capitalised only by the sentence's start
    if head_word(words) in TITLE_WORDS:
        return ""  # "United Nations High Representative", "Hauptmann, Captain": an office
    if before == "(" and before2 in NOT_ORG_WORDS:
        return ""  # "the European Recovery Program (ERP)": the short form of a program
    if any(stem in w for w in words for stem in FOREIGN_ORG_STEMS):
        return "ORG"  # "Universitätsmedizin Berlin": a body's word inside a compound
    if not has_org_word and (said == "person" or _orgs.relative_who(sent, head.i, end)):
        return "PERSON"
    if not has_org_word and end - start <= 3 and _persons_cue(sent, head.i, end):
        return "PERSON"  # "Ann Lowe's theory", "whose real name was Ann Lowe"
    if not has_org_word and _HYPHENATED_PERSON.fullmatch(sent.span_text(start, end)):
        return "PERSON"  # "Pierre-Simon Laplace": a hyphenated given name and a surname
    if said == "org" or "&" in words or _orgs.published_in(sent, start, end):
        return label  # "Harrow & Finch": a person's name never has an ampersand
    if not has_org_word and not toks[start].text.isupper():
        # "a chemist at Merck"; not "editor of the Petroleum World at Titusville", where the
        # post already has its body and "at" gives the place
        at = toks[start - 1] if before == "at" else None
        works_at = at is not None and (
            (at.head == start - 2 and _orgs.is_person_noun(toks[start - 2].lemma))
            or toks[at.head].lemma.lower() in WORK_VERBS  # "worked at Genentech"
        )
        if (before in ("in", "near", "at") and not works_at) or (
            before2 in ("in", "near") and before == "the"
        ):
            return ""  # "a sanatorium in Passy", "dams in the Valais": a place
        parent = toks[head.head]
        partner = any(c.dep == "conj" and c.ent == "PERSON" for c in sent.children(head.i))
        if partner or (
            head.dep in ("conj", "appos")
            and (parent.ent == "PERSON" or parent.lower_text in KIN_NOUNS)
        ):
            return (
                "PERSON"  # "Louis Appia and Théodore Maunoir", "her husband, Frédéric Joliot-Curie"
            )
    if len(words) == 1 and words[0] in ORG_WORDS | {"state"} and words[0] not in LEGISLATURES:
        return ""  # "the Army", "Secretary of State": no name of its own; "Congress" has one
    return label


def _persons_cue(sent: Sentence, i: int, end: int) -> bool:
    """Does the name with head token `i` own an idea ("Ann Lowe's theory"), follow an idea's
    "of" ("the speculations of Lowe"), or stand as what someone's name was ("whose real name
    was Ann Lowe")? Only a person's name does."""
    toks = sent.tokens
    t = toks[i]
    parent = toks[t.head]
    if t.dep == "poss" or (end < len(toks) and toks[end].text in ("’s", "'s", "’")):
        owned = parent if t.dep == "poss" else toks[toks[end].head]
        return owned.text.islower() and owned.lemma.lower() in IDEA_NOUNS | {
            w[:-1] for w in IDEA_NOUNS if w.endswith("s")
        }
    if t.dep == "pobj" and parent.lower_text == "of" and parent.head != parent.i:
        idea = toks[parent.head]
        return idea.text.islower() and idea.lower_text in IDEA_NOUNS
    if t.dep == "attr" and parent.lemma.lower() == "be":
        return any(c.dep == "nsubj" and c.lower_text == "name" for c in sent.children(parent.i))
    return False


def _cross_reference(sent: Sentence, start: int) -> bool:
    """Does the name at `start` follow "see" and a part of a book within a few words ("see the
    chapter on X", "see Section 3 on X")? A textbook's pointer to its own chapters."""
    before = [t.lower_text for t in sent.tokens[max(0, start - 6) : start]]
    if "see" not in before:
        return False
    return any(w in BOOK_PARTS for w in before[before.index("see") + 1 :])


def _after_the(sent: Sentence, start: int) -> bool:
    """Does "the", or "the" and an adjective ("the last"), stand right before token start?"""
    toks = sent.tokens
    k = start - 1
    if k >= 0 and toks[k].pos in ("ADJ", "NUM") and toks[k].text.islower():
        k -= 1
    return k >= 0 and toks[k].lower_text in ARTICLES


_DESCRIPTOR = re.compile(r"[A-Z][a-z]+-[a-z]+")
_NUMBERED = re.compile(r"[A-Z]|\d+")

# "Pierre-Simon Laplace", "Jean-Paul Sartre"; not "Austro-Hungarian Empire" (an adjective).
_HYPHENATED_PERSON = re.compile(r"[A-Z][a-zé]+-[A-Z][a-zé]+(?<!an) [A-Z][a-zé]+")
