"""Reading a scanned document: recording the text Haven read, and a reviewer's decision on each fact
proposed from it.

The text and the proposals are derived from the original file, which stays as it was. Reading the
file again replaces the text and the proposals no one has decided yet; decided ones stay, with who
decided and when. A confirmed proposal that names a tag becomes one of the item's tags through
``evidence_update`` (so a verified item goes back to review: what it claims has changed).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.errors import NotAllowed
from haven.evidence.actions.items import evidence_update
from haven.evidence.actions.permission_and_custody import custody, ensure_can_change
from haven.evidence.actions.review import may_review
from haven.evidence.errors import InvalidEvidence
from haven.evidence.models import DocumentText, EvidenceItem, FactProposal
from haven.evidence.models.reading import CONFIRMED, PROPOSED, REJECTED
from haven_core.evidence.document_facts import Proposal


def document_text_record(
    *, actor: Actor, item: EvidenceItem, text: str, sha256: str, pages: int, proposals: Sequence[Proposal]
) -> DocumentText:
    """Store the text read from ``item``'s file (encrypted) and the facts proposed from it."""
    ensure_can_change(actor, item.person.household)
    with transaction.atomic():
        reading, _created = DocumentText.objects.update_or_create(
            item=item, defaults={"text": text, "sha256": sha256, "pages": pages}
        )
        item.proposals.filter(state=PROPOSED).delete()
        decided = {(p.field, p.value) for p in item.proposals.all()}
        new = [
            FactProposal(
                item=item,
                field=p.field,
                value=p.value,
                excerpt=p.excerpt,
                tag=p.tag,
                rule=p.rule,
                activity_date=p.activity_date,
                position=position,
            )
            for position, p in enumerate(proposals)
            if (p.field, p.value) not in decided
        ]
        FactProposal.objects.bulk_create(new)
        custody(
            actor, "evidence.read", item, sha256=sha256, pages=pages, characters=len(text),
            proposals=sorted({p.field for p in new}), tags=sorted({p.tag for p in new if p.tag}),
        )  # fmt: skip
    return reading


def fact_decide(*, actor: Actor, proposal: FactProposal, confirm: bool) -> FactProposal:
    """A reviewer confirms or rejects one proposed fact. Confirming one that names a tag gives the item
    that tag, dated by the proposal (an existing tag with no date takes the date)."""
    item = proposal.item
    ensure_can_change(actor, item.person.household)
    if not may_review(actor):
        raise NotAllowed(_("Only a reviewer, the coordinator or an administrator decides on proposed facts."))
    if proposal.state != PROPOSED:
        raise InvalidEvidence(_("This fact has already been decided."))
    with transaction.atomic():
        proposal.state = CONFIRMED if confirm else REJECTED
        proposal.decided_by = actor.user
        proposal.decided_at = timezone.now()
        proposal.save(update_fields=["state", "decided_by", "decided_at"])
        if confirm and proposal.tag:
            tags = {t.tag: t.activity_date for t in item.tags.all()}
            if tags.get(proposal.tag) is None:
                tags[proposal.tag] = proposal.activity_date
                evidence_update(actor=actor, item=item, fields={"tags": list(tags.items())})
        custody(
            actor,
            "evidence.fact_confirm" if confirm else "evidence.fact_reject",
            item,
            field=proposal.field,
            tag=proposal.tag,
            rule=proposal.rule,
        )
    return proposal
