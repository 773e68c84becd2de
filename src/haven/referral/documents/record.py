"""A household as a referral record: everything a dossier could say, before the field profile decides
what leaves Haven (``haven_core.referral.profile.minimise``).

Values are kept as codes and ISO dates, so that the same record renders in English and in French.
Who verified evidence or overrode a level is named by role, never by name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from django.db.models import Prefetch

from haven.accounts.models import Membership
from haven.assessment.actions import effective_overrides
from haven.assessment.models import Assessment
from haven.cases.models import Household, Person
from haven.evidence.models import EvidenceItem, ItemFile, TrustedTimestamp, Verification
from haven_core import assessment as core


def _role(user: Any) -> str:
    """The user's role; read with the user (``select_related("…__membership")``) where it was."""
    if user is None:
        return ""
    try:
        membership = user.membership
    except Membership.DoesNotExist:
        return ""
    return str(membership.role)


def _iso(value: Any) -> str:
    return value.isoformat() if value else ""


def _items_by_person(household: Household) -> dict[int, list[EvidenceItem]]:
    """Every item of the household's people with its files and verdicts, in three queries."""
    files = ItemFile.objects.select_related("blob")
    verdicts = Verification.objects.select_related("reviewer__membership")  # ordered newest first
    items = (
        EvidenceItem.objects.filter(person__household=household)
        .prefetch_related(Prefetch("files", queryset=files), Prefetch("verifications", queryset=verdicts))
        .order_by("added_at", "id")
    )
    found: dict[int, list[EvidenceItem]] = defaultdict(list)
    for item in items:
        found[item.person_id].append(item)
    return found


def _evidence(items: list[EvidenceItem], stamped: set[int]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        latest = next(iter(item.verifications.all()), None)  # ordered newest first
        files = [
            {
                "role": f.role,
                "sha256": f.blob.sha256,
                "size": f.blob.size,
                "media_type": f.blob.media_type,
                "timestamped": f.blob_id in stamped,
            }
            for f in sorted(item.files.all(), key=lambda f: (f.role != "original", f.id))
        ]
        out.append(
            {
                "id": str(item.public_id),
                "title": item.title,
                "language": item.language,
                "translations": {
                    name: value
                    for name in ("title_en", "title_fr", "summary_en", "summary_fr")
                    if (value := getattr(item, name))
                },
                "kind": item.kind,
                "date": _iso(item.published_on or item.registry_listed_on),
                "working_copy": item.derivation if item.original_id else "",
                "status": item.status,
                "verified_by": (
                    {
                        "role": _role(latest.reviewer),
                        "date": _iso(latest.at.date()),
                        "verdict": latest.verdict,
                    }
                    if latest
                    else None
                ),
                "files": files,
                "timestamped": bool(files) and all(f["timestamped"] for f in files),
            }
        )
    return out


def _person(person: Person, stamped: set[int], items: list[EvidenceItem]) -> dict[str, Any]:
    us = getattr(person, "us_record", None)
    cyrillic = " ".join(
        p for p in (person.surname_cyrillic, person.given_name_cyrillic, person.patronymic_cyrillic) if p
    )
    record: dict[str, Any] = {
        "relationship": person.relationship,
        "name_latin": person.latin_name,
        "name_cyrillic": cyrillic,
        "birth_date": person.birth.iso() if person.birth else person.birth_date,
        "sex": person.sex,
        "citizenship": person.citizenships,
        "a_number": us.a_number_display if us else "",
        "us_status": us.status if us else "",
        "court": us.court if us else "",
        "next_hearing_date": _iso(us.next_hearing_date) if us else "",
        "removal_order_date": _iso(us.removal_order_date) if us else "",
        "removal_scheduled_date": _iso(us.removal_scheduled_date) if us else "",
        "detained": bool(us and us.detained),
        "detention_facility": us.detention_facility if us else "",
        "address": person.address,
        "phone": person.phone,
        "email": person.email,
        "vulnerabilities": person.vulnerabilities(),
        "evidence": _evidence(items, stamped),
        "private": person.private_fields,  # kept out of every referral, whatever the profile
    }
    return record


def _assessment(household: Household, stored: Assessment | None) -> dict[str, Any] | None:
    if stored is None:
        return None
    overrides = effective_overrides(household)
    levels = {
        dimension: {
            "computed": getattr(stored, f"{dimension}_level"),
            "score": getattr(stored, f"{dimension}_score"),
            "reviewer": overrides[dimension].level if dimension in overrides else "",
        }
        for dimension in ("risk", "vulnerability", "urgency")
    }
    return {
        "rules_version": stored.rules_version,
        "assessed_on": _iso(stored.assessed_on),
        "urgency_date": _iso(stored.urgency_date),
        "levels": levels,
        "result": core.from_json(stored.result),
    }


def _sign_offs(household: Household, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    signed: list[dict[str, Any]] = []
    for n, person in enumerate(people, start=1):
        for item in person["evidence"]:
            if item["verified_by"]:
                signed.append(
                    {
                        "kind": "evidence",
                        "person": n,
                        "item": item["id"],  # the dossier names it only if the item itself went out
                        "verdict": item["verified_by"]["verdict"],
                        "role": item["verified_by"]["role"],
                        "date": item["verified_by"]["date"],
                    }
                )
    overrides = household.assessment_overrides.select_related("reviewer__membership")
    for override in overrides.order_by("created_at", "id"):
        signed.append(
            {
                "kind": "override",
                "what": override.dimension,
                "verdict": override.level,
                "was": override.computed_level,
                "note": override.justification,
                "role": _role(override.reviewer),
                "date": _iso(override.created_at.date()),
            }
        )
    return sorted(signed, key=lambda s: s["date"])


def household_record(household: Household, *, reasons: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The household as a nested record (household → people → fields) for ``minimise``.

    ``reasons`` is the selection outcome for this household (rank, contributions, reason code, detail),
    as a selection run's results give it.
    """
    if "people" in getattr(household, "_prefetched_objects_cache", {}):  # read by the page already
        people_rows = sorted(household.people.all(), key=lambda p: p.pk)
    else:
        people_rows = list(household.people.select_related("us_record").order_by("id"))
    stamped = set(
        TrustedTimestamp.objects.filter(blob__uses__item__person__household=household).values_list(
            "blob_id", flat=True
        )
    )
    items = _items_by_person(household)
    people = [_person(p, stamped, items.get(p.pk, [])) for p in people_rows]
    stored = Assessment.objects.filter(household=household, current=True).first()
    assessment = _assessment(household, stored)
    record: dict[str, Any] = {
        "reference": household.reference,
        "organisation": household.organisation.name,
        "assessment": assessment,
        "pathways": list(assessment["result"].pathways) if assessment else [],
        "sign_offs": _sign_offs(household, people),
        "people": people,
    }
    if reasons is not None:
        record["selection"] = {
            "rank": reasons.get("rank"),
            "reason": reasons.get("reason", ""),
            "detail": dict(reasons.get("detail") or {}),
            "value": reasons.get("value", reasons.get("contribution")),
            "contributions": reasons.get("contributions", []),
        }
    return record


def person_ids(household: Household) -> list[str]:
    """The people's ids in the record's order: the assessment names people by id, the dossier by name."""
    return [str(pk) for pk in household.people.order_by("id").values_list("public_id", flat=True)]
