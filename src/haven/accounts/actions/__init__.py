"""Every change to who works in Haven, and to their second factor, with its audit entry.

Views and commands call these; none of them writes accounts or audit entries itself.
"""

from haven.accounts.actions.passwords import password_change, user_password_reset
from haven.accounts.actions.second_factor import (
    recovery_codes_regenerate,
    second_factor_enrol,
    second_factor_verify,
)
from haven.accounts.actions.users import (
    organisation_save,
    user_change_role,
    user_create,
    user_deactivate,
    user_reactivate,
    user_second_factor_reset,
)

__all__ = [
    "organisation_save",
    "password_change",
    "recovery_codes_regenerate",
    "second_factor_enrol",
    "second_factor_verify",
    "user_change_role",
    "user_create",
    "user_deactivate",
    "user_password_reset",
    "user_reactivate",
    "user_second_factor_reset",
]
