"""Benchmark Haven's pages as served in production: gunicorn (`haven serve`) over a seeded coalition on
PostgreSQL, signed-in personas, a bounded mix of the main pages, 1 and then 20 concurrent clients.

    .venv/bin/python bench/web.py                                 # 10,000 households, 1 then 20 clients
    .venv/bin/python bench/web.py --households 2000 --seconds 30
    .venv/bin/python bench/web.py --clients 1,5,20 --workers 4
    .venv/bin/python bench/web.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench_web

The database (default: haven_bench_web on the local PostgreSQL) is emptied, seeded and assessed once, then
reused while it holds exactly that many households; its keys stay in --folder (default
/tmp/haven-bench-web), which must therefore be kept with it. `haven serve` starts on a free loopback port
with HAVEN_BENCH_QUERY_COUNT=1, so that each response says its SQL queries, the server's own time and its
processor time (X-Haven-Queries, X-Haven-Server-Ms, X-Haven-Cpu-Ms; a setting refused in production). The
personas are the demo's caseworker1 and reviewer1 (one organisation) and the coordinator (every
organisation; its second factor is computed from an authenticator secret the benchmark gives it in this
database). Each client is a thread that signs in as nothing itself: it reuses one of those sessions and
opens, at random, the case list, a search, a household, a person's evidence, the deadline radar and the
dashboard, for --seconds each round. It prints, per page, the median and 95th percentile of the time the
client waited, the server's median time and the median processor time of the worker's thread (which leaves
out waiting for the database and for a turn on a busy processor: the steadier figure), the queries (median
and most), then requests per second; the clients run on the same two cores as the server, so the figures
are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyotp
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from seeded import HAVEN, run, seeded

PERSONAS = ("caseworker1", "reviewer1", "coordinator")
PASSWORD = "haven-demo-2026"  # noqa: S105  (the demo logins' published password: haven.demo.users)
SEARCHES = ("Ivanov", "Smirnova", "Petrov", "Kuznetsova", "Sokolov", "Popova", "Volkov", "Морозов")

# Run in `haven shell`: give the coordinator an authenticator with a known secret (this database only),
# and list what the pages are opened with: households, and people with evidence, per persona.
SETUP = """
import json
from django.contrib.auth import get_user_model
from django.utils import timezone
from haven.accounts.models import TOTPDevice
from haven.cases.models import Household
from haven.evidence.models import EvidenceItem
User = get_user_model()
coordinator = User.objects.get(username="coordinator")
TOTPDevice.objects.filter(user=coordinator).delete()
TOTPDevice.objects.create(user=coordinator, secret=SECRET, confirmed_at=timezone.now())
org = User.objects.get(username="caseworker1").membership.organisation
def sample(households):
    refs = list(households.order_by("?").values_list("reference", flat=True)[:200])
    items = EvidenceItem.objects.filter(person__household__in=households).order_by("?")
    rows = items.values_list("person__household__reference", "person__public_id")[:200]
    return {"households": refs, "evidence": [[ref, str(person)] for ref, person in rows]}
mine = Household.objects.filter(organisation=org)
print(json.dumps({"org": sample(mine), "all": sample(Household.objects.all())}))
"""


@dataclass(frozen=True)
class Hit:
    page: str
    seconds: float
    server_ms: float
    cpu_ms: float
    queries: int
    status: int


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of ``url`` if the server has none of that name."""
    import psycopg
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(env: dict[str, str], port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    args = [HAVEN, "serve", "--bind", f"127.0.0.1:{port}"] + (["--workers", str(workers)] if workers else [])
    with log.open("w") as out:
        server = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    deadline = time.monotonic() + 120
    while True:
        if server.poll() is not None:
            sys.exit(f"haven serve stopped:\n{log.read_text()}")
        try:
            requests.get(f"http://127.0.0.1:{port}/login/", timeout=5)
            return server
        except requests.ConnectionError:
            if time.monotonic() > deadline:
                sys.exit(f"haven serve never answered:\n{log.read_text()}")
            time.sleep(0.3)


def sign_in(base: str, username: str, secret: str) -> dict[str, str]:
    """A signed-in session's cookies (second factor included for the coordinator)."""
    session = requests.Session()
    session.get(f"{base}/login/", timeout=60)
    answer = session.post(
        f"{base}/login/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": session.cookies["haven-csrf"]},
        headers={"Referer": f"{base}/login/"},
        timeout=60,
    )
    if "/2fa/verify/" in answer.url:
        while True:  # a code counts once: wait for a fresh 30-second step if this one was used
            answer = session.post(
                answer.url,
                {"code": pyotp.TOTP(secret).now(), "csrfmiddlewaretoken": session.cookies["haven-csrf"]},
                headers={"Referer": answer.url},
                timeout=60,
            )
            if "/2fa/" not in answer.url:
                break
            time.sleep(5)
    if "/login/" in answer.url:
        sys.exit(f"could not sign in as {username}")
    return session.cookies.get_dict()


