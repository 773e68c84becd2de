"""Haven's JSON API, version 1 (Django Ninja): households, people, US records, evidence metadata,
assessments, registry screening and the liaison's requests for more information.

Every call is authenticated by a personal token (``Authorization: Bearer hvn_…``), acts with its
user's role and organisation and sees exactly what the pages show them, is rate limited per user, and
is recorded in the audit log (method and path, which carry references only, never names). Every change
goes through the same action as the page that makes it, so it leaves the same audit entry.
"""

from __future__ import annotations

from ninja import NinjaAPI

from haven.api.v1 import (
    assessments,
    evidence,
    households,
    information_requests,
    people,
    screening,
    us_records,
)
from haven.api.v1.auth_and_errors import TokenAuth, register_errors

api = NinjaAPI(
    title="Haven API",
    version="1",
    description=(
        "Households, people, US records, evidence metadata, assessments, registry screening and the "
        "liaison's requests for more information, as the pages show them to the token's user."
    ),
    auth=TokenAuth(),
    urls_namespace="api-v1",
    docs_url=None,  # Ninja's docs page loads scripts from a CDN; Haven serves its own (haven.api.views)
)
register_errors(api)
for module in (households, people, us_records, evidence, assessments, screening, information_requests):
    api.add_router("", module.router)
