"""The sentences naming an entity, with the name blanked (`mention_sentences`), and an entity
asked as the object of its clause (`entity_object_question`): each mention is refused when
the blank would not key that entity alone (another of its names beside it, a namesake, one
of a list, a qualifier dropped)."""

from __future__ import annotations

import re
from collections import Counter

from quizgen._extract import Entity, Facts, Mention, Pronouns, Sentence
from quizgen._generate._blanks import blank_in_clause, blank_span, past_bracket, simplified_blank
from quizgen._generate._clauses import clause_window, independent_clauses
from quizgen._generate._fragments import cut_by_the_splitter
from quizgen._generate._memo import by_identity
from quizgen._generate._mentions import (
    bare_name_of_several,
    other_generation,
    part_of_a_longer_name,
    shared_bare_name,
    subject_role,
    verb_phrases,
)
from quizgen._generate._rewrite import object_question
from quizgen._lexicon import (
    ADDITIVE_WORDS,
    KIN_GENDER,
    NATIONALITY_ENDINGS,
    PERSONAL_GENDER,
)

# How the name of a people ends ("Russians", "Italians"; "Danes" escapes it): a nationality's
# ending and the plural.
_PEOPLES = tuple(e + "s" for e in NATIONALITY_ENDINGS)


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
        rest = _text_around(sent, m.start, past_bracket(sent, m.end))
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
    return None if subs is None else blank_span(sent, m.start, m.end, subs, window)


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


def _names_a_sibling(text: str, entity: Entity) -> bool:
    """Does the text name a body that shares the answer's opening words, which give it away?
    ("twelve regional _____ under a Federal Reserve Board" for "Federal Reserve Banks")"""
    words = entity.name.split()
    if len(words) < 3 or any(w.lower() in ("of", "the", "for", "and", "on") for w in words[:2]):
        return False
    # whole words: "New Yorker" names no sibling of "New York World"
    opening = re.escape(" ".join(words[:2]))
    return re.search(rf"(?<!\w){opening}(?!\w)", text, re.IGNORECASE) is not None
