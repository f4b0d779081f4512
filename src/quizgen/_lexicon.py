"""Every word list quizgen's rules read, in one place, each named for what it is for.

A list written twice drifts (ours did: two honorific lists, two pronoun-gender tables, three
sets of sentence-closing marks). Where two stages need lists that differ, both stand here,
named, with why they differ; tests/test_lexicon.py states how they relate. Entries are
lower-case unless the rule compares case-sensitively (ERAS); the order of a tuple matters
to its readers (MONTHS[0] is January).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set."""
    return frozenset(text.split())


def _ordered(text: str) -> tuple[str, ...]:
    """The whitespace-separated words of `text`, in order."""
    return tuple(text.split())


def _lines(text: str) -> frozenset[str]:
    """The non-blank lines of `text`, stripped: for entries of several words."""
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


# --- People: titles, honorifics, pronouns ---------------------------------------------------

# Words that make a title before a name ("Foreign Minister", "Senator") a role.
TITLE_WORDS = _words(
    """
    president vice minister prime foreign deputy secretary senator sen. representative rep.
    governor gov. mayor general gen. admiral colonel col. captain capt. lieutenant lt.
    sergeant king queen prince princess emperor empress pope cardinal bishop archbishop
    reverend rev. dr. doctor professor prof. judge justice chief chairman chairwoman chair
    director ambassador chancellor premier commissioner analyst economist spokesman
    spokeswoman spokesperson leader founder editor author physicist chemist biologist
    scientist engineer architect lawyer lord lady dame sir saint st. ceo officer head
    envoy negotiator official diplomat researcher historian novelist poet painter composer
    astronomer mathematician inventor commander marshal field lawmaker congressman
    congresswoman activist laureate administrator mvp
    """
) | (
    # Military ranks in other languages, as texts quote them: "his rank as Oberst, Colonel",
    # "Rittmeister von Richthofen". A rank before a name is a role; alone it is no body.
    # Not "major" or "commandant": English words that also open bodies ("Major League").
    FOREIGN_RANKS := _words(
        """
        oberst oberstleutnant hauptmann rittmeister leutnant oberleutnant generalleutnant
        generalmajor generaloberst feldmarschall generalfeldmarschall feldwebel kapitän
        korvettenkapitän fregattenkapitän konteradmiral vizeadmiral capitaine général
        maréchal lieutenant-colonel polkovnik podpolkovnik kapitan leytenant coronel
        capitán teniente colonnello capitano tenente generale kolonel kapitein luitenant
        pułkownik rotmistrz hetman
        """
    )
)
# Words that name a minister's portfolio before the title: "Shadow Home Secretary", "Interior
# Minister". Before a capitalised title word they are part of the post, not a body's name.
POST_MODIFIERS = _words(
    """
    shadow home foreign interior defence defense finance justice health education culture
    trade environment transport energy employment colonial
    """
)
# Ranks of nobility: "the Marquis de Lafayette", "the Duke of Orléans" are people's names
# (_extract/_people.py). Not TITLE_WORDS: the title is kept as part of such a name.
NOBLE_TITLES = _words(
    """
    marquis marquess marquise duke duchess baron baroness earl viscount viscountess countess
    """
)

# Words before a name that are no part of it and say nothing of a role, compared without
# the full stop ("Mr." -> "mr"). "Mme", "Herr" as well as the English ones.
HONORIFICS = _words(
    """
    mr mrs ms miss mme herr dr sir dame lord lady madame prof
    """
)


def is_honorific(word: str) -> bool:
    """Is `word` an honorific, in any case, with or without its full stop ("Mrs.", "MR")?"""
    return word.lower().rstrip(".") in HONORIFICS


# The gender an honorific gives a name ("Mrs. Marten" is a woman), for pronoun checks.
HONORIFIC_GENDER = {
    "mr": "m", "sir": "m", "lord": "m", "herr": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "madame": "f", "mme": "f",
}  # fmt: skip
# Third-person pronouns and their gender; the text's most frequent gender names its topic.
PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}  # fmt: skip
# The pronouns a name may replace: not the reflexives ("himself" -> "Bush" reads wrong).
PERSONAL_GENDER = {w: g for w, g in PRONOUN_GENDER.items() if not w.endswith("self")}
# Pronouns whose referent is checked before a question uses them ("hers" never opens one).
PERSONAL_PRONOUNS = _words("he she his her him")

# Pronoun subjects that make a sentence lean on the one before it.
SUBJECT_PRONOUNS = _words(
    """
    he she it they this these those
    """
)

# Pronouns that dangle in a question unless the clause names their referent.
DANGLING_PRONOUNS = _words(
    """
    he she it they him her them his its their hers theirs this these those
    """
)

DEMONSTRATIVES = _words(
    """
    this that these those
    """
)
# Possessive determiners: a role that opens with one ("his deputy") names no one alone.
POSSESSIVE_DETERMINERS = _ordered("its his her their our my your")
# Possessives that point outside the clause ("its 1950 accord").
CLAUSE_POSSESSIVES = _words("its their")

# Words whose meaning lies outside the clause: "the same decade", "the former", "there".
ANAPHORIC_WORDS = _words(
    """
    same former latter such there it they them itself
    """
)

# Relations that make the name in apposition a person: "her husband, Frédéric Joliot-Curie".
KIN_NOUNS = _words(
    """
    husband wife son daughter brother sister father mother doctor doctors colleague
    colleagues
    """
)

# The gender a kin noun gives the name it stands beside ("their first daughter, Irène").
KIN_GENDER = {
    "husband": "m", "son": "m", "brother": "m", "father": "m",
    "wife": "f", "daughter": "f", "sister": "f", "mother": "f",
}  # fmt: skip

# Nouns that only a person is: an appositive or a title with one of these makes the name a person.
# Not "investor", "trader", "manager", "owner": "SoftBank, an investor", "the asset manager".
PERSON_NOUNS = _words(
    """
    campaigner businessman businesswoman man woman writer lawyer teacher student doctor
    surgeon nurse politician statesman banker merchant philosopher colleague husband wife
    son daughter brother sister father mother professor director founder president minister
    officer executive spokesman spokeswoman spokesperson engineer worker pioneer reformer
    priest explorer soldier general head chief chairman chairwoman ceo secretary editor
    author official diplomat envoy researcher novelist poet painter composer astronomer
    mathematician inventor commander lawmaker senator governor mayor ambassador judge king
    queen prince princess bishop botanist analyst employee staff preacher missionary
    clergyman monk nun
    """
)

# Lower-case words inside a person's name: "Charles de Gaulle", "Ludwig van Beethoven".
NAME_PARTICLES = _ordered("de van von der da di la le bin al")
# Lower-case words a learner writes with the surname after them: "van Hal", "bin Khalid",
# "da Costa", "al-Rashid". A superset of NAME_PARTICLES (the quiz forgives more than
# extraction joins).
ANSWER_PARTICLES = _words(
    """
    van von der den de da di du del della dos das do ter ten bin ibn bint ben al el la le st
    saint
    """
)
# Titles a learner may put before a name, or leave out ("President Wilson"), folded as the
# quiz folds answers (no dots); phrases of several words are one entry each.
ANSWER_TITLES = _lines(
    """
    secretary of state
    secretary general
    prime minister
    foreign minister
    vice president
    chief justice
    field marshal
    president
    chancellor
    premier
    minister
    secretary
    senator
    governor
    mayor
    general
    gen
    admiral
    colonel
    captain
    marshal
    king
    queen
    emperor
    empress
    prince
    princess
    pope
    sir
    dame
    lord
    lady
    dr
    prof
    professor
    mr
    mrs
    ms
    miss
    judge
    justice
    ambassador
    chairman
    rev
    reverend
    """
)

