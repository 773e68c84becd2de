"""What Haven creates is its own user's alone (the SQLite database and its WAL, the key files, stored files
and their folders: 0600 and 0700 whatever the umask it was started with), and the rate limits count in
one cache all processes share: a database table that `haven migrate` makes, counting calls made at the
same moment by two processes as two."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.db import connection

from haven.api.v1.auth_and_errors import _rate_limit

PYTHON = sys.executable
STORE = 'from haven.evidence.storage import store_blob; store_blob(b"a court order")'


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_haven_migrate_makes_a_private_database_and_keys_and_the_cache_table(tmp_path: Path) -> None:
    var = tmp_path / "var"
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DATABASE_URL", "DJANGO_ALLOW"))
    }
    env |= {"HAVEN_VAR_DIR": str(var), "HAVEN_FILES_DIR": str(var / "files")}
    for command in ("migrate -v 0", f"shell -c '{STORE}'"):
        # A login's usual umask (022) would make all of these readable by every user of the machine.
        run = subprocess.run(  # noqa: S603 - our own command
            ["/bin/sh", "-c", f'umask 022 && exec "{PYTHON}" -m haven {command}'],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert run.returncode == 0, run.stderr
    made = [var, *var.rglob("*")]
    files = {str(p.relative_to(var)): _mode(p) for p in made if p.is_file()}
    assert {"haven.sqlite3", "secret-key", "keys.json"} <= set(files)
    assert any(name.startswith("files/evidence/") for name in files)
    assert files == dict.fromkeys(files, 0o600)
    assert {_mode(p) for p in made if p.is_dir()} == {0o700}
    with sqlite3.connect(var / "haven.sqlite3") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "haven_cache" in tables


def test_the_api_rate_limit_counts_in_the_shared_database_cache(db: Any, settings: Any) -> None:
    settings.HAVEN_API_CALLS_PER_MINUTE = 5
    assert settings.CACHES["default"]["BACKEND"] == "haven.security.cache.DatabaseCache"
    _rate_limit(4242)
    _rate_limit(4242)
    # Another process opens its own cache connection: it sees the same count.
    other = caches.create_connection("default")
    (key,) = [k for k in ("haven-api-rate:4242:" + str(m) for m in _minutes()) if other.get(k) is not None]
    assert other.get(key) == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM haven_cache")
        assert cursor.fetchone()[0] >= 1


# Two processes count one API call each at the same moment; Django's database cache reads the count,
# waits (here: half a second, to make the moment wide) and writes it back plus one.
COUNT_ONE_CALL = """
import sys, time
from pathlib import Path
import django
django.setup()
from django.core.cache.backends.db import DatabaseCache
from haven.api.v1.auth_and_errors import _rate_limit

read = DatabaseCache.get
def slow_get(self, *args, **kwargs):
    value = read(self, *args, **kwargs)
    time.sleep(0.5)
    return value
DatabaseCache.get = slow_get
go = Path(sys.argv[1])
while not go.exists():
    time.sleep(0.01)
_rate_limit(4242)
"""


def test_simultaneous_calls_are_all_counted(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("HAVEN_", "DATABASE_URL", "DJANGO_ALLOW"))
    }
    env |= {
        "HAVEN_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'haven.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "haven.settings",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    subprocess.run([PYTHON, "-m", "haven", "createcachetable"], env=env, check=True, timeout=120)  # noqa: S603
    go = tmp_path / "go"
    callers = [
        subprocess.Popen([PYTHON, "-c", COUNT_ONE_CALL, str(go)], env=env)  # noqa: S603
        for _ in range(2)
    ]
    time.sleep(3)  # both have started Django and wait
    go.touch()
    assert [caller.wait(timeout=60) for caller in callers] == [0, 0]
    read = subprocess.run(  # noqa: S603
        [PYTHON, "-c", "import django; django.setup(); from django.core.cache import cache; "
         f"print([cache.get('haven-api-rate:4242:' + str(m)) for m in {_minutes()}])"],
        env=env, check=True, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert 2 in eval(read.stdout), read.stdout  # noqa: S307 - a list of numbers we printed


def _minutes() -> list[int]:
    import time

    now = int(time.time() // 60)
    return [now - 1, now]
