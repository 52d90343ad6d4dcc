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
      | image\ (?:copyright|caption)\b.* | (?:photo|picture|image)s?\s*(?:credit)?\s*:.* | getty\ images.*
      | visit\ .{1,60}?\ homepage.* | (?:follow|like)\ (?:us|.{1,60}?)\ on\ (?:facebook|twitter|instagram|linkedin).*
      | .{0,60}(?:emails?\ &\ alerts|newsletter).* | sign\ up\b.* | subscribe\b.{0,80}
      | site\ highlights\ each\ day\ to\ your\ inbox.* | read\ (?:more|also|next)\s*:.* | related\s*:.*
      | click\ here\b.* | (?:first\ )?published\s*:?.{0,40} | updated?\s*[:,].{0,80} | all\ rights\ reserved.*
      | copyright\ .{0,80} | ©.{0,80} | [_—–=*\-]{2,} | \[.{0,200}\] | \(.{0,200}\)
      | .{0,80}\ contributed\ to\ this\ report\.? | \S+@\S+\.\w+.{0,40}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# "date 2019-04-30 Headline..." header lines left by scrapers.
_DATE_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?\s*", re.I)
# A photo credit glued to a caption: "YURI CORTEZ/AFP/Getty ImagesVenezuelan soldiers..."
_GLUED_CREDIT = re.compile(rf"^[A-Z][A-Z.'\- ]{{2,40}}(?:/(?:{_AGENCIES}))+\s*(?=[A-Z])")
# "Caption title(Photographer/Agency)Caption text": drop the title and the credit.
_CAPTION_TITLE_CREDIT = re.compile(r"^[^.!?()]{0,60}\([^()]{0,60}/[^()]{0,30}\)(?=[A-Z])")
# "Caption title(Photographer/Agency)Caption text" and "(Photo: X/Y)" credits.
_PAREN_CREDIT = re.compile(
    rf"\((?:photo|picture|image|credit)s?\s*:[^()]{{1,80}}\)|\([^()]{{0,60}}/(?:[^()]{{0,30}})\)|\((?:{_AGENCIES})(?:\s+photo)?\)\s*$",
    re.I,
)
# A trailing agency sign-off: "...history.”—AFP", "... - Reuters".
_SIGN_OFF = re.compile(rf"\s*[—–-]{{1,2}}\s*(?:{_AGENCIES})\s*$")
# A caption: a line without sentence punctuation that ends with an agency credit "(Reuters)".
_CAPTION = re.compile(rf"^[^.!?]{{3,200}}\((?:{_AGENCIES})\)\s*$")
_BULLET_MARK = re.compile(r"^\s*[-*•·▪●◦]\s+")
# Datelines: "CARACAS: ", "PHOENIX _ ", "GENEVA, July 9 (Xinhua) -- ", "MANNING, S.C. _ ".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]{2,}(?:\s+[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?"
    r"\s*(?:\((?:[^()]{1,30})\))?\s*(?:_|--|—|–|:)\s+(?=\S)"
)
# Two sentences glued by a scraper: "the fault.Researchers said" -> "the fault. Researchers said".
_GLUED_SENTENCE = re.compile(r"([a-z0-9%]{2}[.!?][\"”’]?|[,.!?][”])([\"“]?[A-Z][a-z])")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffd]")


def normalise(text: str) -> str:
    """Unescape HTML entities, unify quotes and whitespace, drop control characters."""
    text = html.unescape(text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("``", "“").replace("''", "”")
    return _SPACES.sub(" ", text)


def clean_line(line: str) -> str:
    """Clean one line of text; returns "" when the whole line is furniture."""
    line = line.strip()
    if not line:
        return ""
    line = _DATE_HEADER.sub("", line)
    if _CAPTION.search(line):
        return ""
    line = _GLUED_CREDIT.sub("", line)
    line = _CAPTION_TITLE_CREDIT.sub("", line)
    line = _PAREN_CREDIT.sub(" ", line).strip()
    line = _SIGN_OFF.sub("", line).strip()
    if not line or _FURNITURE_LINES.match(_BULLET_MARK.sub("", line)):
        return ""
    line = _DATELINE.sub("", line)
    line = _GLUED_SENTENCE.sub(r"\1 \2", line)
    return _SPACES.sub(" ", line).strip()


def clean_text(text: str) -> str:
    """Clean a report's body.

    Returns:
        One paragraph (or headline, or bullet) per line, furniture removed; "" if nothing is left.
    """
    lines = (clean_line(line) for line in normalise(text).split("\n"))
    return "\n".join(line for line in lines if line)


def clean_document(document: Document) -> Document:
    """The document with its text and title cleaned."""
    title = clean_line(normalise(document.title).replace("\n", " ")) if document.title else ""
    return replace(document, text=clean_text(document.text), title=title)
