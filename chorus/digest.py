"""A digest of a stream of mixed reports: group them into stories, then brief each story.

``digest(documents)`` clusters the reports (``chorus.cluster``), summarises every story with the
core pipeline (``chorus.summarize``: cited sentences and the cross-source sections) and ranks the
stories by how many independent outlets cover them (copies of one wire story count once).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from chorus.cluster import ClusterOptions, Story, cluster_documents
from chorus.engines import run_briefs
from chorus.models import Document, Summary
from chorus.options import SummaryOptions


@dataclass
class DigestStory:
    """One story of the digest: its reports and their brief."""

    story: Story
    documents: list[Document]
    summary: Summary

    @property
    def outlets(self) -> int:
        return self.summary.outlet_count or self.story.outlets

    def to_dict(self) -> dict:
        return {
            "id": self.story.id,
            "title": self.story.title,
            "documents": [d.id for d in self.documents],
            "outlets": self.outlets,
            "brief": self.summary.to_dict(),
        }


@dataclass
class Digest:
    """Stories ranked by independent outlets (most covered first), each with its brief."""

    stories: list[DigestStory] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"stories": [s.to_dict() for s in self.stories]}


def digest(
    documents: list[Document],
    words: int = 80,
    options: SummaryOptions | None = None,
    cluster_options: ClusterOptions | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Digest:
    """Group ``documents`` into stories and brief each one.

    Args:
        documents: the reports of many events, in any order.
        words: word budget of each brief (ignored when ``options`` is given).
        options: brief settings (``SummaryOptions``), the same for every story.
        cluster_options: grouping settings (``ClusterOptions``).
        progress: wraps the iteration over stories (e.g. a tqdm progress bar).
        engine: where the briefs are made: ``"local"`` or ``"dask"`` (see ``chorus.engines``).
        scheduler: a Dask scheduler address for ``engine="dask"``; None starts a local cluster.

    Returns:
        A ``Digest`` whose stories are ranked by independent outlets, then size, then input order.
    """
    documents = list(documents)
    cluster_options = cluster_options or ClusterOptions()
    if engine != "local":  # the heavy part of clustering runs on the same engine
        cluster_options = replace(cluster_options, engine=engine, scheduler=scheduler)
    stories = cluster_documents(documents, cluster_options)
    return brief_stories(documents, stories, words, options, progress, engine=engine, scheduler=scheduler)


def brief_stories(
    documents: list[Document],
    stories: list[Story],
    words: int = 80,
    options: SummaryOptions | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Digest:
    """Brief stories already formed (``Story.documents`` index ``documents``; e.g. read from a
    ``chorus.store.StoryStore``) and rank them as ``digest`` does."""
    options = options or SummaryOptions(words=words)
    members = [[documents[i] for i in story.documents] for story in stories]
    briefs = run_briefs(members, options, engine=engine, scheduler=scheduler, progress=progress)
    items = [
        DigestStory(story=story, documents=docs, summary=brief)
        for story, docs, brief in zip(stories, members, briefs, strict=True)
    ]
    items.sort(key=lambda s: (-s.outlets, -s.story.size, s.story.documents[0]))
    for rank, item in enumerate(items, 1):
        item.story.id = f"story-{rank}"
    return Digest(stories=items)


def to_markdown(result: Digest, quotes: int = 3, entities: int = 8) -> str:
    """The digest as Markdown: a section per story (headline, size, outlets, cited brief, then the
    story's cross-source sections, shortened)."""
    from chorus.render import markdown_sections

    count = len(result.stories)
    reports = sum(len(s.documents) for s in result.stories)
    out = ["# Digest", "", f"{count} stor{'y' if count == 1 else 'ies'}, {reports} reports.", ""]
    for rank, item in enumerate(result.stories, 1):
        size = len(item.documents)
        out += [f"## {rank}. {item.story.title or '(untitled story)'}", ""]
        out += [f"*{size} report{'s' * (size != 1)}, {item.outlets} independent outlet{'s' * (item.outlets != 1)}*", ""]
        if not item.summary.sentences:
            out.append("*(no brief: the reports have no usable sentences)*")
        for sentence in item.summary.sentences:
            sources = ", ".join(f"`{d}`" for d in sentence.corroborated_by)
            out.append(f"- {sentence.text} <sub>({sources})</sub>")
        sections = markdown_sections(item.summary, quotes=quotes, entities=entities)
        out += [line.replace("## ", "### ", 1) if line.startswith("## ") else line for line in sections]
        out += ["", "Reports: " + ", ".join(f"`{d.id}`" for d in item.documents), ""]
    return "\n".join(out).rstrip("\n") + "\n"
