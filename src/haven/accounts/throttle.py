"""Login throttling: too many failures for one account or from one address lock logins for a while."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from haven.accounts.models import LoginFailure


def _key(username: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{username.strip().lower()}".encode()).hexdigest()


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.HAVEN_LOGIN_LOCK_SECONDS)


def is_locked(username: str, ip: str | None) -> bool:
    """Locked when the account, or the address, failed too often within the lock window."""
    recent = LoginFailure.objects.filter(at__gte=_window_start())
    by_user = recent.filter(username_key=_key(username)).count()
    by_ip = recent.filter(ip=ip).count() if ip else 0
    return by_user >= settings.HAVEN_LOGIN_MAX_FAILURES or by_ip >= settings.HAVEN_LOGIN_MAX_FAILURES_PER_IP


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username_key=_key(username), ip=ip)


def clear(username: str, ip: str | None) -> None:
    """A successful login forgets the account's failures (the address's stay until they age out)."""
    LoginFailure.objects.filter(Q(username_key=_key(username)) | Q(at__lt=_window_start())).delete()
