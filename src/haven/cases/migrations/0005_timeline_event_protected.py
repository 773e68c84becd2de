"""Timeline events Haven wrote itself are marked, so they can never be withdrawn; manual events can be
withdrawn with a reason (kept on the event, encrypted) instead of deleted."""

import django.db.models.deletion
import haven.security.fields
from django.conf import settings
from django.db import migrations, models


def mark_system_events(apps, schema_editor):
    """Moves along the pipeline, and the liaison's decisions (the only events a liaison writes)."""
    TimelineEvent = apps.get_model("cases", "TimelineEvent")
    TimelineEvent.objects.filter(kind="status_changed").update(system=True)
    TimelineEvent.objects.filter(created_by__membership__role="liaison").update(system=True)


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0004_person_keep_private'),
        ('accounts', '0002_loginfailure_totpdevice'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='timelineevent',
            name='system',
            field=models.BooleanField(default=False, editable=False, verbose_name='written by Haven'),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='withdrawn_at',
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='withdrawn_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='timelineevent',
            name='withdrawn_reason',
            field=haven.security.fields.SensitiveTextField(blank=True, editable=False, null=True, verbose_name='reason for withdrawing'),
        ),
        migrations.RunPython(mark_system_events, migrations.RunPython.noop),
    ]
