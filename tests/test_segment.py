"""Sentence splitting: abbreviations, initials, decimals, quotes, bullets and line boundaries; sentences that point back."""

from __future__ import annotations

import random

import pytest

from chorus.segment import points_back, split_paragraphs, split_sentences, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "U.S." inside a sentence, and "U.S." ending one before a capitalised sentence starter.
        (
            "The U.S. Embassy in Kravnik sent two units. Neighbours offered pumps.",
            ["The U.S. Embassy in Kravnik sent two units.", "Neighbours offered pumps."],
        ),
        (
            "The money came from the U.S. The rest came from Europe.",
            ["The money came from the U.S.", "The rest came from Europe."],
        ),
        # Titles never end a sentence before a name.
        (
            "Gen. Viktor Sobran sent 400 soldiers. They arrived at dawn.",
            ["Gen. Viktor Sobran sent 400 soldiers.", "They arrived at dawn."],
        ),
        (
            "Sen. Mirela Vasic called for an inquiry. Nobody answered.",
            ["Sen. Mirela Vasic called for an inquiry.", "Nobody answered."],
        ),
        ("Dr. Halden said the rain was extreme. He was right.", ["Dr. Halden said the rain was extreme.", "He was right."]),
        ("Const. Ana Vasic saw the car. It was red.", ["Const. Ana Vasic saw the car.", "It was red."]),
        # A compound title, as Canadian and British reports write ranks.
        (
            "The deaths are a double homicide, said Det.-Sgt. Susan Gomes. Nobody was charged.",
            ["The deaths are a double homicide, said Det.-Sgt. Susan Gomes.", "Nobody was charged."],
        ),
        ("He served under Lt.-Gen. Roméo Dallaire. It was 1994.", ["He served under Lt.-Gen. Roméo Dallaire.", "It was 1994."]),
        ("The sign read No-Sgt. The rest is history.", ["The sign read No-Sgt.", "The rest is history."]),
        (
            "Mrs. Elena Kovar took only the cat. Everything else was lost.",
            ["Mrs. Elena Kovar took only the cat.", "Everything else was lost."],
        ),
        # Initials.
        (
            "President John F. Kennedy was shot in Dallas. The nation mourned.",
            ["President John F. Kennedy was shot in Dallas.", "The nation mourned."],
        ),
        (
            "Hydrologist Dr. J. R. Halden of the University of Karsk spoke. Others agreed.",
            ["Hydrologist Dr. J. R. Halden of the University of Karsk spoke.", "Others agreed."],
        ),
        # Decimals, numbers and times.
        (
            "The river stood 4.7 metres above normal. It fell on Sunday.",
            ["The river stood 4.7 metres above normal.", "It fell on Sunday."],
        ),
        ("He wore the No. 5 shirt. It was red.", ["He wore the No. 5 shirt.", "It was red."]),
        (
            "The order came shortly before 1 a.m. on Friday. Sirens sounded.",
            ["The order came shortly before 1 a.m. on Friday.", "Sirens sounded."],
        ),
        (
            "The embankment failed at 23:40 and 3,000 people fled. Many slept in schools.",
            ["The embankment failed at 23:40 and 3,000 people fled.", "Many slept in schools."],
        ),
        # Quotes that end a sentence, and a question inside a quote followed by its attribution.
        ('He said "no." Then he left the room.', ['He said "no."', "Then he left the room."]),
        ("She said “yes.” Then she left.", ["She said “yes.”", "Then she left."]),
        ('"Are you sure?" he asked. She nodded.', ['"Are you sure?" he asked.', "She nodded."]),
        ("“Why could the state not?” she asked. Nobody replied.", ["“Why could the state not?” she asked.", "Nobody replied."]),
        # A name that looks like a title: "Sen" is Hun Sen's surname.
        ("Hun Sen. Hun Sen complained about the vote.", ["Hun Sen.", "Hun Sen complained about the vote."]),
        # Other terminal punctuation.
        ("Is it safe? Nobody knows! We wait.", ["Is it safe?", "Nobody knows!", "We wait."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_bullets_become_sentences_without_their_markers() -> None:
    text = "The staff published figures:\n• At least 12 dead and 14 missing\n- More than 3,000 evacuated\n* 23 people in hospital"
    assert split_sentences(text) == [
        "The staff published figures:",
        "At least 12 dead and 14 missing",
        "More than 3,000 evacuated",
        "23 people in hospital",
    ]


def test_a_hyphenated_word_at_line_start_is_not_a_bullet() -> None:
    assert split_sentences("-40 degrees were recorded overnight.") == ["-40 degrees were recorded overnight."]
    # but two hyphens are a typewriter's bullet: "--Built-in child seats ..."
    assert split_sentences("--Built-in child seats should be standard.") == ["Built-in child seats should be standard."]


def test_every_line_is_a_boundary_so_headlines_stand_alone() -> None:
    text = "Warnings ignored\nInterior Minister Andrei Petrescu blamed the operator.\nA town counts its losses\nKey facts"
    assert split_sentences(text) == [
        "Warnings ignored",
        "Interior Minister Andrei Petrescu blamed the operator.",
        "A town counts its losses",
        "Key facts",
    ]


def test_lowercase_after_a_full_stop_is_not_a_boundary() -> None:
    assert split_sentences("The site is example.com and it works.") == ["The site is example.com and it works."]


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \n\t\n "])
def test_empty_input_gives_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_sentences_are_stripped_and_lose_nothing() -> None:
    text = "  First sentence here.   Second one follows!  Third? "
    sentences = split_sentences(text)
    assert sentences == ["First sentence here.", "Second one follows!", "Third?"]
    assert "".join(text.split()) == "".join("".join(sentences).split())


def test_split_paragraphs_on_blank_lines() -> None:
    assert split_paragraphs("One.\nStill one.\n\n  \nTwo.\n\n\nThree.") == ["One.\nStill one.", "Two.", "Three."]
    assert split_paragraphs("\n\n") == []


def test_words_keeps_inner_apostrophes_dots_and_hyphens() -> None:
    assert words("Velmora's 58-year-old dam held 4.7 m, the U.S. said!") == [
        "Velmora's",
        "58-year-old",
        "dam",
        "held",
        "4.7",
        "m",
        "the",
        "U.S",
        "said",
    ]


PIECES = [
    "The",
    "dam",
    "failed",
    "U.S.",
    "Gen.",
    "Dr.",
    "J.",
    "R.",
    "Halden",
    "4.7",
    "No.",
    "5",
    "a.m.",
    "said",
    "“We",
    "had",
    "seconds,”",
    '"no."',
    "Why?",
    "he",
    "asked.",
    "It",
    "rained.",
    "Then",
    "3,000",
    "fled!",
    "—",
    "Hun",
    "Sen.",
]


def _random_lines(seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(PIECES) for _ in range(rng.randint(0, 25))] for _ in range(rng.randint(0, 4))]


def test_splitting_never_loses_or_invents_text() -> None:
    """300 random texts made of the tricky pieces above."""
    for seed in range(300):
        lines = _random_lines(seed)
        text = "\n".join(" ".join(line) for line in lines)
        sentences = split_sentences(text)
        assert all(s and s == s.strip() for s in sentences), text
        # Nothing is lost or invented; only a leading "— " (a dash bullet marker) may go.
        kept = "".join(" ".join(line[1:] if line[:1] == ["—"] and len(line) > 1 else line) for line in lines)
        assert "".join(kept.split()) == "".join("".join(sentences).split()), text
        # Sentences never span a line break.
        assert all("\n" not in s for s in sentences), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He also called for calm.", True),
        ("“They will not pass,” she said.", True),  # who "they" are was said before
        ("But the army stayed in its barracks.", True),
        ("Its leaders fled.", True),
        ("Heavy rain fell on Tuesday.", False),  # "He" only as a whole word
        ("Thousands marched in Caracas.", False),
        ("That night, troops moved in.", True),
        ("“We are counting on you,” he said.", True),  # whose words?
        ("“We are counting on you,” Guaidó said.", False),
        ("Three days earlier, the Klan had nailed a flier to the door.", True),  # earlier than what?
        ("A year later there were 25.", True),
        ("The next day, the first flight was delayed.", True),
        ("Two years after the surgery, patients reported relief.", False),  # says after what
        ("The next president will be chosen in May.", False),
        ("And they do all this with no side effects.", True),  # who do?
        ("Or more precisely, a trailer of two minutes.", True),
        ("Android phones sold well.", False),
    ],
)
def test_points_back(text: str, expected: bool) -> None:
    assert points_back(text) is expected
