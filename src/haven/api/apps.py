from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _revoke_tokens(sender: Any, *, user: Any, actor: Any, reason: str, **kwargs: Any) -> None:
    from haven.api.actions import tokens_revoke_all

    tokens_revoke_all(actor=actor, user=user, reason=reason)


class ApiConfig(AppConfig):
    name = "haven.api"
    verbose_name = _("API")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from haven.accounts.signals import credentials_changed

        # A changed or reset password, or a reset second factor, revokes every token of that user in the
        # same transaction.
        credentials_changed.connect(_revoke_tokens, dispatch_uid="haven.api.revoke_tokens")
