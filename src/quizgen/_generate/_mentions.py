"""Which mentions of a name a question may blank, and what the name is in its clause.

A mention that is part of a longer name ("_____ Mertens"), the name without its generation
("Harry W. Henry" beside "Harry W. Henry II") or one bare word several people share
("Bernoulli", "Henry") would make a question with the wrong key or none; the subject of a
finite clause may be asked "Who ...?" (`subject_role`), and so may each verb phrase it
shares (`verb_phrases`).
"""

from __future__ import annotations

import re
import weakref

from quizgen._extract import Entity, Mention, Pronouns, Sentence, Token
from quizgen._lexicon import is_honorific


def shared_bare_name(m: Mention, pronouns: Pronouns) -> bool:
    """Is the mention one bare word that names several people ("Bernoulli", "Robert")?"""
    words = m.text.split()
    return len(words) == 1 and len(_name_owners(pronouns).get(words[0].lower(), ())) > 1


def bare_name_of_several(
    sent: Sentence,
    pronouns: Pronouns,
    start: int = 0,
    end: int = 0,
    window: list[int] | None = None,
) -> bool:
    """Does the sentence name someone by one bare word that is the surname or first name
    of several people ("Henry continued on until 1978", beside Henry Graham, Harry W. Henry
    and Harry W. Henry II)? Outside the blank [start, end): the question would not say who."""
    inside = None if window is None else set(window)
    return any(
        not start <= i < end and (inside is None or i in inside)
        for i in _ambiguous_words(sent, pronouns)
    )


_AMBIGUOUS: weakref.WeakKeyDictionary[Pronouns, dict[int, tuple[Sentence, list[int]]]] = (
    weakref.WeakKeyDictionary()
)


def _ambiguous_words(sent: Sentence, pronouns: Pronouns) -> list[int]:
    """The indices of the sentence's bare words that several people share, found once per
    sentence: asked per name of a run-on list of hundreds, a scan each made it quadratic.
    (The sentence is held with its entry, so its id cannot be reused while it is cached.)"""
    per_source = _AMBIGUOUS.setdefault(pronouns, {})
    hit = per_source.get(id(sent))
    if hit is not None and hit[0] is sent:
        return hit[1]
    toks, owners = sent.tokens, _name_owners(pronouns)
    # A text about one person (named in its title) calls them by bare surname: "Gordon
    # visited England in 1686" in a life of Patrick Gordon is him, kinsmen or not.
    topic = pronouns.coref.topic
    own = topic.name.split()[-1].lower() if topic is not None else ""
    found = []
    for t in toks:
        if t.pos != "PROPN" or t.quoted or t.dep in ("compound", "poss"):
            continue  # "the Bernoulli family", "Bernoulli's principle": no one of them
        if (t.i and toks[t.i - 1].pos == "PROPN") or (
            t.i + 1 < len(toks) and toks[t.i + 1].pos == "PROPN"
        ):
            continue  # part of a longer name
        if len(owners.get(t.lower_text, ())) > 1 and t.lower_text != own:
            found.append(t.i)
    per_source[id(sent)] = (sent, found)
    return found


_OWNERS: weakref.WeakKeyDictionary[Pronouns, dict[str, set[int]]] = weakref.WeakKeyDictionary()


def _name_owners(pronouns: Pronouns) -> dict[str, set[int]]:
    """Name word -> the people (by id) whose surname or first name it is, built once per
    source: looked up per word, a scan of everyone would make a book quadratic."""
    if pronouns not in _OWNERS:
        owners: dict[str, set[int]] = {}
        for actor in pronouns.facts.actors:
            for name in actor.names:
                for word in name.split():  # whole words: "Hershey-Chase" is no "Hershey"
                    if not is_honorific(word):
                        owners.setdefault(word.lower(), set()).add(id(actor))
        _OWNERS[pronouns] = owners
    return _OWNERS[pronouns]


