"""What kind of thing a name is, beyond spaCy's PERSON and ORG, and how much a text is about it.

Askable: people ("actor") and organizations, these with a subtype ("legislature", "armed
force" ...). Kept but never asked as a person or an organization: places, facilities,
vehicles or craft, works (documents, laws, books), events and groups of people. The rules
read the lexicon's head-word lists (issue 11); spaCy's own labels for the other kinds map
through KIND_OF_LABEL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizgen._extract._gazetteer import is_place_name
from quizgen._extract._types import Entity, Sentence, Token
from quizgen._lexicon import (
    ARMED_FORCE_PHRASES,
    ARTICLES,
    CALLED_THING_NOUNS,
    CELESTIAL_NAMES,
    COMPETITION_HEADS,
    COMPETITION_OPENERS,
    CONCEPT_HEADS,
    CRAFT_CLASSES,
    DEMONYM_MAN_STEMS,
    ETHNIC_WORDS,
    EVENT_HEADS,
    FACILITY_HEADS,
    FACILITY_OPENERS,
    FAITH_WORDS,
    INSTRUMENT_HEADS,
    KIND_OF_LABEL,
    LAND_HEADS,
    LANGUAGE_NOUNS,
    MEETING_HEADS,
    MEETING_PREPOSITIONS,
    MEETING_VERBS,
    MOVEMENT_WORDS,
    ORDINAL_WORDS,
    ORG_SUBTYPES,
    ORG_WORDS,
    PARTY_PLURALS,
    PEOPLE_GROUP_HEADS,
    PEOPLE_PLURALS,
    PLACE_OPENERS,
    PROGRAMME_NOUNS,
    SHIP_PREFIXES,
    SKY_HEADS,
    SOFTWARE_NOUNS,
    STATE_GROUPS,
    STATE_HEADS,
    STATE_TAILS,
    STREET_PLURALS,
    SYSTEM_WORDS,
    WORK_HEADS,
    WORK_NOUNS,
    WORK_TITLE_HEADS,
    WRITING_VERBS,
)

OTHER_KINDS = tuple(dict.fromkeys(KIND_OF_LABEL.values()))

# A name ending in one of these is a facility however it is written: "Alexanderplatz".
_FACILITY_SUFFIX = re.compile(r"(?:platz|straße|strasse|gasse|bahnhof)$", re.I)


# A people's plural demonym: "Africans", "Koreans" (seven letters or more: not the surnames
# "Evans", "Hans").
_PEOPLE_PLURAL = re.compile(r"[A-Z][a-z]{3,}[ie]?ans")

# A Spanish demonym's plural: "Tejanos", "Chicanos", "Californianos" (not "Stefanos").
_SPANISH_PEOPLE = re.compile(r"[A-Z][a-z]+(?:[jc]anos|ianos|eños|eñas)")
# A doctrine's, a creed's or a movement's name: "Roman Catholicism", "Buddhism".
_ISM = re.compile(r"[A-Z][a-z]{2,}isme?")
_POSSESSIVES = ("’s", "'s", "’", "'")

_LINKS = ("of", "for", "to")
_NUMBER_TAIL = re.compile(r"-\d+\w*$")  # "Facility-1", "Pad-39A"


def head_word(words: Sequence[str]) -> str:
    """The word a name is named for: the last before its first "of"/"for"/"to", else the
    last ("House" of "House of Representatives", "Station" of "Waterloo Station", "Walk" of
    "Detroit Walk to Freedom"), without a number it carries ("Facility-1")."""
    for k in range(1, len(words)):
        if words[k] in _LINKS or words[k].lower() in _LINKS:
            return _NUMBER_TAIL.sub("", words[k - 1])
    return _NUMBER_TAIL.sub("", words[-1]) if words else ""


def thing_label(sent: Sentence, start: int, end: int, label: str) -> str | None:
    """The spaCy label a PERSON or ORG span [start, end) should have when it names a place,
    facility, craft, work, event or group of people; None to leave it as it is."""
    toks = sent.tokens
    while start < end and toks[start].lower_text in ARTICLES:
        start += 1
    while end > start and toks[end - 1].text in ("’s", "'s", ",", "’", "'"):
        end -= 1
    if start >= end:
        return None
    words = [t.text for t in toks[start:end]]
    lower = [w.lower() for w in words]
    head = head_word(words).lower()
    before = toks[start - 1] if start else None
    the = before is not None and before.lower_text == "the"
    if len(words) == 1 and lower[0] in CELESTIAL_NAMES:
        return "LOC"  # "the Moon", "Neptune"
    if head in SKY_HEADS or head in LAND_HEADS or lower[-1] in STATE_TAILS:
        return "LOC"  # "the Andromeda Galaxy", "Palomar Mountain", "the ... Republics"
    if _next_lower(toks, end) in SKY_HEADS:
        return "LOC"  # "the Andromeda galaxy", "Halley's comet"
    if len(words) == 2 and lower[0] in PLACE_OPENERS and words[1].istitle():
        return "LOC"  # "Mount Wilson", "Lake Geneva"; not "Mount Sinai Hospital"
    if head in INSTRUMENT_HEADS:
        return "FAC"  # "the Hubble Space Telescope"
    if lower[-1] == "system" and any(w in SYSTEM_WORDS for w in lower):
        return "WORK_OF_ART"  # "the Enforcement Management Information System": software
    if _next_lower(toks, end) in SOFTWARE_NOUNS:
        return "WORK_OF_ART"  # "the NEMISIS database"
    if _next_lower(toks, end) in PROGRAMME_NOUNS or _as_programme(toks, end):
        return "LAW"  # "his Great Society program", "created X as a national insurance program"
    if _language(toks, start, end):
        return "NORP"  # "the Esperanto language", "the offshoot Ido": a language
    if label == "ORG" and not any(w in ORG_WORDS for w in lower) and _dated_title(sent, end):
        return "WORK_OF_ART"  # "he wrote Analytic Syntax (1937)": a work with its year
    if words[0].isupper() and lower[0] in SHIP_PREFIXES and len(words) > 1:
        return "PRODUCT"  # "HMY Alberta"
    if head in FACILITY_HEADS or _FACILITY_SUFFIX.search(words[-1]):
        return "FAC"
    if label == "ORG" and head in STREET_PLURALS:
        return "FAC"  # "Walnut and Spruce Streets"; not "Castlegate Ports", a company
    if len(words) > 1 and lower[0] in FACILITY_OPENERS and words[0].istitle():
        return "FAC"  # "Prison Barlinnie", "Fort Sumter"
    if head in WORK_HEADS or (head.endswith("s") and head[:-1] in WORK_HEADS):
        return "LAW"  # "Magna Carta", "the Dawes and Young Plans"
    if lower[0] in WORK_TITLE_HEADS and len(lower) > 1:
        return "WORK_OF_ART"  # "Tagebuch des Generals", "Diary of General": a book's title
    if head in STATE_HEADS or (head == "commonwealth" and "of" in lower):
        return "GPE"  # "the Holy Roman Empire", "the Commonwealth of Virginia": a realm
    if len(words) > 1 and head in CONCEPT_HEADS and head != "law":  # not "Jude Law"
        return "WORK_OF_ART"  # "Case Grammar", "Frame Semantics": a theory, even tagged PERSON
    if label == "ORG" and _next_lower(toks, end) in CONCEPT_HEADS - {"law"}:
        return "WORK_OF_ART"  # "his theory of Frame semantics", "the Doppler effect"
    if _ISM.fullmatch(words[-1]):
        return "NORP"  # "Roman Catholicism", "Stoicism": a creed or doctrine, no body
    if len(words) == 1 and _demonym(words[0]):
        return "NORP"  # "the Welshman", "Tejanos": a people's noun, never a name
    if _called_thing(toks, start):
        return "WORK_OF_ART"  # "a project called Lexis"
    if label == "ORG" and (lower[0] in COMPETITION_OPENERS or head in COMPETITION_HEADS):
        return "EVENT"  # "the Champions League", "the Davis Cup": a competition
    if label == "ORG" and lower[-1] in FAITH_WORDS:
        return "NORP"  # "Jesuit", "the Quakers": people of a faith, not a body
    if label == "ORG" and len(lower) == 1 and lower[0] in MOVEMENT_WORDS | ETHNIC_WORDS:
        return "NORP"  # "Allied", "Bolshevik": a side; "White", "Latina": people
    if lower[-1].endswith(_CUP_ENDINGS) or (label == "ORG" and _persons_mission(words)):
        return "EVENT"  # "the Supercup", "DFL-Supercup"; "Bullitt's Mission"
    if (head in EVENT_HEADS and label == "ORG") or is_meeting(lower) or convened(sent, start, end):
        return "EVENT"  # "the Great Depression", "Reconstruction", "Journey of Reconciliation"
    if _inner_possessive(words) and not any(w in ORG_WORDS for w in lower):
        return "WORK_OF_ART"  # "Seward's Folly", "Euclid's Elements": someone's thing
    if label == "ORG" and lower[-1] in PEOPLE_GROUP_HEADS and len(lower) > 1:
        return "NORP"  # "the Little Rock Nine", "the Freedom Riders": people, not a body
    if _craft(toks, start, lower):
        return "PRODUCT"  # "Space Shuttle Columbia", "the battleship Bismarck"
    if len(words) == 1 and _PEOPLE_PLURAL.fullmatch(words[0]):
        return "NORP"  # "Africans", "Italians": a people, never one person or a body
    if lower[-1] in STATE_GROUPS:
        return "NORP"  # "the Allied Powers": states, no one body
    if lower[-1] in PEOPLE_PLURALS and (the or (end < len(toks) and toks[end].lower_text == "of")):
        return "NORP"  # "the Liberal Democrats of the period", "the Republicans"
    if not any(w in ORG_WORDS for w in lower) and _work_context(sent, start):
        return "WORK_OF_ART"
    return None


def _inner_possessive(words: Sequence[str]) -> bool:
    """A possessive between two capitalised words inside the name: "Webb's Folly"; not a
    minute mark ("Paul Hemmer 12' 90")."""
    return any(
        words[k] in _POSSESSIVES and words[k - 1][:1].isupper() and words[k + 1][:1].isupper()
        for k in range(1, len(words) - 1)
    )


def _demonym(word: str) -> bool:
    """ "Welshman", "Frenchwomen", "Tejanos": a nationality's noun for a person or a people."""
    lower = word.lower()
    for tail in ("man", "men", "woman", "women"):
        if lower.endswith(tail) and lower[: -len(tail)] in DEMONYM_MAN_STEMS:
            return True
    return _SPANISH_PEOPLE.fullmatch(word) is not None


