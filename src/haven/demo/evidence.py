"""Writing the demo's evidence (``SyntheticHousehold.evidence``) in bulk, with its files and verdicts.

Files come from the shared pool of generated documents and are stored once each through
``store_blob`` (encrypted, named by their SHA-256), however many people's items use them. Items are
added by the organisation's demo caseworker and verified by its demo reviewer — a different person, as
the two-person rule requires; like the rest of ``haven seed`` they are covered by its one audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from haven.cases.models import Person
from haven.demo.generator import SyntheticEvidence, SyntheticHousehold
from haven.demo.generator.documents import document_pool
from haven.evidence.models import EvidenceItem, EvidenceTag, ItemFile, StoredBlob, Verification
from haven.evidence.storage import store_blob

ROWS_PER_INSERT = 1000


class EvidenceWriter:
    """Writes evidence batch by batch, storing each pool document once."""

    def __init__(self, owners: Sequence[Any], reviewers: Sequence[Any]) -> None:
        self.owners, self.reviewers = owners, reviewers
        self.blobs: dict[str, StoredBlob] = {}
        self.items = self.files = self.verifications = 0

    def _blob(self, key: str) -> StoredBlob:
        if key not in self.blobs:
            self.blobs[key] = store_blob(document_pool()[key].data)
        return self.blobs[key]

    def write(self, batch: Sequence[SyntheticHousehold], members: Sequence[Sequence[Person]]) -> None:
        pairs: list[tuple[EvidenceItem, SyntheticEvidence, int]] = []
        for household, people in zip(batch, members, strict=True):
            for synthetic in household.evidence:
                item = _item(people[synthetic.person], synthetic, self.owners[household.organisation])
                pairs.append((item, synthetic, household.organisation))
        EvidenceItem.objects.bulk_create([item for item, _s, _o in pairs], batch_size=ROWS_PER_INSERT)
        copies = [
            (_working_copy(item, synthetic), synthetic)
            for item, synthetic, _o in pairs
            if synthetic.translation
        ]
        EvidenceItem.objects.bulk_create([copy for copy, _s in copies], batch_size=ROWS_PER_INSERT)
        tags = [
            EvidenceTag(item=item, tag=tag, activity_date=day) for item, s, _o in pairs for tag, day in s.tags
        ]
        files = [self._file(item, s.document, "original") for item, s, _o in pairs if s.document]
        files += [self._file(copy, s.translation, "working") for copy, s in copies]
        verdicts = [
            Verification(item=item, reviewer=self.reviewers[org], verdict=s.verdict, note=s.verdict_note)
            for item, s, org in pairs
            if s.verdict and self.reviewers[org] is not None
        ]
        EvidenceTag.objects.bulk_create(tags, batch_size=ROWS_PER_INSERT)
        ItemFile.objects.bulk_create(files, batch_size=ROWS_PER_INSERT)
        Verification.objects.bulk_create(verdicts, batch_size=ROWS_PER_INSERT)
        for verdict in verdicts:  # one verdict an item here: each is its item's newest
            verdict.item.last_verification = verdict
        verdict_items = [verdict.item for verdict in verdicts]
        EvidenceItem.objects.bulk_update(verdict_items, ["last_verification"], batch_size=ROWS_PER_INSERT)
        self.items += len(pairs) + len(copies)
        self.files += len(files)
        self.verifications += len(verdicts)

    def _file(self, item: EvidenceItem, key: str, role: str) -> ItemFile:
        return ItemFile(item=item, blob=self._blob(key), role=role, filename=document_pool()[key].filename)


def _item(person: Person, synthetic: SyntheticEvidence, adder: Any) -> EvidenceItem:
    return EvidenceItem(
        person=person,
        kind=synthetic.kind,
        title=synthetic.title,
        description=synthetic.description,
        source_url=synthetic.source_url,
        author=synthetic.author,
        published_on=synthetic.published_on,
        language=synthetic.language,
        followers=synthetic.followers,
        views=synthetic.views,
        registry=synthetic.registry,
        registry_reference=synthetic.registry_reference,
        registry_listed_on=synthetic.registry_listed_on,
        status=synthetic.verdict or "unreviewed",
        added_by=adder,
    )


def _working_copy(original: EvidenceItem, synthetic: SyntheticEvidence) -> EvidenceItem:
    return EvidenceItem(
        person=original.person,
        original=original,
        derivation="translation",
        kind=original.kind,
        title=f"{original.title} (English translation)",
        description="Translation made by the caseworker.",
        source_url=original.source_url,
        author=original.author,
        published_on=original.published_on,
        language="en",
        added_by=original.added_by,
    )
