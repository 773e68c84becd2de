"""Each US record keeps its person's household (people never move household), filled here from the
people for the records already kept; the radar's indexes then name the household instead of the person."""

import django.db.models.deletion
import django.db.models.functions.text
import django.db.models.lookups
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_households(apps, schema_editor):
    USRecord = apps.get_model("cases", "USRecord")
    Person = apps.get_model("cases", "Person")
    household = Person.objects.filter(pk=OuterRef("person_id")).values("household_id")
    USRecord.objects.update(household_id=Subquery(household))


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0009_timeline_outcomes_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='usrecord',
            name='household',
            field=models.ForeignKey(editable=False, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='us_records', to='cases.household'),
        ),
        migrations.RunPython(fill_households, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name='usrecord',
            name='household',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='us_records', to='cases.household'),
        ),
        migrations.RemoveIndex(
            model_name='usrecord',
            name='usrecord_hearing_detained',
        ),
        migrations.RemoveIndex(
            model_name='usrecord',
            name='usrecord_removal_detained',
        ),
        migrations.AddIndex(
            model_name='usrecord',
            index=models.Index(fields=['next_hearing_date', 'detained', 'household', 'person'], name='usrecord_hearing_household'),
        ),
        migrations.AddIndex(
            model_name='usrecord',
            index=models.Index(fields=['removal_scheduled_date', 'detained', 'household', 'person'], name='usrecord_removal_household'),
        ),
        migrations.AddIndex(
            model_name='usrecord',
            index=models.Index(condition=models.Q(django.db.models.lookups.Exact(django.db.models.functions.text.Trim('detention_facility'), ''), ('detained', True)), fields=['household', 'person'], name='usrecord_detained_no_facility'),
        ),
        migrations.AddIndex(
            model_name='usrecord',
            index=models.Index(condition=models.Q(('removal_scheduled_date__isnull', True), ('status', 'final_order')), fields=['household', 'person'], name='usrecord_final_order_no_date'),
        ),
    ]
