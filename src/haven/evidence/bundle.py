"""``haven evidence-bundle``: a household's evidence, decrypted, with a manifest that proves what it is.

The manifest lists the household's people and every item (metadata, what it shows, the reviewers'
verdicts), each file's SHA-256, size, type and role, the files' RFC 3161 tokens (base64) and the
authority certificate(s) to check them, and each item's chain of custody: the audit entries about the
item and its files (who, when, what), with their hash-chain links. When a timestamp authority is
configured the manifest itself is timestamped too, so changing the manifest and a file together is
caught as well. The format and the offline check are in :mod:`haven_core.bundles`.

What leaves Haven carries no metadata (:mod:`haven_core.bundles.leaving`): an original photo, video or
PDF goes as a copy Haven made without its metadata, and the original stays in Haven, listed with its
SHA-256, size and timestamps (``"in_bundle": false``). A photo's or a video's copy is made now if it has
none yet, with its custody entry; a scan's searchable PDF comes from its reading, a background job, and
is never made by an export: while a scan's reading is still to come the export stops and says so
(:class:`~haven.evidence.errors.ScansUnread`), unless ``without_unread`` is asked for, when the scan's
original stays in Haven like the others, its ``"kept_in_haven"`` saying it was still being read. A
bundle for the coalition's own archive includes the originals too when ``with_originals`` is asked for.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation

from haven.accounts.actor import Actor
from haven.audit.models import AuditEntry
from haven.cases.models import Household, Person
from haven.evidence.cleaning import clean_copies_make, scans_unread
from haven.evidence.errors import ScansUnread
from haven.evidence.models import EvidenceItem, ItemFile
from haven.evidence.storage import read_blob
from haven.evidence.timestamps import (
    TimestampFailed,
    authority_certificates,
    request_token,
    timestamp_pending,
)
from haven_core.bundles import (
    AUTHORITY_PEM,
    FORMAT,
    MANIFEST,
    MANIFEST_STAMP,
    README,
    VERSION,
    file_path,
    token_path,
)
from haven_core.bundles.archive import BundleArchive, sealed
from haven_core.bundles.leaving import AS_IS, WITHHELD, leaves

ITEM_FIELDS = (
    "title", "description", "source_url", "author", "published_on", "language", "followers", "views",
    "registry", "registry_reference", "registry_listed_on",
)  # fmt: skip
NAME_FIELDS = ("surname_cyrillic", "given_name_cyrillic", "patronymic_cyrillic", "surname_latin",
               "given_name_latin", "birth_date")  # fmt: skip


@dataclass(frozen=True)
class BundleSummary:
    items: int
    files: int
    timestamps: int
    manifest_sha256: str
    manifest_timestamped: bool
    manifest_stamp_problem: str = ""
    kept_in_haven: int = 0  # originals listed but not in the bundle (their metadata stays in Haven)
    copies_made: int = 0  # copies without metadata made for this export
    not_cleaned: dict[str, str] = field(default_factory=dict)  # SHA-256 → why no copy could be made
    still_reading: int = 0  # scans whose reading was still to come: their originals stayed in Haven


def _who(user: Any) -> str:
    return user.get_username() if user is not None else "Haven"


def _entry(entry: AuditEntry) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.isoformat(),
        "who": _who(entry.actor),
        "action": entry.action,
        "detail": entry.detail,
        "hash": entry.hash,
    }


def _items(household: Household, verified_only: bool) -> list[EvidenceItem]:
    items = EvidenceItem.objects.filter(person__household=household)
    if verified_only:
        items = items.filter(status="verified")
    return list(
        items.select_related("person", "added_by", "original")
        .prefetch_related("tags", "verifications__reviewer", "files__blob__timestamps", "files__derived_from")
        .order_by("person_id", "added_at", "id")
    )


def _person(person: Person) -> dict[str, Any]:
    names = {name: getattr(person, name) for name in NAME_FIELDS if getattr(person, name)}
    return {"id": str(person.public_id), "relationship": person.relationship, **names}


def goes_out(item_file: ItemFile, with_originals: bool) -> bool:
    """Whether the file itself is in the bundle (or only listed, staying in Haven with its metadata)."""
    return with_originals or leaves(item_file.role, item_file.blob.media_type) == AS_IS


def _file(item_file: ItemFile, with_originals: bool, not_cleaned: dict[str, str]) -> dict[str, Any]:
    blob = item_file.blob
    extra: dict[str, Any] = {"in_bundle": goes_out(item_file, with_originals)}
    if not extra["in_bundle"]:
        if leaves(item_file.role, blob.media_type) == WITHHELD:
            why = f"Haven cannot remove the metadata of {blob.media_type} files"
        else:
            why = not_cleaned.get(blob.sha256, "it carries metadata: a copy without it is in the bundle")
        extra["kept_in_haven"] = why
    if (source := item_file.derived_from) is not None:
        extra["derived_from"] = source.sha256
    return {
        "path": file_path(blob.sha256, blob.media_type, item_file.role),
        "role": item_file.role,
        "filename": item_file.filename,
        "sha256": blob.sha256,
        "size": blob.size,
        "media_type": blob.media_type,
        "stored_at": item_file.captured_at.isoformat(),
        "timestamps": [
            {
                "path": token_path(blob.sha256, number),
                "authority": stamp.authority,
                "generated_at": stamp.generated_at.isoformat(),
                "token": base64.b64encode(bytes(stamp.token)).decode("ascii"),
            }
            for number, stamp in enumerate(sorted(blob.timestamps.all(), key=lambda s: s.pk), start=1)
        ],
        **extra,
    }


def _item(
    item: EvidenceItem, custody: list[dict[str, Any]], with_originals: bool, not_cleaned: dict[str, str]
) -> dict[str, Any]:
    return {
        "id": str(item.public_id),
        "person": str(item.person.public_id),
        "kind": item.kind,
        "kind_label": str(item.get_kind_display()),
        **{name: _plain(getattr(item, name)) for name in ITEM_FIELDS},
        "original": str(item.original.public_id) if item.original else None,
        "derivation": item.derivation,
        "status": item.status,
        "added_by": _who(item.added_by),
        "added_at": item.added_at.isoformat(),
        "shows": [
            {"tag": t.tag, "label": str(t.get_tag_display()), "activity_date": _plain(t.activity_date)}
            for t in sorted(item.tags.all(), key=lambda t: t.tag)
        ],
        "verdicts": [
            {"verdict": v.verdict, "reviewer": _who(v.reviewer), "note": v.note, "at": v.at.isoformat()}
            for v in sorted(item.verifications.all(), key=lambda v: (v.at, v.pk))
        ],
        "files": [
            _file(f, with_originals, not_cleaned)
            for f in sorted(item.files.all(), key=lambda f: (f.role, f.pk))
        ],
        "custody": custody,
    }


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _custody(household: Household, items: list[EvidenceItem]) -> dict[str, list[dict[str, Any]]]:
    """Each item's audit entries: those about the item, and those about its files (timestamps)."""
    targets: dict[str, set[str]] = defaultdict(set)
    for item in items:
        targets[str(item.public_id)].add(str(item.public_id))
        for item_file in item.files.all():
            targets[f"sha256:{item_file.blob.sha256}"].add(str(item.public_id))
    entries = AuditEntry.objects.filter(
        Q(target__in=list(targets)) & (Q(household_ref=household.reference) | Q(household_ref=""))
    ).select_related("actor")
    custody: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in entries.order_by("seq"):
        for item_id in sorted(targets[entry.target]):
            custody[item_id].append(_entry(entry))
    return custody


