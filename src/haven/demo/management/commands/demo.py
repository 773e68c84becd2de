"""``haven demo``: try Haven on a synthetic coalition with one command."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from haven.accounts.twofactor import MANDATORY_ROLES
from haven.cases.models import Household
from haven.demo.loader import existing_demo_organisations
from haven.demo.users import DEMO_PASSWORD, demo_logins, existing_demo_logins
from haven_core.roles import Role

ADDRESS = "127.0.0.1:8000"
_SCOPE = {Role.LIAISON: "referrals only, no caseload"}


class Command(BaseCommand):
    help = (
        "Run Haven with demo data: apply migrations, seed a synthetic coalition if the database has no "
        f"households yet, print the demo logins and serve on http://{ADDRESS}."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--households", type=int, default=1000, help="Households to seed (default 1000).")
        parser.add_argument(
            "--no-serve", action="store_true", help="Prepare and print the logins, but do not serve."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0, stdout=self.stdout, stderr=self.stderr)
        if Household.objects.exists():
            self.stdout.write("The database already has households: not seeding again.")
        else:
            call_command("seed", households=options["households"], stdout=self.stdout, stderr=self.stderr)
        self._print_logins()
        if not options["no_serve"]:
            # A local demo runs with the normal settings, where DEBUG is off: --insecure lets runserver
            # serve Haven's stylesheet anyway. It listens on the loopback address only.
            call_command("runserver", ADDRESS, use_reloader=False, insecure_serving=True)

    def _print_logins(self) -> None:
        logins = existing_demo_logins(demo_logins(existing_demo_organisations()))
        if not logins:
            self.stdout.write("This database has no demo logins; sign in with your own account.")
            return
        self.stdout.write("")
        self.stdout.write(
            f"Haven demo on http://{ADDRESS}/ — every demo login has the password {DEMO_PASSWORD}"
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
