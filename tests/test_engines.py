"""The Dask engine gives the same digest as the in-process run (on a real local Dask cluster)."""

from __future__ import annotations

import pytest

from chorus.digest import digest
from chorus.engines import run_briefs
from chorus.errors import ChorusInputError
from chorus.models import Document
from chorus.options import SummaryOptions

FLOOD = [
    "The Lesna river burst its banks on Thursday night and flooded the lower town of Velmora, officials said. "
    "More than 3,000 residents were evacuated to schools on higher ground.",
    "Floodwater from the Lesna river swept through the lower town of Velmora late on Thursday, officials said. "
    "About 3,000 residents left their homes for schools on higher ground.",
    "Velmora's lower town was under water on Friday after the Lesna river burst its banks. "
    "Officials said residents were evacuated to schools on higher ground overnight.",
]
VOTE = [
    "Voters in Lanmark elected Petra Osei as mayor on Sunday with 54 percent of the vote, the electoral commission said. "
    "Osei promised to rebuild the harbour and cut bus fares.",
    "Petra Osei won the Lanmark mayoral election on Sunday, taking 54 percent of the vote, the electoral commission said. "
    "She has promised to rebuild the harbour.",
    "Lanmark's new mayor is Petra Osei, who won Sunday's election with 54 percent, according to the electoral commission. "
    "Turnout was the highest in twenty years.",
]


def _documents() -> list[Document]:
    return [Document(text=t, id=f"flood{i}") for i, t in enumerate(FLOOD)] + [
        Document(text=t, id=f"vote{i}") for i, t in enumerate(VOTE)
    ]


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(ChorusInputError, match="unknown engine"):
        run_briefs([[Document(text="a b c")]], SummaryOptions(), engine="spark")


def test_dask_digest_equals_the_in_process_digest() -> None:
    pytest.importorskip("distributed")
    local = digest(_documents(), words=30)
    distributed = digest(_documents(), words=30, engine="dask")
    assert len(local.stories) == 2
    assert local.to_dict() == distributed.to_dict()


def test_dask_clustering_features_equal_local() -> None:
    pytest.importorskip("distributed")
    from dataclasses import replace

    from chorus.cluster import ClusterOptions, cluster_documents

    documents = _documents() * 3  # copies too: duplicates must land together either way
    documents = [replace(d, id=f"{d.id}-{n}") for n, d in enumerate(documents)]
    local = cluster_documents(documents, ClusterOptions())
    on_dask = cluster_documents(documents, ClusterOptions(engine="dask"))
    assert [s.documents for s in on_dask] == [s.documents for s in local]
    assert len(local) == 2
