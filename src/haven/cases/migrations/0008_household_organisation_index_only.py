from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_recovery_codes_and_required_second_factor'),
        ('cases', '0007_radar_index_only_reads'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='household',
            index=models.Index(fields=['organisation', 'id'], name='household_organisation_ids'),
        ),
    ]