def _called_thing(toks: Sequence[Token], start: int) -> bool:
    """ "a project called Lexis", "a database named the Orbit": a lower-case thing's noun
    (CALLED_THING_NOUNS), then "called"/"named", then the name; not "a group called the
    Circle"."""
    k = start - 1
    while k >= 0 and toks[k].lower_text in ARTICLES:
        k -= 1
    return (
        k >= 1
        and toks[k].lower_text in ("called", "named", "dubbed")
        and toks[k - 1].text.islower()
        and toks[k - 1].lower_text in CALLED_THING_NOUNS
    )


def _next_lower(toks: Sequence[Token], end: int) -> str:
    """The lower-case word right after a span, or "" when the next word is capitalised."""
    return toks[end].lower_text if end < len(toks) and toks[end].text.islower() else ""


def _as_programme(toks: Sequence[Token], end: int) -> bool:
    """ "created Medicare as a national insurance program": "as a/an", up to three lower-case
    words, then a programme noun right after the name."""
    if (
        end + 2 >= len(toks)
        or toks[end].lower_text != "as"
        or toks[end + 1].lower_text not in ARTICLES
    ):
        return False
    for t in toks[end + 2 : end + 6]:
        if not t.text.islower():
            return False
        if t.lower_text in PROGRAMME_NOUNS:
            return True
    return False


