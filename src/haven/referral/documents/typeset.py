"""A dossier as the JSON document its Typst template (``referral/pdf/dossier.typ``) lays out.

Every word is chosen, translated (the same msgids the Django templates used, so the referral app's
French and Russian catalogues apply) and formatted here, under the dossier's language; the template only
places strings. Nothing a caseworker typed reaches Typst other than as a string of this document.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from haven.assessment.display import Line, Source

DASH = "—"


def number(value: float) -> str:
    """A score or points as the templates wrote them (``floatformat:"-2"``): 12, 1.5 / 1,5 in French."""
    return str(floatformat(value, "-2"))


def running(batch_reference: str, document: str) -> dict[str, str]:
    """The running header and footer of every page: the batch, "Confidential", the document, "Page"."""
    return {
        "batch": f"{_('Referral batch')} {batch_reference}" if batch_reference else "",
        "confidential": _("Confidential — protected information"),
        "document": document,
        "page": _("Page"),
    }


def refs(numbers: Sequence[int]) -> str:
    """ "Sources [1][3]": the numbers of a line's sources in the dossier's list."""
    return f"{_('Sources')} {''.join(f'[{n}]' for n in numbers)}" if numbers else ""


def _fact(label: str, value: Any, *, strong: bool = False) -> dict[str, Any]:
    return {"label": label, "value": str(value) if value not in (None, "") else DASH, "strong": strong}


def _identity(p: Mapping[str, Any]) -> dict[str, Any]:
    fields = p["fields"]
    rows = []
    for key, label, value in (
        ("name_latin", _("Name (passport, Latin)"), fields.get("name_latin")),
        ("name_cyrillic", _("Name (Cyrillic)"), fields.get("name_cyrillic")),
        ("birth_date", _("Date of birth"), p["birth_date"]),
        ("sex", _("Sex"), p["sex"]),
        ("citizenship", _("Citizenship"), p["citizenship"]),
        ("vulnerabilities", _("Vulnerabilities"), ", ".join(p["vulnerabilities"])),
        ("address", _("Address"), fields.get("address")),
        ("phone", _("Phone"), fields.get("phone")),
        ("email", _("Email"), fields.get("email")),
    ):
        if key in fields:
            rows.append(_fact(label, value))
    heading = _("Person %(n)s") % {"n": p["n"]}
    if p["relationship"]:
        heading = f"{heading} · {p['relationship']}"
    return {"heading": heading, "facts": rows}


def _status(p: Mapping[str, Any]) -> dict[str, Any]:
    fields = p["fields"]
    rows = []
    for key, label, value in (
        ("a_number", _("A-number"), fields.get("a_number")),
        ("us_status", _("US status"), p["us_status"]),
        ("court", _("Immigration court"), fields.get("court")),
        ("next_hearing_date", _("Next hearing"), p["next_hearing_date"]),
        ("removal_order_date", _("Removal order"), p["removal_order_date"]),
    ):
        if key in fields:
            rows.append(_fact(label, value))
    if "removal_scheduled_date" in fields:
        scheduled = p["removal_scheduled_date"]
        rows.append(_fact(_("Scheduled removal"), scheduled, strong=bool(scheduled)))
    if "detained" in fields:
        detained = bool(fields["detained"])
        rows.append(_fact(_("Detained"), _("yes") if detained else _("no"), strong=detained))
    if fields.get("detention_facility"):
        rows.append(_fact(_("Detention facility"), fields["detention_facility"]))
    return {"heading": f"{p['n']}. {p['name']}", "facts": rows}


def _item(item: Mapping[str, Any]) -> dict[str, Any]:
    about = [str(item["kind_label"])]
    if item["date_label"]:
        about.append(item["date_label"])
    if item["working_copy_label"]:
        about.append(_("working copy: %(label)s") % {"label": item["working_copy_label"]})
    files = []
    for f in item["files"]:
        said = [str(f["role_label"])]
        if f.get("timestamped"):
            said.append(_("timestamped"))
        files.append({"about": " · ".join([*said, "SHA-256"]), "sha256": f["sha256"]})
    return {
        "title": item["shown_title"] or DASH,
        "summary": item["summary"],
        "about": " · ".join(about),
        "status": str(item["status_label"]),
        "verified": item["verified_label"],
        "files": files,
    }


def _evidence(people: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "heading": _("Evidence"),
        "note": _(
            "Each file is named by its SHA-256 hash: anyone holding a copy can check it is the file Haven "
            "holds. A trusted timestamp (RFC 3161) proves the file existed at that time."
        ),
        "people": [
            {
                "heading": f"{p['n']}. {p['name']}",
                "items": [_item(item) for item in p["evidence"]],
                "none": _("No evidence recorded."),
            }
            for p in people
            if "evidence" in p["fields"]
        ],
    }


def _line(line: Line) -> dict[str, Any]:
    evidence = _("Evidence: %(items)s") % {"items": "; ".join(line.evidence)} if line.evidence else ""
    return {
        "what": line.what,
        "person": line.person,
        "reasons": list(line.reasons),
        "detail": line.detail,
        "evidence": evidence,
        "points": number(line.points) if line.counted else _("not counted"),
        "refs": refs(line.refs),
        "unverified": line.unverified,
        "confidence": line.confidence_label,
        "basis": line.basis_label,
    }


def _table(heading: str, shown: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "heading": heading,
        "lines": [_line(line) for line in shown["lines"]],
        "empty": _("Nothing in the records adds to this score."),
        "total": number(shown["total"]),
    }


def _assessment(a: Mapping[str, Any]) -> dict[str, Any]:
    shown = a["shown"]
    risk = _("Persecution risk")
    tables = [
        _table(f"{risk} · {shown['risk']['person']}" if shown["risk"]["person"] else risk, shown["risk"])
    ]
    tables += [_table(f"{risk} · {o['name']}: {o['level']}", o) for o in shown["others"]]
    tables.append(_table(_("Vulnerability"), shown["vulnerability"]))
    urgency = " · ".join(p for p in (_("Urgency"), shown["urgency"]["person"], a["urgency_date"]) if p)
    tables.append(_table(urgency, shown["urgency"]))
    hidden = a["hidden"]
    return {
        "heading": _("Assessment"),
        "not_advice": _("Not legal advice."),
        "advice": _(
            "Haven proposes levels, categories and routes from the records and its rules; a reviewer "
            "decides, and a lawyer advises. Every legal fact names its source; a fact marked unverified has "
            "not yet been checked against the law."
        ),
        "assessed": _("Assessed on %(on)s under rules %(version)s.")
        % {"on": a["assessed_on"], "version": a["rules_version"]},
        "levels": {
            "computed": _("Computed"),
            "score": _("Score"),
            "reviewer": _("Reviewer's level"),
            "rows": [
                {
                    "name": str(d["name"]),
                    "computed": str(d["computed"]),
                    "score": number(d["score"]),
                    "reviewer": str(d["reviewer"]) or DASH,
                }
                for d in a["levels"]
            ],
        },
        "hidden": _(
            "The reasons about person %(people)s are not shown: they asked to keep details the assessment "
            "reads private. The levels and totals above still count them."
        )
        % {"people": ", ".join(str(n) for n in hidden)}
        if hidden
        else None,
        "tables": tables,
        "categories": {
            "heading": _("UNHCR submission categories (proposed)"),
            "items": [
                {"label": str(c["label"]), "reasons": list(c["reasons"]), "refs": refs(c["refs"])}
                for c in shown["categories"]
            ],
            "none": _("No category follows from the facts recorded."),
        },
    }


def _route(route: Mapping[str, Any]) -> dict[str, Any]:
    if route["applies"]:
        lead = _("May apply:")
    elif route["applies"] is False:
        lead = _("Does not apply as recorded:")
    else:
        lead = _("Note:")
    return {
        "lead": lead,
        "label": str(route["label"]),
        "person": route["person"],
        "reasons": list(route["reasons"]),
        "refs": refs(route["refs"]),
        "unverified": route["confidence"] == "U",
    }


def _pathways(assessment: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        "heading": _("Pathway notes"),
        "note": _(
            "Which Canadian routes may apply and why. Not advice: a lawyer must check each against the "
            "person's whole history."
        ),
        "routes": [_route(r) for r in (assessment or {}).get("pathways", ())],
        "none": _("No pathway notes: the household has not been assessed."),
    }


def _source(s: Source) -> dict[str, Any]:
    text = s.title + (f", {s.date}" if s.date else "") + (f". {s.detail}" if s.detail else "")
    return {"text": text, "url": s.url, "unverified": s.unverified}


def _sources(sources: Sequence[Source]) -> dict[str, Any]:
    return {
        "heading": _("Sources"),
        "note": _(
            "The laws, decisions, registries and reports each reason above cites by number. Consolidated "
            "texts of Russian codes: consultant.ru, base.garant.ru; official publication: "
            "publication.pravo.gov.ru."
        ),
        "items": [_source(s) for s in sources],
    }


def _sign_offs(sign_offs: Sequence[Mapping[str, str]]) -> dict[str, Any]:
    return {
        "heading": _("Reviewer sign-offs"),
        "date": _("Date"),
        "role": _("Signed off by"),
        "what": _("What"),
        "rows": [dict(s) for s in sign_offs],
        "note": _(
            "Reviewers are named by role. Under Haven's two-person rule, evidence is verified by someone "
            "other than the person who added it."
        ),
        "none": _("No reviewer has signed off yet."),
    }


def dossier_document(context: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON document of a dossier, from what :func:`.dossier.dossier_context` made (call under the
    dossier's language)."""
    reference = context["reference"]
    facts = []
    if context["organisation"]:
        facts.append(_fact(_("Referring organisation"), context["organisation"]))
    if context["batch_reference"]:
        facts.append(_fact(_("Referral batch"), context["batch_reference"]))
    facts.append(_fact(_("Members of the household"), len(context["people"])))
    facts.append(_fact(_("Prepared for"), context["audience"]))
    people, assessment = context["people"], context["assessment"]
    sources = (assessment or {}).get("sources")
    return {
        "running": running(context["batch_reference"], _("Dossier %(reference)s") % {"reference": reference}),
        "labels": {
            "reason": _("Reason"),
            "why": _("Why"),
            "points": _("Points"),
            "basis": _("Legal basis and source"),
            "total": _("Total"),
            "item": _("Item"),
            "review": _("Review"),
            "no_file": _("no file"),
            "unverified": _("Unverified: to be checked by a lawyer"),
            "to_confirm": _("Reference to be confirmed"),
        },
        "heading": _("Referral dossier %(reference)s") % {"reference": reference},
        "facts": facts,
        "warning": _(
            "This dossier holds protected information about people at risk of persecution. Share it only "
            "with those who decide on or support this referral."
        ),
        "why": {"heading": _("Why this household is put forward"), "sentences": context["why"]}
        if context["why"]
        else None,
        "identity": {"heading": _("Identity and family"), "people": [_identity(p) for p in people]},
        "status": {
            "heading": _("US immigration status and deadlines"),
            "people": [_status(p) for p in people],
        },
        "evidence": _evidence(people),
        "assessment": _assessment(assessment) if context["has_assessment"] and assessment else None,
        "pathways": _pathways(assessment) if context["has_pathways"] else None,
        "sources": _sources(sources) if sources else None,
        "sign_offs": _sign_offs(context["sign_offs"]) if context["has_sign_offs"] else None,
        "kept": {
            "heading": _("Kept in Haven"),
            "note": _(
                "These fields are recorded in Haven but stayed there, because this dossier is prepared for "
                "%(audience)s or because the person asked to keep them private. Only their names are listed."
            )
            % {"audience": context["audience"]},
            "fields": context["withheld"],
            "none": _("Nothing was withheld."),
        },
    }
