"""Importing a registry file as a snapshot, all or nothing, and saying what changed since the last one.

One transaction: either every entry of the file is in, with its snapshot, its changes and the audit
entry, or nothing is. Entries keep the values of the newest snapshot that holds them, so a snapshot
imported out of order (an older file after a newer one) fits in without overwriting newer data; the
changes of the snapshot after it are then recomputed against it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils.translation import gettext as _

from haven.accounts.actor import Actor
from haven.events import RegistryListedAnew, publish_on_commit
from haven.progress import Progress
from haven.registries.actions.records import registry_import_record
from haven.registries.errors import RegistryImportError
from haven.registries.formats import ParsedEntry, ParsedFile, RegistryFileError, read_registry_file
from haven.registries.models import Appearance, Change, Entry, Registry, Snapshot

BATCH = 1000
COMPARED = ("name", "names", "kind", "birth_date", "listed_on", "removed_on")


@dataclass(frozen=True)
class Listed:
    """An entry named in a change report: public registry data."""

    reference: str
    name: str
    birth_date: str = ""


@dataclass
class ImportResult:
    registry: str
    taken_on: dt.date
    format: str
    entries: int
    individuals: int
    previous: dt.date | None
    added: list[Listed] = field(default_factory=list)
    removed: list[Listed] = field(default_factory=list)
    changed: list[Listed] = field(default_factory=list)
    snapshot: Snapshot | None = None  # None after a dry run


def _values(parsed: ParsedEntry) -> dict[str, Any]:
    return {
        "reference": parsed.reference,
        "name": parsed.name,
        "names": list(parsed.names),
        "kind": parsed.kind,
        "birth_date": parsed.birth_date,
        "listed_on": parsed.listed_on.isoformat() if parsed.listed_on else None,
        "removed_on": parsed.removed_on.isoformat() if parsed.removed_on else None,
    }


def _listed_in(parsed: ParsedEntry, taken_on: dt.date) -> bool:
    return parsed.removed_on is None or parsed.removed_on > taken_on


def _snapshot_date(parsed: ParsedFile, given: dt.date | None) -> dt.date:
    if parsed.taken_on and given and parsed.taken_on != given:
        raise RegistryImportError(
            f"the file says it was exported on {parsed.taken_on.isoformat()}, not {given.isoformat()}"
        )
    taken_on = parsed.taken_on or given
    if taken_on is None:
        hint = f" ({parsed.hint})" if parsed.hint else ""
        raise RegistryImportError(
            _(
                "this file does not say its date%(hint)s: "
                "give its snapshot date (on the command line, --date YYYY-MM-DD)"
            )
            % {"hint": hint}
        )
    return taken_on


def _registry(parsed: ParsedFile, name: str | None) -> Registry:
    slug = name or parsed.registry
    if not slug:
        raise RegistryImportError("say which registry this generic file is with --registry NAME")
    if name and parsed.registry and name != parsed.registry:
        raise RegistryImportError(f"this file is the {parsed.registry} registry, not {name}")
    registry, _created = Registry.objects.get_or_create(slug=slug, defaults={"title": slug})
    return registry


def _store_entries(snapshot: Snapshot, parsed: Sequence[ParsedEntry], progress: Progress | None) -> None:
    """Create or update the entries of ``parsed`` and record their appearances in ``snapshot``, a batch
    at a time: only a batch's entries are looked up and held, never the whole registry."""
    fields = ["first_snapshot", "last_snapshot", "reference", "raw", *COMPARED]
    for start in range(0, len(parsed), BATCH):
        batch = parsed[start : start + BATCH]
        existing = {
            e.key: e
            for e in Entry.objects.filter(registry=snapshot.registry, key__in=[item.key for item in batch])
            .select_related("first_snapshot", "last_snapshot")
        }  # fmt: skip
        new, updated, appearances = [], [], []
        for item in batch:
            entry = existing.get(item.key)
            if entry is None:
                entry = Entry(
                    registry=snapshot.registry, key=item.key, first_snapshot=snapshot, last_snapshot=snapshot
                )
                new.append(entry)
                newest = True
            else:
                newest = entry.last_snapshot.taken_on < snapshot.taken_on
                if entry.first_snapshot.taken_on > snapshot.taken_on:
                    entry.first_snapshot = snapshot
                if newest:
                    entry.last_snapshot = snapshot
                updated.append(entry)
            if newest:
                for name in COMPARED:
                    setattr(entry, name, getattr(item, name) if name != "names" else list(item.names))
                entry.reference, entry.raw = item.reference, item.raw
            appearances.append((entry, item))
        Entry.objects.bulk_create(new)
        if updated:
            Entry.objects.bulk_update(updated, fields)
        Appearance.objects.bulk_create(
            Appearance(
                snapshot=snapshot,
                entry_id=entry.pk,
                listed=_listed_in(item, snapshot.taken_on),
                values=_values(item),
            )
            for entry, item in appearances
        )
        if progress:
            progress.advance(len(batch))