# --- Organizations ---------------------------------------------------------------------------

# Endings that make a span an organization whatever spaCy labelled it.
ORG_WORDS = _words(
    """
    institute university college school academy center centre committee organization
    organisation association council party company corporation corp inc ltd bank foundation
    society agency administration ministry department league army navy court parliament
    congress senate laboratory laboratories museum commission office bureau service alliance
    federation union network group board fund church order club fame corps archives
    archive leagues
    """
)

# Nouns that say "this is an organization" in an appositive ("X, a Swiss hydropower operator")
# or right before a name ("the journal Nature", "the union Unite").
ORG_CLASS_NOUNS = _words(
    """
    operator company firm agency bank publisher journal newspaper magazine broadcaster
    manufacturer maker producer retailer carrier airline insurer lender utility regulator
    watchdog conglomerate startup charity union institute university laboratory organization
    organisation group subsidiary supplier developer consultancy partnership cooperative
    foundation society association party ministry department think-tank tank stockbroker
    broker brokerage exchange chain studio club team
    """
)

# Head words of an organization that can be part of another: "X Laboratory of the University of Y".
PART_HEADS = _words(
    """
    laboratory laboratories institute school department faculty college museum library
    hospital centre center observatory division unit
    """
)

# Head words of an organization that can hold another: the whole of PART_HEADS.
WHOLE_HEADS = _words(
    """
    university college academy institute society council league
    """
)

# Subjects of "X consists of A and B" that make A and B its members.
GROUP_NOUNS = _words(
    """
    group organization organisation association alliance bloc body league union forum club
    members
    """
)

# Things, not organizations, that a name can modify: "the BCG vaccine", "the Ebola virus".
THING_NOUNS = _words(
    """
    vaccine virus drug gene protein disease test method technique theory effect equation
    model strain scale process reaction format
    """
)

# Heads of the names of ideas, not bodies: "the Endosymbiotic Theory", "Bernoulli's
# Principle", "the Doppler Effect" (_extract/_spans.py drops such organizations).
CONCEPT_HEADS = _words(
    """
    theory theories theorem law principle hypothesis paradox equation effect conjecture
    conservation grammar semantics
    """
)
# Nouns that make the name after them (or after their "of") an idea: "the term Nexus", "his
# theories of Rank and Nexus", "the notion of Drift" (_extract/_spans.py drops such bodies).
TERM_NOUNS = _words("term terms word notion notions concept concepts idea ideas theory theories")

# Last words of a name that is a prize, a treaty, a war or a plan: no one's and no body's name.
NOT_ORG_WORDS = _words(
    """
    convention conventions treaty accord act agreement pact protocol war prize plan program
    programme project initiative medal award trophy cup decoration
    """
)
# Words after a person's name that make the whole an organization ("the Bush administration").
PERSON_ORG_TAILS = _ordered("administration government campaign")

# Lower-case words that may stand inside an organization\'s name ("Committee for Relief").
NAME_LINKS = _words(
    """
    of the and for on - &
    """
)
# Words an organization name cut before its bracketed short form may end with: the name
# goes on past them ("... Co-operation and" + "Development (OECD)"). Not "&": a name never
# ends with it, and the rule was written without it.
CUT_WORDS = NAME_LINKS - {"&"}

# Verbs that say a group has members: "the bloc comprises A and B".
MEMBER_VERBS = _words(
    """
    consist comprise include unite group
    """
)

# Verbs that make "in X" a publication: "printed in Nature".
PUBLISH_VERBS = _words(
    """
    publish print appear report announce describe
    """
)

# Verbs of writing a work: "he published Analytic Syntax (1937)" dates a book, not a body.
WRITING_VERBS = _words("publish write author compose edit translate")

# Words that make an organization's name an award's: no question asks who it is.
AWARD_WORDS = _words(
    """
    prize award medal decoration trophy
    """
)

# --- Speech ----------------------------------------------------------------------------------

# Verbs (lemmas) that attribute a quote to a speaker: "..., she said".
SPEECH_VERBS = _words(
    """
    say tell add declare note explain warn insist argue write recall state announce reply
    """
)
# Verbs (lemmas) whose clausal complement is what someone said ("he said that ..."): a
# pronoun in it is the speaker. Not SPEECH_VERBS: "report" and "confirm" introduce a
# reported clause but are no quote's attribution, and the quote rules never needed them.
SAY_VERBS = _words(
    """
    say announce state report warn confirm add argue insist
    """
)
# ... as the text writes them: "said it did not expect" (the subject speaking of itself)
SAY_VERB_FORMS = _words(
    """
    say says said announce announces announced state states stated report reports
    reported warn warns warned confirm confirms confirmed add adds added argue argues
    argued insist insists insisted
    """
)

# --- Dates -----------------------------------------------------------------------------------

# Month names in calendar order: MONTHS[0] is January.
MONTHS = _ordered(
    """
    january february march april may june july august september october november december
    """
)

