"""Remove web furniture and wire-service debris from a report, keeping its prose.

Input is raw body text (already extracted from HTML by ``ingest``); output is text with one
paragraph, headline or bullet per line, ready for ``segment``. Cleaning is conservative: a line is
dropped only when it matches a known furniture pattern, so quotes, bullets' content and short
sentences survive.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

from chorus.models import Document

_AGENCIES = (
    r"AFP|AP|Reuters|Xinhua|UPI|dpa|DPA|EFE|ANSA|Anadolu|Anatolia|AAP|PTI|IANS|Kyodo|TASS|"
    r"Getty Images|Getty|EPA|Bloomberg|CNN|BBC|NYT|INSIDER|Shutterstock|AP Photo"
)

# Whole lines that are page furniture, not reporting (matched case-insensitively, full line).
_FURNITURE_LINES = re.compile(
    r"""^(?:
        advertisement(?:\s*[-–—:]?\s*continue\ reading(?:\ the\ main\ story|\ below)?)?
      | story\ continued\ below | continue\ reading.* | skip\ advertisement
      | (?:play\ )?(?:facebook|twitter|video|photo|image|email|print|share|tweet|comments?|linkedin|whatsapp)
      | share\ (?:this|on)\b.* | tweet\ with\ a\ location | enlarge\ (?:this\ )?image.* | toggle\ caption.*
      | image\ (?:copyright|caption)\b.* | media\ playback\ is\ unsupported\ on\ your\ device.*
      | (?:photo|picture|image)s?\s*(?:credit)?\s*:.* | getty\ images.*
      | visit\ .{1,60}?\ homepage.* | (?:follow|like)\ (?:us|.{1,60}?)\ on\ (?:facebook|twitter|instagram|linkedin).*
      | .{0,60}emails?\ &\ alerts.*
      | (?:sign\ up|subscribe|register)\b.{0,120}(?:newsletter|inbox|e-?mails?|alerts|updates|briefing|edition).*
      | .{0,40}newsletter\s*[:.!]?
      | site\ highlights\ each\ day\ to\ your\ inbox.* | read\ (?:more|also|next)\s*:.* | related\s*:.*
      | click\ here\b.* | (?:first\ )?published\s*:?.{0,40} | updated?\s*[:,].{0,80} | all\ rights\ reserved.*
      | copyright\s*(?:©|\(c\)|\d{4}).{0,80} | ©.{0,80} | [_—–=*\-]{2,} | -0- | \[.{0,200}\] | \(.{0,200}\)
      | .{0,80}\ contributed\ to\ this\ report\.? | \S+@\S+\.\w+.{0,40}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Sign-up widgets flattened into one line: dropped whole when they contain any of these.
_WIDGET = re.compile(
    r"verify you'?re not a robot|invalid email address|thank you for subscribing|you must select a newsletter"
    r"|you may opt-out at any time"
    # Twitter's embed furniture: "You can add location information to your Tweets, ... Learn more"
    r"|add location information to your tweets|delete your tweet location history|add this tweet to your website"
    r"|javascript is disabled in your browser|proceed to legacy twitter"
    # the Internet Archive's notices where a scraped page was missing, a site's "page not found"; NBC's newsletter box
    r"|these crawls are part of an effort to archive pages|crawls of supported \"no more 404\" sites"
    r"|alexa internet has been donating their crawl data|added to the wayback machine after an embargo"
    r"|the seed for this crawl was|this crawl was run at a level|warc files associated with this crawl"
    r"|this page is not available\. try typing the web address"
    r"|the page you (?:requested|are looking for) (?:cannot|could not) be found"
    r"|get breaking news alerts and special reports",
    re.IGNORECASE,
)
# USA Today's video box, flattened into the text's first line: "CLOSE <what the video shows> VPC" (a promo or a clip's
# caption, not the report; upper case only, as the page writes it)
_VIDEO_BOX = re.compile(r"^CLOSE\s+(?=[A-Z0-9“\"])")
# The BBC's marks around an embedded post: "Skip Twitter post by @MorganGodfery" (glued to the post), "End of Twitter post"
_EMBED_MARK = re.compile(
    r"^(?:skip|end\s+of)\s+(?:twitter|facebook|instagram|youtube)\s+(?:post|content|video)(?:\s+(?:by|from)\s+@?\w+)?\s*",
    re.IGNORECASE,
)
_CONTINUE_READING = re.compile(r"\s*(?:Advertisement\s*)?Continue reading the main story\s*", re.IGNORECASE)
# "date 2019-04-30 Headline..." header lines left by scrapers.
_DATE_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s*", re.I)
# A photo credit glued to a caption: "YURI CORTEZ/AFP/Getty ImagesVenezuelan soldiers..."
_GLUED_CREDIT = re.compile(rf"^[A-Z][A-Z.'\- ]{{2,40}}(?:/(?:{_AGENCIES}))+\s*(?=[A-Z])")
# "Caption title(Photographer/Agency)Caption text": drop the title and the credit.
_CAPTION_TITLE_CREDIT = re.compile(r"^[^.!?()]{0,60}\([^()]{0,60}/[^()]{0,30}\)(?=[A-Z])")
# "Caption without full stop (Photo: Name/Outlet) Paragraph text...": drop caption and credit.
_CAPTION_BEFORE_CREDIT = re.compile(r"^[^.!?()]{3,160}\((?:photo|picture|image|credit)s?\s*:[^()]{1,80}\)\s*(?=[A-Z“\"])", re.I)
# "Caption title(Photographer/Agency)Caption text" and "(Photo: X/Y)" credits.
_PAREN_CREDIT = re.compile(
    rf"\((?:photo|picture|image|credit)s?\s*:[^()]{{1,80}}\)|\([^()]{{0,60}}/(?:[^()]{{0,30}})\)|\((?:{_AGENCIES})(?:\s+photo)?\)\s*$",
    re.I,
)
# A trailing agency sign-off: "...history.”—AFP", "... - Reuters".
_SIGN_OFF = re.compile(rf"\s*[—–-]{{1,2}}\s*(?:{_AGENCIES})\s*$|(?<=[.!?\"”])\s*[—–]\s*[A-Z]{{2,6}}\s*$")
# A caption: a line without sentence punctuation that ends with an agency credit "(Reuters)".
_CAPTION = re.compile(rf"^[^.!?]{{3,200}}\((?:{_AGENCIES})\)\s*$")
# A wire "file photo" caption, whole: "FILE - In this June 14, 2012 file photo, President Barack Obama speaks in
# Cleveland. The White House is... (Associated Press)". It describes an old picture, not the event. (Captions of the
# event's own pictures, cut short before an agency credit, carry its facts and stay: dropping them cost a development
# disagreement and entity mentions.)
_FILE_PHOTO_CAPTION = re.compile(r"^\s*FILE\s*[-–—:]\s")
_BULLET_MARK = re.compile(r"^\s*[-*•·▪●◦]\s+")
# Datelines: "CARACAS: ", "PHOENIX _ ", "GENEVA, July 9 (Xinhua) -- ", "MANNING, S.C. _ ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]{2,}(?:\s+[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?"
    r"\s*(?:\((?:[^()]{1,30})\))?\s*(?:(?:_|--|—|–|:)\s+(?=\S)|[—–](?=[A-Z“\"]))"
)
# Two sentences glued by a scraper: "the fault.Researchers said" -> "the fault. Researchers said" (not after
# capitals: "the USGS.Geologists" is left glued, as abbreviations end on capitals too; a wider rule cost 0.08 R2
# on Multi-News).
_GLUED_SENTENCE = re.compile(r"([a-z0-9%]{2}[.!?][\"”’]?|[,.!?][”])([\"“]?[A-Z][a-z])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffd]")


