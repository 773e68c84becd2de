"""Reading what the database and the file store hold, to show that nothing sensitive is kept in clear and
that nothing changed."""

from __future__ import annotations

import secrets
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core import serializers
from django.core.management import call_command
from django.db import connection

from haven.audit.models import ChainHead
from haven.cases.models import Person, PersonNameKey
from haven.security.columns import raw_columns, sensitive_columns
from haven.security.sensitive import index_values
from haven.security.snapshot import backup_models
from haven_core.names import query_keys
from tests.support import serving
from tests.support.serving import clean_env

# Each must be absent from raw database bytes and backups; all are written in the `caseload` fixture
# below or in tests/conftest.py (household_a, household_b).
SECRETS = (
    "Котова", "Юлия", "Сергеевна", "Котов", "Миша", "Щербаков", "Дмитрий",
    "KOTOVA", "IULIIA", "SHCHERBAKOV", "DMITRII", "Yulia Kotova",
    "204718395", "1988-04-12", "Нижний Новгород",
    "+1 917 555 0142", "iuliia.k@example.org", "1180 Ocean Parkway",
    "Котов Павел Андреевич", "PX9931177", "detained after the rally in Perm", "Toronto sponsor group",
)  # fmt: skip


def unchanged(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Every row as before; the audit trail may only have grown (rotations are recorded in it)."""
    audit = ("audit.auditentry", "audit.chainhead")
    old_entries, new_entries = before["audit.auditentry"], after["audit.auditentry"]
    same_rows = {k: v for k, v in after.items() if k not in audit} == {
        k: v for k, v in before.items() if k not in audit
    }
    return same_rows and all(new_entries[pk] == entry for pk, entry in old_entries.items())


def finds(name: str) -> set[int]:
    """People whose names match every word of ``name``, the way the case list searches."""
    people = Person.objects.all()
    for token_keys in query_keys(name):
        wanted = [v for k in token_keys for v in index_values(k)]
        people = people.filter(pk__in=PersonNameKey.objects.filter(key__in=wanted).values("person_id"))
    return set(people.values_list("pk", flat=True))


def stored_values() -> list[str]:
    """Every non-empty stored value of every sensitive column, as the database holds it."""
    values = []
    for model, fields in sensitive_columns():
        raw = raw_columns(fields)
        for row in model._base_manager.annotate(**raw).values_list(*raw):
            values.extend(v for v in row if v is not None)
    return values


def empty_installation(files: Path | None = None) -> None:
    if connection.vendor == "postgresql":  # the test's transaction holds deferred checks TRUNCATE refuses
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    ChainHead.objects.create(pk=1)  # as a freshly migrated installation has it
    if files is not None:
        for path in sorted(files.rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()


def snapshot() -> dict[str, dict[Any, dict[str, Any]]]:
    """Every backed-up row with its decrypted values, by model and primary key (for comparing)."""
    result: dict[str, dict[Any, dict[str, Any]]] = {}
    for model in backup_models():
        rows = model._base_manager.order_by("pk")
        serialised = serializers.serialize("python", rows, use_natural_foreign_keys=True)
        result[model._meta.label_lower] = {o["pk"]: o["fields"] for o in serialised}
    return result


def raw_database(tmp_path: Path) -> str:
    """Everything the database stores, as text (bytes that are not UTF-8 become replacement marks)."""
    if connection.vendor == "sqlite":
        copy = tmp_path / "copy.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(copy)])
        assert sqlite3.connect(copy).execute("PRAGMA integrity_check").fetchone() == ("ok",)
        raw = copy.read_bytes()
    elif connection.vendor == "postgresql":
        parts = []
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names(cursor):
                with cursor.cursor.copy(f"COPY {connection.ops.quote_name(table)} TO STDOUT") as copy:
                    parts.extend(bytes(block) for block in copy)
        raw = b"".join(parts)
    else:
        pytest.skip(f"no raw dump for {connection.vendor}")
    return raw.decode("utf-8", errors="replace").casefold()


def haven(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the ``haven`` command in a fresh process, with only ``env`` for Haven's own settings."""
    own = {"DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "HAVEN_VAR_DIR": str(tmp_path)}
    full = clean_env(**{**own, **env})
    return serving.haven(full, *args, check=False, timeout=120)


def production_settings(folder: Path) -> dict[str, str]:
    """A production configuration's settings, with encryption keys made by ``haven generate-keys`` in
    ``folder``: made once for a module of tests (a ``haven`` process costs seconds), which only read it;
    each test runs ``haven`` on a database of its own in its ``tmp_path``."""
    env = {
        "HAVEN_PRODUCTION": "1",
        "HAVEN_SECRET_KEY": secrets.token_urlsafe(60),
        "HAVEN_KEYS_FILE": str(folder / "keys.json"),
        "HAVEN_ALLOWED_HOSTS": "haven.example.org",
    }
    made = haven(["generate-keys"], env, folder)
    assert made.returncode == 0, made.stderr
    return env
