from __future__ import annotations

import sys
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import post_migrate


def _create_cache_table(sender: Any, using: str = "default", verbosity: int = 1, **kwargs: Any) -> None:
    """`haven migrate` also makes the shared cache's table (settings.CACHES): nothing else to run."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class SecurityConfig(AppConfig):
    name = "haven.security"
    label = "security"

    def ready(self) -> None:
        from haven.security import checks, keys

        checks.register()
        # Sent once per app with models (this one has none); making the table is idempotent and cheap.
        post_migrate.connect(_create_cache_table, dispatch_uid="haven.security.cache_table")
        if settings.HAVEN_PRODUCTION:
            # Fail at start-up, not on the first request that touches a name.
            if settings.HAVEN_FIELD_CODEC != "haven.security.codec.EncryptingCodec":
                raise ImproperlyConfigured(
                    "HAVEN_FIELD_CODEC must be the encrypting codec in production (HAVEN_PRODUCTION is set)."
                )
            if sys.argv[1:2] != ["generate-keys"]:  # the one command that must start without keys
                keys.sealer()