_MARKUP = re.compile(
    r"<\s*/?\s*(?:html|body|head|div|p|span|a|br|script|style|article|section|header|footer|nav|h[1-6]"
    r"|ul|ol|li|table|tr|td|img|meta|link|em|strong|b|i|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_INVISIBLE = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|div|br|li|h[1-6]|article|section|tr|figcaption)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]{1,500}>")


def strip_markup(text: str) -> str:
    """Text of an HTML fragment passed as plain text: scripts and styles dropped, block tags
    turned into line breaks, other tags removed. Text without markup is returned unchanged."""
    if not _MARKUP.search(text):
        return text
    text = _INVISIBLE.sub(" ", text)
    text = _BLOCK_TAG.sub("\n", text)
    return _ANY_TAG.sub(" ", text)


# Two apostrophes opening a quotation: at a line's start or after a space or bracket, before a word
_OPENING_TWO_APOSTROPHES = re.compile(r"(?:^|(?<=[\s(\[—–-]))''(?=[\w‘'(\[$£€.])", re.MULTILINE)


# The layout codes of LDC's New York Times wire text: "&QL;" (also &QC;, &QR;) ends a line, "&UR;", "&LR;", "&HT;"
# set type. Left in, they glue a syndication note to the story and split words ("People lie &UR; during").
_LDC_LINE_END = re.compile(r"&Q[LCR];")
_LDC_LAYOUT = re.compile(r"&(?:UR|LR|HT|MD);")


