"""``haven seed``: fill the database with a synthetic coalition for demos and benchmarks."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from haven.cases.models import Household
from haven.demo.actions import demo_seed_record
from haven.demo.generator import coalition_organisations, iter_households
from haven.demo.guard import refuse_in_production
from haven.demo.loader import (
    delete_households,
    demo_organisations,
    existing_demo_organisations,
    load_households,
)
from haven.demo.users import DEMO_PASSWORD, demo_logins, ensure_demo_users
from haven.progress import Progress

DEFAULT_SEED = 2025


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today takes a date as YYYY-MM-DD, not {text!r}.") from exc


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic coalition: five organisations, households of Russian families "
        "with their US records and ties to Canada, and demo logins. The same --seed gives the same data. "
        "Refuses a database that already has households unless --reset is given, which first deletes "
        "the demo organisations' households."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--households", type=int, default=1000, help="How many households (default 1000)."
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help=f"Random seed (default {DEFAULT_SEED})."
        )
        parser.add_argument(
            "--organisations", type=int, default=5, help="How many organisations (default 5)."
        )
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="Date the data is drawn around, YYYY-MM-DD (default today).",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo organisations' households before seeding. Households of any other "
            "organisation are never deleted: their presence makes seeding refuse.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_in_production("seed")
        households: int = options["households"]
        seed: int = options["seed"]
        today: dt.date = options["today"] or timezone.localdate()
        if households < 0 or options["organisations"] < 1:
            raise CommandError("--households must be 0 or more and --organisations 1 or more.")
        with transaction.atomic():
            organisations = demo_organisations(coalition_organisations(options["organisations"]))
            deleted = self._make_room(reset=options["reset"])
            logins = demo_logins(organisations)
            users, foreign = ensure_demo_users(logins)
            owners = [users.get(f"caseworker{number}") for number in range(1, len(organisations) + 1)]
            reviewers = [users.get(f"reviewer{number}") for number in range(1, len(organisations) + 1)]
            synthetic = iter_households(seed, households, today, len(organisations))
            with Progress("seeding households", households, self.stderr) as progress:
                counts = load_households(
                    synthetic,
                    organisations=organisations,
                    owners=owners,
                    reviewers=reviewers,
                    progress=progress,
                )
            demo_seed_record(
                detail={
                    "seed": seed,
                    "today": today.isoformat(),
                    "organisations": len(organisations),
                    "users": len(users),
                    "deleted_households": deleted,
                    **asdict(counts),
                },
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Seeded {counts.households:,} households ({counts.people:,} people, "
                f"{counts.resubmitted_households:,} submitted twice) in {len(organisations)} organisations "
                f"with seed {seed} around {today:%Y-%m-%d}."
            )
        )
        if deleted:
            self.stdout.write(f"Deleted {deleted:,} earlier demo households first.")
        for username in foreign:
            self.stderr.write(
                f"An account named {username!r} already exists and is not a demo login; left as it is."
            )
        self.stdout.write(f"Demo logins: {', '.join(users)} — password {DEMO_PASSWORD}")

    def _make_room(self, *, reset: bool) -> int:
        """Refuse a database with households unless resetting; never touch other organisations' cases."""
        present = Household.objects.count()
        if not present:
            return 0
        if not reset:
            raise CommandError(
                f"The database already has {present:,} households. Run `haven seed --reset` to replace "
                "the demo data; nothing was changed."
            )
        demo = existing_demo_organisations()
        others = Household.objects.exclude(organisation__in=demo).count()
        if others:
            raise CommandError(
                f"The database holds {others:,} households of organisations the demo did not create; "
                "Haven will not mix synthetic cases with them. Nothing was changed."
            )
        return delete_households(demo)
