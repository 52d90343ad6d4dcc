"""Cleaning: web furniture, photo credits, sign-offs and datelines go; the reporting stays.

Expected strings were read off the input files themselves (the Venezuela reports, the demo corpus
and chorus/demo/README.md's list of deliberate traps).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chorus.clean import clean_document, clean_line, clean_text, normalise
from chorus.models import Document
from chorus.segment import split_sentences


def _clean_file(path: Path) -> str:
    return clean_text(path.read_text(encoding="utf-8"))


# --- The real Venezuela reports -------------------------------------------------------------------


def test_insider_furniture_is_gone_and_its_bullets_survive(venezuela_files: dict[str, Path]) -> None:
    raw = venezuela_files["002"].read_text(encoding="utf-8")
    for furniture in (
        "Visit INSIDER’s homepage",
        "Business Insider Emails & Alerts",
        "Follow Business Insider Australia on Facebook",
    ):
        assert furniture in raw  # the trap is really there
    text = clean_text(raw)
    assert "homepage" not in text
    assert "Emails & Alerts" not in text
    assert "Site highlights each day to your inbox" not in text
    assert "Follow Business Insider" not in text
    sentences = split_sentences(text)
    # The bullet list's content survives as sentences without the marker.
    for bullet in (
        "The Venezuelan opposition leader Juan Guaidó on Tuesday said he was launching a military-backed operation "
        "to oust President Nicolás Maduro.",
        "Guaidó has been in a tug-of-war with Maduro since declaring himself the legitimate interim president in January.",
    ):
        assert bullet in sentences
    assert not any(s.startswith("•") for s in sentences)


def test_glued_photo_credits_are_removed_and_the_caption_text_kept(venezuela_files: dict[str, Path]) -> None:
    text = _clean_file(venezuela_files["002"])
    assert "YURI CORTEZ" not in text
    assert "Getty Images" not in text
    assert "(Boris Vergara/AP)" not in text and "Boris Vergara" not in text
    assert "Ariana Cubillos" not in text
    assert "amCharts" not in text
    lines = text.split("\n")
    # Line 1 (after the headline), "YURI CORTEZ/AFP/Getty ImagesVenezuelan soldiers loyal to ...", keeps its sentence.
    assert lines[1] == (
        "Venezuelan soldiers loyal to Nicolás Maudro fled under tear gas from supporters of the opposition leader "
        "Juan Guaidó on Tuesday."
    )
    # "Venezuela military protest(Boris Vergara/AP)An opposition protester with a rebel soldier."
    assert "An opposition protester with a rebel soldier." in lines
    assert "Soldiers supporting Guaidó." in lines


def test_agency_sign_off_and_dateline_go_and_quotes_survive(venezuela_files: dict[str, Path]) -> None:
    raw = venezuela_files["000"].read_text(encoding="utf-8")
    assert raw.startswith("CARACAS: ") and raw.rstrip().endswith("—AFP")
    text = clean_text(raw)
    assert "AFP" not in text
    assert not text.startswith("CARACAS")
    assert text.startswith("Venezuela’s self-proclaimed acting president Juan Guaido claimed Tuesday")
    assert text.endswith("rejecting dictatorship and Maduro’s usurpation.”")
    assert "“Today is the day Maduro resigns." in text
    assert "Today we have a nation,” said one protester amid the confusion." in text


def test_leading_date_header_is_gone(venezuela_files: dict[str, Path]) -> None:
    raw = venezuela_files["001"].read_text(encoding="utf-8")
    assert raw.startswith(" date 2019-04-30 ")
    text = clean_text(raw)
    assert "date 2019-04-30" not in text
    assert "2019-04-30" not in text
    assert text.startswith("Clashes in Venezuela as Guaidó calls for uprising; Maduro decries ‘coup attempt’\n")


def test_caption_lines_ending_with_an_agency_credit_are_dropped(venezuela_files: dict[str, Path]) -> None:
    raw = venezuela_files["003"].read_text(encoding="utf-8")
    assert "(Reuters)" in raw and "(Anatolia)" in raw
    text = clean_text(raw)
    assert "(Reuters)" not in text and "(Anatolia)" not in text
    assert "Pompeo expresses Washington's support" not in text
    assert "President Maduro's supporters gathered in the capital last February" not in text
    # The report's claims and quotes around the captions survive.
    assert "Both Cuba and Bolivia announced their support for the coup attempt" in text
    assert '"We support a peaceful diplomatic process," government spokeswoman Isabel Sela told the press.' in text


def test_every_venezuela_report_keeps_most_of_its_words(venezuela_files: dict[str, Path]) -> None:
    for path in venezuela_files.values():
        raw = path.read_text(encoding="utf-8")
        cleaned = clean_text(raw)
        assert 0.85 * len(raw.split()) <= len(cleaned.split()) <= len(raw.split())


# --- Other datasets ---------------------------------------------------------------------------------


def test_multinews_advertisement_lines_are_dropped(multinews_path: Path, jsonl_reader) -> None:
    affected = []
    for cluster in jsonl_reader(multinews_path):
        for document in cluster["documents"]:
            if "Advertisement Continue reading the main story" in document["text"]:
                affected.append(document)
    assert len(affected) >= 3, "the sample holds several NYT pages with this furniture"
    for document in affected:
        cleaned = clean_text(document["text"])
        assert "Advertisement" not in cleaned
        assert "Continue reading the main story" not in cleaned
        assert len(cleaned.split()) > 0.8 * len(document["text"].split()) - 6 * document["text"].count("Advertisement")


def test_duc_datelines_are_removed(duc2006_path: Path, jsonl_reader) -> None:
    cluster = next(iter(jsonl_reader(duc2006_path, limit=1)))
    first, second = cluster["documents"][0]["text"], cluster["documents"][1]["text"]
    assert first.startswith("PHOENIX _ Victoria Molina")
    assert second.startswith("CROW AGENCY, Mont. _ First the Crow")
    assert clean_text(first).startswith("Victoria Molina wants strangers")
    assert clean_text(second).startswith("First the Crow were bullied")


# --- Single lines -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "PHOENIX _ Victoria Molina wants strangers to stop complaining.",
            "Victoria Molina wants strangers to stop complaining.",
        ),
        (
            "GENEVA, July 9 (Xinhua) -- The World Health Organization said cases rose.",
            "The World Health Organization said cases rose.",
        ),
        ("MANNING, S.C. _ A tornado tore through the town.", "A tornado tore through the town."),
        ("WASHINGTON (AP) — The Senate voted on Friday.", "The Senate voted on Friday."),
        ("VELMORA, Ostravia (OPA) — Nine people were killed.", "Nine people were killed."),
        ("CARACAS: Venezuela's opposition leader spoke.", "Venezuela's opposition leader spoke."),
        ("NEW YORK—The administration is considering the deal.", "The administration is considering the deal."),
        # an acronym and a dash inside the sentence is no dateline
        ("NASA—the agency—said no launch was planned.", "NASA—the agency—said no launch was planned."),
    ],
)
def test_datelines_are_removed(line: str, expected: str) -> None:
    assert clean_line(line) == expected


def test_an_embedded_posts_mark_goes_and_the_post_stays() -> None:
    line = "Skip Twitter post by @ostravia_news The mayor arrived at the dam in her own car."
    assert clean_line(line) == "The mayor arrived at the dam in her own car."


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "ADVERTISEMENT",
        " Advertisement Continue reading the main story ",
        "Advertisement - Continue Reading Below",
        "Share this article",
        "Sign up for our newsletter to get the Valley Herald morning briefing in your inbox every weekday",
        "Follow us on Twitter and Facebook",
        "Visit the Northern Courier homepage",
        "Read more: Ostravia's ageing dams: how safe are they?",
        "(Photo: Jan Novak/Courier Pictures)",
        "Pompeo expresses Washington's support for Guido's move against Maduro (Reuters)",
        "• Visit INSIDER’s homepage for more stories.",
        "You can add location information to your Tweets, such as your city or precise location. Learn more",
        "We've detected that JavaScript is disabled in your browser. Would you like to proceed to legacy Twitter?",
        "End of Twitter post by @MorganGodfery",
        "These crawls are part of an effort to archive pages as they are created and archive the pages they refer to.",
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
        "The seed for this crawl was a list of every host in the Wayback Machine",
        "We're sorry, but this page is not available. Try typing the web address again, or use our search.",
        "Breaking News Emails Get breaking news alerts and special reports. The news and stories that matter.",
        "CLOSE Hundreds of children have died after being left in a car. This simple trick could help you. VPC",
        "",
        "   ",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    assert clean_line(normalise(line)) == ""


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell sharply on Monday as investors fled the bank.",
        "He said the vote was fair (Reuters reported it first) and left.",
        "The U.S. Senate voted 52-48 on Tuesday.",
        "Close to 400 people were evacuated from the valley.",
        "“It was not a river any more, it was a wall.”",
        "Nobody listened.",
        "Warnings ignored",
        "At least 12 dead and 14 missing",
    ],
)
def test_prose_lines_survive_unchanged(line: str) -> None:
    assert clean_line(line) == line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Investigators blamed the fault.Researchers said the quake was shallow.",
            "Investigators blamed the fault. Researchers said the quake was shallow.",
        ),
        ("It measured 5.2 on the scale.Officials said nothing.", "It measured 5.2 on the scale. Officials said nothing."),
        ("“Nerves of steel,”Maduro said.", "“Nerves of steel,” Maduro said."),
    ],
)
def test_glued_sentences_get_a_space(line: str, expected: str) -> None:
    assert clean_line(line) == expected


def test_decimals_and_domains_are_not_unglued() -> None:
    assert (
        clean_line("The river rose 4.7 metres, the site example.com said.")
        == "The river rose 4.7 metres, the site example.com said."
    )


def test_agency_sign_off_after_a_quote() -> None:
    assert clean_line("on the right side of history.”—AFP") == "on the right side of history.”"
    assert clean_line("The talks will resume on Monday. - Reuters") == "The talks will resume on Monday."


def test_normalise_unescapes_entities_and_unifies_spaces() -> None:
    assert normalise("Rock &amp; roll\u00a0at\u2009noon\r\nnext") == "Rock & roll at noon\nnext"
    assert normalise("``Quoted''") == "“Quoted”"
    assert normalise("a\x00b\ufeffc") == "abc"


@pytest.mark.parametrize(
    "line",
    [
        "The church newsletter had warned parishioners about the scam weeks before the arrests.",
        "Copyright infringement claims against the company rose sharply last year, the report said.",
        "Sign up rates for the vaccine trial doubled after the announcement, officials said.",
    ],
)
def test_prose_mentioning_furniture_words_survives(line: str) -> None:
    assert clean_line(line) == line


# --- Whole documents --------------------------------------------------------------------------------


def test_clean_document_cleans_title_and_text() -> None:
    doc = Document(
        text="CARACAS: Troops gathered.\n\nAdvertisement\n\nThe crowd grew.",
        id="x",
        title="Clashes &amp; smoke",
        date="2019-04-30",
    )
    cleaned = clean_document(doc)
    assert cleaned.text == "Troops gathered.\nThe crowd grew."
    assert cleaned.title == "Clashes & smoke"
    assert (cleaned.id, cleaned.date) == ("x", "2019-04-30")


def test_clean_text_of_pure_furniture_is_empty() -> None:
    assert clean_text("Advertisement\n\nShare this article\n\nSign up for our newsletter today") == ""
    assert clean_text("") == ""


DEMO_BOILERPLATE = (
    "Advertisement",
    "Sign up for our newsletter",
    "Follow us on Twitter and Facebook",
    "Visit the Northern Courier homepage",
    "Share this article",
    "Read more:",
    "(Photo: Jan Novak/Courier Pictures)",
    "Jan Novak",
    "(Photo: Lena Marsh/Observer)",
    "Lena Marsh",
    "Published: 2026",
    "date 2026-03-14",
)


def test_demo_boilerplate_is_gone(demo_files: list[Path]) -> None:
    raw = "\n".join(path.read_text(encoding="utf-8") for path in demo_files)
    for furniture in DEMO_BOILERPLATE:
        assert furniture in raw
    for path in demo_files:
        text = _clean_file(path)
        for furniture in DEMO_BOILERPLATE:
            assert furniture not in text, f"{furniture!r} left in {path.name}"


def test_demo_reporting_survives(demo_files: list[Path]) -> None:
    by_name = {path.stem[:2]: _clean_file(path) for path in demo_files}
    assert '"We did not have minutes, we had seconds," said Mayor Ilinca Dragomir' in by_name["01"]
    assert "“We did not have minutes, we had only seconds,” Mayor Dragomír said on Friday evening" in by_name["05"]
    # Bullet contents survive (markers are removed later by the splitter).
    assert "Dead: at least 12; missing: 14" in by_name["01"]
    assert "More than 3,000 residents evacuated, about 1,100 of them still in emergency shelters" in by_name["05"]
    # The OPA dateline goes, the story does not.
    assert by_name["02"].split("\n")[1].startswith("Nine people were killed and dozens were unaccounted for")


def test_demo_wire_sign_off_is_gone(demo_files: list[Path]) -> None:
    for path in demo_files:
        text = _clean_file(path)
        assert "—OPA" not in text
        assert not text.rstrip().endswith("OPA")


def test_demo_caption_is_not_glued_to_the_next_sentence(demo_files: list[Path]) -> None:
    sentences = split_sentences(_clean_file(demo_files[0])) + split_sentences(_clean_file(demo_files[4]))
    assert not any("old quarter Volunteers" in s for s in sentences)
    assert not any("Friday morning Volunteers" in s for s in sentences)
    assert any(s.startswith("Volunteers in small boats worked through the night") for s in sentences)
    assert any(s.startswith("Volunteers from the Velmora River Rescue, led by Ana Petrescu") for s in sentences)


def test_newswire_typewriter_quotes_become_curly_quotes() -> None:
    # NYT's ``...'' and AP's ''...'' (the same pair opens and closes); an apostrophe pair after a word closes
    assert normalise("``We will rebuild,'' she said.") == "“We will rebuild,” she said."
    assert normalise("''We take our craft seriously,'' Ulrich said. (''Not now,'' he added.)") == (
        "“We take our craft seriously,” Ulrich said. (“Not now,” he added.)"
    )
    assert normalise("''Yes.''\n''No.''") == "“Yes.”\n“No.”"
    # a quote inside the quote closes first: three apostrophes are the inner mark, then the outer one
    assert normalise("``It's like signing `The White Album,''' he said.") == "“It's like signing `The White Album,’” he said."
    # one apostrophe typed to open, two to close: the apostrophe after a space opens it (not one inside a word)
    assert normalise("the 'most immediate threat,'' Oppenheimer said.") == "the “most immediate threat,” Oppenheimer said."
    assert normalise("He said ''no way'' and left. I'm sure it's fine.''") == "He said “no way” and left. I'm sure it's fine.”"


def test_glued_sentences_are_split_on_the_right_side_of_a_quote_mark() -> None:
    # the mark after "soon." opens the next sentence's quote (the marks before it are paired); after "over." it closes
    assert clean_line('It could strike soon."They are looking back," said Robert Graves, a geophysicist.Geologists agree.') == (
        'It could strike soon. "They are looking back," said Robert Graves, a geophysicist. Geologists agree.'
    )
    assert clean_line('He said "it is over."Then he left.') == 'He said "it is over." Then he left.'


def test_wire_file_photo_captions_are_dropped_whole() -> None:
    text = (
        "The guidelines were issued on Tuesday.\n\n"
        "FILE - In this June 14, 2012 file photo, the mayor speaks in Examplia. The council is partially lifting the...\n\n"
        "They are a big change, doctors said."
    )
    assert clean_text(text) == "The guidelines were issued on Tuesday.\nThey are a big change, doctors said."
    # "FILE" as a word is text, and so is a caption of the event's own picture (it carries its facts)
    kept = "FILE photos of the dam were shown on Monday.\nRescuers search a flooded street in Velmora, Friday. Nine people..."
    assert clean_text(kept) == kept


def test_a_story_highlights_block_is_dropped_up_to_the_story() -> None:
    text = (
        'Story highlights Mayor: the dam "held for a day"\n\n'
        "Nine people are missing; the army is searching\n\n"
        "Velmora's dam failed on Friday night, flooding the old town.\n\n"
        "Rescuers worked through the night\n\n"
        'The mayor said: "We were warned."'
    )
    # the story keeps its own lines, even one that ends without a full stop
    expected = (
        "Velmora's dam failed on Friday night, flooding the old town.\n"
        "Rescuers worked through the night\n"
        'The mayor said: "We were warned."'
    )
    assert clean_text(text) == expected
    # "highlights" elsewhere is text
    kept = "The story highlights the town's losses.\nThe dam held."
    assert clean_text(kept) == kept


def test_new_york_times_wire_layout_codes_end_lines_or_vanish() -> None:
    # LDC's NYT text: "&QL;" ends a line, "&UR;" and friends set type, "-0-" closes the story
    text = (
        "People lie &UR; during the campaign, he said. &QL; The vote came on Monday. &QL; &UR; -0- &QL; "
        "(To publish this article, it must be purchased from the syndicate.) &QL;"
    )
    assert clean_text(text) == "People lie during the campaign, he said.\nThe vote came on Monday."
    # an ordinary ampersand and HTML entities are text
    assert clean_text("AT&T said the Q&amp;A is on Monday.") == "AT&T said the Q&A is on Monday."
