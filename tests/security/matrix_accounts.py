"""Authorisation matrix rows for the user's own security page and the administrators' Users page (see
test_authorisation_matrix.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SIGNED_IN = (200,) * 6 + ("login",)
ADMIN_ONLY = (403, 403, 403, 403, 403, 200, "login")
ADMIN_POST_ONLY = (403, 403, 403, 403, 403, 405, "login")  # the changes take a POST, from an admin

ROWS: dict[str, tuple[Callable[[dict[str, Any]], str], tuple[int | str, ...]]] = {
    "accounts:security": (lambda o: "/account/security/", SIGNED_IN),
    "accounts:password": (lambda o: "/account/security/password/", SIGNED_IN),
    "accounts:recovery_codes_new": (lambda o: "/account/security/recovery-codes/", (405,) * 6 + ("login",)),
    "accounts:users": (lambda o: "/account/users/", ADMIN_ONLY),
    "accounts:user_new": (lambda o: "/account/users/new/", ADMIN_ONLY),
    "accounts:user": (lambda o: f"/account/users/{o['username']}/", ADMIN_ONLY),
    "accounts:user_role": (lambda o: f"/account/users/{o['username']}/role/", ADMIN_POST_ONLY),
    "accounts:user_active": (lambda o: f"/account/users/{o['username']}/active/", ADMIN_POST_ONLY),
    "accounts:user_password": (lambda o: f"/account/users/{o['username']}/password/", ADMIN_POST_ONLY),
    "accounts:user_second_factor": (
        lambda o: f"/account/users/{o['username']}/second-factor/",
        ADMIN_POST_ONLY,
    ),
}


def extra_objects(objects: dict[str, Any], users: dict[str, Any]) -> dict[str, Any]:
    return {"username": users["caseworker_a"].username}
