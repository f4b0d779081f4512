"""Sentence wordings of a fact: its sentence with the answer blanked (whole, as its own
clause, or simplified), the sentences naming an entity, and an entity asked as the object of
its clause. Each wording reads on its own or is None: too long, a heading, a pronoun with no
referent, half a quotation, a piece the sentence splitter cut.
"""

from __future__ import annotations

import re
from collections import Counter

from quizgen._deck import BLANK, BLANK_RE
from quizgen._extract import Entity, Facts, Mention, Pronouns, Sentence, Token
from quizgen._generate._acronyms import spelled_by_acronym
from quizgen._generate._clauses import clause_window, independent_clauses
from quizgen._generate._leaning import (
    leaning_parts,
    leans_on_others,
    leans_on_people,
    story_thing,
    titled_person,
)
from quizgen._generate._memo import by_identity
from quizgen._generate._mentions import (
    bare_name_of_several,
    other_generation,
    part_of_a_longer_name,
    shared_bare_name,
    subject_role,
    verb_phrases,
)
from quizgen._generate._rewrite import object_question, strip_leading
from quizgen._generate._simplify import MAX_SENTENCE_WORDS as _MAX_SENTENCE_WORDS
from quizgen._generate._simplify import simplified_window
from quizgen._generate._torn import (
    closed_quotes,
    misprinted,
    named_twice,
    torn,
    without_figure_references,
)
from quizgen._lexicon import (
    ADDITIVE_WORDS,
    DEMONSTRATIVES,
    FIRST_PERSON,
    KIN_GENDER,
    NATIONALITY_ENDINGS,
    PERSONAL_GENDER,
    POINTING_WORDS,
    POST_DOMAINS,
    SAY_VERBS,
    SENTENCE_ENDS,
    SUBJECT_PRONOUNS,
    TITLE_WORDS,
    is_honorific,
)

# What `_blanked` refuses around the blank, compiled once: it runs for each wording tried
_BRACKETED = re.compile(re.escape(BLANK) + r"\s*\(|\(\s*" + re.escape(BLANK))
_NAMED_IN_BRACKETS = re.compile(r"\([^()]*\b(?:as|called|or)\s+" + re.escape(BLANK))
# Words of a title or post ("Attorney", "Governor"): a blank opening on one after a capital
# has torn the title ("Assistant District _____").
_POST_WORDS = TITLE_WORDS.union(*POST_DOMAINS.values())
# How the name of a people ends ("Russians", "Italians"; "Danes" escapes it): a nationality's
# ending and the plural.
_PEOPLES = tuple(e + "s" for e in NATIONALITY_ENDINGS)
_KNOWN_AS = re.compile(re.escape(BLANK) + r"[,(]?\s*(?:\w+ ){0,2}(?:known|referred to) as\b")


def sentence_context(sent: Sentence) -> str:
    return strip_leading(sent.text)