def normalise(text: str) -> str:
    """Strip stray markup, unescape HTML entities, unify quotes and whitespace, drop control
    characters."""
    if "&" in text:
        text = _LDC_LAYOUT.sub(" ", _LDC_LINE_END.sub("\n", text))
    text = html.unescape(strip_markup(text))
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Newswire's typewriter quotes: ``...'' (NYT), and ''...'' (AP), where the same pair opens and closes
    text = text.replace("``", "“")
    # "`The White Album,''' he said": three apostrophes close the inner quote, then the outer one
    text = _OPENING_TWO_APOSTROPHES.sub("“", text).replace("'''", "’”").replace("''", "”")
    if "”" in text and "'" in text:
        text = _LONE_CLOSING.sub(_open_with_apostrophe, text)
    return _SPACES.sub(" ", text)


# A closing mark with no opening one since the last closing mark or the paragraph's start.
_LONE_CLOSING = re.compile(r"(?:^|(?<=”))[^“”\n]*”", re.MULTILINE)


def _open_with_apostrophe(match: re.Match[str]) -> str:
    """A wire quote typed with one apostrophe before it and two after ("the 'most immediate threat ...,''
    Oppenheimer said"): that apostrophe, after a space and before a letter, opens the quote."""
    text = match.group()
    opening = list(re.finditer(r"(?:^|(?<=\s))'(?=[A-Za-z])", text))
    if not opening:
        return text
    at = opening[-1].start()
    return text[:at] + "“" + text[at + 1 :]


def _unglue(match: re.Match[str]) -> str:
    """A space between two glued sentences. A straight quote mark between them opens the second sentence's
    quote when the marks before it are paired ('soon."They\'re actually...'), else closes the first's."""
    first, second = match.group(1), match.group(2)
    if first.endswith('"') and match.string[: match.start(1)].count('"') % 2 == 0:
        return f'{first[:-1]} "{second}'
    return f"{first} {second}"


def clean_line(line: str) -> str:
    """Clean one line of text; returns "" when the whole line is furniture."""
    line = line.strip()
    if not line:
        return ""
    line = _DATE_HEADER.sub("", line)
    if _CAPTION.search(line) or _WIDGET.search(line) or _FILE_PHOTO_CAPTION.search(line) or _VIDEO_BOX.match(line):
        return ""
    line = _EMBED_MARK.sub("", _CONTINUE_READING.sub(" ", line).strip())
    line = _GLUED_CREDIT.sub("", line)
    line = _CAPTION_TITLE_CREDIT.sub("", line)
    line = _CAPTION_BEFORE_CREDIT.sub("", line)
    line = _PAREN_CREDIT.sub(" ", line).strip()
    line = _SIGN_OFF.sub("", line).strip()
    if not line or _FURNITURE_LINES.match(_BULLET_MARK.sub("", line)):
        return ""
    line = _DATELINE.sub("", line)
    line = _GLUED_SENTENCE.sub(_unglue, line)
    return _SPACES.sub(" ", line).strip()


# CNN's "Story highlights" block: the editors' bullet summary over the story, one line each without a full stop.
_HIGHLIGHTS = re.compile(r"^\s*story\s+highlights\b", re.IGNORECASE)
_HIGHLIGHT_LINES = 6  # a block has three or four; the story's first sentence ends it anyway


def _without_highlights(lines: list[str]) -> list[str]:
    """``lines`` without a "Story highlights" block: its opening line and the lines after it up to the first one that
    ends a sentence (the story's own first paragraph), at most ``_HIGHLIGHT_LINES``."""
    kept: list[str] = []
    left = 0
    for line in lines:
        if _HIGHLIGHTS.match(line):
            left = _HIGHLIGHT_LINES
            continue
        if left and line.strip() and not line.rstrip().endswith((".", "!", "?", '."', ".”", "?”", '?"')):
            left -= 1
            continue
        if line.strip():
            left = 0
        kept.append(line)
    return kept


def clean_text(text: str) -> str:
    """Clean a report's body.

    Returns:
        One paragraph (or headline, or bullet) per line, furniture removed; "" if nothing is left.
    """
    lines = (clean_line(line) for line in _without_highlights(normalise(text).split("\n")))
    return "\n".join(line for line in lines if line)


def clean_document(document: Document) -> Document:
    """The document with its text and title cleaned."""
    title = clean_line(normalise(document.title).replace("\n", " ")) if document.title else ""
    return replace(document, text=clean_text(document.text), title=title)
