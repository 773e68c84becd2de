"""Tokens expire and have a scope. Tokens made before this had neither: they keep writing (what they
were made for) and expire 90 days from this migration, so none lives for ever."""

import datetime as dt

from django.db import migrations, models
from django.utils import timezone


def _expire_old_tokens(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True).update(
        expires_at=timezone.now() + dt.timedelta(days=90), scope="write"
    )


class Migration(migrations.Migration):
    dependencies = [("api", "0001_api_tokens")]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(null=True, verbose_name="expires"),
        ),
        migrations.AddField(
            model_name="apitoken",
            name="scope",
            field=models.CharField(
                choices=[("read", "Read only"), ("write", "Read and write")],
                default="read",
                max_length=10,
                verbose_name="scope",
            ),
        ),
        migrations.RunPython(_expire_old_tokens, migrations.RunPython.noop),
    ]
