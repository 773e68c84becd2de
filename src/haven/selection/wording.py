"""Why a household is in or out, in the reader's language."""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def reason_text(code: str, detail: dict[str, Any]) -> str:
    texts = {
        "selected": lambda: (
            _("Selected: number %(order)s in priority order, adds %(value)s (%(share)s%% of the total)")
            % {
                "order": detail.get("order"),
                "value": number_format(detail.get("value")),
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
    }
    return str(texts[code]()) if code in texts else code
