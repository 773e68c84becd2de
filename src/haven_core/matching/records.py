"""What the matcher reads and what it answers: name records in, explained candidates out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Decision = Literal["match", "review"]

# How many records (their readings, profile and filing, a few kilobytes each) the matcher keeps worked
# out. A record is asked for again mostly within one query's candidates; beyond that a larger cache
# buys little (a caseload file checked against itself hit it for under 2% of its people) and costs
# memory that grows up to its size: 16,384 records held about 60 MB.
RECORDS_CACHED = 4096


@dataclass(frozen=True)
class NameRecord:
    """One person as some list knows them.

    ``names`` holds every known spelling in any script and order ("Котова Юлия Сергеевна",
    "KOTOVA, IULIIA", "Yulia Kotova"), including pseudonyms, aliases and former names. ``birth`` is a
    :class:`haven_core.dates.PartialDate` text ("1988", "1988-03", "1988-03-12") or ``None``.
    ``source`` names the list ("minjust-foreign-agents", "rosfinmonitoring", "caseload").
    """

    id: str
    names: tuple[str, ...]
    birth: str | None = None
    source: str = ""


@dataclass(frozen=True)
class Candidate:
    """A possible identity between a query and an entry, with the evidence for and against it.

    ``score`` is calibrated between 0 and 1; ``decision`` is ``match`` when the matcher is confident
    and ``review`` when a human should look. ``reasons`` say in words what agreed and what did not
    (``reasons_ru``: the same in Russian).
    """

    query_id: str
    entry_id: str
    score: float
    decision: Decision
    reasons: tuple[str, ...]
    weights: tuple[float, ...] = ()  # the weight each reason contributed, in the same order
    reasons_ru: tuple[str, ...] = ()  # the same reasons in Russian

    def explain(self) -> str:
        """The decision and score, then each reason with the weight it contributed.

        >>> reasons = ("surname equal", "birth date equal")
        >>> print(Candidate("q", "e", 0.97, "match", reasons, (3.0, 2.5)).explain())
        match (score 0.97): q ~ e
          +3.0  surname equal
          +2.5  birth date equal
        """
        lines = [f"{self.decision} (score {self.score:.2f}): {self.query_id} ~ {self.entry_id}"]
        for i, reason in enumerate(self.reasons):
            weight = f"{self.weights[i]:+.1f}" if i < len(self.weights) else "   ·"
            lines.append(f"  {weight}  {reason}")
        return "\n".join(lines)
