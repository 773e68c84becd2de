"""A referred household can be withdrawn from its batch by the coordinator, with a reason."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('referral', '0002_entry_outcome'),
    ]

    operations = [
        migrations.AlterField(
            model_name='referralentry',
            name='decision',
            field=models.CharField(choices=[('pending', 'Awaiting decision'), ('accepted', 'Accepted'), ('refused', 'Refused'), ('more_information', 'More information needed'), ('withdrawn', 'Withdrawn from the batch')], db_index=True, default='pending', max_length=20, verbose_name='decision'),
        ),
    ]
