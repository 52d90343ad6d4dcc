"""Chorus: many news reports of one event in, one short cited brief out.

>>> import chorus
>>> brief = chorus.summarize(["First report ...", "Second report ..."], words=100)
>>> print(brief.text)
"""

from chorus.errors import ChorusInputError
from chorus.models import Cluster, Document, Sentence, Summary, SummarySentence
from chorus.options import SummaryOptions
from chorus.pipeline import summarize

__all__ = [
    "ChorusInputError",
    "Cluster",
    "Document",
    "Sentence",
    "Summary",
    "SummaryOptions",
    "SummarySentence",
    "summarize",
]
__version__ = "0.1.0"
