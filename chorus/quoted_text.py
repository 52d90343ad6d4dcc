"""Where a report's quotes and sentences are: the quoted spans of a paragraph (``quoted_spans``), of a report whose
statement runs over several paragraphs (``document_spans``), and where its sentences end (``sentence_ends``, not
after a title such as "Sen."). Read by ``chorus.speaker_finder`` and ``chorus.attribution``.
"""

from __future__ import annotations

import re

from chorus.segment import PERSON_TITLE_ABBREVIATIONS

MIN_QUOTE_WORDS = 5
# Abbreviations whose full stop does not end a sentence ("said Det. Geiger", "Sen. McCain said"), as a regex
# alternation, longest first: the segmenter's person titles, "St." and "Jr." (inside a quote, "Jr." ends no sentence).
TITLE_ABBREVIATIONS = "|".join(
    sorted((w.capitalize() for w in PERSON_TITLE_ABBREVIATIONS | {"st", "jr"}), key=lambda w: (-len(w), w))
)
# A full stop that ends no sentence: after a title ("Mr.") or "No." before a number.
NO_SENTENCE_END = re.compile(rf"\b({TITLE_ABBREVIATIONS}|No(?=\.\s*\d))\.")


# What follows an opening mark that closes an open quote: nothing (the line ends), or an attribution ("“ said X")
_MISTYPED_CLOSING = re.compile(
    r"\s*$|\s+(?:said|says|added|adds|told|asked)\b|\s+(?:he|she|they|it)\s+(?:said|says|added|adds)\b"
)
# ... or, after a comma, a few words naming who and a speech verb ('..., “ Hansbrough said', '..., “ the EDS statement read')
_MISTYPED_CLOSING_NAMED = re.compile(r"\s+(?:[\w.'’-]+\s+){1,4}?(?:said|says|added|adds|told|tells|read|reads|wrote|writes)\b")


# A straight mark opening its line, spaced from the capital or bracket it opens onto ('" (Custody) are ...', '" We ...')
_SPACED_OPENING = re.compile(r'"\s+[A-Z(]')
# A quotation mark of any style
_MARK = re.compile(r"[\"“”]")


def quoted_spans(paragraph: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted text (inside the marks) in one paragraph.

    Marks are paired in order whatever their style (outlets mix “curly” and "straight" marks in
    one quote): “ opens, ” closes, and " opens after a space or at the start and closes elsewhere (tokenised text's
    '" (Custody) are ...', spaced from its first word, opens its line too).
    A quote still open at the end of the paragraph ends there; a closing mark with no opening one before it (curly,
    or straight and glued to the word before it), after a few words, closes a quote that opened with the paragraph;
    a curly quote opened inside an open one and closed before it is part of it (newswire's ``...``thrifty''...''
    nesting); an opening curly mark typed for a closing one closes the open quote at the line's end or before its
    attribution ('..., “ said X', '..., “ Hansbrough said').
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    first = _MARK.search(paragraph)
    # a straight mark closes when followed by a space or the end, glued to the word before it ('policy." He') or typed
    # after a space ('appearances, " he said': one with spaces on both sides cannot open a quote)
    closing_straight = (
        first is not None
        and first.group() == '"'
        and first.start() > 0
        and (first.end() == len(paragraph) or paragraph[first.end()].isspace())
    )
    if (
        first is not None
        and (first.group() == "”" or closing_straight)
        and len(paragraph[: first.start()].split()) >= MIN_QUOTE_WORDS
    ):
        # 'The two quakes had much in common,” said Massimo Cocco': a quote whose opening mark was lost opens
        # with its paragraph
        opened = 0
    nested = 0  # curly quotes opened inside the open one and not yet closed
    for match in _MARK.finditer(paragraph):
        mark, at = match.group(), match.start()
        before = paragraph[at - 1] if at else " "
        following = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        # ' down."I think' opens a quote glued to the previous sentence; ' said." Then' closes one.
        glued_open = before in ".!?,;:" and (following.isalnum() or following == "‘")
        # 'they were, " said Gill': a space typed before a closing mark; an opening one opens onto a word
        onto_a_word = (before.isspace() or before in "([—-" or glued_open) and not following.isspace()
        # '" (Custody) are having difficulties ...': tokenised text spaces a mark opening its line from its first word
        spaced_opening = not paragraph[:at].strip() and _SPACED_OPENING.match(paragraph, at) is not None
        opening = mark == "“" or (mark == '"' and (onto_a_word or spaced_opening))
        if opening and opened is None:
            opened = at + 1
        elif (
            mark == "“"
            and opened is not None
            and not nested
            and (
                _MISTYPED_CLOSING.match(paragraph, at + 1)
                or (paragraph[:at].rstrip().endswith(",") and _MISTYPED_CLOSING_NAMED.match(paragraph, at + 1))
            )
        ):
            # '“He is so sparkling and personable, “ said academy President Sid Ganis': a closing mark typed as an
            # opening one (before the attribution, or ending the line)
            spans.append((opened, at))
            opened = None
        elif mark == "“" and opened is not None and paragraph.count("”", at) > nested + 1:
            # '“The Pima evolved “thrifty” fat genes,” Ravussin said': a quote inside the quote, closed before it (not
            # '“I think “Star Wars\' is going ...”', a mark the scrape mistyped)
            nested += 1
        elif not opening and opened is not None and nested and mark == "”":
            nested -= 1
        elif not opening and opened is not None:
            spans.append((opened, at))
            opened = None
    if opened is not None:
        spans.append((opened, len(paragraph)))
    return spans