def _language(toks: Sequence[Token], start: int, end: int) -> bool:
    """A language noun in lower case right before or after the name: "the Esperanto
    language", "the offshoot Ido"."""
    before = toks[start - 1] if start else None
    if before is not None and before.text.islower() and before.lower_text in LANGUAGE_NOUNS:
        return True
    return _next_lower(toks, end) in LANGUAGE_NOUNS


_YEAR = re.compile(r"\d{4}")


def _dated_title(sent: Sentence, end: int) -> bool:
    """A year alone in brackets right after the name, in a sentence about writing or works:
    "he published Analytic Syntax (1937)", as a biography dates a work; not "Marks & Spencer
    (1884) is a retailer"."""
    toks = sent.tokens
    return (
        end + 2 < len(toks)
        and toks[end].text == "("
        and _YEAR.fullmatch(toks[end + 1].text) is not None
        and toks[end + 2].text == ")"
        and any(t.lemma in WRITING_VERBS or t.lower_text in WORK_NOUNS for t in toks)
    )


_CUP_ENDINGS = ("cup", "pokal")  # a competition's name as one compound word


def _persons_mission(words: Sequence[str]) -> bool:
    """ "Bullitt's Mission": a mission someone led is an event; "the UN Mission in Kosovo",
    with no one's possessive, is a body."""
    return len(words) >= 3 and words[-1] == "Mission" and words[-2] in ("’s", "'s")