def blank_in_clause(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked, or else the independent clause holding
    them as a sentence of its own."""
    if bare_name_of_several(sent, pronouns, start, end):
        return None
    # A sentence too long to stand alone is never blanked whole: its pronouns are not
    # looked at (a pass over the sentence for each of the hundreds of names of a run-on list)
    if len(sent.tokens) <= _MAX_SENTENCE_WORDS:
        subs = pronouns.substitutes(sent)
        if subs is not None and (blanked := _blanked(sent, start, end, subs)):
            return blanked
    window = clause_window(sent, start, end)
    if window is None:
        return None
    wsubs = pronouns.substitutes(sent, window)
    return None if wsubs is None else _blanked(sent, start, end, wsubs, window)


def _gap_ws(sent: Sentence, i: int, kept: set[int]) -> str:
    """The space after token i, or one where the words after it were left out (a
    simplified sentence), unless punctuation follows."""
    toks = sent.tokens
    if i + 1 >= len(toks) or i + 1 in kept:
        return toks[i].ws
    nxt = next((k for k in range(i + 1, len(toks)) if k in kept), None)
    # "(the Saudi subsidiary of Socal)", not "... of Socal )" once ", which ..." is cut
    return "" if nxt is None or toks[nxt].text in (*".,;:!?", ")", "]") else " "


def simplified_blank(sent: Sentence, start: int, end: int, pronouns: Pronouns) -> str | None:
    """The sentence with tokens [start, end) blanked and the side parts naming other facts
    left out (`_simplify`), or None when there are none or it would not stand alone."""
    window = simplified_window(sent, start, end)
    if window is None:
        return None
    subs = pronouns.substitutes(sent, window)
    return None if subs is None else _blanked(sent, start, end, subs, window)


def _blanked(
    sent: Sentence,
    start: int,
    end: int,
    subs: dict[int, str] | None = None,
    window: list[int] | None = None,
) -> str | None:
    """The sentence (or the clause `window` of it) with tokens [start, end) blanked, or None
    if it would not stand alone."""
    toks = sent.tokens if window is None else [sent.tokens[i] for i in window]
    if len(toks) > _MAX_SENTENCE_WORDS or BLANK_RE.search(sent.text):
        return None  # too long to stand alone, or its own underscores would be a second blank
    if not any(t.pos in ("VERB", "AUX") for t in toks):
        return None  # a heading or caption ("Congress and the act of 1948") states nothing
    if not sent.text.rstrip().endswith(SENTENCE_ENDS):
        return None  # a heading or a list item: "Describe the reasons why many Americans ..."
    if _alters_a_quotation(sent, toks):
        return None
    if _cuts_a_name(sent, start, end):
        return None
    # "In that same year," / ", however,": what leans on the text before goes
    lean = leaning_parts(sent, toks, start, end)
    toks = [t for t in toks if t.i not in lean]
    if leans_on_people(toks) or leans_on_others(toks):
        return None  # "Both had withdrawn ...", "Other areas ...": who, the text before says
    last = toks[-1].i + 1
    kept = {t.i for t in toks}
    words = []
    # "the _____ (OECD)": a short parenthesis after the blank names the answer; leave it out.
    skip = set(range(end, _past_bracket(sent, end, last)))
    for t in toks:
        if t.i in skip:
            continue
        if start <= t.i < end:
            if t.i == start:
                # "_____ (b), who ..., was": the space of what follows what was left out
                ws = _gap_ws(sent, max(skip) if skip else end - 1, kept)
                words.append(BLANK + (ws if t.i != last - 1 or end < last else ""))
            continue
        text = subs[t.i] if subs and t.i in subs else t.text
        if subs and t.i in subs and t.i == toks[0].i:
            text = text[:1].upper() + text[1:]
        words.append(text + (_gap_ws(sent, t.i, kept) if t.i != last - 1 else ""))
    text = "".join(words).strip()
    text = text[:1].upper() + text[1:]  # "in _____, Schleiden ..." once "Later," went
    if _BRACKETED.search(text):
        return None  # "the _____ (OECD)": the acronym beside the blank gives it away
    if spelled_by_acronym(text, sent.span_text(start, end)):
        return None  # "the _____ to Re-Elect the President (CREEP)": "Committee"
    if _NAMED_IN_BRACKETS.search(text):
        return None  # "deoxyribonuclease (referred to as _____)": named just before it
    if window is not None and _across_a_semicolon(sent, window):
        return None  # "joined Marussia at the _____ Monaco Grand Prix, he scored ...": glued
    if misprinted(text) or (window is not None and torn(sent, window, start, end)):
        return None  # "... then in _____, and.": the planner asks it another way
    if _KNOWN_AS.search(text):
        return None  # "_____, formerly known as H. B. Graham and Brothers": its other name
    if _points_back(sent, toks):
        return None
    if any(_speaks(sent, t) for t in toks) and not _shows_a_quotation(text):
        return None  # "... and I'm deeply disappointed": who speaks, the question cannot say
    if named_twice(text, sent.tokens, subs):
        return None  # "Harry W. Henry II’s son Harry W. Henry II": the name is another's
    first = next((t for t in toks if t.pos != "PUNCT"), None)
    if (
        first is not None
        and first.lower_text in SUBJECT_PRONOUNS
        and not (subs and first.i in subs)
    ):
        return None
    if any(
        t.lower_text in ("he", "she", "they", "it")
        and t.dep.startswith("nsubj")
        and not t.quoted
        and not (subs and t.i in subs)
        and not _reports_itself(sent, t)
        for t in toks
    ):
        return None
    if any(
        t.lower_text == "them"
        and not t.quoted
        and sent.tokens[t.head].lower_text in ("of", "among")
        for t in toks
    ):
        return None  # "the first of them", "Among them were": the sentence before says who
    if any(
        t.lower_text == "them"
        and t.dep == "dobj"
        and sent.tokens[t.head].head == t.head  # what the statement says: its main verb's
        and not t.quoted
        and not (subs and t.i in subs)
        and not any(k.tag in ("NNS", "NNPS") and k.i < t.i for k in toks)
        for t in toks
    ):
        return None  # "Cox and the Senate subpoenaed them": the tapes, named before
    if window is not None:
        # a clause becomes a sentence: capital first, a full stop last
        text = strip_leading(text)
        text = text[:1].upper() + text[1:]
        text = text.rstrip(" ,;:-–—")
        if not text.endswith((".", "!", "?", ".”", "?”", "!”")):
            text += "."
    return closed_quotes(strip_leading(without_figure_references(text)))


def _cuts_a_name(sent: Sentence, start: int, end: int) -> bool:
    """Would blanking tokens [start, end) cut a longer name? The span ends on a proper noun
    and another follows it after a space ("CEO of the _____ Solomon" for a span "Refugee
    Council Enver" of "Refugee Council Enver Solomon"), or it opens on a title word after a
    capitalised word ("Assistant District _____" for "Attorney Paul Krotel"), or it is one
    name after another, not a title ("Dries _____'s attempt" for "Mertens"): the answer is
    then a name and a half, and the natural answer is marked wrong (issue 12, review 3)."""
    toks = sent.tokens
    after = toks[end] if end < len(toks) else None
    if (
        after is not None
        and toks[end - 1].pos == "PROPN"  # a name's end, not "In 1947 Jackie Robinson ..."
        and after.pos == "PROPN"
        and after.text[:1].isupper()
        and bool(toks[end - 1].ws)  # "Rode's": a clitic is no second name
    ):
        return True
    before = toks[start - 1] if start else None
    if before is None or before.pos != "PROPN" or not before.text[:1].isupper():
        return False
    # "Assistant District _____" for a span "Attorney Paul Krotel": a title torn in two;
    # "Dries _____'s attempt" for a span "Mertens": a first name left before the blank
    return toks[start].lower_text in _POST_WORDS or (
        end - start == 1
        and toks[start].pos == "PROPN"
        and bool(before.ws)
        and before.lower_text.rstrip(".") not in _POST_WORDS
        and not is_honorific(before.text)
    )


def _speaks(sent: Sentence, t: Token) -> bool:
    """Is `t` a first-person pronoun of someone speaking? Not "US" the country ("US soul
    singer ..." is tagged a proper noun), nor a word of a title set in capitals ("a duet,
    I Knew You Were Waiting (for Me)": its verb is capitalized in mid-sentence)."""
    if t.lower_text not in FIRST_PERSON or t.pos != "PRON":
        return False
    verb = next(
        (
            sent.tokens[k]
            for k in [t.i, *sent.ancestors(t.i)]
            if sent.tokens[k].pos in ("VERB", "AUX")
        ),
        None,
    )
    if verb is None or verb.i == 0 or not verb.text[:1].isupper():
        return True
    return sent.tokens[verb.i - 1].text in ("“", '"', "‘", "(", ":")  # a quotation's first word


def _shows_a_quotation(text: str) -> bool:
    """Does the wording show quotation marks, so that "I" and "we" are the quoted
    speaker's (a sentence in the middle of a long quotation shows none)?"""
    return any(mark in text for mark in ('"', "“", "”"))


def _across_a_semicolon(sent: Sentence, window: list[int]) -> bool:
    """Does the clause or simplified sentence `window` join words from both sides of a
    semicolon it leaves out? Cut out of "In 2013, he joined Marussia; the following year, at
    the 2014 Monaco Grand Prix, he scored ...", the two statements run into one false one;
    a list of results that keeps its semicolons still reads as the text wrote it."""
    first, last, kept = min(window), max(window), set(window)
    return any(t.text == ";" and t.i not in kept for t in sent.tokens[first:last])


# "that number" points back as "this number" does (blind review 4: dangling), when it
# stands before the main verb (`_points_back`).
_POINTING = POINTING_WORDS | DEMONSTRATIVES


def _root(sent: Sentence) -> int:
    """The index of the sentence's main verb (its parse's root)."""
    return next((t.i for t in sent.tokens if t.head == t.i), len(sent.tokens))


def _points_back(sent: Sentence, kept: list[Token]) -> bool:
    """Does the wording lean on the sentence before it: "supported this conclusion", "One
    such regiment", "jailed for the same libel suit", "relations over the issue"? A noun
    with "this", "these", "those", "such" or "same", or a story noun that nothing says
    which is (`story_thing`), is the text's, unless it sits in a phrase set before the subject
    ("Despite this setback, France ..."), which the question can do without."""
    toks = sent.tokens
    comma = next((t.i for t in toks if t.text == ","), len(toks))
    fronted = toks[0].pos in ("ADP", "SCONJ", "ADV")
    # ... and it is the first word's phrase: in "In 1838 most of these settlements, with
    # ..., combined" no comma ends "In 1838", and "these" is the subject's (a first word
    # parsed as the root heads no phrase set before anything)
    first = toks[0].head if toks[0].dep == "mark" else 0
    phrase = set() if toks[first].head == first else set(sent.subtree(first))
    for t in kept:
        if fronted and t.i < comma and t.i in phrase:
            continue
        if story_thing(sent, t, kept) or titled_person(sent, t):
            return True  # "over the issue", "The Prince was": which, the text said before
        if t.quoted or t.lower_text not in _POINTING or toks[t.head].pos != "NOUN":
            continue
        if t.lower_text in ("this", "these") and "DATE" in (t.ent, toks[t.head].ent):
            continue  # "later this month": as of the report, dated as the text dates it
        if t.lower_text not in POINTING_WORDS and t.i > _root(sent):
            continue  # "... lift the blockade of that country": "that" after the verb points
            # back within the sentence as often as before it (Russia, named just before)
        noun = toks[t.head].lemma.lower()
        if any(o.i < t.i and o.lemma.lower() == noun for o in kept):
            continue  # "raised a fund ... and that fund grew": the wording says which
        if t.dep in ("det", "amod", "predet"):
            return True
    return False


def _alters_a_quotation(sent: Sentence, kept: list[Token]) -> bool:
    """Would the clause or simplified sentence `kept` keep part of a quotation only?

    Quoted words are never altered (issue 12). A blank inside a quotation is allowed only
    when the whole quotation is kept, as the text gives it, and the blank is the answer:
    a cloze that shows the speaker's own words. A true/false would put another name in
    the speaker's mouth, so `_candidates` makes none from a quoted blank; a relative date
    ("on Monday evening") is never blanked at all (`_date_slots`).
    """
    ids = {t.i for t in kept}
    quoted = [t.i for t in sent.tokens if t.quoted]
    return any(i in ids for i in quoted) and any(i not in ids for i in quoted)


def cut_by_the_splitter(facts: Facts, sent: Sentence) -> bool:
    """Is the sentence a piece of one the splitter cut ("... the town of Castiglione delle" |
    "Stiviere, near ...", "Queen Margaret" | "I united ...")? A piece lacks its closing
    punctuation, or follows one that does. A list after a colon is no sentence either. A
    caption (`in_caption`) is no sentence of the text either: both give no question."""
    if in_caption(facts, sent):
        return True
    i = sent.index
    after = facts.sentences[i + 1] if i + 1 < len(facts.sentences) else None
    if after is not None and after.paragraph == sent.paragraph and not _closed(sent):
        return True
    before = facts.sentences[i - 1] if i > 0 else None
    return before is not None and before.paragraph == sent.paragraph and not _closed(before)


# A caption opens with a figure's label or ends with the picture's credit (issue 12: "In
# 2008, Endeavour and Atlantis await a journey ... Image: NASA." was asked as a fact).
_FIGURE_LABEL = re.compile(r"(?:Figure|Fig\.|Table|Map|Plate|Image|Photo)\s+\d", re.I)
_CREDIT = re.compile(
    r"\(?(?:image|photo|photograph|picture|credit|source|illustration)s?(?:\s+credit)?\s*:", re.I
)
# ... or ends with it inside its last sentence, the splitter having kept them together:
# "The first competition was held this week in Washington D.C. Image: United States Navy."
_TRAILING_CREDIT = re.compile(r"[.!?)”\"]\s+" + _CREDIT.pattern + r"[^.!?:]*[.!?]?\s*$", re.I)
_CAPTION_SENTENCES = 4  # a caption is short: a longer paragraph is text


def in_caption(facts: Facts, sent: Sentence) -> bool:
    """Is the sentence part of a picture's caption (a short paragraph that opens with
    "Figure 15.16" or ends with "Image: NASA.", "(credit: Library of Congress)")?"""
    para = [
        s
        for s in facts.sentences[
            max(0, sent.index - _CAPTION_SENTENCES) : sent.index + _CAPTION_SENTENCES + 1
        ]
        if s.paragraph == sent.paragraph
    ]
    if len(para) > _CAPTION_SENTENCES:
        return False  # the whole paragraph is in `para` only when it is this short
    last = para[-1].text.strip()
    return bool(
        _FIGURE_LABEL.match(para[0].text.lstrip())
        or _CREDIT.match(last)
        or _TRAILING_CREDIT.search(last)
    )


def _closed(sent: Sentence) -> bool:
    return sent.text.rstrip().endswith(SENTENCE_ENDS)


def mention_sentences(
    facts: Facts, entity: Entity, coref: Pronouns, most: int = 4
) -> list[tuple[str, int, str]]:
    """Up to `most` sentences naming the entity once, with the name blanked, that stand on
    their own, each with its index and what the name is in its clause (`subject_role`):
    the planner picks one whose sentence is free."""
    out: list[tuple[str, int, str]] = []
    per_sentence = Counter(o.sent_index for o in entity.mentions)
    for m in entity.mentions:
        if len(out) >= most:
            break
        if not coref.reliable(entity, m) or other_generation(entity, m):
            continue  # "Ms. Marten" where two Martens are named: it may be the other one
        sent = facts.sentences[m.sent_index]
        if part_of_a_longer_name(sent, m) or shared_bare_name(m, coref):
            continue  # "Bernoulli also wrote ...": Daniel, Johann or Jacob
        if _qualifier_dropped(entity, m):
            continue  # "the Russians would meet" is no key "White Russians"
        if _kin_of_a_namesake(sent, m, entity):
            continue  # "L'Enfant was ... son of Pierre L'Enfant": the father, not the son
        if per_sentence[m.sent_index] > 1 or cut_by_the_splitter(facts, sent):
            continue
        # Another name of it elsewhere in the sentence gives the blank away; a bracketed
        # short form right after the name ("the Medical Research Council (MRC)") goes with
        # the blank, so it does not count.
        rest = _text_around(sent, m.start, _past_bracket(sent, m.end))
        if any(alias.lower() in rest for alias in entity.names if len(alias) > 3):
            continue
        listed = len(out)
        blanked = blank_in_clause(sent, m.start, m.end, coref)
        role = subject_role(sent, m.start, m.end)
        if role and (_listed(sent, m) or _did_it_too(facts, sent, m, entity)):
            role = ""  # "Who were indicted?" keyed one of the three the text lists
        if blanked and len(blanked.split()) >= 6 and not _names_a_sibling(blanked, entity):
            # "Who went bankrupt, and the committee dissolved?": of a sentence of several
            # clauses, only the name's own clause is asked through its subject
            window = clause_window(sent, m.start, m.end)
            whole = independent_clauses(sent) == []
            own = None if whole or window is None else _clause_blank(sent, m, window, coref)
            # the whole sentence, unless it was refused and `blanked` is the clause already
            out.append((blanked, m.sent_index, role if whole or own == blanked else ""))
            short = simplified_blank(sent, m.start, m.end, coref)
            if short and len(short.split()) >= 6:
                out.append((short, m.sent_index, role if whole else ""))
            if own and own != blanked and len(own.split()) >= 6:
                out.append((own, m.sent_index, role))
        elif (short := simplified_blank(sent, m.start, m.end, coref)) and (
            len(short.split()) >= 6 and not _names_a_sibling(short, entity)
        ):
            # refused whole (too long, another fact's remark torn), it may stand without
            # the side remarks: "Newton, whose ... (sixty words), wrote ..." -> "Newton wrote"
            whole = independent_clauses(sent) == []
            out.append((short, m.sent_index, role if whole else ""))
        for vp in verb_phrases(sent, m) if role == "subject" else ():
            said = _clause_blank(sent, m, vp, coref)
            if (
                said
                and said not in (w for w, _, _ in out)
                and len(said.split()) >= 6
                and not _names_a_sibling(said, entity)
            ):
                out.append((said, m.sent_index, role))
        partner = _list_partner(sent, m)
        if partner is not None:
            # "Haldeman, Ehrlichman, and _____ were indicted" cut to "_____ were indicted"
            # keys one of three: a wording keeps the names listed with it, or goes
            out[listed:] = [w for w in out[listed:] if _whole_word_in(partner, w[0])]
    return out


def _list_partner(sent: Sentence, m: Mention) -> str | None:
    """The name listed right before the mention ("Ehrlichman" in "Haldeman, Ehrlichman, and
    Mitchell"; "Dean" in "Dean and Mitchell"), else None."""
    toks = sent.tokens
    k = m.start - 1
    if k < 1 or toks[k].lower_text not in ("and", "or", "&"):
        return None
    k -= 1
    if toks[k].text == "," and k >= 1:
        k -= 1
    return toks[k].text if toks[k].pos == "PROPN" else None


def _listed(sent: Sentence, m: Mention) -> bool:
    """Is the mention one of a list of names ("_____, Ehrlichman, and Mitchell")?"""
    head = sent.span_head(m.start, m.end)
    return _list_partner(sent, m) is not None or any(
        c.dep == "conj" and c.pos == "PROPN" for c in sent.children(head)
    )


def _did_it_too(facts: Facts, sent: Sentence, m: Mention, entity: Entity) -> bool:
    """Does the mention's clause say it "also" or "too" did something, after a sentence
    about someone else ("... Cameron said his death was an occasion to remember the 270.
    According to Salmond, the investigation is ongoing. Salmond also called for
    remembrance")? Asked "Who also called ...?", the other is a second right answer (issue
    12, review 3). After a sentence whose subject is the same person ("Johann banned Daniel
    from his house. Johann Bernoulli also plagiarized ..."), "also" adds a deed of their own."""
    verb = next((k for k in sent.ancestors(m.start) if sent.tokens[k].pos == "VERB"), None)
    if verb is None or sent.index == 0:
        return False
    if not any(c.lower_text in ADDITIVE_WORDS for c in sent.children(verb) if c.dep == "advmod"):
        return False
    prev = facts.sentences[sent.index - 1]
    # its subject, or a name set before its verb that is no object of a preposition (the
    # parser may hang "Johann, unable to bear ..., banned" anywhere): not "According to
    # Alex Salmond, ..."
    root = next((t.i for t in prev.tokens if t.dep == "ROOT"), len(prev.tokens))
    names = {w.lower() for w in entity.name.split() if len(w) > 2}
    for t in prev.tokens[:root]:
        if t.dep in ("pobj", "compound") and t.pos == "PROPN":
            continue
        if t.dep.startswith("nsubj") and t.lower_text in PERSONAL_GENDER:
            if facts.pronouns.resolve(prev, t.i) is entity:
                return False
        elif (t.dep.startswith("nsubj") or t.pos == "PROPN") and t.lower_text in names:
            return False
    return True


def _whole_word_in(word: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text) is not None


def _qualifier_dropped(entity: Entity, m: Mention) -> bool:
    """Is the mention a group's name without its qualifier, a people's name left ("Russians"
    for "White Russians", "Americans" for "African Americans")? The text may mean the whole
    people by it, and the key would name a group the sentence does not (issue 12, review 3).
    A team's or a firm's last word ("Panthers" for "Carolina Panthers") is its usual short
    name and stays, as does a person's surname."""
    words = entity.name.split()
    return (
        entity.kind != "actor"
        and len(words) > 1
        and m.text.split() == words[-1:]
        and m.text.endswith(_PEOPLES)
    )


def _kin_of_a_namesake(sent: Sentence, m: Mention, entity: Entity) -> bool:
    """Is the mention the kin ("son of", "daughter of", a KIN_GENDER noun and "of") of one
    the sentence names before by the entity's own surname? "L'Enfant was born in Paris, the
    second son of Pierre L'Enfant": the father shares the name, and extraction may have taken
    him for the son; keyed to the son, the answer was wrong (issue 12, review 3)."""
    toks = sent.tokens
    if m.start < 2 or toks[m.start - 1].lower_text != "of":
        return False
    if toks[m.start - 2].lemma.lower() not in KIN_GENDER:
        return False
    surname = entity.name.split()[-1].lower()
    return any(t.lower_text == surname for t in toks[: m.start - 2])


def _clause_blank(sent: Sentence, m: Mention, window: list[int], coref: Pronouns) -> str | None:
    """The name's own clause of a compound sentence, blanked, as a sentence of its own."""
    if bare_name_of_several(sent, coref, m.start, m.end, window) or _infinitive(sent, window):
        return None
    subs = coref.substitutes(sent, window)
    return None if subs is None else _blanked(sent, m.start, m.end, subs, window)


def _infinitive(sent: Sentence, window: list[int]) -> bool:
    """Is the clause's verb an infinitive ("..., and Siberia to protect vital areas ...", a
    list misparsed as a clause)? Cut out, it is no sentence, and its blank was keyed to
    a name of the sentence's other half (issue 12, review 3: Bullitt deck)."""
    inside = set(window)
    heads = [i for i in window if sent.tokens[i].head not in inside or sent.tokens[i].head == i]
    return any(c.dep == "aux" and c.tag == "TO" for h in heads for c in sent.children(h))


def entity_object_question(
    facts: Facts, entity: Entity, coref: Pronouns, class_noun: str = ""
) -> tuple[str, int] | None:
    """The first sentence naming the entity once as the object of its clause, asked as a
    question ("At which university did Ms. Marten study biology", "Whom did Stalin treat as
    a junior partner"), and its index; None when no sentence gives one (see `object_question`)."""
    per_sentence = Counter(o.sent_index for o in entity.mentions)
    for m in entity.mentions:
        sent = facts.sentences[m.sent_index]
        if (
            not coref.reliable(entity, m)
            or other_generation(entity, m)
            or part_of_a_longer_name(sent, m)
            or shared_bare_name(m, coref)
            or per_sentence[m.sent_index] > 1
            or cut_by_the_splitter(facts, sent)
        ):
            continue
        rest = _text_around(sent, m.start, m.end)
        if any(alias.lower() in rest for alias in entity.names if len(alias) > 3):
            continue  # another name of it in the question would give it away
        asked = object_question(sent, m.start, m.end, lambda idx, s=sent: coref.substitutes(s, idx))
        if asked is None:
            continue
        prep, body = asked
        wh = f"which {class_noun}" if class_noun else "whom"
        wh = f"{prep} {wh}" if prep else wh
        return f"{wh[:1].upper()}{wh[1:]} {body}", m.sent_index
    return None


@by_identity
def _joined(sent: Sentence) -> tuple[str, list[int]]:
    """The sentence's tokens with their spacing, and where each token starts in it."""
    starts = [0]
    for t in sent.tokens:
        starts.append(starts[-1] + len(t.text) + len(t.ws))
    return "".join(t.text + t.ws for t in sent.tokens), starts


def _text_around(sent: Sentence, start: int, stop: int) -> str:
    """The sentence but tokens [start, stop), lowercased: `span_text(0, start)`, a space,
    `span_text(stop, len)`. Sliced from the joined sentence, not joined per name: a run-on
    list names hundreds of people in one sentence."""
    toks = sent.tokens
    text, starts = _joined(sent)
    before = text[: starts[start] - len(toks[start - 1].ws)] if start > 0 else ""
    after = text[starts[stop] : starts[-1] - len(toks[-1].ws)] if stop < len(toks) else ""
    return f"{before} {after}".lower()


def _reports_itself(sent: Sentence, pronoun: Token) -> bool:
    """ "Network Rail ... said it did not expect ...": an it/they subject of what an
    organization said is that organization, which the sentence names as the speaker."""
    if pronoun.lower_text not in ("it", "they"):
        return False
    clause = sent.tokens[pronoun.head]
    speaker_verb = sent.tokens[clause.head]
    if clause.dep != "ccomp" or speaker_verb.lemma not in SAY_VERBS:
        return False
    return any(
        c.dep == "nsubj" and c.ent == "ORG" and c.i < pronoun.i
        for c in sent.children(speaker_verb.i)
    )


def _past_bracket(sent: Sentence, end: int, last: int | None = None) -> int:
    """The end of a short bracket right after tokens ending at `end` ("(MRC)"), else `end`;
    the bracket must close before token `last` (default: the sentence's end)."""
    toks = sent.tokens
    last = len(toks) if last is None else last
    if end < last and toks[end].text == "(":
        for k in range(end + 1, min(end + 5, last)):
            if toks[k].text == ")":
                return k + 1
    return end


def _names_a_sibling(text: str, entity: Entity) -> bool:
    """Does the text name a body that shares the answer's opening words, which give it away?
    ("twelve regional _____ under a Federal Reserve Board" for "Federal Reserve Banks")"""
    words = entity.name.split()
    if len(words) < 3 or any(w.lower() in ("of", "the", "for", "and", "on") for w in words[:2]):
        return False
    # whole words: "New Yorker" names no sibling of "New York World"
    opening = re.escape(" ".join(words[:2]))
    return re.search(rf"(?<!\w){opening}(?!\w)", text, re.IGNORECASE) is not None
