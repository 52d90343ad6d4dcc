"""Where the heavy work of a digest runs: in this process, or on a Dask cluster.

Two parts go to Dask with ``engine="dask"``: reading the clustering features of every report
(``chorus.cluster``, via ``dask_map``) and briefing every story (``run_briefs``).

``run_briefs`` takes every story's documents and returns their briefs in the same order, whatever
the engine, so that the digest is identical (a test checks it). With ``engine="dask"`` the briefs
are computed by ``dask.distributed`` workers: on the cluster at ``scheduler`` (``tcp://host:8786``)
or, without an address, on a local cluster of one worker process per core started for the run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from chorus.errors import ChorusInputError
from chorus.models import Document, Summary
from chorus.options import SummaryOptions

ENGINES = ("local", "dask")


def brief_story(documents: list[Document], options: SummaryOptions) -> Summary:
    """One story's brief (a top-level function, so that Dask workers can import it)."""
    from chorus.pipeline import summarize

    return summarize(documents, options=options)


def dask_map(function: Callable, items: list, scheduler: str | None = None, **kwargs: object) -> list:
    """``[function(item, **kwargs) for item in items]`` computed by Dask workers, in order: on the
    cluster at ``scheduler``, or on a local cluster started (and stopped) for the call."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ChorusInputError("the dask engine needs dask.distributed: pip install 'chorus[dask]'") from None
    if not items:
        return []
    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except OSError as error:
            raise ChorusInputError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
        cluster = None
    else:
        cluster = LocalCluster(processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        futures = client.map(function, items, pure=False, **kwargs)
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_briefs(
    stories: list[list[Document]],
    options: SummaryOptions,
    engine: str = "local",
    scheduler: str | None = None,
    progress: Callable[[Iterable], Iterable] | None = None,
) -> list[Summary]:
    """The brief of every story, in order.

    Args:
        stories: the documents of each story.
        options: brief settings, the same for every story.
        engine: ``"local"`` (this process) or ``"dask"``.
        scheduler: address of a running Dask scheduler; None starts a local cluster.
        progress: wraps the iteration (a progress bar) for the local engine.
    """
    if engine == "local":
        iterable = progress(stories) if progress is not None else stories
        return [brief_story(documents, options) for documents in iterable]
    if engine != "dask":
        raise ChorusInputError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    return dask_map(brief_story, stories, scheduler, options=options)
