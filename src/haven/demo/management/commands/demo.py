"""``haven demo``: try Haven on a synthetic coalition with one command."""

from __future__ import annotations

import socket
from typing import Any

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test import override_settings
from django.utils import timezone

from haven.accounts.actor import Actor
from haven.accounts.twofactor import MANDATORY_ROLES
from haven.cases.models import Household
from haven.demo.guard import refuse_in_production
from haven.demo.loader import existing_demo_organisations
from haven.demo.registry import TITLE, import_demonstration_list
from haven.demo.users import DEMO_PASSWORD, demo_logins, existing_demo_logins
from haven.demo.workflow import Made, demo_workflow
from haven.jobs.alongside import worker_alongside
from haven.referral.models import ReferralEntry
from haven_core.roles import Role

HOST = "127.0.0.1"
PORT = 8000
_SCOPE = {Role.LIAISON: "referrals only, no caseload"}


class Command(BaseCommand):
    help = (
        "Run Haven with demo data: apply migrations; if the database has no households yet, seed a "
        "synthetic coalition, assess it, make an approved selection and a referral with a few of the "
        "liaison's decisions, and score the documentation for the dashboard; print the demo logins and "
        f"serve on http://{HOST}:{PORT} (or --port; without it, the next free port when {PORT} is taken), "
        "with one background worker (haven worker) beside the server."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--households", type=int, default=1000, help="Households to seed (default 1000).")
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare and print the logins, but do not serve."
        )
        parser.add_argument(
            "--port",
            type=port_number,
            default=None,
            help=f"Port on {HOST} to serve on (default {PORT}, or the next free one when it is taken).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        refuse_in_production("demo")
        call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout, stderr=self.stderr)
        if Household.objects.exists():
            self.stdout.write("The database already has households: not seeding again.")
        else:
            self._prepare(options["households"])
        port = options["port"] or PORT
        if not options["no_serve"]:
            port = demo_port(options["port"])
            if port != PORT and options["port"] is None:
                self.stdout.write(f"Port {PORT} is taken: the demo serves on {port} (choose with --port).")
        self._print_logins(f"{HOST}:{port}")
        if not options["no_serve"]:
            # The demo listens on the loopback address only. Its stylesheet is served by WhiteNoise, as in
            # production (runserver's own static handler is off: it answered a missing file with an error).
            # Long jobs (captures, imports, packages) need a worker: one runs beside the server and stops
            # with it.
            with worker_alongside(say=self.stdout):
                call_command("runserver", f"{HOST}:{port}", use_reloader=False, use_static_handler=False)

    def _prepare(self, households: int) -> None:
        """Seed, assess, select, refer and decide, score the documentation and propose duplicates: once,
        on an empty database."""
        out = {"stdout": self.stdout, "stderr": self.stderr}
        call_command("seed", households=households, **out)
        # The first assessment puts dozens of households in emergency at once, and the coordinator is
        # emailed about them: the demo keeps that (long) email out of the terminal and says it was sent.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            start = len(getattr(mail, "outbox", []))
            call_command("assess", **out)
            self._report(demo_workflow(self._demo_users(), say=lambda text: self.stderr.write(f"{text} …")))
            sent = list(getattr(mail, "outbox", []))[start:]
        for message in sent:
            self.stdout.write(
                f"Emailed {', '.join(message.to)}: {message.subject.split(' / ')[0]} "
                "(not printed here; `haven send-alerts` prints the alerts it sends)."
            )
        call_command("score-documentation", **out)
        # A small fictional list naming a few demo people, imported as any registry file is, so that
        # `haven screen` leaves registry hits for the reviewers (real registry files cannot ship with Haven).
        listed = import_demonstration_list(actor=Actor.system(), today=timezone.localdate())
        if listed is not None:
            self.stdout.write(f"Imported {TITLE!r}: {listed.entries} entries naming demo people.")
        # People two organisations both submitted wait for the coordinator's decision, as they would after
        # the nightly `haven screen`: without it the coordinator's duplicates page starts empty.
        call_command("screen", **out)

    def _demo_users(self) -> dict[str, Any]:
        logins = existing_demo_logins(demo_logins(existing_demo_organisations()))
        names = [login.username for login in logins]
        users = get_user_model().objects.filter(username__in=names).select_related("membership")
        return {user.username: user for user in users}

    def _report(self, made: Made) -> None:
        if made.run is not None:
            run = made.run
            self.stdout.write(
                f"Selection made by {run.created_by.get_username()} and approved by "
                f"{run.approved_by.get_username() if run.approved_by else '—'}: "
                f"{run.households_selected:,} households, "
                f"{run.people_selected:,} people for a quota of {run.quota} places."
            )
        if made.batch is not None:
            batch = made.batch
            skipped = f", {len(batch.skipped)} left out" if batch.skipped else ""
            self.stdout.write(
                f"Referral {batch.reference} to liaison: {batch.entries.count():,} households{skipped}."
            )
            labels = dict(ReferralEntry.DECISION_CHOICES)
            said = ", ".join(
                f"{count} {str(labels[decision]).lower()}" for decision, count in made.decisions.items()
            )
            self.stdout.write(f"Decisions recorded by liaison: {said or 'none'}.")
        if made.missing:
            self.stdout.write(f"No demo referral: {made.missing}.")
        if made.emergencies_ready:
            self.stdout.write(
                f"Review finished for {made.emergencies_ready} well-documented emergencies: "
                "they can be referred by a new selection."
            )

    def _print_logins(self, address: str) -> None:
        logins = existing_demo_logins(demo_logins(existing_demo_organisations()))
        if not logins:
            self.stdout.write("This database has no demo logins; sign in with your own account.")
            return
        self.stdout.write("")
        self.stdout.write(
            f"Haven demo on http://{address}/ — every demo login has the password {DEMO_PASSWORD}"
        )
        for login in logins:
            where = (
                login.organisation.name
                if login.organisation
                else _SCOPE.get(login.role, "the whole coalition")
            )
            self.stdout.write(f"  {login.username:<13} {login.role.value:<12} {where}")
        second_factor = [login.username for login in logins if login.role in MANDATORY_ROLES]
        if second_factor:
            self.stdout.write(
                f"{', '.join(second_factor)}: set up an authenticator app at the first sign-in "
                "(Haven shows a QR code)."
            )
        self.stdout.write("Demo data only: these logins must never exist in a database with real cases.")
        self.stdout.write(
            "Alerts: `haven send-alerts` emails deadline digests and emergencies (printed in the terminal "
            "that runs it: console email backend). Run it daily from cron (see README)."
        )
        self.stdout.write("")


def port_number(text: str) -> int:
    port = int(text)
    if not 1 <= port <= 65535:
        raise ValueError(text)
    return port


def is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def demo_port(asked: int | None) -> int:
    """The port asked for, which must be free; without one, 8000 or the next free port after it."""
    if asked is not None:
        if not is_free(asked):
            raise CommandError(
                f"Port {asked} on {HOST} is taken: choose another with --port (make demo PORT=…)."
            )
        return asked
    for port in range(PORT, PORT + 20):
        if is_free(port):
            return port
    raise CommandError(f"Ports {PORT}–{PORT + 19} on {HOST} are all taken: choose one with --port.")
