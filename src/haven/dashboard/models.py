"""What the dashboard keeps: each principal's documentation verdict, as last computed, with what it was
computed from, so that a dashboard over a hundred thousand households recomputes only what changed."""

from __future__ import annotations

from django.db import models


class DocumentationVerdict(models.Model):
    """Whether a person was well documented when their verified evidence had ``fingerprint``.

    A cache, not a record: it holds no value of its own (the evidence does) and is recomputed whenever
    the fingerprint of the person's verified evidence, or the criteria, no longer match.
    """

    person = models.OneToOneField(
        "cases.Person", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    fingerprint = models.CharField(max_length=80)
    well_documented = models.BooleanField()
    computed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"documentation verdict of person {self.person_id}"