# Weekday names in the order of datetime.weekday(): WEEKDAYS[0] is Monday.
WEEKDAYS = _ordered(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
# Spelled-out ordinals of centuries: ORDINAL_WORDS[word] is its number.
_ORDINALS = _ordered(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    twenty-first
    """
)
ORDINAL_WORDS = {word: number for number, word in enumerate(_ORDINALS, start=1)}
# Decades as words ("the fifties"): DECADE_WORDS[word] is the decade within its century.
DECADE_WORDS = {
    word: 10 * k
    for k, word in enumerate(
        _ordered("twenties thirties forties fifties sixties seventies eighties nineties"), start=2
    )
}

# Era marks after a year ("753 BC"), compared as written.
ERAS = _words(
    """
    BC BCE AD CE B.C. A.D. B.C.E. C.E.
    """
)

# A year that spaCy did not tag as a date still is one after these words.
YEAR_PREPOSITIONS = _words(
    """
    in since by until till from before after during around circa
    """
)

# Prepositions that put a date at a point ("in 1979"); "after 1948" bounds a time instead
# and makes no "In what year ...?".
POINT_PREPOSITIONS = _words(
    """
    in on at during
    """
)
# Prepositions of a destination or origin: "moved to the Panthéon", "came from Odessa".
# Such a phrase completes its verb; a question without it ("were the remains moved in
# Paris?") says something else.
DIRECTION_PREPOSITIONS = _words(
    """
    to into onto from toward towards
    """
)

# Prepositions before a place's name ("moved to Tulsa", "born in Verona"): a word a text
# also uses as a surname is still the place there (_extract/_people.py).
PLACE_PREPOSITIONS = POINT_PREPOSITIONS | DIRECTION_PREPOSITIONS | _words("near across through")

# Prepositions people put in front of a date, or leave out: "in 1979" == "1979".
ANSWER_DATE_PREPOSITIONS = _words(
    """
    in on by during around circa c ca since from
    """
)

# Words that may stand in a date written as an answer ("the early 1990s", "the 20th
# century", "spring of 1871"), besides numbers, months, weekdays, seasons, eras and
# ANSWER_DATE_PREPOSITIONS: a hand-written answer of only these is a date (_deck/infer.py).
DATE_ANSWER_WORDS = _words(
    """
    the of century early late mid and
    """
)

# --- Sentences ---------------------------------------------------------------------------------

# Marks a whole sentence ends with (the last may follow the full stop: '."', '.)'); one
# without them was cut short by the splitter. Read with str.endswith, hence a tuple.
SENTENCE_ENDS = (".", "!", "?", "”", '"', "’", ")")
# Tokens after which the sentence splitter's cut is trusted: the ends, and ";" (a list of
# clauses is not rejoined to what follows). Not for SENTENCE_ENDS: a clause that ends with
# ";" is no whole sentence to ask about.
SENTENCE_CLOSERS = frozenset(SENTENCE_ENDS) | {";"}
# A source line ends a sentence with one of these, then any of CLOSING_MARKS ('."', '?»').
SENTENCE_MARKS = ".!?"
CLOSING_MARKS = "\"'”’»)]"

# Sentence-opening connectives that need the sentence before ("But", "Yet").
LEADING_CONNECTIVES = _words(
    """
    but yet and so however also then still thus nevertheless nonetheless furthermore
    moreover meanwhile instead indeed consequently additionally
    """
)

# Discourse markers that tie a clause to the sentences around it ("The British, however,
# held out"; "In particular, Trotsky hoped ..."): a question asked from the clause alone
# leaves them out ("Until what year did the British hold out?"), where they read as a stray
# word or were moved to its end ("Who hoped ... in particular?", blind review 4).
DISCOURSE_MARKERS = frozenset(
    {
        "however", "therefore", "thus", "hence", "then", "nevertheless", "nonetheless",
        "moreover", "furthermore", "meanwhile", "consequently", "accordingly", "indeed",
        "in particular", "for example", "for instance", "in addition", "in fact",
        "in turn", "of course", "in contrast", "by contrast", "in short", "as a result",
        "in other words", "on the other hand", "above all", "after all",
    }
)  # fmt: skip

# Words that open a subordinate clause: a fact that starts with one is no sentence.
RELATIVE_WORDS = _words(
    """
    which who whom whose that where when while whereas although though because since if as
    """
)
# Subjects that name no one without the sentence before: "In what year did the two share ...?"
VAGUE_SUBJECTS = _lines(
    """
    the two
    the three
    both
    the pair
    the couple
    the former
    the latter
    the others
    """
)
# Articles, dropped before comparing names and answers.
ARTICLES = ("the", "a", "an")
# Words that only stand before a noun: one left where its noun was cut points at nothing,
# and a verb phrase never opens with one.
DETERMINERS = frozenset((*ARTICLES, *DEMONSTRATIVES, *POSSESSIVE_DETERMINERS))

# --- Answers and sources ------------------------------------------------------------------------

# The letters of multiple-choice options, in order: the quiz, the check and the PDF agree.
CHOICE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def choice_letter(index: int) -> str:
    """The label of option `index` (0-based): A ... Z, then AA, AB ... (bijective base 26).

    A deck holds at most 26 choices (`_deck.MAX_CHOICES`); the longer labels serve the PDF's
    version marks and keep the function total. Raises ValueError for a negative index.
    """
    if index < 0:
        raise ValueError(f"no letter for option {index}")
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, len(CHOICE_LETTERS))
        out = CHOICE_LETTERS[rest] + out
    return out


# Values PDF producers write when the author left the field empty (reportlab's defaults).
PLACEHOLDER_META = _words(
    """
    untitled unknown anonymous unspecified none title author
    """
)

# Whole lines (compared lower-cased, trailing ':' '>' '›' '»' '|' stripped) that web pages
# sprinkle through an article, and a textbook's box headings ("Dig Deeper", "Learning
# Objectives"): "Dig Deeper" became a person and a distractor (issue 12, review 3).
BOILERPLATE_LINES = _lines(
    """
    ad
    advert
    advertisement
    advertisements
    sponsored
    sponsored content
    paid content
    promoted
    promoted content
    story continues below advertisement
    article continues below
    article continues below advertisement
    continue reading the main story
    scroll to continue with content
    share
    share this
    share this article
    share this story
    share this page
    share this post
    share on facebook
    share on twitter
    share on x
    share on linkedin
    share via email
    copy link
    link copied
    tweet
    facebook
    twitter
    linkedin
    whatsapp
    pinterest
    reddit
    email
    e-mail
    print
    print this article
    comments
    comment
    skip to content
    skip to main content
    skip navigation
    skip to navigation
    jump to navigation
    home
    menu
    close
    search
    loading
    loading...
    related
    related articles
    related stories
    related content
    recommended
    recommended for you
    you may also like
    most popular
    most read
    trending
    associated press
    the associated press
    ap
    reuters
    afp
    agence france-presse
    upi
    bloomberg
    special to the times
    dig deeper
    everyday connection
    connect the concepts
    learning objectives
    chapter outline
    key terms
    review questions
    critical thinking questions
    personal application questions
    """
)

# An author-year citation in brackets (APA, Harvard): "(Weisstein, 1993)", "(Madigan &
# O'Hara, 1992)", "(Benjamin, Henry, & McMahon, 2005)", "(American Psychological
# Association, 2019)", "(see Romo, 1986a; Guthrie, 1998)". Its names are no subjects, its
# year no date to ask, and left in a prompt it names the answer (issue 12, review 3). A bare
# "(1962)" dates a fact and is no citation.
_CITED = r"[A-Z][^()]{0,150}?,\s*(?:\d{4}[a-z]?|n\.d\.)"
CITATION = re.compile(rf"\((?:(?:e\.g\.|see|cf\.),?\s+)?{_CITED}(?:;\s*{_CITED})*\)")

# Headings of a textbook's media boxes, lower case ("Click and Explore", "Link to
# Learning"): the box points the reader to a video or a podcast, and the paragraph under it
# describes that, not the subject (OpenStax, CK-12 and similar textbooks).
MEDIA_BOX_HEADINGS = _lines(
    """
    click and explore
    link to learning
    watch it
    watch and learn
    explore online
    online resources
    web link
    web links
    video link
    multimedia
    media link
    """
)

# Verbs that open an instruction to the reader to go to a medium ("Listen to the podcast
# below ...", "Visit the museum's website to learn more", "For a look at ..., view the
# documentary ..."), lower case; they make a line an instruction only beside MEDIA_NOUNS.
MEDIA_VERBS = _words("click tap listen visit watch view explore browse download play tour")

# Verbs of an instruction to the reader, lower case: a sentence they open as an imperative
# ("Read about the inventor's folly to learn the story ...", "See the map", "Learn more
# about ...") tells no fact, and a statement made of it is neither true nor false (blind
# review 5). Under a media box heading, such a sentence marks the paragraph as the box's.
READER_VERBS = MEDIA_VERBS | _words("read see learn look discover find")

# What such an instruction points to, lower case.
MEDIA_NOUNS = _words(
    """
    podcast podcasts video videos documentary documentaries website websites site web
    webpage link links clip clips film interactive audio recording animation simulation
    slideshow gallery online below
    """
)

# Headings of a text's back matter (Wikipedia's and a book's), lower case: the section they
# open is dropped before parsing, as its names and dates are no facts of the text.
BACK_MATTER = _lines(
    """
    references
    notes
    footnotes
    citations
    sources
    see also
    external links
    further reading
    bibliography
    works cited
    notes and references
    references and notes
    explanatory notes
    """
)

# Words that label a picture's credit or its file ("Image: Jane Roe.", "(Photo: AP)",
# "File:harbour.jpg"), lower case: the line or bracket they open is no sentence of the text.
CREDIT_LABELS = _lines(
    """
    image
    images
    photo
    photos
    photograph
    picture
    credit
    photo credit
    image credit
    courtesy
    file
    """
)

# Seasons as ISO 8601-2 codes: "the spring of 1871" is normalized as 1871-21.
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}


# --- Kinds of names (issue 11) ---------------------------------------------------------------
# A name spaCy tags PERSON or ORG may be a place, a building, a craft, a work, an event or
# a group of people; these lists say which by the name's head word (its last word before an
# "of"/"for") or the words around it. Kept-but-not-askable kinds go to Facts.others.

# Head words of a building, a square or a street: a facility, whoever it is named after.
FACILITY_HEADS = _words(
    """
    station airport harbour harbor port bridge square platz strasse straße street avenue
    road boulevard lane building tower palace castle chapel cathedral mausoleum park
    stadium arena hotel dam canal tunnel gate prison fort fortress basilica manor
    facility pad hangar
    """
)

# Plural heads of two streets named at once: "Walnut and Spruce Streets". Not "Ports",
# "Hotels", "Airports": plural facility words head companies' names.
STREET_PLURALS = _words("streets avenues roads lanes boulevards squares")

# Heavenly bodies, named like people: "the Moon", "Neptune". Places.
CELESTIAL_NAMES = _words(
    """
    sun moon mercury venus earth mars jupiter saturn uranus neptune pluto ceres titan
    """
)

# Head words of an object in the sky, named like a person or a body: "the Andromeda Galaxy",
# "the Crab Nebula", "Halley's Comet". Places.
SKY_HEADS = _words(
    """
    galaxy galaxies nebula nebulae cluster comet planet constellation asteroid quasar
    supernova
    """
)

# Parts of a book a cross-reference points to: "(see the chapter on Celestial Distances)" names
# a chapter, no body.
BOOK_PARTS = _words("chapter chapters section sections unit units appendix module lesson")

# Head words of an instrument or a site named like a body: "the Hubble Space Telescope",
# "Palomar Mountain". A facility, or a place when it names land.
INSTRUMENT_HEADS = _words("telescope telescopes")
LAND_HEADS = _words("mountain mountains mount hill hills valley peninsula plateau glacier")

# Words opening a place's two-word name: "Mount Wilson", "Lake Geneva", "Cape Horn".
PLACE_OPENERS = _words("mount lake cape isle")

# A name's last word that makes it a state however it opens: "the Union of Soviet Socialist
# Republics", "the Federal Republic of Germany" (its head word, before "of", is "Republic").
STATE_TAILS = _words("republic republics")

# Nouns right after a name that make it a programme or a policy, not a body: "his Great
# Society program", "the Marshall Plan initiative".
PROGRAMME_NOUNS = _words("program programme programs programmes policy policies initiative")

# Nouns right after a name that make it a piece of software: "the NEMISIS database".
SOFTWARE_NOUNS = _words("database software app")

# Words of a computer system's name: "the Enforcement Management Information System" is a
# product, not a body; "the Federal Reserve System" (none of these) stays one.
SYSTEM_WORDS = _words("information management intelligence data database tracking reporting")

# Nouns before or after a name that make it a language: "the Esperanto language", "the
# offshoot Ido", "a dialect called X".
LANGUAGE_NOUNS = _words("language languages tongue dialect dialects offshoot")

# Prefixes of a ship's name ("HMY Alberta", "USS Enterprise"), matched only where written
# in capitals.
SHIP_PREFIXES = _words("hms hmy hmt uss ss rms mv ms hmas hmcs css sms")

# Head words of a document, a law or a book: "Magna Carta", "the Treaty of Nanking".
WORK_HEADS = (
    NOT_ORG_WORDS - {"war", "prize", "medal", "award", "trophy", "cup"}
    | _words(
        """
    carta charter constitution declaration manifesto bible gospel statute bill ordinance
    decree edict code register policy doctrine
    note notes circular memorandum memoranda corpus corpora
    """
    )
    | (
        # A book named for its kind, in English or another language, that opens its title:
        # "the Diary of General X", "Tagebuch des Generals X", "Memoirs of a Y".
        WORK_TITLE_HEADS := _words(
            """
        diary diaries tagebuch tagebücher memoirs memoiren mémoires autobiography annals
        letters correspondence
        """
        )
    )
)

# Lower-case nouns before a name, or governing it, that make it a work: "his book Hydraulica".
WORK_NOUNS = _words(
    """
    book treatise novel poem play opera essay paper article song album film painting
    symphony work works memoir memoirs report pamphlet thesis dissertation textbook
    masterpiece
    """
)

# Head words of an event: "the Battle of Hastings", "the Congress of Vienna" is not here
# (a congress is also a legislature).
EVENT_HEADS = _words(
    """
    war battle revolution rebellion uprising siege massacre olympics games election
    summit crisis festival expedition campaign experiment walk rally
    depression recession panic famine deal reconstruction renaissance reformation
    enlightenment restoration rush affair scandal journey march ride rides boycott strike
    riot riots sit-in sit-ins airlift blockade invasion raid coup putsch armistice
    """
)

# Head words of a name that is a meeting or a body ("the Congress of Vienna" met once;
# "the Congress of Racial Equality" is a body): _kinds.convened decides by the words around.
MEETING_HEADS = _words("congress conference convention council synod summit symposium")
# Verbs whose object is a meeting, not a body: "the Council was held in 1545", "she attended
# the Second Congress".
MEETING_VERBS = _words("hold convene attend open close adjourn host")
# Words before a meeting's name that place someone at it: "lectured at the Congress of ..."
MEETING_PREPOSITIONS = _words("at during to before")

# ISO 3166-2 subdivision types that name a state-like land (_gazetteer): not districts,
# municipalities or wards, whose names are as often a family's or a firm's.
SUBDIVISION_TYPES = _lines(
    """
    state
    province
    region
    land
    oblast
    canton
    country
    republic
    prefecture
    governorate
    emirate
    autonomous republic
    autonomous community
    autonomous region
    federal district
    """
)
# Compass words some subdivisions are named by ("Central", "Western"): no place alone.
COMPASS_WORDS = _words(
    """
    north south east west northern southern eastern western central centre centrale
    north-west north-east south-west south-east sud sul nord coast lakes upper lower
    """
)

# A table's column headers whose cells are teams, or people (_tables): "Team", "Driver".
TEAM_COLUMN_HEADS = _words("team club constructor entrant franchise squad")
PERSON_COLUMN_HEADS = _words("driver player rider athlete runner coach manager scorer")

# Plural head words of a group of people, not a body: "the Liberal Democrats of the period",
# "the Republicans". A party's registered name ("Neo Democrats" without "the") stays an
# organization.
# A party's or a faction's plural is a body where it acts ("the Bolsheviks seized the
# stores", "the Whigs won the election"): _kinds.party_label.
PARTY_PLURALS = _words(
    """
    democrats republicans conservatives liberals socialists communists nationalists
    federalists whigs tories loyalists unionists royalists bolsheviks mensheviks jacobins
    """
)
PEOPLE_PLURALS = PARTY_PLURALS | _words("methodists catholics protestants puritans quakers")

# Number words that name a group by its size: "the Little Rock Nine" when the text says
# "the nine students"; "the Shanghai Five" when it says "the five states" is a body.
GROUP_NUMBERS = _words("three four five six seven eight nine ten eleven twelve")

# Head words of a named group of people, not a body: "the Scottsboro Boys", "the Freedom
# Riders", "the Founding Fathers", "the Robber Barons". Not numbers: "the Little Rock Nine"
# are people but "the Shanghai Five" is a body of states.
PEOPLE_GROUP_HEADS = _words(
    """
    boys girls riders fathers mothers barons founders marchers pilgrims
    """
)

# Lower-case nouns of a settled place, before "of" or an appositive comma: "the town of
# Alder", "the state capital, Brenton": the name is a place, never a person.
PLACE_CLASS_NOUNS = _words(
    """
    town city village hamlet capital port settlement province county district municipality
    parish borough suburb island
    """
)

# Nouns of what a mind holds: a name that owns one ("Ann Lowe's theory") or follows it with
# "of" ("the speculations of Lowe") is a person's, not a body's.
IDEA_NOUNS = _words(
    """
    theory theories idea ideas speculation speculations view views teaching teachings
    hypothesis conjecture
    """
)

# Stems of a nationality's one-word noun for a person or people: "the Welshman", "two
# Frenchwomen", "Dutchmen". A demonym noun is a description, never a name.
DEMONYM_MAN_STEMS = _words(
    """
    english french welsh irish scots scotch dutch cornish manx norse
    """
)

# Nouns that make the name a text says they are "called" a work or a thing, not a body: "a
# project called Lexis", "a database named Orbit" ("a group called the Circle" is a body).
CALLED_THING_NOUNS = _words(
    """
    project projects software database program programme system tool website app
    corpus dictionary lexicon theory model method
    """
)

# Words that open a competition's name, not a body's: "the Champions League", "the
# Champions Trophy" (the body that runs it has another name).
COMPETITION_OPENERS = _words("champions")
# Head words of a competition's name: "the Davis Cup", "the Ryder Cup", "the Claret Trophy".
COMPETITION_HEADS = _words("cup trophy championship championships")

# A creed's or an order's adjective or plural: "a Jesuit", "the Methodist preacher", "the
# Quakers" name people of a faith, not a body (the body is "the Society of Jesus").
FAITH_WORDS = _words(
    """
    jesuit jesuits methodist methodists quaker quakers baptist baptists anglican anglicans
    lutheran lutherans calvinist calvinists presbyterian presbyterians puritan puritans
    catholic catholics protestant protestants mormon mormons franciscan franciscans
    benedictine benedictines huguenot huguenots mennonite mennonites amish shaker shakers
    evangelical evangelicals pietist pietists dominicans capuchin capuchins cistercian
    """
)

# Words for people by race or ethnicity, capitalised by many style guides: "White and
# Latina students". Alone, tagged ORG, they name people, not a body.
ETHNIC_WORDS = _words(
    """
    white black latina latino latinx hispanic asian indigenous aboriginal creole mestizo
    """
)

# Words of another language that make a name a body wherever they stand in one of its words
# (German writes them in compounds): "Universitätsmedizin Berlin", "Max-Planck-Gesellschaft".
FOREIGN_ORG_STEMS = (
    "universität",
    "université",
    "universidad",
    "università",
    "hochschule",
    "gesellschaft",
    "ministerium",
    "krankenhaus",
    "klinikum",
    "stiftung",
    "akademie",
    "académie",
    "instituto",
    "institut",
)

# A political camp's or an alliance's adjective: "the Allied blockade", "the Bolshevik
# government" name a side, not a body (the body is "the Bolshevik Party").
MOVEMENT_WORDS = _words(
    """
    allied bolshevik menshevik communist socialist fascist nazi confederate federalist
    loyalist royalist jacobin marxist leninist trotskyist maoist anarchist democratic
    republican
    """
)

# Words that open a building's or a fortification's name before its proper name: "Prison
# Barlinnie", "Fort Sumter", "Castle Howard", "Camp David": a facility, not a person.
FACILITY_OPENERS = _words("prison fort fortress castle camp")

# Head words of a state of the past (or present) named as a realm: "the Holy Roman Empire",
# "the Tsardom of Russia", "the Khanate of Kazan". A place, not a body.
STATE_HEADS = _words(
    """
    empire empires kingdom kingdoms tsardom czardom khanate sultanate caliphate
    principality duchy grand-duchy emirate shogunate electorate margraviate voivodeship
    """
)

# Epithets after a ruler's name: "Catherine the Great", "Ivan the Terrible".
EPITHETS = _words(
    """
    great terrible elder younger bold conqueror confessor pious fair good wise just lionheart
    magnificent navigator unready bald fat short tall red black lame
    """
)

# Titles kept in a ruler's one-word name, so "King John" and "John Wesley" stay two people
# and "Queen Victoria" is the name ("Victoria" its short form).
REGNAL_TITLES = _words(
    """
    king queen emperor empress tsar czar tsarina kaiser pope prince princess archduke
    archduchess sultan shah pharaoh caliph khan
    """
)

# Organization subtypes by a word of the name, tried in this order (the first that fits):
# "U.S. House of Representatives" is a legislature before "house" could be anything else.
ORG_SUBTYPES: dict[str, frozenset[str]] = {
    "administration": _words("administration administrations"),
    "legislature": (
        LEGISLATURES := _words(
            """
            parliament congress senate house assembly duma diet legislature presidium soviet
            bundestag reichstag knesset
            """
        )
    ),
    "armed force": _words(
        """
        army navy marines corps regiment battalion brigade fleet militia wehrmacht luftwaffe
        guards airborne infantry cavalry
        """
    ),
    "party": _words("party faction") | PARTY_PLURALS,
    "international body": _words("nations international world nato league"),
    "news outlet": _words(
        """
        times post journal herald tribune gazette news press telegraph guardian chronicle
        observer daily broadcasting radio television magazine reuters
        """
    ),
    "religious body": _words("church diocese mosque synagogue temple abbey monastery order"),
    "school or university": _words(
        "university college school academy seminary conservatory polytechnic"
    ),
    "museum or venue": _words(
        """
        museum gallery library theatre theater opera zoo observatory planetarium fame archives
        archive
        """
    ),
    "team": _words("team fc rovers athletic athletics"),
    "union": _words("union unions guild"),
    "company": _words(
        """
        company corporation corp inc ltd llc plc co bank group holdings airline airlines
        railway railroad motors industries enterprises firm
        """
    ),
    "government body": _words(
        """
        ministry department agency office bureau commission service treasury cabinet
        authority government board committee court council police
        """
    ),
}

# The noun "Which ...?" asks an organization of a subtype by (issue 12, blind review: "Which
# organization" for a team, a band, a university). A subtype not here is asked by the word
# of its name that gave it ("Which university", "Which church") or as an organization.
SUBTYPE_CLASS_NOUNS: dict[str, str] = {
    "party": "party",
    "news outlet": "news outlet",
    "team": "team",
    "union": "union",
    "company": "company",
}
# ... and these by the word of their name that gave the subtype ("Which university").
SUBTYPES_NAMED_BY_THEIR_WORD = (
    "school or university",
    "museum or venue",
    "religious body",
    "government body",  # "Which government responded ...?", not "Which organization" (review 4)
)

# "the air force": a two-word armed force head.
ARMED_FORCE_PHRASES = _lines(
    """
    air force
    coast guard
    national guard
    royal navy
    royal air force
    """
)

# Lower-case words that may stand inside a person's name besides NAME_PARTICLES, or open a
# hyphenated part of it: "Omar al-Rashid", "Hassan el-Amin", "Ibn Battuta's" teacher.
NAME_PARTICLE_PREFIXES = _words("al el ibn bin bint abu ben del della dos du ter ten")

# Words that, capitalised and followed by a number, name no craft: "June 5", "War 2".
NOT_CRAFT_WORDS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday war chapter page section article psalm room act scene volume
    part figure table
    """
)

# Patterns for spaCy's EntityRuler, run after the tagger's own entities and overriding
# them where the small model errs (spaCy's token-pattern format, as data):
#   "the Russian navy" -> ORG (spaCy: NORP "Russian"); "Pioneer 10", "Apollo 11" -> PRODUCT
#   (spaCy: ORG "Pioneer", LAW "Apollo 11"); "HMY Alberta" -> PRODUCT (spaCy: nothing or
#   GPE "Alberta"); "Ivan the Terrible" -> PERSON.
# First words of the names of racing series: "Formula Renault", "Formula 3 Euro Series",
# "Formula One" name a series of races (an event), not a person or a car.
SERIES_OPENERS = _words("formula")
# The word between the parties of a court case: "Plessy v. Ferguson", "Brown v. Board of
# Education" name a case (a law), not its parties, which the small model tags as people.
CASE_SEPARATORS = _words("v. vs.")

# How a nationality word ends ("Russian", "Chinese", "British", "French", "Israeli"): a
# post of another country's is no distractor for a post the text places in one.
NATIONALITY_ENDINGS = ("an", "ese", "ish", "ch", "i")
# A party's adjective before "government": "the Conservative government" is the party's cabinet.
PARTY_ADJECTIVES = _words("conservative liberal labour labor tory whig progressive")

# A country's government named by its nationality word: "the Turkish government", "the
# French Government" (a body); not a camp's ("the Bolshevik government": a side).
_NATIONAL = "(?:" + "|".join(NATIONALITY_ENDINGS) + ")$"

RULER_PATTERNS: tuple[dict[str, object], ...] = (
    {
        "label": "LAW",
        "pattern": [
            {"POS": "PROPN", "OP": "+"},
            {"TEXT": {"IN": sorted(CASE_SEPARATORS)}},  # lower case: not "Vladimir V. Putin"
            {"LOWER": "the", "OP": "?"},  # "Brown v. the Board of Education"
            {"POS": "PROPN", "OP": "+"},
            {"LOWER": "of", "OP": "?"},
            {"POS": "PROPN", "OP": "*"},
        ],
    },
    {
        "label": "EVENT",
        "pattern": [
            {"LOWER": {"IN": sorted(SERIES_OPENERS)}, "IS_TITLE": True},
            {"TEXT": {"REGEX": r"^(?:[A-Z][\w-]*|\d{1,2})$"}},
            {"TEXT": {"REGEX": r"^[A-Z][\w-]*$"}, "OP": "*"},
        ],
    },
    {
        "label": "ORG",
        "pattern": [
            {"ENT_TYPE": "NORP"},
            {"LOWER": {"IN": ["army", "navy", "marines", "fleet", "militia"]}},
        ],
    },
    {
        "label": "ORG",
        "pattern": [
            {
                "ENT_TYPE": "NORP",
                "IS_TITLE": True,
                "LOWER": {"REGEX": _NATIONAL, "NOT_IN": sorted(MOVEMENT_WORDS)},
            },
            {"LOWER": "government"},
        ],
    },
    {
        # "the Conservative government", "a Labour government": a party's cabinet is a body
        "label": "ORG",
        "pattern": [
            {"LOWER": {"IN": sorted(PARTY_ADJECTIVES)}, "IS_TITLE": True},
            {"LOWER": "government"},
        ],
    },
    {
        # "the Menshevik faction", "the Maoist faction": a camp's organised wing is a body
        "label": "ORG",
        "pattern": [
            {"LOWER": {"IN": sorted(MOVEMENT_WORDS)}, "IS_TITLE": True},
            {"LOWER": {"IN": ["faction", "wing"]}},
        ],
    },
    {
        "label": "ORG",
        "pattern": [
            {"ENT_TYPE": "NORP"},
            {"LOWER": {"IN": ["air", "coast"]}},
            {"LOWER": {"IN": ["force", "guard"]}},
        ],
    },
    {
        "label": "PRODUCT",
        "pattern": [
            {
                "IS_TITLE": True,
                "POS": "PROPN",
                "ENT_TYPE": {"IN": ["ORG", "PRODUCT", "LAW", "WORK_OF_ART", ""]},
                "LOWER": {"NOT_IN": sorted(NOT_CRAFT_WORDS)},
            },
            {"IS_DIGIT": True, "LENGTH": {"<=": 3}},
        ],
    },
    {
        "label": "PRODUCT",
        "pattern": [
            {"TEXT": {"IN": sorted(w.upper() for w in SHIP_PREFIXES)}},
            {"IS_TITLE": True, "OP": "+"},
        ],
    },
    {
        "label": "PERSON",
        "pattern": [
            {"IS_TITLE": True, "POS": "PROPN"},
            {"LOWER": "the"},
            {"LOWER": {"IN": sorted(EPITHETS)}, "IS_TITLE": True},
        ],
    },
)

# One word a text uses for an organization it named in full before: "the House" for
# "U.S. House of Representatives", "the League" for "League of Nations".
ORG_HEAD_SHORT_FORMS = ORG_WORDS | _words(
    """
    house assembly chamber presidium soviet duma diet reserve bureau agency authority
    """
)

# spaCy's labels for the kept-but-not-askable kinds (spaCy's PRODUCT is "objects, vehicles,
# foods"; in the texts quizgen reads it is mostly ships and spacecraft).
KIND_OF_LABEL = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "facility",
    "PRODUCT": "vehicle",
    "WORK_OF_ART": "work",
    "LAW": "work",
    "EVENT": "event",
    "NORP": "group",
}