def pages(sample: dict[str, list[object]], rng: random.Random) -> list[tuple[str, Callable[[], str]]]:
    """The page mix: (page, a function giving a URL of that page)."""
    refs, people = sample["households"], sample["evidence"]
    mix: list[tuple[str, Callable[[], str]]] = [
        ("case list", lambda: f"/cases/?page={rng.randint(1, 20)}"),
        ("search", lambda: f"/cases/?q={rng.choice(SEARCHES)}"),
        ("radar", lambda: "/radar/"),
        ("dashboard", lambda: "/dashboard/"),
    ]
    if refs:
        mix.append(("household", lambda: f"/cases/{rng.choice(refs)}/"))
    if people:

        def evidence() -> str:
            ref, person = rng.choice(people)  # type: ignore[misc]
            return f"/cases/{ref}/evidence/people/{person}/"

        mix.append(("evidence", evidence))
    return mix


def client(
    base: str,
    cookies: dict[str, str],
    mix: list[tuple[str, Callable[[], str]]],
    until: float,
    hits: list[Hit],
) -> None:
    session = requests.Session()
    session.cookies.update(cookies)
    rng = random.Random()
    while time.monotonic() < until:
        page, url = rng.choice(mix)
        started = time.perf_counter()
        answer = session.get(base + url(), timeout=120)
        seconds = time.perf_counter() - started
        hits.append(
            Hit(
                page,
                seconds,
                float(answer.headers.get("X-Haven-Server-Ms", "nan")),
                float(answer.headers.get("X-Haven-Cpu-Ms", "nan")),
                int(answer.headers.get("X-Haven-Queries", "-1")),
                answer.status_code,
            )
        )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def round_of(base: str, sessions: list[tuple[dict[str, str], list[tuple[str, Callable[[], str]]]]],
             clients: int, seconds: float) -> None:  # fmt: skip
    hits: list[Hit] = []
    until = time.monotonic() + seconds
    threads = [
        threading.Thread(target=client, args=(base, *sessions[n % len(sessions)], until, hits))
        for n in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    by_page: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_page[hit.page].append(hit)
    rate = len(hits) / elapsed
    print(f"\n{clients} client(s), {elapsed:.0f} s: {len(hits):,} requests, {rate:.1f} requests/s")
    heads = f"{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'server p50':>12}{'CPU p50':>9}{'queries':>9}{'max q':>7}"
    print(f"  {'page':<11}{heads}")
    for page in sorted(by_page):
        got = by_page[page]
        waits = [h.seconds * 1000 for h in got]
        server = [h.server_ms for h in got]
        cpu = [h.cpu_ms for h in got]
        queries = [h.queries for h in got]
        errors = sum(h.status != 200 for h in got)
        print(
            f"  {page:<11}{len(got):>6}{statistics.median(waits):>9.0f}{percentile(waits, 0.95):>9.0f}"
            f"{statistics.median(server):>12.0f}{statistics.median(cpu):>9.0f}"
            f"{statistics.median(queries):>9.0f}{max(queries):>7}"
            + (f"   {errors} not 200" if errors else "")
        )


def server_rss_mb(pid: int) -> float:
    """The resident memory of the gunicorn master ``pid`` and its workers, from /proc."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue  # a process that ended meanwhile
        if int(fields["Pid"]) == pid or int(fields["PPid"]) == pid:
            total += int(fields.get("VmRSS", "0 kB").split()[0])
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--clients", default="1,20", help="concurrent clients of each round (default 1,20)")
    parser.add_argument("--seconds", type=float, default=30, help="length of each round (default 30)")
    parser.add_argument("--workers", type=int, default=0, help="gunicorn workers (default: haven serve's)")
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/haven_bench_web")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "haven-bench-web")
    args = parser.parse_args()

    args.folder.mkdir(parents=True, exist_ok=True)
    if args.database_url.startswith("postgres"):
        ensure_database(args.database_url)
    env = seeded(args.households, args.folder, args.database_url, name="web", assess=True)
    secret = pyotp.random_base32()
    _, out = run(env, "shell", "--no-imports", "-c", f"SECRET = {secret!r}\n{SETUP}")
    samples = json.loads(out.strip().splitlines()[-1])
    env = {**env, "HAVEN_BENCH_QUERY_COUNT": "1", "HAVEN_SESSION_IDLE_SECONDS": "86400"}
    env.pop("HAVEN_PRODUCTION", None)
    port = free_port()
    log = args.folder / "serve.log"
    server = start_server(env, port, args.workers, log)
    base = f"http://127.0.0.1:{port}"
    try:
        workers = re.search(r": (\d+) workers", log.read_text())
        count = workers[1] if workers else "?"
        print(f"haven serve on {base} ({count} workers), {args.households:,} households")
        rng = random.Random(7)
        sessions = []
        for persona in PERSONAS:
            cookies = sign_in(base, persona, secret)
            mix = pages(samples["org" if persona != "coordinator" else "all"], rng)
            sessions.append((cookies, mix))
            warm = requests.Session()
            warm.cookies.update(cookies)
            for _page, url in mix:  # warm-up, not counted: every page once per persona
                warm.get(base + url(), timeout=120)
        for clients in [int(c) for c in args.clients.split(",")]:
            round_of(base, sessions, clients, args.seconds)
        print(f"\nserver's memory: {server_rss_mb(server.pid):.0f} MB RSS (gunicorn and its workers)")
    finally:
        server.terminate()
        server.wait(timeout=60)


if __name__ == "__main__":
    main()
