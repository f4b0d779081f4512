"""he/she/his/her -> a name, only where the text leaves exactly one person it can mean.

Extraction's `Coref` proposes a referent; this module checks it against every person-like
name in the text (including bare surnames extraction did not link, "Dunant" for "Henry
Dunant") and vetoes it when another person could be meant. It also resolves a pronoun
Coref leaves open when the only person named before it is a person of that gender. A wrong
name on a worksheet is worse than a missing question, so every doubt means "unresolved".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from quizgen._extract._coref import Coref
from quizgen._extract._types import Entity, Facts, Mention, Sentence
from quizgen._lexicon import (
    HONORIFIC_GENDER,
    KIN_GENDER,
    PERSONAL_GENDER,
    PERSONAL_PRONOUNS,
    TITLE_WORDS,
    is_honorific,
)

# Entity labels spaCy gives a person's bare surname ("Avery" is often ORG); places, dates
# and numbers are never people.
_PERSON_LABELS = {"PERSON", "ORG", ""}
# How many sentences back a pronoun whose sentence names nobody may find its person, across
# sentences that name nobody: far enough for a short paragraph about one person, and it keeps
# each look-up constant, not a scan of the text.
_LOOKBACK = 4


class Pronouns:
    """Resolves personal pronouns of one source's sentences; see the module docstring."""

    def __init__(self, facts: Facts, coref: Coref) -> None:
        self.facts = facts
        self.coref = coref
        self.surnames: dict[str, list[Entity]] = {}
        self.given: dict[int, set[str]] = {}
        for actor in facts.actors:
            for name in actor.names:
                words = [w for w in name.split() if not is_honorific(w)]
                if not words:
                    continue
                owners = self.surnames.setdefault(words[-1].lower(), [])
                if all(actor is not o for o in owners):
                    owners.append(actor)
                for word in words[:-1]:  # first and middle names, and each part of "Jean-Paul"
                    parts = {word.lower(), *word.lower().split("-")}
                    self.given.setdefault(id(actor), set()).update(parts)
        # Given names of everyone with a surname, and mentions by sentence, built once: looked
        # up per token and per sentence they made a book quadratic.
        self._given_of: dict[str, set[str]] = {
            surname: set().union(*(self.given.get(id(o), set()) for o in owners))
            for surname, owners in self.surnames.items()
        }
        self._mentions_in: dict[int, list[tuple[Entity, Mention]]] = {}
        for actor in facts.actors:
            for m in actor.mentions:
                self._mentions_in.setdefault(m.sent_index, []).append((actor, m))
        self.shaky = self._shaky_surnames()
        self.people = {s.index: self._people_in(s) for s in facts.sentences}
        self.gender = self._genders()

    def _other_given_name(self, sent: Sentence, i: int) -> bool:
        """Is token i (a surname of actor) preceded by first names none of which is theirs,
        nor those of another known person of that surname ("Ilse Marten", "Anton Marten")?"""
        chain: list[str] = []
        k = i - 1
        while k >= 0 and sent.tokens[k].pos == "PROPN" and sent.tokens[k].head in (i, k + 1):
            word = sent.tokens[k].lower_text
            if not is_honorific(word) and word not in TITLE_WORDS:
                chain.append(word)
            k -= 1
        names = [w for w in chain if len(w.rstrip(".")) > 1]  # "C." is an initial
        if not names:
            return False
        return not self._given_of.get(sent.tokens[i].lower_text, set()) & set(chain)

    def _shaky_surnames(self) -> set[int]:
        """Actors whose surname the text also gives someone else ("Ilse Marten" beside
        "Anton Marten"): their bare-surname mentions ("Ms. Marten") may be either person."""
        shaky: set[int] = set()
        for sent in self.facts.sentences:
            for t in sent.tokens:
                owners = self.surnames.get(t.lower_text)
                if owners and self._other_given_name(sent, t.i):
                    shaky.update(id(actor) for actor in owners)
        return shaky

    def reliable(self, entity: Entity, mention: Mention) -> bool:
        """May this mention be taken as naming the entity (not a bare shared surname, nor
        a name whose head noun the text shares with another's)?"""
        if mention.shared:
            return False
        if id(entity) not in self.shaky:
            return True
        words = [w for w in mention.text.split() if not is_honorific(w)]
        return len(words) > 1

    def _people_in(self, sent: Sentence) -> list[tuple[int, Entity | None]]:
        """(token index, actor or None for an unknown person) for each person named in sent."""
        covered: dict[int, Entity | None] = {}
        for actor, m in self._mentions_in.get(sent.index, ()):
            who = actor if self.reliable(actor, m) else None
            covered.update({k: who for k in range(m.start, m.end)})
        out: list[tuple[int, Entity | None]] = []
        prev: int | None = None
        cited = sent.citations
        for t in sent.tokens:
            if t.i in cited:
                # "(Guthrie, 1998)" names an author, not a person of the story: "he" in
                # the next sentence is still George Sanchez (issue 12, review 3)
                prev = None
                continue
            if t.i in covered:
                if prev is None or prev != t.i - 1 or t.i - 1 not in covered:
                    out.append((t.i, covered[t.i]))
                prev = t.i
                continue
            if t.pos != "PROPN" or t.ent not in _PERSON_LABELS or t.quoted:
                prev = None
                continue
            owners = self.surnames.get(t.lower_text, [])
            if len(owners) == 1 and id(owners[0]) not in self.shaky:
                actor = owners[0]
                if self._other_given_name(sent, t.i):
                    out.append((t.i, None))  # "Ilse Marten" is not "Anton Marten"
                elif not (out and out[-1][1] is actor and prev == t.i - 1):
                    out.append((t.i, actor))
            elif owners or (t.ent == "PERSON" and prev != t.i - 1):
                out.append((t.i, None))  # a person, but not one we can tell apart
            prev = t.i
        return out

    def _genders(self) -> dict[int, str | None]:
        """Actor (by id) -> "m"/"f", learnt from he/she/his/her whose sentence names only that
        actor before it, as the subject of some clause. Conflicting evidence -> None."""
        seen: dict[int, str | None] = {}
        for sent in self.facts.sentences:
            for t in sent.tokens:
                # "he"/"she" as a subject, "his"/"her" as a possessive; an object says nothing:
                # in "Harding presented her with ...", "her" is not Harding
                evidence = t.lower_text in ("he", "she") and t.dep.startswith("nsubj")
                if t.quoted or not (
                    evidence or (t.tag == "PRP$" and t.lower_text in PERSONAL_GENDER)
                ):
                    continue
                before = _distinct(e for i, e in self.people[sent.index] if i < t.i)
                if len(before) != 1 or before[0] is None or _subject_before(sent, t.i):
                    # "She was taught by William James, who ... award her the degree": the
                    # she before "her" is a person too, so James's gender is not learnt
                    continue
                topic = self.coref.topic
                if (
                    topic is not None
                    and before[0] is not topic
                    and PERSONAL_GENDER[t.lower_text] == self.coref.topic_gender
                ):
                    continue  # in a life of Marie Curie, "she" may well be Marie
                # named as a subject before it, in any clause ("when King was assassinated,
                # she sang at his funeral": King, not the unnamed she, is the one named)
                if not any(
                    e is before[0] and _in_subject(sent, k)
                    for k, e in self.people[sent.index]
                    if k < t.i
                ):
                    continue
                key, g = id(before[0]), PERSONAL_GENDER[t.lower_text]
                seen[key] = g if seen.get(key, g) == g else None
        if self.coref.topic is not None and self.coref.topic_gender:
            seen.setdefault(id(self.coref.topic), self.coref.topic_gender)
        for actor in self.facts.actors:
            kin = _kin_gender(self.facts.sentences, actor)
            if kin is not None:
                seen.setdefault(id(actor), kin)
        return seen

    def _could_be(self, person: Entity | None, gender: str) -> bool:
        """Could a he/she of `gender` mean this person (None = an unknown person: yes)?"""
        known = self.gender.get(id(person)) if person is not None else None
        return known is None or known == gender

    def resolve(self, sent: Sentence, i: int) -> Entity | None:
        """The one person the pronoun at token i of sent can mean, or None."""
        word = sent.tokens[i].lower_text
        gender = PERSONAL_GENDER.get(word)
        if gender is None:
            return None
        here = self.people[sent.index]
        # an object pronoun is never its own clause's subject ("Harding presented her":
        # "her" is not Harding, who would be "herself")
        bound = self._clause_subject(sent, i)
        before = _distinct(e for k, e in here if k < i and k not in bound)
        found = self.coref.resolve(sent.index, i, word)
        if found is not None and self.only_cited(found):
            found = None  # "(Guthrie, 1998)": an author cited, not a person of the text
        topic = self.coref.topic
        if topic is not None and gender == self.coref.topic_gender and id(topic) not in self.shaky:
            # The text's subject, as Coref says, unless someone named before is known to be
            # of that gender; where Coref gave up, only if nobody before may be meant.
            if found is topic:
                known = [e for e in before if e is not topic and self.gender.get(id(e)) == gender]
                return None if known else topic
            others = [e for e in before if e is not topic and self._could_be(e, gender)]
            return None if others or found is not None else topic
        echo = next(
            (
                k
                for k in _pronouns_before(sent, i)
                if PERSONAL_GENDER[sent.tokens[k].lower_text] == gender
            ),
            None,
        )
        if echo is not None and echo not in bound:
            # a second pronoun of one gender in a sentence means the first one's person,
            # unless someone named between them may be meant ("She was taught by William
            # James, who ... award her the degree": her is not James, issue 12, review 3)
            first = self.resolve(sent, echo)
            between = [e for k, e in here if echo < k < i and k not in bound and e is not first]
            if first is not None:
                return None if any(self._could_be(e, gender) for e in between) else first
            # the first one unresolved ("In the preface to one of his books, Virchow wrote
            # that his ..."): the rules below, as for a first pronoun
        if (
            not before
            and found is not None
            and self.gender.get(id(found)) != gender
            and sent.index > 0
            and _speaks_of(self.facts.sentences[sent.index - 1], gender)
        ):
            # Coref looked back to the one name of the sentence before, but that sentence
            # speaks of an unnamed she too: "She was taught by William James ... . Her
            # memory research ..." is not James's (issue 12, review 3)
            return None
        if before:
            # Someone is named before it in this sentence, so a look-back by Coref (which
            # misses bare surnames it did not link) does not apply.
            if found is not None and all(found is not e for e in before):
                found = None
            if found is None and len(before) == 1:
                found = before[0]
        elif found is None and sent.index > 0:
            prev = self._last_named(sent)
            # only a person known to be of that gender: "he" after "Marie" is not Marie
            if len(prev) == 1 and prev[0] is not None:
                found = prev[0] if self.gender.get(id(prev[0])) == gender else None
        if found is None or not self._could_be(found, gender) or id(found) in self.shaky:
            return None
        rivals = [e for e in before if e is not found and self._could_be(e, gender)]
        if all(found is not e for e in before) and not _in_main_subject(sent, i):
            # found by looking back, from inside a subordinate or fronted phrase: a person
            # named later may be meant ("When he arrived, Moynier ...")
            rivals += [e for _, e in here if e is not found and self._could_be(e, gender)]
        return None if rivals else found

    def only_cited(self, entity: Entity) -> bool:
        """Is every mention of the entity inside an author-year citation ("(Guthrie, 1998)")?
        Then it is an author cited, no person or body of the text."""
        sents = self.facts.sentences
        mentions = entity.mentions
        return bool(mentions) and all(m.start in sents[m.sent_index].citations for m in mentions)

    def _last_named(self, sent: Sentence) -> list[Entity | None]:
        """The people of the nearest sentence before sent that names anyone: the one before
        it, or one further back in the same paragraph across sentences that name nobody
        ("Rudolf Virchow, a German scientist, ... . Well known ..., he was ... . He was also
        ..."), at most _LOOKBACK sentences back. A paragraph break ends the search."""
        for k in range(sent.index - 1, max(sent.index - 1 - _LOOKBACK, -1), -1):
            if k < sent.index - 1 and self.facts.sentences[k].paragraph != sent.paragraph:
                break
            people = _distinct(e for _, e in self.people[k])
            if people:
                return people
        return []

    def substitutes(
        self, sent: Sentence, window: Iterable[int] | None = None
    ) -> dict[int, str] | None:
        """Token -> replacement for each he/she/his/her/him in the window (default: the whole
        sentence): the person's name, or the pronoun itself where the window names them
        before or after it. None when any of them stays unresolved."""
        keep = set(window) if window is not None else set(range(len(sent.tokens)))
        named: set[int] = set()
        subs: dict[int, str] = {}
        mentions = {k: e for k, e in self.people[sent.index] if k in keep}
        for t in sent.tokens:
            if t.i not in keep:
                continue
            if t.i in mentions and mentions[t.i] is not None:
                named.add(id(mentions[t.i]))
            if t.quoted or t.lower_text not in PERSONAL_PRONOUNS:
                continue
            person = self.resolve(sent, t.i)
            if person is None and (
                self._bound_to_subject(sent, t.i, keep) or self._named_before(sent, t.i, keep)
            ):
                subs[t.i] = t.text  # "Oswald Avery and his colleagues": reads as in the source
                continue
            if person is None:
                return None
            if id(person) in named or self._subject_after(sent, t.i, person, mentions):
                # named earlier in the window, or its clause's subject after it ("In her
                # publication, Margulis argued ..."): the pronoun reads right, as in the source
                subs[t.i] = t.text
                continue
            named.add(id(person))
            subs[t.i] = person.name + ("’s" if t.tag == "PRP$" else "")
        return subs

    def _subject_after(
        self, sent: Sentence, i: int, person: Entity, mentions: dict[int, Entity | None]
    ) -> bool:
        """Is the possessive at token i in a phrase fronted before its clause's subject, a
        mention of `person` the window keeps ("In her publication, Margulis argued")? Not a
        later mention elsewhere: in "On her death, X tweeted 'Aretha ...'" or "His brother
        died, and Pierre became ...", the pronoun would dangle."""
        verb = _possessive_verb(sent, i)
        if verb is None:
            return False
        return any(
            c.dep in ("nsubj", "nsubjpass")
            and c.i > i
            and any(mentions.get(k) is person for k in sent.subtree(c.i))
            for c in sent.children(verb)
        )

    def _clause_subject(self, sent: Sentence, i: int) -> set[int]:
        """The tokens of the subject of the clause whose object (or indirect object) token
        i is, else an empty set."""
        toks = sent.tokens
        if toks[i].dep not in ("dobj", "dative", "iobj"):
            return set()
        verb = toks[toks[i].head]
        for c in sent.children(verb.i):
            if c.dep in ("nsubj", "nsubjpass"):
                return set(sent.subtree(c.i))
        return set()

    def _named_before(self, sent: Sentence, i: int, keep: set[int]) -> bool:
        """Is the object or possessive at token i preceded, in a window that keeps the whole
        sentence up to it, by a named person it may mean? Then it reads as in the source."""
        t = sent.tokens[i]
        if t.dep.startswith("nsubj") or not set(range(i)) <= keep:
            return False
        gender = PERSONAL_GENDER.get(t.lower_text, "")
        for k, e in self.people[sent.index]:
            known = self.gender.get(id(e)) if e is not None else _honorific_gender(sent, k)
            if k < i and known == gender:
                return True
        return False

    def _bound_to_subject(self, sent: Sentence, i: int, keep: set[int]) -> bool:
        """Is the possessive at token i bound to its clause's named subject, with no other
        person named between them ("Linus Pauling ... proposed a structure of his own")?

        Then the pronoun reads as it does in the source, even where extraction did not see
        the subject as a person.
        """
        verb = _possessive_verb(sent, i)
        if verb is None:
            return False
        subject = next((c for c in sent.children(verb) if c.dep in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos != "PROPN" or subject.ent not in _PERSON_LABELS:
            return False
        span = sent.subtree(subject.i)
        if subject.i > i or not set(span) <= keep:
            return False
        names = [c.i for c in sent.children(subject.i) if c.dep == "compound"] + [subject.i]
        # only people the window keeps: in "..., and Rockefeller lent his own money" asked
        # alone, the Cortelyou of the clause before is gone
        return not any(
            k not in names and (e is None or k < i)
            for k, e in self.people[sent.index]
            if k < i and k in keep
        )


def _distinct(people: Iterable[Entity | None]) -> list[Entity | None]:
    out: list[Entity | None] = []
    for p in people:
        if p is None or all(p is not q for q in out):
            out.append(p)
    return out


def _pronouns_before(sent: Sentence, i: int) -> list[int]:
    """Indices of the he/she/his/her/him (not quoted) before token i of sent."""
    return [
        k
        for k in range(i)
        if sent.tokens[k].lower_text in PERSONAL_GENDER and not sent.tokens[k].quoted
    ]


def _speaks_of(sent: Sentence, gender: str) -> bool:
    """Has sent a he/she/his/her/him (not quoted) of `gender`?"""
    return any(PERSONAL_GENDER.get(t.lower_text) == gender and not t.quoted for t in sent.tokens)


def _subject_before(sent: Sentence, i: int) -> bool:
    """Is a he/she of the gender of token i's pronoun a subject before it in sent?"""
    gender = PERSONAL_GENDER[sent.tokens[i].lower_text]
    return any(
        sent.tokens[k].lower_text in ("he", "she")
        and sent.tokens[k].dep.startswith("nsubj")
        and PERSONAL_GENDER[sent.tokens[k].lower_text] == gender
        for k in _pronouns_before(sent, i)
    )


def _possessive_verb(sent: Sentence, i: int) -> int | None:
    """The verb whose clause the possessive at token i stands in, or None (not a possessive,
    or no verb above it)."""
    toks = sent.tokens
    if toks[i].tag != "PRP$":
        return None
    return next((k for k in sent.ancestors(i) if toks[k].pos in ("VERB", "AUX")), None)


def _in_subject(sent: Sentence, i: int) -> bool:
    """Is token i (part of) the subject of its clause?"""
    for k in [i, *sent.ancestors(i)]:
        dep = sent.tokens[k].dep
        if dep.startswith("nsubj"):
            return True
        if sent.tokens[k].pos in ("VERB", "AUX") or dep == "ROOT":
            return False
    return False


def _in_main_subject(sent: Sentence, i: int) -> bool:
    """Is token i (part of) the subject of the sentence's main verb? A pronoun there cannot
    point forward to a person named later ("He and Georges Bidault invited ...")."""
    for k in [i, *sent.ancestors(i)]:
        t = sent.tokens[k]
        if t.dep in ("nsubj", "nsubjpass"):
            return sent.tokens[t.head].dep == "ROOT"
        if t.pos in ("VERB", "AUX"):
            return False
    return False


def _kin_gender(sentences: Sequence[Sentence], actor: Entity) -> str | None:
    """ "Their first daughter, Irène", "her husband Frédéric": the gender of the kin noun a
    mention stands in apposition to, or right after."""
    for m in actor.mentions:
        sent = sentences[m.sent_index]
        head = sent.tokens[sent.span_head(m.start, m.end)]
        before = sent.tokens[m.start - 1] if m.start else None
        # the kin noun right before the name first: in "his brother Tom and sister Mélanie"
        # the parse may hang Mélanie on "brother"
        if before is not None and before.text.islower() and before.lemma.lower() in KIN_GENDER:
            return KIN_GENDER[before.lemma.lower()]
        if head.dep == "appos" and sent.tokens[head.head].lemma.lower() in KIN_GENDER:
            return KIN_GENDER[sent.tokens[head.head].lemma.lower()]
    return None


def _honorific_gender(sent: Sentence, i: int) -> str | None:
    """ "Ms. Marten" -> "f": the gender a title just before a name gives away."""
    k = i - 1
    while k >= 0 and sent.tokens[k].pos == "PROPN" and sent.tokens[k].head == i:
        word = sent.tokens[k].lower_text.rstrip(".")
        if word in HONORIFIC_GENDER:
            return HONORIFIC_GENDER[word]
        k -= 1
    return None
