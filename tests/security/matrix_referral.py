"""Authorisation matrix rows for the referral pages (see test_authorisation_matrix.py).

The coordinator and the liaison a batch is addressed to open it; everyone else is refused. That a
liaison cannot open a batch addressed to another liaison is tested in tests/referral/test_referral_pages.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

REFERRALS = (403, 403, 403, 200, 200, 403, "login")  # the coordinator and the recipient liaison

ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "referral:batches": (lambda o: "/referrals/", REFERRALS),
    "referral:batch": (lambda o: f"/referrals/{o['batch']}/", REFERRALS),
    "referral:package": (lambda o: f"/referrals/{o['batch']}/package/", (405,) * 7),  # POST only
    "referral:entry": (lambda o: f"/referrals/{o['batch']}/households/{o['ref']}/", REFERRALS),
    # POST only: the coordinator's control on the batch page
    # (who may use it: tests/referral/test_referral_hold.py)
    "referral:withdraw": (lambda o: f"/referrals/{o['batch']}/households/{o['ref']}/withdraw/", (405,) * 7),
    # The organisations' list of the liaison's open requests: caseload users, each their own organisation's
    # (tests/referral/test_information_requests.py); a liaison reads them on the batch instead.
    "referral:requests": (lambda o: "/referrals/requests/", (200, 200, 200, 200, 403, 200, "login")),
    "referral:answer": (lambda o: f"/referrals/requests/{o['request']}/answer/", (405,) * 7),  # POST only
    "referral:dossier": (
        lambda o: f"/referrals/{o['batch']}/households/{o['ref']}/dossier.en.pdf",
        REFERRALS,
    ),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    """An approved run and a batch addressed to the liaison persona holding household_a."""
    from haven.accounts.actor import Actor
    from haven.referral.actions import referral_decision_record
    from tests.support.referral import batch_for

    batch = batch_for(users["coordinator"], users["liaison"], [users["household_a"]])
    entry = batch.entries.get()
    referral_decision_record(
        actor=Actor.for_user(users["liaison"]), entry=entry, decision="more_information", note="Повестка?"
    )
    return {"batch": batch.public_id, "request": entry.information_requests.get().public_id}