# Distractors of an organization's fine kind (issue 12): a name's last word places an
# organization extraction gave no subtype ("Far East Institute", "Carnegie Moscow Center").
RESEARCH_HEADS = _words(
    "institute institution center centre laboratory laboratories foundation observatory unit"
)
# The subtypes whose members may stand in for one another when the text has too few of
# the answer's own (a ministry with a legislature; never a party with a ministry).
NEAR_SUBTYPES: dict[str, tuple[str, ...]] = {
    "government body": ("administration", "legislature"),
    "administration": ("government body", "legislature"),
    "legislature": ("government body", "administration"),
    "school or university": ("research body", "museum or venue"),
    "research body": ("school or university", "museum or venue"),
    "museum or venue": ("school or university", "research body"),
    "international body": ("government body",),
}

# The domain of a post, by the words of its title (issue 12): a president's distractors
# are offices of state, never an analyst's post. A title in none is of an unknown domain.
POST_DOMAINS: dict[str, frozenset[str]] = {
    "state": _words(
        """
        president minister premier chancellor secretary ambassador senator governor mayor
        envoy diplomat commissioner congressman congresswoman lawmaker representative king
        queen emperor empress prince princess spokesman spokeswoman spokesperson
        """
    ),
    "research": _words(
        """
        analyst economist researcher scientist professor historian physicist chemist
        biologist astronomer mathematician scholar expert fellow
        """
    ),
    "military": _words(
        "general admiral colonel captain lieutenant sergeant commander marshal officer"
    ),
    "church": _words("pope cardinal bishop archbishop reverend priest"),
    "law": _words("judge justice lawyer attorney"),
}

