from __future__ import annotations

import sys

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class SecurityConfig(AppConfig):
    name = "haven.security"
    label = "security"

    def ready(self) -> None:
        from haven.security import checks, keys

        checks.register()
        if settings.HAVEN_PRODUCTION:
            # Fail at start-up, not on the first request that touches a name.
            if settings.HAVEN_FIELD_CODEC != "haven.security.codec.EncryptingCodec":
                raise ImproperlyConfigured(
                    "HAVEN_FIELD_CODEC must be the encrypting codec in production (HAVEN_PRODUCTION is set)."
                )
            if sys.argv[1:2] != ["generate-keys"]:  # the one command that must start without keys
                keys.sealer()
