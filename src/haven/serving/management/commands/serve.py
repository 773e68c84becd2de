"""``haven serve``: Haven's production server (gunicorn, static files through WhiteNoise)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from haven.env import env, env_int
from haven.serving.gunicorn import HavenApplication, ServeOptions, default_workers, is_loopback_bind


class Command(BaseCommand):
    help = (
        "Serve Haven with gunicorn: the production server, behind a TLS reverse proxy. Reads HAVEN_BIND, "
        "HAVEN_WEB_WORKERS, HAVEN_WEB_THREADS, HAVEN_WEB_TIMEOUT and HAVEN_TRUSTED_PROXIES (options win); "
        "static files must have been collected first (`haven collectstatic`). See docs/deployment.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--bind",
            default=env("HAVEN_BIND", "127.0.0.1:8000"),
            help="host:port or unix:/path to listen on (HAVEN_BIND; default 127.0.0.1:8000).",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=env_int("HAVEN_WEB_WORKERS", 0),
            help=f"Workers (HAVEN_WEB_WORKERS; default 2 × CPUs + 1, ≤ 8: {default_workers()} here).",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=env_int("HAVEN_WEB_THREADS", 1),
            help="Threads per worker (HAVEN_WEB_THREADS; default 1).",
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=env_int("HAVEN_WEB_TIMEOUT", 60),
            help="Seconds before a request's worker is killed and replaced (HAVEN_WEB_TIMEOUT; default 60).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        serve = ServeOptions(
            bind=options["bind"],
            workers=options["workers"],
            threads=options["threads"],
            timeout=options["timeout"],
            trusted_proxies=tuple(settings.HAVEN_TRUSTED_PROXIES),
        )
        if serve.workers < 0 or serve.threads < 1 or serve.timeout < 1:
            raise CommandError("--workers must be 0 (default) or more, --threads and --timeout at least 1.")
        if settings.INSECURE_HTTP_FOR_TESTS and not is_loopback_bind(serve.bind):
            raise CommandError(
                "HAVEN_INSECURE_HTTP_FOR_TESTS is set: Haven serves on a loopback address only."
            )
        if settings.HAVEN_STATIC_MANIFEST:
            assert isinstance(staticfiles_storage, ManifestFilesMixin)  # HAVEN_STATIC_MANIFEST says so
            manifest = settings.STATIC_ROOT / staticfiles_storage.manifest_name
            if not manifest.exists():
                raise CommandError(
                    f"No collected static files in {settings.STATIC_ROOT}: run `haven collectstatic` first "
                    "(HAVEN_STATIC_ROOT says where)."
                )
        connections.close_all()  # workers are forked from this process: none inherits a connection
        workers = serve.gunicorn()["workers"]
        self.stdout.write(f"Haven serving on {serve.bind}: {workers} workers × {serve.threads} threads")
        self.stdout.flush()
        HavenApplication(serve).run()