# --- Wordings (issue 12, second review) -----------------------------------------------------
# Connectives that lean on the words after them: left before a comma or the end once those
# words are cut from a sentence, they read as a misprint ("... then, and.").
HANGING_WORDS = _words("then also thus later finally")
# Words that say another did the same ("Salmond also called for remembrance"): asked "Who
# also called ...?", the other is a second right answer (issue 12, review 3).
ADDITIVE_WORDS = _words("also too likewise similarly")
# Posts one person holds at a time, in a country, a body or a team: "the Chinese foreign
# minister", "the English captain" name one person where "the U.S. senator" or "the British
# singer" fit many, and need the text to say which (issue 12).
ONE_HOLDER_POSTS = _words(
    """
    president vice-president minister premier chancellor secretary governor mayor king
    queen emperor empress pope captain coach manager chairman chairwoman chair director
    ceo head leader founder commander administrator speaker chief wife husband widow
    father mother
    """
)
# Posts held for a term, whose holders a text may list under a heading with their years
# ("Presidents" / "Henry Graham (1855–1885)"): a list of painters with years gives lives.
TERM_POSTS = _words(
    """
    president chairman chairwoman chair director ceo governor mayor premier chancellor
    minister secretary commissioner administrator commander head principal coach manager
    editor speaker rector dean
    """
)
# Prepositions that open a phrase set before a sentence's subject ("In the 20th minute,
# _____ missed ..."): "Who missed ... in the 20th minute?" puts the phrase last.
# Words that open a subordinate clause: "Though President X was open to it, ..." makes no
# "Which president ...?" (blind review: "Which Though president was open ...?").
SUBORDINATORS = _words(
    """
    though although while whereas because since unless if once until when whenever after
    before as whether
    """
)
FRONTED_PREPOSITIONS = _words(
    """
    in on at by after before during under from per since with without within following
    despite throughout until upon as
    """
)
# Prepositions that bound a time rather than put something at it ("by 1890", "until 1978",
# "since 1869"): a date question keeps them ("By what year had Criswell joined ...?").
BOUND_PREPOSITIONS = _words("by until till since from after before")
# Prepositions that set a clause against another event: "After the signing of the treaty
# on March 3, 1918, forces occupied ...": a date inside the phrase is that other event's.
OTHER_EVENT_PREPOSITIONS = _words("after before following since until till despite preceding")
# Head words of phrases that set a clause before or after another event, as the
# prepositions above do: "prior to expropriation in 1938", "ahead of the vote in 1932", "on
# the eve of the invasion in 1940", "in the run-up to the war in 1914", "in the wake of the
# crash in 1929": a date inside the phrase is that other event's, not the clause's.
OTHER_EVENT_HEADS = _words("prior ahead eve advance run-up lead-up build-up wake aftermath")
# Heads of a role that one of many holds, whatever body follows: "a member of the League".
MANY_HOLDER_HEADS = _words("member one part employee student fellow")
# Words that date or place a thing relative to the sentence around it: a description with
# one ("the weekly newspaper established 3 years earlier") needs that sentence.
RELATIVE_WORDS_OF_TIME = _words("earlier later ago previous previously next same then above below")
# Modifiers that point a noun back at the sentence before: "this conclusion", "One such
# regiment", "the same libel suit" name nothing a student can know from the question.
POINTING_WORDS = _words("this these those such same")
# Adverbs that place a statement after or against the one before it ("however",
# "subsequently"): out of their text they point at nothing (blind review: "Denver and
# _____ both subsequently punted", "Neither the British nor the _____, however, wished").
LEANING_ADVERBS = _words(
    """
    however subsequently afterwards afterward thereafter therefore nevertheless
    nonetheless meanwhile moreover furthermore consequently
    """
)
# Pro-forms that stand for a place or a time the text named before (blind review 5:
# "There, he started a project", "At the time, he was", "Seen here with his bulb"): "the
# time"/"the moment" under a fronted preposition with nothing saying which, "there" set off
# by a comma, "here" (a caption's picture or the text's page) anywhere.
POINTED_TIME_NOUNS = _words("time moment")
PLACE_PRO_FORMS = _words("there")
PAGE_PRO_FORMS = _words("here")
# Nouns for one person by nation: "the Spaniard", "the Welshman" stand for a person named
# before (blind review 5: dangling); the tagger's NORP label covers most others ("the
# Brazilian"), these are the ones it reads as a name.
DEMONYM_NOUNS = _words(
    """
    spaniard welshman welshwoman englishman englishwoman frenchman frenchwoman scotsman
    scotswoman irishman irishwoman dutchman dutchwoman briton scot dane swede finn pole
    turk greek
    """
)
# Endings of a nation's name for its people as a whole ("the British", "the French", "the
# Chinese", "the Swiss"): a people, not one person (`DEMONYM_NOUNS`).
PEOPLE_ENDINGS = ("sh", "ch", "ese", "ss")
# Nouns of a body of people that "their" may stand for (lemmas): "the team's coach ... in
# their first match" (a possessive with nothing before it to stand for dangles, review 5).
COLLECTIVE_NOUNS = _words(
    """
    team side club squad crew band army force navy government party company firm board
    committee council family couple group staff union league
    """
)
# Nouns of a settlement under "the" with nothing saying which ("marched to the town"):
# the text named it before (blind review 5: dangling).
SETTLEMENT_NOUNS = _words("town village")
# Pronoun "one" as a role or subject: "the one that was compatible" stands for a noun of
# the sentence (a theory), not a person (blind review 5).
PRONOUN_ONES = _words("one ones")
# Words before a title that say when it was held, not what it is: "Former President" is
# no post to ask for (blind review), "President" is.
TIME_QUALIFIERS = _words("former late then future onetime one-time ex ex-")
# Words before a role that qualify its holding, written with a capital only when they open
# the sentence: "Current UK prime minister X said" -> "the current UK prime minister".
ROLE_QUALIFIERS = TIME_QUALIFIERS | _words("current incumbent outgoing acting interim")
# Prepositions that give one of a set: "Including whom did 123 people die?" has no answer.
EXAMPLE_PREPOSITIONS = _words("including like besides excluding except")
# Words that stand for people named before: "Both had withdrawn their objections".
QUANTIFIER_SUBJECTS = _words("both neither either each")
# General nouns of a text's story (lemmas): "the issue", "the men", "the plan", "the strike"
# stand for something the text told before, which a question out of it does not say (blind
# review: "... wished to jeopardize relations over the issue", "two of the men had ...").
# General nouns of a state of things or a step in it (lemmas): "the situation", "the first
# development" say nothing of which without the text before (blind review 4: dangling);
# refused even as a date question's subject, unlike "the deal" (`STORY_PEOPLE` below).
STORY_STATES = _words("situation development change process trend")
STORY_NOUNS = (
    _words(
        """
        issue matter plan scheme proposal idea agreement deal accord pact strike dispute
        conflict crisis incident affair scandal episode move decision arrangement negotiation
        effort campaign operation plot venture man woman group family offer
        """
    )
    | STORY_STATES
)
# Nouns of a quantity (lemmas): "that number", "this figure" as a question's subject stand
# for a count the text gave before, and the question then asks about a number it hides
# (blind review 4: "In which decade did that number reach 2.2 million?").
QUANTITY_NOUNS = _words("number figure total amount count share percentage proportion rate sum")
# Words that set a thing against others told before when they open a clause: "Other
# areas, like X, proved ...", "Another plan ...", "The rest of the army ..." (blind review 4).
OTHERING_WORDS = _words("other another rest")
# The story nouns that stand for people ("the family", "the men"): a date question
# about them is refused (the text names many people), where one about "the deal" of a
# news report is still asked (its story's one deal; tests/test_generate.py SAMPLE_BARS).
STORY_PEOPLE = _words("man woman group family couple")
# Prepositions of a comparison set before a clause ("Like Carnegie, Rockefeller was ..."):
# the name after one is never the clause's subject, whatever the parse says.
COMPARISON_PREPOSITIONS = _words("like unlike")
# Modals that with "have" tell what did not happen: "would have governed", "might have won".
UNREAL_MODALS = _words("would could might should")
# Not yet "problem", "talks" ("return to the problem", "the hardest part of the talks"):
# as vague, but the facts they hold (a person, a date) have no other wording to be asked by,
# and the planner would lose them (tests/test_generate.py SAMPLE_BARS).

