"""``chorus.quoted_text``: where a report's quotes are and where its sentences end."""

from __future__ import annotations

from chorus.quoted_text import document_spans, quoted_spans, sentence_ends


def test_quoted_spans_straight_curly_and_open_at_paragraph_end() -> None:
    paragraph = 'He said "one two three" and “four five” then "six seven'
    spans = [paragraph[start:end] for start, end in quoted_spans(paragraph)]
    assert spans == ["one two three", "four five", "six seven"]
    assert quoted_spans("No quotation marks here.") == []


def test_a_quote_whose_opening_mark_was_lost_opens_with_its_paragraph() -> None:
    paragraph = "The two quakes had much in common in terms of genesis,” said Massimo Cocco, a geologist."
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "The two quakes had much in common in terms of genesis,"
    ]
    # a few words before a stray closing mark are no quote
    assert quoted_spans("He was, ” she said.") == []


def test_sentence_ends_after_a_closing_quote_mark_but_not_after_a_title() -> None:
    text = 'It was marked "Secret." It carries the signature of Sen. Jon Byong. He wrote ``go. Then he left.'
    ends = [text[: end + 1].split()[-1] for end in sentence_ends(text)]
    assert ends == ['"Secret.', "Byong.", "``go."]


def test_no_sentence_ends_after_any_title_abbreviation_the_segmenter_knows() -> None:
    text = "We met Amb. Jon Byong and Insp. Ana Kovac. Then Pres. Ilic spoke. It ended."
    ends = [text[: end + 1].split()[-1] for end in sentence_ends(text)]
    assert ends == ["Kovac.", "spoke."]


def test_a_curly_quote_inside_a_quote_is_part_of_it() -> None:
    paragraph = "“The Pima evolved “thrifty” fat genes to survive famine,” Ravussin said. “That is all.”"
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "The Pima evolved “thrifty” fat genes to survive famine,",
        "That is all.",
    ]
    # a mistyped inner mark with no closing one of its own does not swallow the quote's end
    paragraph = "“I think “Star Wars' is going to be huge,” Kwan said on Monday."
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == ["I think “Star Wars' is going to be huge,"]


def test_a_paragraph_closing_a_straight_quote_it_never_opened_goes_on_the_one_before() -> None:
    # the quote opened in the paragraph before runs on; its closing mark comes after a full sentence
    paragraph = 'It is not as though he is now going to sit at a new desk." He has been in charge for years.'
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "It is not as though he is now going to sit at a new desk."
    ]
    # a straight mark opening onto a word after a space still opens
    paragraph = 'He called it "a new desk for a new man" on Monday.'
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == ["a new desk for a new man"]


def test_a_straight_closing_mark_typed_after_a_space_closes_the_quote_running_over_from_the_line_before() -> None:
    # tokenised text, one sentence a line: the quote opened on the line before closes on this one
    paragraph = 'The truth, as always, is quite different from appearances, " he said.'
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "The truth, as always, is quite different from appearances, "
    ]
    # after fewer words it is a stray mark, no quote
    assert quoted_spans('He was, " she said.') == []


def test_a_straight_quote_running_over_lines_with_no_marks_is_quoted_on_each_line() -> None:
    lines = [
        "He screened every call on the trip.",
        '"I am exceedingly angry about it.',
        "I do not recall any phone call from the office.",
        'I do not think there was one at all, " he said.',
        "The plan was never approved.",
    ]
    spans, continued = document_spans(lines)
    quoted = [[line[start:end] for start, end in own] for line, own in zip(lines, spans, strict=True)]
    assert quoted == [
        [],
        ["I am exceedingly angry about it."],
        ["I do not recall any phone call from the office."],
        ["I do not think there was one at all, "],
        [],
    ]
    assert continued == {2, 3}
    # a blank line, or a line that opens no quote, ends no run: nothing between is quoted
    assert document_spans(["He said:", "I was there.", 'It was late, " she said.'])[1] == set()
    assert document_spans(['"I was there.', "", 'It was late, " she said.'])[1] == set()


