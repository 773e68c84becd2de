"""Benchmark many readers at once: 20 clients opening household pages (or the API) for a fixed time.

    .venv/bin/python bench/readers.py                                  # 300 households, pages, 20 s
    .venv/bin/python bench/readers.py --api                            # GET /api/v1/households/{ref}
    .venv/bin/python bench/readers.py --clients 20 --seconds 30 --households 500
    .venv/bin/python bench/readers.py --database-url postgres://postgres@127.0.0.1:5432/haven_readers

Every household page a user opens, and every API call, writes an audit entry. This measures whether
readers wait for each other there. It prepares a PostgreSQL database (created when missing, seeded
once, reused when it already holds that many households), starts Haven under gunicorn (threads; or
``runserver --noreload`` when gunicorn is not installed) on 127.0.0.1 only, signs in the demo
``caseworker1`` once, and has ``--clients`` threads, sharing that session, open random households of
caseworker1's organisation for ``--seconds``. It prints requests per second, the median and the 95th
percentile of the response time, the errors, and how many audit entries the run wrote.

``--audit-only`` leaves the web out: ``--clients`` threads in one process record household views
(``household_view``, the audit write of a page) as fast as they can, which shows the audit write's own
wait without the pages' rendering competing for the CPUs.

``--writer-holds 2`` adds what a long change does (a spreadsheet import appends its households' entries
in one transaction): a connection of its own locks the audit chain's head for 2 seconds, lets go for
``--writer-gap`` seconds (default 3), and again, for the whole run.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import requests

sys.path.insert(0, str(Path(__file__).parent))
from seeded import run, seeded

BIN = Path(sys.executable).parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/haven_readers"
SETTINGS = """from haven.settings import *  # noqa: F403
HAVEN_API_CALLS_PER_MINUTE = 10**9  # the benchmark's clients share one user: no rate limit
"""


def ensure_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def shell(env: dict[str, str], code: str) -> str:
    return run(env, "shell", "--no-imports", "-c", code)[1]


def references(env: dict[str, str]) -> list[str]:
    code = (
        "from haven.cases.models import Household\n"
        "from django.contrib.auth import get_user_model\n"
        "u = get_user_model().objects.get(username='caseworker1')\n"
        "print(' '.join(Household.objects.filter(organisation=u.membership.organisation)"
        ".values_list('reference', flat=True)))"
    )
    return shell(env, code).split()


def api_token(env: dict[str, str]) -> str:
    code = (
        "from django.contrib.auth import get_user_model\n"
        "from haven.accounts.actor import Actor\n"
        "from haven.api.tokens import token_create\n"
        "u = get_user_model().objects.get(username='caseworker1')\n"
        "print(token_create(actor=Actor.for_user(u), name='bench readers')[1])"
    )
    return shell(env, code).split()[-1]


def audit_count(env: dict[str, str]) -> int:
    code = (
        "from haven.audit.models import AuditEntry\n"
        "from django.apps import apps\n"
        "staged = apps.all_models['audit'].get('stagedentry')\n"
        "print(AuditEntry.objects.count() + (staged.objects.count() if staged else 0))"
    )
    return int(shell(env, code).split()[-1])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(env: dict[str, str], port: int, workers: int, threads: int) -> subprocess.Popen[bytes]:
    if (BIN / "gunicorn").exists():
        command = [str(BIN / "gunicorn"), "haven.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
                   "-k", "gthread", "--threads", str(threads), "--log-level", "warning"]  # fmt: skip
    else:
        command = [str(BIN / "haven"), "runserver", "--noreload", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, env=env)  # noqa: S603
    deadline = time.perf_counter() + 120
    while time.perf_counter() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}/login/", timeout=30)
            return server
        except requests.RequestException:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("Haven did not start")


def sign_in(base: str) -> dict[str, str]:
    session = requests.Session()
    page = session.get(f"{base}/login/", timeout=10).text
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token, "no login form"
    answer = session.post(
        f"{base}/login/",
        data={"username": "caseworker1", "password": "haven-demo-2026", "csrfmiddlewaretoken": token[1]},
        headers={"Referer": f"{base}/login/"},
        timeout=10,
    )
    assert answer.ok and "haven-session" in session.cookies, "caseworker1 could not sign in"
    return dict(session.cookies)


AUDIT_ONLY = """
import statistics, threading, time
from django.contrib.auth import get_user_model
from django.db import connections
from haven.accounts.actor import Actor
from haven.cases.actions import household_view
from haven.cases.models import Household
user = get_user_model().objects.get(username="caseworker1")
actor = Actor.for_user(user)
households = list(
    Household.objects.filter(organisation=user.membership.organisation).select_related("organisation")
)
times, stop = [], time.perf_counter() + SECONDS
def client(n):
    mine = []
    while time.perf_counter() < stop:
        started = time.perf_counter()
        household_view(actor=actor, household=households[(n * 7 + len(mine)) % len(households)], page="bench")
        mine.append(time.perf_counter() - started)
    times.extend(mine)
    connections.close_all()