# --- Kinds from the words around a name (issue 11, texts nobody tuned for) --------------------
# The small model tags by the name's own shape; these lists say what the sentence around it
# says: a match report's countries are teams, "X of the Y" after a person is an affiliation,
# "the journal X", "X magazine", "edited the X" make a publication, "occupied the X" a place.

# Capitalised head words that make the capitalised words before them, and an "of"/"for"
# chain after them, one organization's name, tagged or not: "Alpine Seed Library",
# "Intrepid Sea-Air-Space Museum", "Library of Congress". Not "center", "office", "group",
# "order", "service", "union", "party": they head as many things that are no name.
ORG_NAME_HEADS = _words(
    """
    institute institution university college academy committee organization organisation
    association council company corporation foundation society agency ministry department
    league museum library commission bureau federation regiment battalion brigade hospital
    laboratory conservatory seminary observatory archive archives leagues
    """
)

# Head words that head a body's name only with an "of"/"for" chain after them: "Centre for
# Irish Studies", "Center for Marine Biology", "Office of Naval Research"; alone ("the
# Centre", "Town Center") they name places as often.
CHAINED_ORG_HEADS = _words("centre center office")

# Legal-form words that a company's name drops in running text: "Graham Paper Company" ...
# "Graham Paper", "Jim Walter Paper, Inc." ... "Jim Walter Paper".
# Words that introduce a body's other name in brackets after its full name: "the Standard
# Oil Company of New York (Socony, later Mobil)" (_extract/_bodies.py).
RENAMING_WORDS = _words("later now formerly then renamed")

