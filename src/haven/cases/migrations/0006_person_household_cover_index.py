"""A covering index on people for PostgreSQL: a person's household and public id read from the index
alone (an index-only scan), without the person's row, which holds every encrypted field and is some forty
times wider. The deadline radar joins each US record and timeline event to its person for these two
columns only; over a coalition it read the whole table to do it.

Only PostgreSQL has covering indexes (``INCLUDE``); SQLite reads its small tables as fast without, so the
index is not declared on the model (Django would warn that SQLite ignores ``include``)."""

from django.db import migrations

NAME = "cases_person_household_cover"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {NAME} ON cases_person (id) INCLUDE (household_id, public_id)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_timeline_event_protected")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