def test_lines_with_no_marks_between_a_quote_left_open_and_a_line_reopening_it_are_quoted() -> None:
    # text written one sentence a line keeps newswire's paragraph convention: open, no mark on the next lines, reopened
    lines = [
        "“I was a little nervous before tonight,” Hansbrough said.",
        "“One thing for me, I did not want to focus on the record.",
        "We had a game, and I was trying to do whatever I could to help.",
        "“Whenever it did happen, I was thrilled and excited it was over.”",
        "The game was stopped for a picture.",
    ]
    spans, continued = document_spans(lines)
    quoted = [[line[start:end] for start, end in own] for line, own in zip(lines, spans, strict=True)]
    assert quoted[2] == ["We had a game, and I was trying to do whatever I could to help."]
    assert continued == {2}
    assert quoted[4] == []
    # a blank line between them is a paragraph break: the unmarked paragraph is narrative
    spaced = [*lines[:2], "", lines[2], lines[3]]
    assert document_spans(spaced)[0][3] == []
    # a quote closed on its own line opens no run; nor does a next marked line that does not open with its mark
    assert document_spans([lines[0], lines[2], lines[3]])[0][1] == []
    assert document_spans([lines[1], lines[2], "He said “it was over” then."])[0][1] == []


def test_an_opening_mark_typed_for_a_closing_one_before_a_name_and_its_verb_closes_the_quote() -> None:
    # '`` I never dreamed I'd be here, `` Hansbrough said' (ECB+'s `` for both marks)
    for paragraph in [
        "“I never dreamed I would be here and be the leader, “ Hansbrough said as he stood.",
        "“There can be no assurance that the talks will go on, “ the company statement read.",
    ]:
        assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [paragraph[1 : paragraph.index(", “") + 2]]
    # not after a word: a second quote opening in the same sentence
    paragraph = "He called it “a bold plan for the town “ Horak said was his."
    assert quoted_spans(paragraph) == [(paragraph.index("a bold"), len(paragraph))]


def test_a_straight_mark_opening_its_line_may_be_spaced_from_its_first_word() -> None:
    # tokenised text: '" (Custody) are having difficulties restraining him.'
    for line in ['" (Custody) are having difficulties restraining him.', '" We will rebuild every house in this town.']:
        assert [line[start:end] for start, end in quoted_spans(line)] == [line[1:]]
    # in the middle of a line it closes a quote ('..., " He said'); before a lower-case word it opens none
    line = 'The truth is plain to see, " He said.'
    assert [line[start:end] for start, end in quoted_spans(line)] == ["The truth is plain to see, "]
    assert quoted_spans('" he said that day.') == []


def test_a_short_line_closing_a_quote_left_open_on_the_line_before_is_quoted() -> None:
    # '“Polar bears don't need a listing.' / 'They need ice,” said Inslee.': three words, still the quote's end
    lines = ["“Polar bears do not need a listing.", "They need ice,” said Inslee.", "Ice is,” he said."]
    spans, _ = document_spans(lines)
    assert [lines[1][start:end] for start, end in spans[1]] == ["They need ice,"]
    # a line after a closed quote keeps its stray mark unread
    assert spans[2] == []


def test_an_opening_mark_typed_for_a_closing_one_closes_the_open_quote() -> None:
    # '“He is so sparkling and personable, “ said academy President Sid Ganis.' (a scrape's `` for '')
    paragraph = "“He is so sparkling and personable, and he delivers, “ said the president of the academy."
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "He is so sparkling and personable, and he delivers, "
    ]
    paragraph = "“Like the stars of her time, she brought something modern to the era. “"
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == [
        "Like the stars of her time, she brought something modern to the era. "
    ]
    # a second quote opening after one closed is no closing mark
    paragraph = "He called it “a bold plan” and “a gift to the town”."
    assert [paragraph[start:end] for start, end in quoted_spans(paragraph)] == ["a bold plan", "a gift to the town"]
