"""Encrypt the reason a household was closed: free text written by caseworkers, it can endanger."""

from django.db import migrations
from django.db.models import TextField, Value
from django.db.models.functions import Cast

import haven.security.fields


def encrypt_existing(apps, schema_editor):
    """Empty reasons become NULL (how sensitive fields store nothing); written ones are encrypted."""
    from haven.security.sensitive import codec

    Household = apps.get_model("cases", "Household")
    stored = Household.objects.annotate(stored=Cast("closed_reason", TextField()))
    stored.filter(stored="").update(closed_reason=Value(None, output_field=TextField()))
    for pk, text in stored.exclude(stored="").exclude(stored__isnull=True).values_list("pk", "stored"):
        if not text.startswith("v1:"):
            sealed = Value(codec().encode(text), output_field=TextField())
            Household.objects.filter(pk=pk).update(closed_reason=sealed)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="household",
            name="closed_reason",
            field=haven.security.fields.SensitiveTextField(blank=True, null=True, verbose_name="reason for closing"),
        ),
        migrations.RunPython(encrypt_existing, migrations.RunPython.noop),
    ]