def _appearances(snapshot: Snapshot) -> Iterator[tuple[int, bool, dict[str, Any]]]:
    """``(entry id, listed, values)`` of every appearance in ``snapshot``, in entry order, streamed."""
    return (
        Appearance.objects.filter(snapshot=snapshot)
        .order_by("entry_id")
        .values_list("entry_id", "listed", "values")
        .iterator(chunk_size=BATCH)
    )


def _compared(
    before: Iterator[tuple[int, bool, dict[str, Any]]], now: Iterator[tuple[int, bool, dict[str, Any]]]
) -> Iterator[tuple[int, tuple[bool, dict[str, Any]] | None, tuple[bool, dict[str, Any]] | None]]:
    """Both snapshots' appearances side by side by entry (a merge of two sorted streams): ``(entry id,
    (listed, values) before or None, (listed, values) now or None)``."""
    old, new = next(before, None), next(now, None)
    while old is not None or new is not None:
        if new is None or (old is not None and old[0] < new[0]):
            assert old is not None
            yield old[0], (old[1], old[2]), None
            old = next(before, None)
        elif old is None or new[0] < old[0]:
            yield new[0], None, (new[1], new[2])
            new = next(now, None)
        else:
            yield new[0], (old[1], old[2]), (new[1], new[2])
            old, new = next(before, None), next(now, None)


def record_changes(snapshot: Snapshot) -> list[Change]:
    """(Re)compute ``snapshot``'s changes against the snapshot of its registry dated just before it.

    Added: in this snapshot and not listed in the previous one (new, or listed again). Removed: listed
    in the previous one, and gone or marked removed in this one. Changed: listed in both with another
    name, spelling, birth date or date. The first snapshot of a registry has no changes. Both snapshots
    are read side by side in entry order, a batch at a time; only the changes are held.
    """
    Change.objects.filter(snapshot=snapshot).delete()
    previous = (
        Snapshot.objects.filter(registry=snapshot.registry, taken_on__lt=snapshot.taken_on)
        .order_by("-taken_on")
        .first()
    )
    changes: list[Change] = []
    if previous is not None:
        for entry_id, old, now in _compared(_appearances(previous), _appearances(snapshot)):
            if now is None:
                if old is not None and old[0]:
                    changes.append(Change(snapshot=snapshot, entry_id=entry_id, kind="removed"))
            elif old is None or (not old[0] and now[0]):
                changes.append(Change(snapshot=snapshot, entry_id=entry_id, kind="added"))
            elif old[0] and not now[0]:
                changes.append(Change(snapshot=snapshot, entry_id=entry_id, kind="removed"))
            elif old[0] and (fields := [f for f in COMPARED if old[1].get(f) != now[1].get(f)]):
                changes.append(Change(snapshot=snapshot, entry_id=entry_id, kind="changed", fields=fields))
        Change.objects.bulk_create(changes, batch_size=BATCH)
    snapshot.previous = previous
    snapshot.added_count = sum(1 for c in changes if c.kind == "added")
    snapshot.removed_count = sum(1 for c in changes if c.kind == "removed")
    snapshot.changed_count = sum(1 for c in changes if c.kind == "changed")
    snapshot.save(update_fields=["previous", "added_count", "removed_count", "changed_count"])
    return changes