# How many paragraphs one pair of curly quote marks may hold (a statement printed in full)
MAX_QUOTED_PARAGRAPHS = 60


def document_spans(paragraphs: list[str]) -> tuple[list[list[tuple[int, int]]], set[int]]:
    """``quoted_spans`` of each paragraph, and the paragraphs inside a statement printed in one pair of curly marks:
    a paragraph opening "“" left open, then paragraphs with no curly mark, then one closing "”" with none opening
    before it (a speech or statement quoted in full: 'Below is her statement: ¶ “Thank you ... ¶ ... ¶ ... Thank
    you.”'), or a quote opened with a straight mark at a line's end running over lines with no marks to one closing it
    (``_straight_run_end``: text written one sentence a line). Those paragraphs are quoted whole (the last up to its
    mark), one quote each; so are the lines with no marks between a quote left open and a line reopening it
    (``_reopened_run_end``), and a short line closing a quote left open on the line before is quoted up to its mark
    (``_short_closing_piece``). Returns the spans and the numbers of the paragraphs that go on a statement."""
    spans = [quoted_spans(paragraph) for paragraph in paragraphs]
    continued: set[int] = set()
    number = 0
    while number < len(paragraphs):
        if (last := _straight_run_end(paragraphs, spans, number)) is not None:
            for inside in range(number + 1, last):
                spans[inside] = _whole_line(paragraphs[inside])
            closing = paragraphs[last].find('"')
            # up to the mark, as ``quoted_spans`` ends a quote (its attribution reads on from it)
            piece = (_whole_line(paragraphs[last])[0][0], closing)
            spans[last] = [piece] + [span for span in spans[last] if span[0] > closing]
            continued.update(range(number + 1, last + 1))
            number = last + 1
            continue
        if (last := _reopened_run_end(paragraphs, spans, number)) is not None:
            for inside in range(number + 1, last):
                spans[inside] = _whole_line(paragraphs[inside])
            continued.update(range(number + 1, last))
            number = last  # the line reopening the quote is read as any other (it may open a run of its own)
            continue
        paragraph = paragraphs[number]
        opening = paragraph.rfind("“")
        if opening < 0 or "”" in paragraph[opening:] or not _left_open(paragraphs, spans, number):
            number += 1
            continue
        last = number + 1
        while last < len(paragraphs) and last - number <= MAX_QUOTED_PARAGRAPHS and not re.search(r"[“”]", paragraphs[last]):
            last += 1
        closing = paragraphs[last].find("”") if last < len(paragraphs) else -1
        if last - number < 2 or closing < 0 or "“" in paragraphs[last][:closing] or last - number > MAX_QUOTED_PARAGRAPHS:
            number += 1  # not one statement: a mark left open by a scrape, or a quote that reopens its paragraphs
            continue
        for inside in range(number + 1, last + 1):
            spans[inside] = _whole_line(paragraphs[inside] if inside < last else paragraphs[inside][:closing])
            continued.add(inside)
        number = last + 1
    for number in range(1, len(paragraphs)):
        if number not in continued and (piece := _short_closing_piece(paragraphs, spans, number)) is not None:
            spans[number] = [piece, *spans[number]]
    return spans, continued


def _short_closing_piece(paragraphs: list[str], spans: list[list[tuple[int, int]]], number: int) -> tuple[int, int] | None:
    """The piece of line ``number`` up to a closing mark that ends a quote left open at the end of the line before,
    however few its words ('“Polar bears don't need a listing.' / 'They need ice,” said Inslee.'), when
    ``quoted_spans`` did not read it (it reads a lone closing mark after five words or more), or None."""
    line = paragraphs[number]
    if not _left_open(paragraphs, spans, number - 1):
        return None
    first = _MARK.search(line)
    if first is None or not line[: first.start()].strip() or any(start <= first.start() for start, _ in spans[number]):
        return None
    closing = first.group() == "”" or (first.group() == '"' and line[first.end() : first.end() + 1] in ("", " "))
    return (len(line) - len(line.lstrip()), first.start()) if closing else None