began = time.perf_counter()
pool = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
[t.start() for t in pool]
[t.join() for t in pool]
elapsed = time.perf_counter() - began
cuts = statistics.quantiles(times, n=100)
p50, p95, worst = cuts[49] * 1000, cuts[94] * 1000, max(times) * 1000
print(f"  {len(times) / elapsed:.0f} audited views/s, p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {worst:.0f} ms")
"""


def hold_the_chain(url: str, hold: float, gap: float, stop: threading.Event) -> None:
    """Lock the audit chain's head as a long change would, ``hold`` seconds out of every ``hold + gap``."""
    with psycopg.connect(url) as conn:
        while not stop.is_set():
            with conn.transaction():
                conn.execute("SELECT 1 FROM audit_chainhead WHERE id = 1 FOR UPDATE")
                stop.wait(hold)
            stop.wait(gap)


def drive(
    base: str,
    paths: list[str],
    clients: int,
    seconds: float,
    cookies: dict[str, str],
    headers: dict[str, str],
) -> tuple[list[float], int, float]:
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def client(seed: int) -> None:
        pick = random.Random(seed)
        session = requests.Session()
        session.cookies.update(cookies)
        session.headers.update(headers)
        mine: list[float] = []
        failed = 0
        while time.perf_counter() < stop:
            started = time.perf_counter()
            answer = session.get(base + pick.choice(paths), timeout=60)
            mine.append(time.perf_counter() - started)
            failed += answer.status_code != 200
        with lock:
            times.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    pool = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return times, errors[0], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=10, help="threads per worker")
    parser.add_argument("--api", action="store_true", help="call the API instead of opening pages")
    parser.add_argument("--audit-only", action="store_true", help="time the audit write alone, no web")
    parser.add_argument("--writer-holds", type=float, default=0, help="seconds a long change holds the chain")
    parser.add_argument("--writer-gap", type=float, default=3, help="seconds between two such changes")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--folder", type=Path, help="keys and files (default: a temporary folder)")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("Readers at once need PostgreSQL: pass --database-url postgres://…")
    ensure_database(args.database_url)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="haven-bench-readers-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = seeded(args.households, folder, args.database_url, name="readers")
    (folder / "readers_settings.py").write_text(SETTINGS)
    env.update(
        DJANGO_SETTINGS_MODULE="readers_settings",
        PYTHONPATH=os.pathsep.join(p for p in (str(folder), env.get("PYTHONPATH", "")) if p),
        HAVEN_DEBUG="0",
        HAVEN_ALLOWED_HOSTS="127.0.0.1",
    )
    if args.audit_only:
        stop = threading.Event()
        writer = threading.Thread(
            target=hold_the_chain, args=(args.database_url, args.writer_holds, args.writer_gap, stop)
        )
        if args.writer_holds:
            writer.start()
        code = AUDIT_ONLY.replace("SECONDS", str(args.seconds)).replace("CLIENTS", str(args.clients))
        try:
            held = (
                f" (a change holding the chain {args.writer_holds:g} s of every" if args.writer_holds else ""
            )
            held += f" {args.writer_holds + args.writer_gap:g} s)" if args.writer_holds else ""
            print(f"{args.clients} threads recording household views for {args.seconds:g} s{held}:")
            print(shell(env, code).strip())
        finally:
            stop.set()
        return
    refs = references(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    headers: dict[str, str] = {}
    cookies: dict[str, str] = {}
    if args.api:
        paths = [f"/api/v1/households/{ref}" for ref in refs]
        headers = {"Authorization": f"Bearer {api_token(env)}"}
    else:
        paths = [f"/cases/{ref}/" for ref in refs]
    before = audit_count(env)
    server = start_server(env, port, args.workers, args.threads)
    stop = threading.Event()
    try:
        if not args.api:
            cookies = sign_in(base)
        drive(base, paths[:5], args.clients, 2, cookies, headers)  # warm-up, not counted
        if args.writer_holds:
            writer = threading.Thread(
                target=hold_the_chain, args=(args.database_url, args.writer_holds, args.writer_gap, stop)
            )
            writer.start()
        times, errors, elapsed = drive(base, paths, args.clients, args.seconds, cookies, headers)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    cuts = statistics.quantiles(times, n=100)
    what = "API calls" if args.api else "household pages"
    if args.writer_holds:
        every = args.writer_holds + args.writer_gap
        what += f" (a change holding the chain {args.writer_holds:g} s of every {every:g} s)"
    print(
        f"{args.clients} clients, {what} of {len(refs)} households, {elapsed:.1f} s on {os.cpu_count()} CPUs:"
    )
    p50, p95 = cuts[49] * 1000, cuts[94] * 1000
    rate = len(times) / elapsed
    print(
        f"  {rate:.1f} requests/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms, {errors} errors, {len(times)} requests"
    )
    print(f"  audit entries written (with the warm-up): {audit_count(env) - before:,}")


if __name__ == "__main__":
    main()