def _listed(changes: Sequence[Change], kind: str) -> list[Listed]:
    ids = [c.entry_id for c in changes if c.kind == kind]
    entries = Entry.objects.filter(pk__in=ids).only("reference", "name", "birth_date", "key")
    return [Listed(e.reference, e.name, e.birth_date) for e in sorted(entries, key=reference_order)]


def reference_order(entry: Entry) -> tuple[int, str]:
    """Numbers in numeric order ("2" before "10"), other references after them."""
    return (int(entry.reference) if entry.reference.isdigit() else 10**12, entry.key)


def _aware(moment: dt.datetime | None) -> dt.datetime | None:
    """Russian registries state Moscow time without saying so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=ZoneInfo("Europe/Moscow"))


class _DryRun(Exception):
    """Raised at the end of a dry run to roll everything back."""


def registry_import(
    *,
    actor: Actor,
    data: bytes,
    file_name: str = "",
    registry: str | None = None,
    taken_on: dt.date | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Import one registry file as a snapshot; with ``dry_run``, only say what it would change."""
    try:
        parsed = read_registry_file(data)
    except RegistryFileError as exc:
        raise RegistryImportError(str(exc)) from exc
    date = _snapshot_date(parsed, taken_on)
    sha256 = hashlib.sha256(data).hexdigest()
    if progress:
        progress.total = len(parsed.entries)
    result: ImportResult | None = None
    try:
        with transaction.atomic():
            target = _registry(parsed, registry)
            if Snapshot.objects.filter(registry=target, sha256=sha256).exists():
                raise RegistryImportError(f"this file is already imported into {target.slug}")
            if Snapshot.objects.filter(registry=target, taken_on=date).exists():
                raise RegistryImportError(f"{target.slug} already has a snapshot dated {date.isoformat()}")
            snapshot = Snapshot.objects.create(
                registry=target,
                taken_on=date,
                exported_at=_aware(parsed.exported_at),
                imported_by=actor.user,
                source_format=parsed.format,
                file_name=file_name[:255],
                sha256=sha256,
                entries_count=len(parsed.entries),
                individuals_count=parsed.individuals,
            )
            _store_entries(snapshot, parsed.entries, progress)
            changes = record_changes(snapshot)
            following = (
                Snapshot.objects.filter(registry=target, taken_on__gt=date).order_by("taken_on").first()
            )
            if following is not None:
                record_changes(following)
            result = ImportResult(
                registry=target.slug,
                taken_on=date,
                format=parsed.format,
                entries=len(parsed.entries),
                individuals=parsed.individuals,
                previous=snapshot.previous.taken_on if snapshot.previous else None,
                added=_listed(changes, "added"),
                removed=_listed(changes, "removed"),
                changed=_listed(changes, "changed"),
                snapshot=None if dry_run else snapshot,
            )
            if dry_run:
                raise _DryRun
            registry_import_record(
                actor=actor,
                snapshot=snapshot,
                detail={
                    "registry": target.slug,
                    "taken_on": date.isoformat(),
                    "format": parsed.format,
                    "sha256": sha256,
                    "entries": result.entries,
                    "individuals": result.individuals,
                    "added": len(result.added),
                    "removed": len(result.removed),
                    "changed": len(result.changed),
                },
            )
            if following is None and result.added:  # a newer snapshot that lists people anew
                publish_on_commit(RegistryListedAnew(snapshot_id=snapshot.pk, actor=actor))
    except _DryRun:
        pass
    assert result is not None
    return result
