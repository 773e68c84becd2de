"""Why a household is in or out, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from haven.cases.models.household import STAGE_CHOICES


def reason_text(code: str, detail: dict[str, Any]) -> str:
    texts = {
        "selected": lambda: (
            _("Selected: number %(order)s in priority order, adds %(value)s (%(share)s%% of the total)")
            % {
                "order": detail.get("order"),
                "value": number_format(detail["value"]),
                "share": number_format(round(100 * detail.get("share", 0), 1), decimal_pos=1),
            }
        ),
        "pinned_in": lambda: _("Pinned in by the coordinator"),
        "pinned_out": lambda: (
            _("Pinned out by the coordinator: %(reason)s") % {"reason": detail.get("reason", "")}
        ),
        "not_assessed": lambda: _("Not eligible: not assessed"),
        "not_well_documented": lambda: _("Not eligible: the principal applicant is not well documented"),
        "filtered_status": lambda: _("Not eligible: status outside the filter"),
        "filtered_organisation": lambda: _("Not eligible: organisation outside the filter"),
        "filtered_detained": lambda: _("Not eligible: no one detained"),
        "filtered_pathway": lambda: _("Not eligible: pathway outside the filter"),
        "below_threshold": lambda: _("Below the lowest priority"),
        "quota_exhausted": lambda: _("Quota exhausted by households of higher priority"),
        "family_size": lambda: (
            _("Family of %(people)s, only %(left)s places left after higher priorities")
            % {"people": detail.get("people"), "left": detail.get("places_left")}
        ),
        "organisation_limit": lambda: (
            _("Organisation limit of %(limit)s places reached") % {"limit": detail.get("limit")}
        ),
        "pathway_limit": lambda: (
            _("Sub-quota of pathway %(pathway)s reached") % {"pathway": detail.get("pathway")}
        ),
        "traded_off": lambda: _("Would fit, but its places give more priority to households ranked below it"),
        "not_ready": lambda: (
            _("Not ready for referral: %(missing)s")
            % {"missing": "; ".join(gap_text(code, {}) for code in detail.get("missing", []))}
        ),
    }
    return str(texts[code]()) if code in texts else code


def gap_text(code: str, detail: dict[str, Any]) -> str:
    """What a household lacks to be referred (``haven_core.referral.readiness.Gap``), in words."""
    stage = str(dict(STAGE_CHOICES).get(detail.get("stage", ""), detail.get("stage", "")))
    texts = {
        "being_documented": lambda: (
            _("still being documented (status: %(stage)s)") % {"stage": stage}
            if stage
            else _("still being documented")
        ),
        "awaiting_review": lambda: _("waiting for review"),
        "not_assessed": lambda: _("not assessed"),
        "evidence_not_verified": lambda: (
            ngettext(
                "not well documented yet: %(count)d piece of evidence awaits verification",
                "not well documented yet: %(count)d pieces of evidence await verification",
                detail["items"],
            )
            % {"count": detail["items"]}
            if "items" in detail
            else _("evidence not yet verified")
        ),
        "not_well_documented": lambda: _("the principal applicant is not well documented"),
        "no_consent": lambda: _("no consent to referral on record for every adult"),
        "awaiting_decision": lambda: _("awaiting a decision in another referral"),
        "already_decided": lambda: (
            _("already decided, resettled or closed (status: %(stage)s)") % {"stage": stage}
            if stage
            else _("already decided, resettled or closed")
        ),
        "wrong_stage": lambda: (
            _("its status does not allow a referral (status: %(stage)s)") % {"stage": stage}
        ),
        "gone": lambda: _("the household no longer exists"),
        "not_ready": lambda: _("not ready for referral"),
    }
    return str(texts[code]()) if code in texts else code


def role_text(role: str) -> str:
    """Who can put a gap right, as the users call them."""
    texts = {
        "caseworker": _("the caseworker"),
        "reviewer": _("a reviewer"),
        "coordinator": _("the coordinator"),
        "liaison": _("the liaison"),
    }
    return str(texts.get(role, role))


def missing_rows(missing: list[dict[str, Any]]) -> list[dict[str, str]]:
    """A readiness's gaps (``Readiness.to_dict()["missing"]``) as what and who, in words."""
    return [
        {"what": gap_text(m["gap"], m.get("detail", {})), "who": role_text(m.get("fixed_by", ""))}
        for m in missing
    ]


def pin_problem_text(reference: str, code: str) -> str:
    """Why a pin names no household that could be chosen."""
    if code == "unknown":
        return _("%(ref)s: no household has this reference") % {"ref": reference}
    return _("%(ref)s cannot be chosen: %(why)s") % {"ref": reference, "why": gap_text(code, {})}