def _whole_line(text: str) -> list[tuple[int, int]]:
    """The span of all of ``text`` but its surrounding spaces, as one quote (none for a blank line)."""
    return [(len(text) - len(text.lstrip()), len(text.rstrip()))] if text.strip() else []


# How many lines one quote in straight marks may run over (text written one sentence a line)
MAX_STRAIGHT_LINES = 8


def _straight_run_end(paragraphs: list[str], spans: list[list[tuple[int, int]]], number: int) -> int | None:
    """The line that closes a quote opened with a straight mark at the end of line ``number`` and running over lines
    with no marks of their own ('"Absolutely no way.' / 'I had dinner with the Mitchells ...' / 'It was a very personal
    relationship. "'), or None: its first mark is a straight one closing (after a space or glued to a word, before a
    space or the line's end) with no mark opening before it."""
    if not _left_open(paragraphs, spans, number):
        return None
    opened_at = spans[number][-1][0]
    if paragraphs[number][opened_at - 1 : opened_at] != '"':
        return None
    last = _next_marked_line(paragraphs, number, MAX_STRAIGHT_LINES - 1)  # the closing line is one of the run's
    if last is None:
        return None
    first = _MARK.search(paragraphs[last])
    closing = first is not None and first.group() == '"' and first.start() > 0
    closing = closing and paragraphs[last][first.end() : first.end() + 1] in ("", " ")
    return last if closing else None


# How many lines with no marks a quote left open may run over before a line reopening it
MAX_REOPENED_LINES = 3


def _reopened_run_end(paragraphs: list[str], spans: list[list[tuple[int, int]]], number: int) -> int | None:
    """The line that reopens a quote left open at the end of line ``number`` after one to ``MAX_REOPENED_LINES`` lines
    with no marks, or None. Text written one sentence a line keeps newswire's convention of leaving a quote open at
    a paragraph's end and reopening it on the next, so the lines between are the quote's ('“One thing for me, I didn't
    want to focus on the record.' / 'We had a game, and I was trying to help the team.' / '“Whenever it did happen, I
    was thrilled.”'). A blank line ends the run: it separates paragraphs, and a paragraph with no marks is narrative."""
    if not _left_open(paragraphs, spans, number):
        return None
    last = _next_marked_line(paragraphs, number, MAX_REOPENED_LINES)
    if last is None:
        return None
    return last if paragraphs[last].lstrip()[:1] in ("“", '"') and spans[last] and spans[last][0][0] > 0 else None


def _left_open(paragraphs: list[str], spans: list[list[tuple[int, int]]], number: int) -> bool:
    """Whether line ``number``'s last quote is still open at the line's end."""
    return bool(spans[number]) and spans[number][-1][1] == len(paragraphs[number])


def _next_marked_line(paragraphs: list[str], number: int, most_unmarked: int) -> int | None:
    """The first line after line ``number`` with a quotation mark, when one to ``most_unmarked`` lines with no marks
    come before it; None when a blank line (it ends a run: paragraphs, not sentences, are what it separates) or more
    lines with no marks come first, or no marked line does."""
    last = number + 1
    while last < len(paragraphs) and not _MARK.search(paragraphs[last]):
        if not paragraphs[last].strip() or last - number > most_unmarked:
            return None
        last += 1
    return last if last - number > 1 and last < len(paragraphs) else None


def in_document(paragraphs: list[str], spans: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Each paragraph's spans (``document_spans``) as offsets into the whole document (paragraphs joined by "\\n")."""
    found: list[tuple[int, int]] = []
    offset = 0
    for paragraph, own in zip(paragraphs, spans, strict=True):
        found.extend((offset + start, offset + end) for start, end in own)
        offset += len(paragraph) + 1
    return found


_NOT_AN_END = re.compile(rf"(?:(?:^|[\s.])[A-Z]|\b(?:{TITLE_ABBREVIATIONS}))$")
_NOT_AN_END_REACH = 12  # characters: longer than any title, so that "^" and "\b" still mean what they do


def sentence_ends(text: str) -> list[int]:
    """Where ``text``'s sentences end: a full stop, "!" or "?" before a space or a closing quote mark and a space
    ('marked "Secret." It'), not after an initial ("J.R. Romano") or a title ("wrote Lt. Kimberly Schneider")."""
    # only the few characters before each stop can make it no end (a title is at most four letters): searching the
    # whole text before it would make this quadratic in the text's length
    return [
        end.start()
        for end in re.finditer(r"[.!?](?:''|[\"”’'])?\s", text)
        if not _NOT_AN_END.search(text[max(0, end.start() - _NOT_AN_END_REACH) : end.start()])
    ]
