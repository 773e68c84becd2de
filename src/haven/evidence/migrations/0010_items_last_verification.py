import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('evidence', '0009_items_verified_originals_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='evidenceitem',
            name='last_verification',
            field=models.ForeignKey(blank=True, db_index=False, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='evidence.verification'),
        ),
        # Each item's newest verdict, from the verdicts written so far (standard SQL: SQLite and PostgreSQL).
        migrations.RunSQL(
            "UPDATE evidence_evidenceitem SET last_verification_id = (SELECT MAX(v.id)"
            " FROM evidence_verification v WHERE v.item_id = evidence_evidenceitem.id)",
            migrations.RunSQL.noop,
        ),
        migrations.AddIndex(
            model_name='evidenceitem',
            index=models.Index(fields=['person', 'last_verification'], name='evidence_person_last_verdict'),
        ),
    ]
