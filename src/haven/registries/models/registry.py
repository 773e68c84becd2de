"""Registries as the Russian state publishes them: public information, stored in clear.

A :class:`Snapshot` is one file of a registry as imported, dated by the file's own export date or by
the importer. An :class:`Entry` is one listed person or organisation, identified across snapshots by a
key the format defines (for the Ministry of Justice its "№ п/п"); its fields are as the newest snapshot
that holds it published them. :class:`Appearance` says which entries each snapshot held, and
:class:`Change` what changed against the snapshot before it: "newly listed since the previous snapshot"
is ``Change.objects.filter(snapshot=s, kind="added")``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KIND_CHOICES = [("individual", _("Individual")), ("organisation", _("Organisation"))]
# The registries Haven reads by name, titled in the reader's language; others keep the title they were given.
KNOWN_TITLES = {
    "minjust-foreign-agents": _("Ministry of Justice: registry of foreign agents"),
    "rosfinmonitoring": _("Rosfinmonitoring: list of terrorists and extremists"),
    # The fictional list `haven demo` imports (haven.demo.registry): it says so in every language.
    "demonstration-fictional": _("Demonstration list — fictional"),
}
CHANGE_CHOICES = [("added", _("Added")), ("removed", _("Removed")), ("changed", _("Changed"))]


class Registry(models.Model):
    """A list kept by a Russian state body (or any other list imported as generic CSV)."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("registry")
        verbose_name_plural = _("registries")

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        return str(KNOWN_TITLES.get(self.slug, self.title))


class Snapshot(models.Model):
    """One imported file of a registry, with its counts and its changes against the previous one."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    registry = models.ForeignKey(Registry, on_delete=models.CASCADE, related_name="snapshots")
    taken_on = models.DateField(_("snapshot date"))
    exported_at = models.DateTimeField(_("exported at"), null=True, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source_format = models.CharField(_("format"), max_length=40)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )  # the snapshot the change counts compare against: the one dated just before
    entries_count = models.PositiveIntegerField(_("entries"), default=0)
    individuals_count = models.PositiveIntegerField(_("individuals"), default=0)
    added_count = models.PositiveIntegerField(_("added"), default=0)
    removed_count = models.PositiveIntegerField(_("removed"), default=0)
    changed_count = models.PositiveIntegerField(_("changed"), default=0)

    class Meta:
        ordering = ["registry__slug", "-taken_on"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")
        constraints = [
            models.UniqueConstraint(fields=["registry", "taken_on"], name="one_snapshot_per_registry_day"),
            models.UniqueConstraint(fields=["registry", "sha256"], name="one_snapshot_per_registry_file"),
        ]

    def __str__(self) -> str:
        return f"{self.registry.slug} {self.taken_on.isoformat()}"


class Entry(models.Model):
    """A listed person or organisation, as the newest snapshot that holds it publishes it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    registry = models.ForeignKey(Registry, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=300)  # identity across snapshots; see haven.registries.formats
    reference = models.CharField(_("reference"), max_length=60)  # the entry's own number, as published
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    name = models.TextField(_("name as published"))
    names = models.JSONField(_("names"), default=list)  # main name, former names, aliases, pseudonyms
    birth_date = models.CharField(_("date of birth"), max_length=10, blank=True)  # partial ISO text
    listed_on = models.DateField(_("date listed"), null=True, blank=True)
    removed_on = models.DateField(_("date removed"), null=True, blank=True)
    first_snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="+")
    last_snapshot = models.ForeignKey(Snapshot, on_delete=models.PROTECT, related_name="+")
    raw = models.JSONField(_("row as published"), default=dict)

    class Meta:
        ordering = ["registry__slug", "key"]
        verbose_name = _("registry entry")
        verbose_name_plural = _("registry entries")
        constraints = [models.UniqueConstraint(fields=["registry", "key"], name="one_entry_per_key")]
        indexes = [models.Index(fields=["registry", "kind"])]

    def __str__(self) -> str:
        return f"{self.registry.slug} {self.reference}"


class Appearance(models.Model):
    """An entry as one snapshot held it; ``listed`` is False when that snapshot marks it removed."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="appearances")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="appearances")
    listed = models.BooleanField(default=True)
    values = models.JSONField(default=dict)  # the fields compared between snapshots, as this one had them

    class Meta:
        constraints = [models.UniqueConstraint(fields=["snapshot", "entry"], name="one_appearance")]

    def __str__(self) -> str:
        return f"{self.entry} in {self.snapshot}"


class Change(models.Model):
    """How an entry changed in a snapshot against the previous snapshot of its registry."""

    snapshot = models.ForeignKey(Snapshot, on_delete=models.CASCADE, related_name="changes")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(_("change"), max_length=10, choices=CHANGE_CHOICES, db_index=True)
    fields = models.JSONField(default=list)  # for "changed": which fields

    class Meta:
        ordering = ["snapshot", "kind", "entry__key"]
        constraints = [models.UniqueConstraint(fields=["snapshot", "entry"], name="one_change_per_entry")]

    def __str__(self) -> str:
        return f"{self.kind} {self.entry} in {self.snapshot}"