def is_meeting(lower: list[str]) -> bool:
    """ "the Lausanne Conference", "the Paris Peace Conference" (lower-case words): a
    meeting named for its place is an event; "the Southern Christian Leadership Conference"
    is a body."""
    return head_word(lower) == "conference" and (len(lower) == 2 or "peace" in lower)


def party_label(sent: Sentence, start: int, end: int) -> str | None:
    """ "the Bolsheviks", "the Whigs" alone (PARTY_PLURALS), however the tagger labelled
    them: "ORG" where the name acts as a body (the subject of a verb, or the agent of a
    passive: "the Whigs won the election", "taken by the Royalists"), since a teacher asks
    who did it; else "NORP", people of that side ("farmers feared the Bolsheviks", "the
    Tories of the period", "warned by other Republicans"). "heavily Menshevik": a side's adjective, "NORP". None for any
    other name."""
    toks = sent.tokens
    while start < end and toks[start].lower_text in ARTICLES:
        start += 1
    if end - start != 1:
        return None
    word = toks[start]
    if word.lower_text in MOVEMENT_WORDS and word.text.istitle():
        return "NORP"
    if word.lower_text not in PARTY_PLURALS or not word.text.istitle():
        return None
    i = start
    while toks[i].dep == "conj" and toks[i].head != i:
        i = toks[i].head  # "the Whigs and the Tories formed ...": the first one's place
    t = toks[i]
    agent = t.dep == "pobj" and toks[t.head].dep == "agent"
    of_follows = end < len(toks) and toks[end].lower_text == "of"
    the = start > 0 and toks[start - 1].lower_text == "the"  # not "other Republicans"
    return "ORG" if (t.dep == "nsubj" or agent) and the and not of_follows else "NORP"


_ORDINAL_NUMBER = re.compile(r"\d+(?:st|nd|rd|th)")