def verb_phrases(sent: Sentence, m: Mention) -> list[list[int]]:
    """The subject at `m` with each verb phrase it shares, as a window of its own:
    "Albert Calmette, a naval doctor, founded the first of them in Saigon and later led the
    Pasteur Institute of Lille" -> "Albert Calmette later led the Pasteur Institute of
    Lille": one of the things the sentence says of its subject, asked on its own."""
    toks = sent.tokens
    verb = toks[toks[sent.span_head(m.start, m.end)].head]
    conjs = [
        c
        for c in sent.children(verb.i)
        if c.dep == "conj"
        and c.tag in ("VBD", "VBZ", "VBP")  # "was born ... and raised": "raised" needs "was"
        and not any(k.dep in ("nsubj", "nsubjpass") for k in sent.children(c.i))
    ]
    if not conjs or verb.i < m.end or verb.tag not in ("VBD", "VBZ", "VBP"):
        return []
    out = []
    for c in [verb, *conjs]:
        cut = {i for k in sent.children(c.i) if k.dep in ("conj", "cc") for i in sent.subtree(k.i)}
        # and the remarks hanging off it (", where he and Guérin developed ..."): another fact
        for k in sent.subtree(c.i):
            if toks[k].dep in ("relcl", "advcl") and k != c.i:
                cut.update(sent.subtree(k))
                cut.update(j for j in (min(sent.subtree(k)) - 1,) if toks[j].text == ",")
        phrase = [i for i in sent.subtree(c.i) if i >= m.end and i not in cut]
        if c is verb:
            phrase = [i for i in phrase if i >= verb.i]  # not the remark on the subject
        while phrase and toks[phrase[-1]].pos == "PUNCT":
            phrase.pop()
        if phrase and phrase[-1] - phrase[0] + 1 == len(phrase):
            out.append([*range(m.start, m.end), *phrase])
    return out


def part_of_a_longer_name(sent: Sentence, m: Mention) -> bool:
    """Is the mention part of a longer name, which the blank would cut in two ("and _____
    Mertens" for "Dries", "the _____–MacLeod–McCarty experiment" for "Avery", "_____ One
    racing" for "Formula")?"""
    toks = sent.tokens
    after = toks[m.end] if m.end < len(toks) else None
    before = toks[m.start - 1] if m.start else None
    if after is not None and after.pos == "PROPN" and toks[m.end - 1].head >= m.end:
        return toks[m.end - 1].dep == "compound"
    # "Formula One racing", "Formula 1": a number written as part of the name ("One" with
    # its capital, "1" hanging on the name) continues it
    if (
        after is not None
        and after.pos == "NUM"
        and (after.text[:1].isupper() or after.text.isdigit())
    ):
        last = toks[m.end - 1]
        then = toks[m.end + 1].text if m.end + 1 < len(toks) else ""
        if then in ("–", "-", "—", "to"):
            return False  # a score: "Sweden defeated South Korea 1 – 0"
        if (last.dep == "compound" and last.head >= m.end) or (
            after.dep == "nummod" and after.head == m.end - 1
        ):
            return True
    glued = (before is not None and not before.ws and before.text in "-–") or (
        after is not None and not toks[m.end - 1].ws and after.text in "-–"
    )
    return glued


_GENERATION = re.compile(r",? (?:II|III|IV|Jr\.?|Sr\.?)$")


def other_generation(entity: Entity, m: Mention) -> bool:
    """Is the mention the name without the generation ("Harry W. Henry" for "Harry W. Henry
    II")? Father and son share it: the mention may be the other one, and the key would
    name the wrong man."""
    return m.text != entity.name and _GENERATION.sub("", entity.name) == m.text


def _finite(sent: Sentence, verb: Token) -> bool:
    """Does the verb make a clause of its own: a finite form, or one with an auxiliary?"""
    return verb.tag in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep in ("aux", "auxpass") for c in sent.children(verb.i)
    )


def subject_role(sent: Sentence, start: int, end: int) -> str:
    """What the name at tokens [start, end) is in its clause: "subject" ("_____ missed a
    chance", "The colonel, _____, led"), "owner" ("_____'s first newspaper work was ..."),
    else "". Only the subject of a clause is asked "Who ...?": "In 1864, _____ troops overran
    the fort" blanks a modifier, "for The Cincinnati Enquirer writing letters" no clause."""
    toks = sent.tokens
    head = toks[sent.span_head(start, end)]
    subjects = ("nsubj", "nsubjpass")
    if head.dep in subjects:
        role, verb = "subject", toks[head.head]
    elif head.dep in ("appos", "poss") and toks[head.head].dep in subjects:
        role = "subject" if head.dep == "appos" else "owner"
        verb = toks[toks[head.head].head]
    else:
        return ""
    if end < len(toks) and toks[end].text != "," and _modified_after(sent, head.i, end):
        return ""  # "_____ removed from slave ships ... were put ashore": "Who removed ..."
    return role if _finite(sent, verb) else ""


def _modified_after(sent: Sentence, head: int, end: int) -> bool:
    """Does a participle or relative clause on the name follow it straight away ("Africans
    removed from slave ships were also put ashore", "the men who broke in were caught")?
    The words after the blank are then the name's, not what it did."""
    return any(c.dep in ("acl", "relcl") and c.i >= end for c in sent.children(head))