COMPANY_SUFFIXES = _words(
    """
    company co co. corporation corp corp. incorporated inc inc. limited ltd ltd. llc plc
    """
)

# Lower-case words after a name that make "name + word" one organization: "the Dawes
# committee", "the Indiana legislature" (spaCy: PERSON "Dawes", GPE "Indiana").
INSTITUTION_TAILS = _words("committee commission legislature")

# Words of a match report: a text with several of them (lemmas) is about sport, and the
# countries and cities that play in it are teams ("Sweden defeated South Korea").
SPORT_WORDS = _words(
    """
    match goal penalty referee goalkeeper striker midfielder defender tournament
    championship semi-final quarter-final half-time halftime kick-off equaliser equalizer
    innings wicket touchdown quarterback pitcher inning scoreboard scorer
    """
)

# Nouns (lemmas) of what one player does with the ball in a match report: "Lenz's long range
# shot", "a ball to Ortiz", "passes with Lenz". A one-word name that owns one, or receives
# it through "to"/"with", is a player, never a team.
PLAYER_ACTION_NOUNS = _words(
    """
    shot header cross pass ball effort strike volley free-kick run dribble tackle
    """
)

# Last words of a sports club's name after its town: "Leeds United", "Bristol Rovers",
# "Oldham Athletic". A person's name never ends so.
CLUB_TAILS = _words("united rovers wanderers athletic albion hotspur")