def build_manifest(
    household: Household,
    items: list[EvidenceItem],
    *,
    with_originals: bool = False,
    not_cleaned: dict[str, str] | None = None,
) -> dict[str, Any]:
    custody = _custody(household, items)
    people = {item.person_id: item.person for item in items}
    exports = AuditEntry.objects.filter(household_ref=household.reference, action="evidence.bundle")
    with translation.override("en"):
        return {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "household": household.reference,
            "organisation": str(household.organisation),
            "hash_algorithm": "sha256",
            "timestamp_authority_certificates": AUTHORITY_PEM,
            "originals_included": with_originals,
            "people": [_person(p) for p in people.values()],
            "items": [
                _item(item, custody.get(str(item.public_id), []), with_originals, not_cleaned or {})
                for item in items
            ],
            "earlier_exports": [_entry(e) for e in exports.select_related("actor").order_by("seq")],
        }


def write_bundle(
    household: Household,
    out: IO[bytes],
    *,
    passphrase: bytes | None,
    recipients: Sequence[str] = (),
    verified_only: bool = False,
    with_originals: bool = False,
    without_unread: bool = False,
) -> BundleSummary:
    """Write the household's bundle to ``out``; every file is read (and its hash checked) from storage.
    Copies without metadata of photos and videos that are missing are made first (as Haven, each with
    its custody entry). :class:`ScansUnread`, before any copy is made or a byte written, if a scan that
    would leave as its searchable PDF is still to be read, unless ``without_unread`` or ``with_originals``."""
    items = _items(household, verified_only)
    unread = scans_unread(items=items)
    if unread.waiting and not (without_unread or with_originals):
        raise ScansUnread(_unread_message(unread.waiting, unread.queued_now))
    made, not_cleaned = clean_copies_make(actor=Actor.system(), items=items)
    not_cleaned.update(unread.not_cleaned if with_originals else {**unread.not_cleaned, **unread.reading})
    if made:
        timestamp_pending(blob_ids=made)  # now, not after some outer transaction: this bundle has them
        items = _items(household, verified_only)
    built = build_manifest(household, items, with_originals=with_originals, not_cleaned=not_cleaned)
    manifest = json.dumps(built, ensure_ascii=False, indent=2).encode("utf-8")
    manifest_sha256 = hashlib.sha256(manifest).hexdigest()
    stamp, problem = _manifest_stamp(manifest_sha256)
    listed = [f for i in items for f in i.files.all()]
    files = {
        file_path(f.blob.sha256, f.blob.media_type, f.role): f.blob
        for f in listed
        if goes_out(f, with_originals)
    }
    kept = {f.blob.sha256 for f in listed} - {blob.sha256 for blob in files.values()}
    tokens = {  # an original kept in Haven still has its tokens here: they prove when it existed
        token_path(f.blob.sha256, number): bytes(ts.token)
        for f in listed
        for number, ts in enumerate(sorted(f.blob.timestamps.all(), key=lambda s: s.pk), start=1)
    }
    certificates = authority_certificates() if (tokens or stamp) else b""
    with sealed(out, passphrase, recipients) as target:
        archive = BundleArchive(target)
        archive.add(MANIFEST, manifest)
        if stamp:
            archive.add(MANIFEST_STAMP, stamp)
        archive.add(README, readme(household.reference, manifest_sha256).encode("utf-8"))
        if certificates:
            archive.add(AUTHORITY_PEM, certificates)
        for path, blob in sorted(files.items()):
            archive.add(path, read_blob(blob))
        for path, token in sorted(tokens.items()):
            archive.add(path, token)
        archive.close()
    return BundleSummary(
        len(items), len(files), len(tokens), manifest_sha256, bool(stamp), problem,
        kept_in_haven=len(kept), copies_made=len(made), not_cleaned=not_cleaned,
        still_reading=0 if with_originals else len(unread.waiting),
    )  # fmt: skip


