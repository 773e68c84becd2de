"""The knapsack both solvers see: eligible households in rank order, the quota and the side limits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    key: str
    people: int
    value: int  # thousandths of a point: priority per person × people
    emergency: bool = False
    organisation: str = ""
    pathways: frozenset[str] = frozenset()
    pinned: bool = False


@dataclass(frozen=True)
class Problem:
    """Items come in rank order (pinned, then emergency if first, then priority per person, then key)."""

    items: Sequence[Item]
    quota: int
    per_organisation: int | None = None
    per_pathway: Mapping[str, int] = field(default_factory=dict)
    emergency_first: bool = True

    def feasible(self, chosen: Sequence[int]) -> bool:
        """Whether the chosen items (indices) respect the quota and every limit."""
        if sum(self.items[i].people for i in chosen) > self.quota:
            return False
        if self.per_organisation is not None:
            used: dict[str, int] = {}
            for i in chosen:
                org = self.items[i].organisation
                used[org] = used.get(org, 0) + self.items[i].people
            if any(v > self.per_organisation for v in used.values()):
                return False
        for pathway, cap in self.per_pathway.items():
            if sum(self.items[i].people for i in chosen if pathway in self.items[i].pathways) > cap:
                return False
        return all(i in set(chosen) for i, it in enumerate(self.items) if it.pinned)
