"""Story grouping (chorus/cluster.py): real behaviour on hand-made reports and on ECB+."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from chorus.cluster import ClusterOptions, cluster_documents, dates, representative_title
from chorus.models import Document

QUAKE = [
    "A magnitude 6.1 earthquake struck the Aegean island of Kos on Friday, killing two tourists at a bar in the old town.",
    "Two tourists died on Kos when a 6.1 magnitude earthquake shook the Greek island early Friday, officials in Athens said.",
    "The earthquake that hit Kos on Friday killed two visitors and injured dozens, Greek officials said; the quake measured 6.1.",
    "Rescuers on Kos searched damaged buildings after Friday's 6.1 earthquake killed two tourists, Greek authorities said.",
]
LAUNCH = [
    "Apple unveiled a new MacBook Pro with a Retina display at its developer conference in San Francisco on Monday.",
    "At WWDC in San Francisco, Apple showed off the MacBook Pro with Retina display, its thinnest professional laptop.",
    "The new Retina MacBook Pro from Apple, announced Monday at the San Francisco developer conference, starts at $2,199.",
    "Apple's MacBook Pro now has a Retina display, the company said at its San Francisco developer conference Monday.",
]


def _docs(texts: list[str], prefix: str) -> list[Document]:
    return [Document(text=t, id=f"{prefix}{i}") for i, t in enumerate(texts)]


def _stories_of(docs: list[Document], options: ClusterOptions | None = None) -> dict[str, str]:
    return {docs[i].id: story.id for story in cluster_documents(docs, options) for i in story.documents}


def test_two_obvious_events_are_separated():
    docs = [d for pair in zip(_docs(QUAKE, "quake"), _docs(LAUNCH, "mac"), strict=True) for d in pair]
    story_of = _stories_of(docs)
    assert len({story_of[f"quake{i}"] for i in range(4)}) == 1
    assert len({story_of[f"mac{i}"] for i in range(4)}) == 1
    assert story_of["quake0"] != story_of["mac0"]


def test_every_document_in_exactly_one_story_and_largest_first():
    docs = (
        _docs(QUAKE, "q")
        + _docs(LAUNCH[:2], "m")
        + [Document(text="Completely unrelated text about gardening tomatoes.", id="g")]
    )
    stories = cluster_documents(docs)
    indices = sorted(i for s in stories for i in s.documents)
    assert indices == list(range(len(docs)))
    assert [s.size for s in stories] == sorted((s.size for s in stories), reverse=True)
    assert [s.id for s in stories] == [f"story-{i}" for i in range(1, len(stories) + 1)]


def test_duplicates_join_and_degenerate_inputs():
    assert cluster_documents([]) == []
    one = cluster_documents([Document(text="Only one report here.", id="a")])
    assert len(one) == 1 and one[0].ids == ["a"]
    copies = [Document(text=QUAKE[0], id=f"copy{i}") for i in range(3)]
    assert len(cluster_documents(copies)) == 1
    empty = [Document(text="", id="e1"), Document(text="", id="e2"), *_docs(QUAKE, "q")]
    stories = cluster_documents(empty)
    assert sorted(i for s in stories for i in s.documents) == list(range(len(empty)))
    story_of = {empty[i].id: s.id for s in stories for i in s.documents}
    assert story_of["q0"] == story_of["q3"]
    assert story_of["e1"] != story_of["q0"]


def test_fixed_threshold_option_and_titles():
    docs = _docs(QUAKE, "q") + _docs(LAUNCH, "m")
    assert len(cluster_documents(docs, ClusterOptions(threshold=0.99))) > len(cluster_documents(docs)) == 2
    titled = [Document(text="x", title="Quake kills two on Kos"), Document(text="y", title="Kos quake kills two tourists")]
    assert "Kos" in representative_title(titled)
    assert representative_title([Document(text="http://example.com/x\nA quake hit Kos. More text.")]) == "A quake hit Kos."
    # a headline read from the text has no dateline, wire codes or syndication note
    wire = "&QL; &UR; (Syndicated copy.) &QL; KOS, Greece (AP) _ A quake hit Kos on Friday. More text."
    assert representative_title([Document(text=wire)]) == "A quake hit Kos on Friday."


def test_dates_are_read_in_common_forms():
    found = dates("On December 15th, 2008 and 18 September 2013; see 2013 / 09 / 18 and May 2013.")
    assert ("2008", "12", "15") in found and ("2013", "9", "18") in found and ("2013", "5", "") in found


def test_outlets_counted_by_source():
    docs = [
        Document(text=QUAKE[0], id="a", source="https://www.reuters.com/x"),
        Document(text=QUAKE[1], id="b", source="https://reuters.com/y"),
        Document(text=QUAKE[2], id="c", source="https://apnews.com/z"),
    ]
    stories = cluster_documents(docs)
    assert len(stories) == 1 and stories[0].outlets == 2
    from chorus.cluster import count_outlets

    wire = ["APW19981016.0240", "APW19981017.0012", "NYT19981016.0403", "afp-1", "afp-2", "courier"]
    assert count_outlets([Document(text="x", id=i) for i in wire]) == 4  # APW, NYT, afp, courier


def _bcubed_f1(labels, gold) -> float:
    pairs = Counter(zip(labels, gold, strict=True))
    sizes, gold_sizes, n = Counter(labels), Counter(gold), len(labels)
    precision = sum(c * c / sizes[a] for (a, _), c in pairs.items()) / n
    recall = sum(c * c / gold_sizes[g] for (_, g), c in pairs.items()) / n
    return 2 * precision * recall / (precision + recall)


def test_ecbplus_subset_bcubed(shared_data):
    path = shared_data / "ecbplus_events.jsonl"
    if not path.exists():
        pytest.skip("ecbplus_events.jsonl not found")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if int(r["topic"]) % 2 == 0]  # the even half: a smaller collection than the tuning one
    docs = [Document(text=r["text"], id=r["id"]) for r in rows]
    label = {docs[i].id: s.id for s in cluster_documents(docs) for i in s.documents}
    f1 = _bcubed_f1([label[d.id] for d in docs], [r["event"] for r in rows])
    assert f1 >= 0.88, f1


def _rows(*vectors: list[float]):
    import numpy as np
    from scipy import sparse

    matrix = np.asarray(vectors, dtype=np.float32)
    return sparse.csr_matrix(matrix / np.linalg.norm(matrix, axis=1, keepdims=True))


def test_lone_report_joins_its_nearest_neighbours_story_only_when_close_on_average():
    import numpy as np

    from chorus.cluster import attach_orphans

    # rows 0-2: a story; row 3: alone, nearest to row 0 and fairly close to the whole story;
    # row 4: alone, nearest to row 2 but close to that row only
    matrix = _rows([1, 0.2, 0, 0], [1, 0, 0.3, 0], [0.8, 0, 0, 0.6], [1, 0.1, 0.1, 0.1], [0, 0, 0.2, 1])
    similarity = (matrix @ matrix.T).toarray()
    np.fill_diagonal(similarity, -1)
    neighbours = np.argsort(-similarity, axis=1)[:, :2]
    labels = np.array([7, 7, 7, 3, 4])
    moved = attach_orphans(matrix, neighbours, labels, threshold=0.7)
    assert moved.tolist() == [7, 7, 7, 7, 4]
    assert labels.tolist() == [7, 7, 7, 3, 4], "the input labels are not modified"
    # a higher bar keeps both alone; a zero bar is "off"
    assert attach_orphans(matrix, neighbours, labels, threshold=0.99).tolist() == [7, 7, 7, 3, 4]
    assert attach_orphans(matrix, neighbours, labels, threshold=0.0).tolist() == [7, 7, 7, 3, 4]


def test_two_lone_reports_that_are_each_others_nearest_stay_apart_from_stories():
    import numpy as np

    from chorus.cluster import attach_orphans

    matrix = _rows([1, 0, 0], [0.9, 0.1, 0], [0, 1, 0.1], [0, 0.9, 0.2])
    neighbours = np.array([[1, 2], [0, 2], [3, 1], [2, 1]])
    labels = np.array([0, 0, 2, 3])
    assert attach_orphans(matrix, neighbours, labels, threshold=0.1).tolist() == [0, 0, 2, 3]


FLOOD = [
    "Floods in Kerala killed 37 people on Thursday after monsoon rains burst dams across the Indian state.",
    "Monsoon floods have killed 37 in Kerala, Indian officials said Thursday, as dams across the state overflowed.",
    "Rescuers in Kerala pulled survivors from roofs on Thursday; India's worst floods in decades have killed 37 there.",
    "Indian troops joined rescue work in flooded Kerala, where 37 people have died since the monsoon dams burst.",
]


def test_learned_story_model_matches_the_features_the_code_computes():
    import numpy as np

    from chorus.cluster import STORY_FEATURES, nearest_neighbours, story_model, story_pairs, story_probabilities, vectorize_terms

    model = story_model()
    assert tuple(model["features"]) == STORY_FEATURES
    assert len(model["coef"]) == len(model["mean"]) == len(model["scale"]) == len(STORY_FEATURES)
    assert 0 < model["cut"] < 1
    docs = _docs(QUAKE, "q") + _docs(LAUNCH, "m") + _docs(FLOOD, "f")
    options = ClusterOptions()
    matrix, kinds = vectorize_terms(docs, options)
    assert kinds.shape == (matrix.shape[1],) and set(kinds) <= set("wemydn")
    neighbours, similarities = nearest_neighbours(matrix, options.neighbours, options.max_postings, options.block_size)
    left, right, features = story_pairs(matrix, kinds, neighbours, similarities, options)
    assert features.shape == (len(left), len(STORY_FEATURES)) and np.isfinite(features).all()
    assert (left < right).all() and len(set(zip(left.tolist(), right.tolist(), strict=True))) == len(left)
    probability = story_probabilities(features)
    assert ((probability > 0) & (probability < 1)).all()
    same = np.array([docs[a].id[0] == docs[b].id[0] for a, b in zip(left, right, strict=True)])
    assert probability[same].mean() > probability[~same].mean()


def test_learned_score_separates_obvious_events_and_is_deterministic():
    docs = [d for triple in zip(_docs(QUAKE, "q"), _docs(LAUNCH, "m"), _docs(FLOOD, "f"), strict=True) for d in triple]
    for options in (ClusterOptions(), ClusterOptions(learned=False)):
        story_of = _stories_of(docs, options)
        for prefix in "qmf":
            assert len({story_of[f"{prefix}{i}"] for i in range(4)}) == 1, (options.learned, prefix)
        assert len({story_of["q0"], story_of["m0"], story_of["f0"]}) == 3
    from chorus.cluster import cluster_labels

    assert cluster_labels(docs).tolist() == cluster_labels(list(docs)).tolist()
    # copies of every report (syndication) do not split the stories: near duplicates are left out of the partner
    copies = docs + [Document(text=d.text, id=d.id + "c") for d in docs]
    story_of = _stories_of(copies)
    assert len(set(story_of.values())) <= 4 < len(cluster_documents(copies, ClusterOptions(learned=False)))
    assert all(story_of[d.id] == story_of[d.id + "c"] for d in docs)


def test_linkage_over_edges_does_not_depend_on_edge_order():
    import numpy as np

    from chorus.cluster import average_linkage, linkage_edges

    rng = np.random.default_rng(3)
    n, k = 30, 4
    neighbours = np.array([rng.choice([j for j in range(n) if j != i], k, replace=False) for i in range(n)])
    weight = rng.random((n, n))
    weight = (weight + weight.T) / 2
    similarities = np.take_along_axis(weight, neighbours, axis=1)
    for threshold in (0.3, 0.5, 0.7):
        expected = average_linkage(n, neighbours, similarities, threshold)
        order = rng.permutation(n * k)
        rows = np.repeat(np.arange(n), k)
        shuffled = linkage_edges(n, rows[order], neighbours.ravel()[order], similarities.ravel()[order], threshold)
        partition = {frozenset(np.nonzero(expected == label)[0].tolist()) for label in expected}
        assert {frozenset(np.nonzero(shuffled == label)[0].tolist()) for label in shuffled} == partition
        assert 1 < len(partition) < n or threshold != 0.5


def test_collections_under_the_learned_minimum_use_the_cosine_cut() -> None:
    from chorus.cluster import LEARNED_MIN_REPORTS, cluster_labels

    documents = _docs(QUAKE, "q") + _docs(LAUNCH, "l")
    assert 8 <= len(documents) < LEARNED_MIN_REPORTS
    learned = cluster_labels(documents, ClusterOptions(learned=True))
    cosine = cluster_labels(documents, ClusterOptions(learned=False))
    assert learned.tolist() == cosine.tolist()
    assert len(set(learned[:4])) == 1 and len(set(learned[4:])) == 1 and learned[0] != learned[4]


def test_linkage_of_groups_averages_over_their_reports_and_respects_the_gate():
    import numpy as np

    from chorus.cluster import linkage_edges

    # three groups of 4, 1 and 1 reports; summed weights: 0-1 2.0 (average 0.5), 1-2 0.3 (average 0.3)
    left, right, summed = np.array([0, 1]), np.array([1, 2]), np.array([2.0, 0.3])
    assert len(set(linkage_edges(3, left, right, summed, 0.4, sizes=[4, 1, 1]).tolist())) == 2  # only 0-1 merges
    assert len(set(linkage_edges(3, left, right, summed, 0.2, sizes=[4, 1, 1]).tolist())) == 2  # 0+1 vs 2: 0.06
    # the gate: no merge once the smaller side would be larger than max_smaller
    assert len(set(linkage_edges(3, left, right, summed, 0.2, sizes=[4, 2, 2], max_smaller=1).tolist())) == 3


def test_fragments_join_the_story_they_belong_to_and_big_stories_stay_apart():
    import numpy as np

    from chorus.cluster import merge_fragments

    # stories: A = reports 0-7, B = 8-15, fragment F = 16-17 (probability 0.6 with A's reports, 0.05 with B's)
    labels = np.array([0] * 8 + [1] * 8 + [2] * 2)
    story = {i: "A" if i < 8 else "B" if i < 16 else "F" for i in range(18)}

    def probability(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        pairs = [{story[int(x)], story[int(y)]} for x, y in zip(a, b, strict=True)]
        return np.array([0.6 if p == {"A", "F"} else 0.05 if p == {"B", "F"} else 0.01 for p in pairs])

    left, right = np.array([0, 8, 16, 16]), np.array([8, 15, 7, 9])  # the neighbour graph touches A-B, F-A, F-B
    merged = merge_fragments(labels, left, right, probability, ClusterOptions())
    assert merged[16] == merged[17] == merged[0] != merged[8]
    assert len(set(merged.tolist())) == 2
    # off, or with a cut above the fragment's probability: nothing moves
    assert merged.tolist() != labels.tolist()
    assert merge_fragments(labels, left, right, probability, ClusterOptions(fragment_fraction=0)).tolist() == labels.tolist()
    assert merge_fragments(labels, left, right, probability, ClusterOptions(fragment_cut=0.7)).tolist() == labels.tolist()


def test_a_report_moves_to_the_neighbouring_story_it_belongs_with_best():
    import numpy as np

    from chorus.cluster import move_reports

    # stories: A = reports 0-5 (and report 6, placed there by the linkage), B = 7-12, a lone report 13.
    # Report 6 belongs with B (probability 0.7 with B's reports, 0.2 with A's); the others with their own story.
    labels = np.array([0] * 7 + [1] * 6 + [2])
    belongs = {i: "A" if i < 6 else "B" if i < 13 else "L" for i in range(14)}

    def probability(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        same = np.array([belongs[int(x)] == belongs[int(y)] for x, y in zip(a, b, strict=True)])
        with_six = np.array([6 in (int(x), int(y)) for x, y in zip(a, b, strict=True)])
        six_with_b = np.array([{int(x), int(y)} & set(range(7, 13)) != set() for x, y in zip(a, b, strict=True)])
        return np.where(with_six, np.where(six_with_b, 0.7, 0.2), np.where(same, 0.8, 0.05))

    left, right = np.array([0, 6, 12, 13]), np.array([7, 8, 5, 12])  # the graph links A-B, 6-B and the lone 13-B
    moved = move_reports(labels, left, right, probability, ClusterOptions())
    assert moved[6] == moved[7] != moved[0]
    assert moved[:6].tolist() == labels[:6].tolist() and moved[7:13].tolist() == labels[7:13].tolist()
    assert moved[13] == labels[13]  # a lone report stays: attach_orphans places it
    # off, or with a margin wider than the difference (0.7 - 0.2): nothing moves
    assert move_reports(labels, left, right, probability, ClusterOptions(move_margin=None)).tolist() == labels.tolist()
    assert move_reports(labels, left, right, probability, ClusterOptions(move_margin=0.6)).tolist() == labels.tolist()


def test_publication_days_read_iso_dates_and_leave_others_undated() -> None:
    import math

    from chorus.cluster import publication_days

    docs = [Document(text="a", date="2019-04-30 14:00"), Document(text="b", date="2019-05-02"), Document(text="c")]
    docs.append(Document(text="d", date="last Tuesday"))
    days = publication_days(docs)
    assert days[1] - days[0] == 2
    assert math.isnan(days[2]) and math.isnan(days[3])


def test_date_closeness_pulls_in_only_reports_published_closer_than_the_collections_typical_pair() -> None:
    import numpy as np

    from chorus.cluster import DATE_FEATURES, date_closeness, publication_days

    spread = [Document(text=str(i), date=f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}") for i in range(40)]
    days = publication_days([*spread, Document(text="undated")])
    closeness = date_closeness(days, ClusterOptions())
    close, far_apart, undated = closeness(np.array([0, 0, 0]), np.array([12, 6, 40]))  # 12 and 188 days apart
    assert close.shape == (len(DATE_FEATURES),)
    assert close[0] < 0  # closer than typical: the model's negative weight raises the score
    assert far_apart[0] == 0 and undated[0] == 0  # never pushed apart, and no date says nothing
    # a day's stream: every pair is as close as the typical one, so dates say nothing
    one_day = publication_days([Document(text=str(i), date="2019-04-30") for i in range(20)])
    assert not date_closeness(one_day, ClusterOptions())(np.arange(10), np.arange(10, 20)).any()
    assert not date_closeness(None, ClusterOptions())(np.arange(3), np.arange(3)).any()


def test_the_shipped_model_rates_same_day_pairs_higher_and_a_days_stream_like_an_undated_one() -> None:
    from chorus.cluster import cluster_labels, story_model

    assert story_model()["date_coef"][0] < 0
    docs = [d for triple in zip(_docs(QUAKE, "q"), _docs(LAUNCH, "m"), _docs(FLOOD, "f"), strict=True) for d in triple]
    docs = docs + [Document(text=d.text + " Officials gave no more details.", id=d.id + "x") for d in docs]
    assert len(docs) >= 16  # the learned score's path
    same_day = [Document(text=d.text, id=d.id, date="2021-06-01") for d in docs]
    assert cluster_labels(same_day).tolist() == cluster_labels(docs).tolist()


def test_publication_dates_improve_the_duc_2006_stand_in(duc2006_path) -> None:
    """DUC 2006's reports 11-20 of each topic (never fitted on), with and without their publication dates."""
    from chorus.cluster import cluster_labels
    from chorus.ingest import iso_date

    docs, dated, gold = [], [], []
    for line in duc2006_path.open(encoding="utf-8"):
        cluster = json.loads(line)
        for doc in cluster["documents"][10:20]:
            docs.append(Document(text=doc["text"], id=doc["id"]))
            dated.append(Document(text=doc["text"], id=doc["id"], date=iso_date(doc.get("date") or "")))
            gold.append(cluster["id"])
    assert sum(bool(d.date) for d in dated) == len(dated)
    without = _bcubed_f1(cluster_labels(docs).tolist(), gold)
    with_dates = _bcubed_f1(cluster_labels(dated).tolist(), gold)
    assert with_dates >= without + 0.01, (without, with_dates)
