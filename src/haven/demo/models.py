"""The demo generator's ground truth, kept so that identity matching can be tested against it."""

from __future__ import annotations

from django.db import models


class SyntheticIdentity(models.Model):
    """Which synthetic person a seeded record stands for: records sharing ``identity`` are one person."""

    person = models.OneToOneField("cases.Person", on_delete=models.CASCADE, related_name="+")
    identity = models.CharField(max_length=40, db_index=True)

    def __str__(self) -> str:
        return f"{self.identity}: person {self.person_id}"
