"""What the evidence pages show: file rows with their previews, and the documentation summary."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePath
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from haven.audit.models import AuditEntry
from haven.evidence.documentation_facts import contribution_label, criteria_lines, reason_text
from haven.evidence.models import EvidenceItem, ItemFile
from haven_core.evidence.documentation_score import Documentation

# How a file of each type is previewed: as an image, as text in a sandboxed frame, or as a PDF in one.
PREVIEW_KIND = {
    "image/jpeg": "image",
    "image/png": "image",
    "image/gif": "image",
    "image/webp": "image",
    "text/plain": "text",
    "text/html": "text",
    "application/pdf": "pdf",
}

EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    "text/html": ".html",
    "text/plain": ".txt",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
    "application/warc": ".warc",
}
_SAME = {".jpeg": ".jpg", ".htm": ".html", ".text": ".txt", ".m4v": ".mp4"}


def download_name(item_file: ItemFile) -> str:
    """The uploaded name with the extension of the type read from the bytes (``scan.pdf`` holding a
    PNG downloads as ``scan.pdf.png``), so the user's computer opens it with the right program."""
    blob = item_file.blob
    extension = EXTENSIONS.get(blob.media_type, ".bin")
    name = PurePath(item_file.filename or "").name or f"evidence-{blob.sha256[:12]}"
    suffix = PurePath(name).suffix.lower()
    if _SAME.get(suffix, suffix) == extension:
        return name
    return name + extension


@dataclass(frozen=True)
class FileRow:
    item_file: ItemFile
    preview: str | None  # image, text, pdf or None

    @property
    def blob(self) -> Any:
        return self.item_file.blob

    @cached_property
    def pictures(self) -> list[int] | None:
        """The numbers of the pictures Haven drew of an image or a PDF (its first pages) for the page,
        kept sealed (:mod:`haven.evidence.previews`); none if it cannot be drawn, ``None`` while a job
        is drawing them."""
        from haven.evidence.previews import pictures_ready

        if self.preview not in ("image", "pdf"):
            return []
        ready = pictures_ready(self.item_file.blob)
        return None if ready is None else list(range(1, ready + 1))


def file_rows(item: EvidenceItem) -> list[FileRow]:
    return [FileRow(f, PREVIEW_KIND.get(f.blob.media_type)) for f in item.files.all()]


@dataclass(frozen=True)
class ContributionRow:
    label: str
    reason: str
    met: bool
    required: bool
    points: int
    weight: int


@dataclass(frozen=True)
class Summary:
    well_documented: bool
    verdict: str
    score: int
    contributions: list[ContributionRow]
    excluded: dict[str, str]  # item UUID → why it does not count
    counted: frozenset[str]
    criteria: list[str]
    criteria_source: str


def documentation_summary(documentation: Documentation) -> Summary:
    rows = [
        ContributionRow(
            label=contribution_label(c.name),
            reason=reason_text(c.reason),
            met=c.met,
            required=c.needed is not None,
            points=round(c.points),
            weight=c.weight,
        )
        for c in documentation.contributions
    ]
    return Summary(
        well_documented=documentation.well_documented,
        verdict=reason_text(documentation.verdict),
        score=documentation.score,
        contributions=rows,
        excluded={e.key: reason_text(e.reason) for e in documentation.excluded},
        counted=frozenset(documentation.counted),
        criteria=criteria_lines(documentation.criteria),
        # The criteria file is data; the words of Haven's own default file are in the catalogue, so a
        # Russian reader gets them in Russian, and a coalition's own file reads as it was written.
        criteria_source=gettext(documentation.criteria.source) if documentation.criteria.source else "",
    )


@dataclass(frozen=True)
class Entry:
    item: EvidenceItem
    counted: bool
    why: str  # why it does not count, if it does not


def item_entries(items: list[EvidenceItem], summary: Summary) -> list[Entry]:
    return [
        Entry(item, str(item.public_id) in summary.counted, summary.excluded.get(str(item.public_id), ""))
        for item in items
    ]


CUSTODY_LABELS = {
    "evidence.add": _("Evidence added"),
    "evidence.capture": _("Captured from the web by Haven"),
    "evidence.update": _("Description or tags changed"),
    "evidence.view": _("Viewed"),
    "evidence.preview": _("File previewed"),
    "evidence.download": _("File downloaded"),
    "evidence.verify": _("Verdict given"),
    "evidence.send_back": _("Sent back for correction"),
    "evidence.working_copy": _("Made as a working copy"),
    "evidence.working_copy_made": _("Working copy made from it"),
    "evidence.bundle": _("Exported in an evidence bundle"),
}


@dataclass(frozen=True)
class CustodyRow:
    entry: AuditEntry
    label: str
    verdict: str
    sha256: str


def custody_rows(entries: list[AuditEntry]) -> list[CustodyRow]:
    verdicts = {"verified": _("verified"), "disputed": _("disputed"), "retracted": _("retracted")}
    return [
        CustodyRow(
            entry=e,
            label=str(CUSTODY_LABELS.get(e.action, e.action)),
            verdict=str(verdicts.get(e.detail.get("verdict", ""), "")),
            sha256=str(e.detail.get("sha256", "")),
        )
        for e in entries
    ]
