"""Recording where a person stands in the US immigration system."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.cases.actions.permission_and_audit import apply_fields, audit, ensure_can_edit, touch
from haven.cases.models import Person, USRecord
from haven.errors import InvalidChange
from haven.security.sensitive import index_value
from haven_core.anumber import ANumberError, normalise_a_number

US_RECORD_FIELDS = (
    "a_number", "status", "detained", "court", "next_hearing_date", "removal_order_date",
    "removal_scheduled_date", "detention_facility", "attorney_of_record",
)  # fmt: skip


def us_record_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The values to store: the A-number validated and kept as 9 digits, and the "detained" status
    always meaning in custody now ("removed" never)."""
    values = dict(fields)
    if values.get("a_number"):
        try:
            values["a_number"] = normalise_a_number(values["a_number"])
        except ANumberError as exc:
            raise InvalidChange(str(exc)) from exc
    if values.get("status") == "detained":
        values["detained"] = True
    if values.get("status") == "removed":
        values["detained"] = False
    return values


def us_record_apply(record: USRecord, values: Mapping[str, Any]) -> list[str]:
    """Set ``values`` (from :func:`us_record_values`) on ``record``, unsaved; the names of the fields
    that changed. A record always has a status; its A-number's search index follows the A-number."""
    changed = apply_fields(record, values, US_RECORD_FIELDS)
    if not record.status:
        raise InvalidChange(_("Choose the person's US status."))
    if changed or record.pk is None:
        record.a_number_key = index_value(record.a_number) if record.a_number else ""
    return changed


def us_record_save(*, actor: Actor, person: Person, fields: Mapping[str, Any]) -> USRecord:
    """Create or update the person's US record. The A-number is validated and kept as 9 digits."""
    household = person.household
    ensure_can_edit(actor, household)
    values = us_record_values(fields)
    record = USRecord.objects.filter(person=person).first()
    created = record is None
    record = record or USRecord.of(person)
    with transaction.atomic():
        changed = us_record_apply(record, values)
        if changed or created:
            record.save()
            touch(household, actor)
            audit(
                actor,
                "us_record.save",
                household,
                target=str(person.public_id),
                fields=changed,
                created=created,
            )
    return record