# Verbs (lemmas) whose subject and object are teams in a match report.
SPORT_VERBS = _words(
    """
    defeat beat face play lose win draw tie host edge thrash rout overcome eliminate
    concede trail lead score
    """
)

# Prepositions whose object is a team in a match report: "a goal for Belgium", "lost to
# England", "against Panama". Not "in", "at": "at the Fisht Stadium in Sochi".
TEAM_PREPOSITIONS = _words("for against to over by versus vs vs.")

# Lower-case nouns that hang an untagged acronym on an event it organises: "the 2018 FIFA
# football World Cup", "the NCAA tournament".
EVENT_NOUNS = _words("tournament championship championships cup games olympics final")

# Nouns and verbs (lemmas) that make "the X" a publication: "edited the Oil City Derrick",
# "the proprietors of the Derrick", "the staff of the Enquirer".
PUBLICATION_NOUNS = _words(
    """
    editor editorship staff proprietor publisher columnist correspondent reporter
    subscriber circulation masthead
    """
)
PUBLICATION_VERBS = _words("edit publish")

# Lower-case class nouns after a name that make it a publication: "Vogue magazine".
PUBLICATION_CLASS_NOUNS = _words("magazine newspaper journal daily weekly")

# Verbs (lemmas) whose "at X" is where someone works or studies, a body: "worked at
# Genentech", "studied at Harvard" (elsewhere "at X" is a place: "a sanatorium at Passy").
WORK_VERBS = _words("work study teach lecture research train serve")

# Verbs (lemmas) whose object is a place: "France and Belgium occupied the Ruhr", "a
# French fleet took Veracruz" ("took over" a company is no conquest).
# Verbs of a journey: where one sails for or travels from is a place, whatever the tagger
# called it ("sailed for Sierra Leone", _extract/_cues.py). Not "move" or "return": one
# moves to a company and returns to a firm.
MOTION_VERBS = _words(
    """
    sail travel emigrate immigrate flee migrate journey voyage fly march depart
    """
)
# Verbs of moving someone somewhere: "transferred to Greenock". A one-word name after their
# "to" that no full name of a person holds is a place (_extract/_cues.py).
RELOCATION_VERBS = _words("transfer relocate deport extradite exile banish move")

# Verbs a person does, whose passive agent ("saved by Ada Brook", "founded by Tom Reis") is
# a person when the name has no organization's word (_extract/_people.py).
PERSON_AGENT_VERBS = _words(
    """
    save score found write paint compose sing direct coach invent discover sculpt
    photograph narrate assassinate murder kill marry
    """
)
# Verbs (lemmas) whose subject is a person, not a product or a place: "the party's Ella
# Marsh was re-elected", "the firm's Jo Bright said" (_extract/_headed.py).
PERSON_SUBJECT_VERBS = (
    SPEECH_VERBS
    | SAY_VERBS
    | _words(
        """
    elect re-elect resign serve vote campaign lead retire die marry run speak testify
    """
    )
)
# Verbs of a mind, whose subject is a person: "Eisenhower did not agree", "Hale refused".
# With PERSON_SUBJECT_VERBS, they make a bare name the tagger left untagged a person
# (_extract/_people.py).
MIND_VERBS = _words(
    """
    agree disagree believe decide refuse argue insist think doubt hope fear want wish
    regret admit deny promise remember forget realize realise
    """
)
PLACE_VERBS = _words(
    """
    occupy evacuate invade capture seize besiege annex liberate bombard storm take
    """
)

# Nouns whose "of X" names the body X: "a subsidiary of Alco Standard".
OWNER_NOUNS = _words("subsidiary division affiliate branch arm")

# Words of a vehicle's class before its name, capitalised as part of it ("Space Shuttle
# Columbia") or in lower case ("the shuttle Discovery", "the battleship Bismarck").
CRAFT_CLASSES = _lines(
    """
    space shuttle
    shuttle
    orbiter
    spacecraft
    space probe
    probe
    rover
    lunar module
    command module
    space station
    submarine
    steamship
    steamer
    airship
    locomotive
    battleship
    cruiser
    destroyer
    frigate
    aircraft carrier
    yacht
    schooner
    liner
    """
)

# Verbs (lemmas) that name a work after them ("a book to be called X", "an article titled X").
NAMING_VERBS = _words("call title entitle name")

# Plural heads of a group of states, not a body: "the Allied Powers", "the Central Powers".
STATE_GROUPS = _words("powers allies")

# Plural or lower-case nouns a thing's name modifies ("the T2 phage", "RNA splicing"),
# besides THING_NOUNS: the name is the thing's, no organization.
LAB_THING_NOUNS = _words(
    """
    phage bacteriophage enzyme molecule cell bacterium bacteria splicing sequence
    """
)

# EntityRuler patterns of this section (added after RULER_PATTERNS): "the Dawes committee",
# "the Indiana legislature" -> ORG (spaCy: ORG "Dawes", GPE "Indiana" and a common noun).
CONTEXT_RULER_PATTERNS: tuple[dict[str, object], ...] = (
    {
        "label": "ORG",
        "pattern": [
            {"ENT_TYPE": {"IN": ["PERSON", "ORG", "GPE", "NORP"]}, "IS_TITLE": True, "OP": "+"},
            {"LOWER": {"IN": sorted(INSTITUTION_TAILS)}, "IS_LOWER": True},
        ],
    },
)
# Adverbs set on a date ("back on February 1, 2003", "early in 1953"): they go with it.
DATE_ADVERBS = _words("back early late later earlier again only already still as")
# First-person words: outside a quotation they speak for someone the question cannot name
# ("... and I'm deeply disappointed": a pull quote printed apart from its speaker).
FIRST_PERSON = _words("i me my mine we us our ours i'm i’m")