def convened(sent: Sentence, start: int, end: int) -> bool:
    """Is the name [start, end) (no article) a meeting, not a body? Its head is a meeting's
    word (MEETING_HEADS) and one cue says it met: an ordinal opens it ("the Fourth Congress
    of Linguists", "the 10th Party Congress"); it is what was held or attended ("the Council
    of Trent was held"); or someone was at it, with the year after ("lectured at the Congress
    of Arts in Lisbon in 1904"). Not "Congress" alone, nor "the Congress of Racial Equality
    organized the rides": a body."""
    toks = sent.tokens
    lower = [t.lower_text for t in toks[start:end]]
    if len(lower) < 2 or head_word(lower) not in MEETING_HEADS:
        return False
    of = lower.index("of") if "of" in lower else len(lower)
    owner = [t.text for t in toks[start + of + 1 : end] if t.lower_text not in ARTICLES]
    if is_place_name(" ".join(owner)):
        return False  # "the First Congress of the United States": a country's legislature
    if lower[0] in ORDINAL_WORDS or _ORDINAL_NUMBER.fullmatch(lower[0]):
        return True
    head = toks[sent.span_head(start, end)]
    if head.dep in ("dobj", "nsubjpass") and toks[head.head].lemma in MEETING_VERBS:
        return True
    k = start - 1
    while k >= 0 and toks[k].lower_text in ARTICLES:
        k -= 1
    after = toks[end : end + 8]
    return (
        k >= 0
        and toks[k].lower_text in MEETING_PREPOSITIONS
        and any(_YEAR.fullmatch(t.text) and toks[t.i - 1].lower_text == "in" for t in after)
    )


_CRAFT_WORDS = frozenset(tuple(c.split()) for c in CRAFT_CLASSES)
_CRAFT_LENGTHS = sorted({len(c) for c in _CRAFT_WORDS})


def _craft(toks: Sequence[Token], start: int, lower: list[str]) -> bool:
    """A vehicle's class opens its name ("Space Shuttle Columbia") or stands before it in
    lower case ("the shuttle Discovery")."""
    before = toks[start - 1] if start else None
    if before is not None and before.text.islower() and before.lower_text in CRAFT_CLASSES:
        return True
    return toks[start].text[:1].isupper() and any(
        tuple(lower[:n]) in _CRAFT_WORDS for n in _CRAFT_LENGTHS if n > 1 or len(lower) > 1
    )


def _work_context(sent: Sentence, start: int) -> bool:
    """ "his book Hydraulica", "Lagrange's Mécanique Analytique": a work noun right before the
    name, or a person's possessive."""
    toks = sent.tokens
    if start == 0:
        return False
    before = toks[start - 1]
    if before.text.islower() and before.lower_text in WORK_NOUNS:
        return True
    return (
        before.text in ("’s", "'s")
        and start >= 2
        and toks[start - 2].ent == "PERSON"
        and toks[start - 2].text[:1].isupper()
    )


def org_subtype(name: str) -> str | None:
    """The organization's subtype by its name's head word, else any word of it, in
    ORG_SUBTYPES order: "U.S. House of Representatives" -> "legislature"; None if unknown."""
    words = [w.lower().strip(".,") for w in name.split()]
    joined = " ".join(words)
    if any(p in joined for p in ARMED_FORCE_PHRASES):
        return "armed force"
    head = head_word(words)
    for subtype, heads in ORG_SUBTYPES.items():
        if head in heads:
            return subtype
    for subtype, heads in ORG_SUBTYPES.items():
        if any(w in heads for w in words):
            return subtype
    return None


# Weights of salience: a name in the headline or the lead says what the text is about.
_HEADLINE = 3.0
_LEAD = 2.0
_SUBJECT = 0.5
_LEAD_SENTENCES = 3


def salience(entity: Entity, sentences: Sequence[Sentence], title: str) -> float:
    """How much a text is about `entity`: one per mention, +3 when the headline names it,
    +2 when one of the first three sentences does, +0.5 per mention as a clause's subject.
    Unitless, comparable within one text only."""
    score = float(len(entity.mentions))
    lowered = title.lower()
    # the substring test first: a pattern per name overflowed `re`'s cache (512) on long texts
    if any(
        n.lower() in lowered and re.search(rf"\b{re.escape(n.lower())}\b", lowered)
        for n in entity.names
        if n
    ):
        score += _HEADLINE
    if any(m.sent_index < _LEAD_SENTENCES for m in entity.mentions):
        score += _LEAD
    for m in entity.mentions:
        sent = sentences[m.sent_index]
        if sent.tokens[sent.span_head(m.start, m.end)].dep in ("nsubj", "nsubjpass"):
            score += _SUBJECT
    return round(score, 2)
