"""Average linkage with running sums gives the groups of the plain definition."""

from __future__ import annotations

import random

import pytest

from numcheck.alignment.stories import THRESHOLD
from numcheck.alignment.stories import _average_linkage


def _by_definition(count: int, similar: dict[tuple[int, int], float]) -> list[list[int]]:
    """Average linkage as defined: most similar pairs first; two groups join when the mean
    similarity over all their pairs (0 for pairs never compared) reaches the threshold."""
    group_of = list(range(count))
    members = {index: [index] for index in range(count)}
    for (a, b), _ in sorted(similar.items(), key=lambda item: (-item[1], item[0])):
        first, second = group_of[a], group_of[b]
        if first == second:
            continue
        left, right = members[first], members[second]
        total = sum(similar.get((min(x, y), max(x, y)), 0.0) for x in left for y in right)
        if total / (len(left) * len(right)) >= THRESHOLD:
            for index in left:
                group_of[index] = second
            members[second] = left + right
            del members[first]
    return sorted(sorted(group) for group in members.values())


def _graph(seed: int, count: int, stories: int, noise: float) -> dict[tuple[int, int], float]:
    """Documents of a few stories, similar within a story, some noise pairs across them."""
    rng = random.Random(seed)
    story = [rng.randrange(stories) for _ in range(count)]
    similar = {}
    for a in range(count):
        for b in range(a + 1, count):
            if story[a] == story[b] and rng.random() < 0.7:
                similar[(a, b)] = round(rng.uniform(0.2, 1.0), 3)
            elif rng.random() < noise:
                similar[(a, b)] = round(rng.uniform(0.35, 0.9), 3)
    return {pair: value for pair, value in similar.items() if value >= THRESHOLD}


@pytest.mark.parametrize(
    ("seed", "count", "stories", "noise"),
    [(1, 10, 2, 0.0), (2, 40, 5, 0.02), (3, 80, 4, 0.05), (4, 120, 12, 0.01), (5, 60, 1, 0.0)],
)
def test_running_sums_match_the_definition(
    seed: int, count: int, stories: int, noise: float
) -> None:
    similar = _graph(seed, count, stories, noise)
    assert _average_linkage(count, similar) == _by_definition(count, similar)


def test_a_chain_is_not_one_group() -> None:
    # {0, 1} and 2: mean (0.9 + 0) / 2 = 0.45 joins; {0, 1, 2} and 3: 0.9 / 3 = 0.3 does not
    similar = {(0, 1): 0.9, (1, 2): 0.9, (2, 3): 0.9, (3, 4): 0.9}
    assert _average_linkage(5, similar) == [[0, 1, 2], [3, 4]]
    assert _by_definition(5, similar) == [[0, 1, 2], [3, 4]]