def _unread_message(waiting: list[EvidenceItem], queued_now: int) -> str:
    ids = ", ".join(str(item.public_id) for item in waiting[:5]) + (", …" if len(waiting) > 5 else "")
    queued = f" (the reading of {queued_now} was queued now: they had never been read)" if queued_now else ""
    return (
        f"{len(waiting)} scans are still to be read{queued}: items {ids}. Their copies without metadata "
        "are the searchable PDFs their reading makes, and an export does not read scans itself. Export "
        "again once Haven's worker has read them (each item's page shows how far it got), or give "
        "--without-unread-scans to export now with those originals kept in Haven."
    )


def _manifest_stamp(sha256: str) -> tuple[bytes | None, str]:
    if not getattr(settings, "HAVEN_TSA_URL", ""):
        return None, ""
    try:
        return request_token(sha256)[0], ""
    except TimestampFailed as exc:
        return None, str(exc)


def readme(reference: str, manifest_sha256: str) -> str:
    return README_TEXT.format(reference=reference, manifest_sha256=manifest_sha256)


README_TEXT = """Evidence bundle of household {reference} (Haven)
=================================================

manifest.json lists every item of evidence, what it shows, who verified it, the SHA-256 of each file, its
RFC 3161 timestamps and its chain of custody. SHA-256 of manifest.json: {manifest_sha256}
(Haven's audit trail records the same value for this export: ask the sender to confirm it.)

Files with "in_bundle": false in manifest.json are originals kept in Haven: they may carry metadata
(a photo's GPS position, a device, a PDF's author) that must not travel. Each is listed with its SHA-256,
size and timestamp tokens, and the copy made of it without metadata (its "derived_from" names the
original's SHA-256) is in the bundle, its making recorded in the item's custody.

Check it with Haven:      haven verify-bundle THIS-FILE
Check it by hand:
  1. Each file is named by its SHA-256:  sha256sum files/*  (the name and the sum must agree, and
     match "sha256" in manifest.json).
  2. Each timestamp token (timestamps/<sha256>-<n>.tsr) with OpenSSL:
       openssl ts -verify -in timestamps/<sha256>-1.tsr -token_in -data files/<sha256>.<ext> \\
               -CAfile timestamps/authority.pem
     and manifest.tsr likewise with -data manifest.json. For an original kept in Haven, give its SHA-256
     instead of the file: -digest <sha256> in place of -data files/<sha256>.<ext>. Compare the
     fingerprint of authority.pem (openssl x509 -in timestamps/authority.pem -noout -fingerprint
     -sha256) with the one the timestamp authority publishes: a certificate inside the bundle proves
     nothing by itself.

A timestamp proves that these exact bytes existed at that time. It does not prove that a post was
genuine, who wrote it, or that a page showed the same thing to everyone.

Пакет доказательств семьи {reference} (Haven)
manifest.json перечисляет все материалы, что они подтверждают, кто их проверил, SHA-256 каждого файла,
метки времени RFC 3161 и историю хранения. Проверка: haven verify-bundle ЭТОТ-ФАЙЛ, или вручную, как
описано выше (sha256sum и openssl ts -verify). Метка времени доказывает, что именно эти байты
существовали в это время, но не то, что публикация подлинная.
"""
