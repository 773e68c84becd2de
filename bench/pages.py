"""Profile Haven's main pages in one process: the CPU time each takes, its queries, and where the time goes.

    .venv/bin/python bench/pages.py --database-url postgres://postgres@127.0.0.1:5432/haven_bench_web \
        --folder /tmp/haven-bench-web
    .venv/bin/python bench/pages.py ... --pages radar,dashboard --personas coordinator
    .venv/bin/python bench/pages.py ... --profile radar          # cProfile of the radar, top functions

The database must already be seeded (by `bench/web.py` or `bench/seeded.py`; its keys in --folder). The
pages are opened through Django's test client as the demo's caseworker1 and the coordinator (signed in,
second factor passed): their home page of work, the case list (page 3), a search, a household, a person's
evidence, an evidence item, the deadline radar and the dashboard, each once to warm up and then --repeat
times. For each it prints the median CPU time of this process (Python, templates, the database driver: not
PostgreSQL's own work), the median wall time (which includes PostgreSQL's, and any other load of the
machine), and, for one request, the queries and the wall time spent waiting for them. CPU time is the
steadier figure on a shared machine; the wall time is what a client waits for.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PERSONAS = ("caseworker1", "coordinator")
PAGES = ("home", "case list", "search", "household", "evidence", "item", "radar", "dashboard")


def _urls(username: str) -> dict[str, str]:
    """One URL per page for ``username``: a household, person and item of the user's own organisation
    (any organisation for the coordinator), the ones with most evidence, so the pages are not trivial."""
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from haven.cases.models import Household
    from haven.evidence.models import EvidenceItem

    user = get_user_model().objects.get(username=username)
    households = Household.objects.all()
    membership = getattr(user, "membership", None)
    if username != "coordinator" and membership is not None:
        households = households.filter(organisation=membership.organisation)
    household = households.annotate(n=Count("people")).order_by("-n", "reference").first()
    assert household is not None
    item = (
        EvidenceItem.objects.filter(person__household__in=households)
        .select_related("person__household")
        .order_by("person__household__reference", "pk")
        .first()
    )
    assert item is not None
    ref, person = item.person.household.reference, item.person.public_id
    return {
        "case list": "/cases/?page=3",
        "search": "/cases/?q=Ivanov",
        "household": f"/cases/{household.reference}/",
        "evidence": f"/cases/{ref}/evidence/people/{person}/",
        "item": f"/cases/{ref}/evidence/{item.public_id}/",
        "radar": "/radar/",
        "dashboard": "/dashboard/",
        "home": "/",
    }


def measure(options: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from haven.accounts.twofactor import SESSION_FLAG

    pages = options.pages.split(",")
    for username in options.personas.split(","):
        user = get_user_model().objects.get(username=username)
        client = Client(HTTP_HOST="localhost")
        client.force_login(user)
        session = client.session
        session[SESSION_FLAG] = True
        session.save()
        urls = _urls(username)
        for page in pages:
            url = urls[page]
            if page == "search":  # a search redirects to the list with the text behind a token
                url = client.get(url)["Location"]
            client.get(url)  # warm-up
            count, sql_seconds = 0, 0.0

            def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
                nonlocal count, sql_seconds
                count += 1
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    took = time.perf_counter() - started
                    sql_seconds += took
                    if options.queries:
                        print(f"    {took * 1000:6.1f} ms  {' '.join(sql.split())[: options.queries]}")

            with connection.execute_wrapper(counted):
                response = client.get(url)  # the queries of one request, and the time spent in them
            assert response.status_code == 200, (url, response.status_code)
            if options.profile == page:
                profile = cProfile.Profile()
                profile.enable()
                for _ in range(options.repeat):
                    client.get(url)
                profile.disable()
                print(f"--- {username} {page} ({options.repeat} requests) ---")
                stats = pstats.Stats(profile).sort_stats(options.sort)
                stats.print_stats(options.top)
                continue
            cpu, wall = [], []
            for _ in range(options.repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                client.get(url)
                wall.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
            print(
                f"{username:<12} {page:<10} CPU {statistics.median(cpu):6.1f} ms  wall "
                f"{statistics.median(wall):6.1f} ms  SQL {sql_seconds * 1000:6.1f} ms  {count:>3} queries  "
                f"{len(response.content) // 1024:>4} KB"
                f"   {url}",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/haven_bench_web")
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "haven-bench-web")
    parser.add_argument("--personas", default=",".join(PERSONAS))
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--profile", choices=PAGES, help="profile this page instead of timing it")
    parser.add_argument("--sort", default="cumulative", help="cProfile's order (cumulative, tottime)")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--queries", type=int, default=0, help="print each query's time and SQL, cut")
    options = parser.parse_args()
    os.environ.update(
        DATABASE_URL=options.database_url,
        HAVEN_VAR_DIR=str(options.folder),
        HAVEN_KEYS_FILE=f"{options.folder}/keys.json",
        DJANGO_SETTINGS_MODULE="haven.settings",
    )
    os.environ.pop("HAVEN_KEYS", None)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    measure(options)


if __name__ == "__main__":
    main()
