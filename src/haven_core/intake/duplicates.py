"""Duplicates at intake: is the person about to be saved already in the caseload?

Opening a household, adding a person and importing a spreadsheet row all ask the identity matcher
(:mod:`haven_core.matching`) the same question about the people the reader may see. This module is the
decision, apart from the database: which existing people are likely the same (:func:`likely_matches`),
whether saving must wait for a person's word (:func:`must_confirm`), and, for an import, what each row's
choice does to the report (:func:`resolve_duplicates`): "a different person" imports the row as it is,
"update that household" makes the row's household an update of the household Haven holds and the row's
person that household's person; a row with no choice is a row error, so nothing is a silent second copy.

A match in another organisation (only a coalition-wide reader is ever shown one) is explained without
that person's names: the reasons keep the words of the name being saved and hide the other side's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from haven_core.intake.report import IntakeReport
from haven_core.intake.rows import RowError
from haven_core.matching import Matcher, NameRecord
from haven_core.matching.features import FEATURES
from haven_core.matching.scoring import evidence_for

DIFFERENT = "different"  # the choice "this is a different person"
HIDDEN = "…"  # stands for a name the reader may not see
MATCHES_SHOWN = 5


@dataclass(frozen=True)
class Existing:
    """A person already in Haven, as the duplicate check sees them."""

    record: NameRecord  # ``record.id`` identifies the person to the caller
    household: str  # the household's reference, the link the reader follows
    names_visible: bool = True  # False for another organisation's person: their names stay hidden


@dataclass(frozen=True)
class LikelyMatch:
    """An existing person the matcher takes for the one being saved, with its reasons in words."""

    person: str  # the existing record's id
    household: str
    decision: str  # the matcher's "match" or "review"
    score: float
    reasons: tuple[str, ...]


def hidden_reasons(query: NameRecord, entry: NameRecord) -> tuple[str, ...]:
    """The matcher's reasons for the pair with the entry's words hidden: what agreed, not what it says.

    >>> q = NameRecord("q", ("Tumanova Ekaterina",), "1987-06-13")
    >>> hidden_reasons(q, NameRecord("e", ("Туманова Екатерина",), "1987-06-13"))[:2]
    ('surname equal after transliteration (Tumanova = …)', 'given name Ekaterina = …')
    """
    return tuple(
        FEATURES[item.feature].says.format(q=item.query, e=HIDDEN if item.entry else "")
        for item in evidence_for(query, entry)
        if item.weight
    )


class Caseload:
    """The matcher over the existing people a reader may see, asked about one new person at a time."""

    def __init__(self, existing: Iterable[Existing]) -> None:
        self._existing = {e.record.id: e for e in existing}
        self._matcher = Matcher(e.record for e in self._existing.values())

    def matches(self, query: NameRecord, *, limit: int = MATCHES_SHOWN) -> list[LikelyMatch]:
        """The existing people the matcher finds for ``query``, best first, at most ``limit``."""
        if not query.names:
            return []
        found = []
        for candidate in self._matcher.candidates(query, limit=limit):
            entry = self._existing[candidate.entry_id]
            reasons = candidate.reasons if entry.names_visible else hidden_reasons(query, entry.record)
            found.append(
                LikelyMatch(entry.record.id, entry.household, candidate.decision, candidate.score, reasons)
            )
        return found


def likely_matches(
    query: NameRecord, existing: Sequence[Existing], *, limit: int = MATCHES_SHOWN
) -> list[LikelyMatch]:
    """The existing people the matcher finds for ``query``, best first, at most ``limit``."""
    return Caseload(existing).matches(query, limit=limit) if existing else []


def must_confirm(matches: Sequence[LikelyMatch], *, different_person: bool) -> bool:
    """Saving waits for an explicit "this is a different person" whenever there is a likely match."""
    return bool(matches) and not different_person


@dataclass(frozen=True)
class UpdateTarget:
    """What a row becomes when its person chooses "update that household"."""

    household_id: str  # the id the import finds the household by (its own id, or Haven's reference)
    person_id: str  # the id the import finds the person by (their own id, or Haven's id)


@dataclass(frozen=True)
class RowDuplicate:
    """A row of a new household whose person is likely already in Haven."""

    row: int
    household_id: str  # the file's
    matches: tuple[LikelyMatch, ...]
    # household reference → the update it stands for; only the importing organisation's households
    targets: Mapping[str, UpdateTarget] = field(default_factory=dict)

    @property
    def households(self) -> list[str]:
        return list(dict.fromkeys(m.household for m in self.matches))


def resolve_duplicates(
    report: IntakeReport, duplicates: Sequence[RowDuplicate], choices: Mapping[int, str]
) -> None:
    """Apply each row's choice (row → :data:`DIFFERENT` or a household reference) to ``report``.

    A row without a choice, or with a household that is not one of its matches, is a row error and its
    household is invalid. "Update" gives the file's household and person the ids Haven knows them by, so
    the import finds them again and updates them instead of creating a copy. Resolving twice adds nothing.
    """
    households = {h.file_id: h for h in report.households}
    people = {p.row: (h, p) for h in report.households for p in h.people}
    renamed: dict[str, tuple[str, int]] = {}  # the file's household id → (Haven's id, choosing row)
    for duplicate in duplicates:
        if duplicate.row not in people:
            continue
        household, person = people[duplicate.row]
        choice = choices.get(duplicate.row, "")
        if choice == DIFFERENT:
            continue
        target = duplicate.targets.get(choice)
        error: RowError | None = None
        if target is None:
            code = "duplicate_choice" if choice else "likely_duplicate"
            error = RowError(
                duplicate.row, "", code, {"households": ", ".join(duplicate.households), "choice": choice}
            )
        elif (earlier := renamed.get(duplicate.household_id)) and earlier[0] != target.household_id:
            error = RowError(
                duplicate.row,
                "",
                "duplicate_two_households",
                {"row": earlier[1], "household": duplicate.household_id},
            )
        if error is not None:
            report.add_error(error, once=True)
            household.valid = False
            continue
        assert target is not None
        renamed[duplicate.household_id] = (target.household_id, duplicate.row)
        person.external_id = target.person_id
    for file_id, (haven_id, _) in renamed.items():
        if file_id in households:
            households[file_id].external_id = haven_id
