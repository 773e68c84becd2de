"""Where this installation's key ring comes from, and how a rotation reaches every running process.

Keys come from ``HAVEN_KEYS`` (the key ring's JSON in the environment) or from the key file named by
``settings.HAVEN_KEYS_FILE`` (``HAVEN_KEYS_FILE``, by default ``var/keys.json``), never from the database.
Outside production, a missing key file is generated on first use and its place is logged, so the demo and
a developer's laptop encrypt from the first run. In production (``HAVEN_PRODUCTION``) missing keys stop
Haven at start-up: silently generating fresh keys there would make existing data unreadable.

``haven rotate-keys`` rewrites the key file while the web server runs. Every process looks at the file's
identity (inode, size, mtime) at most once per :data:`RECHECK_SECONDS` and loads it again when it changed,
and at once when it meets a key id it does not know; so after a rotation every process encrypts under the
new key within that delay, and reads never stop.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import secrets
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from haven_core.crypto import keyring
from haven_core.crypto.keyring import KeyRing, KeyRingError
from haven_core.crypto.sealing import Sealer

RECHECK_SECONDS = 1.0
log = logging.getLogger("haven.security")


class KeySource:
    """The key ring of this process, loaded once and reloaded when the key file changes."""

    def __init__(self, *, env_text: str, path: Path, production: bool) -> None:
        self.env_text = env_text
        self.path = path
        self.production = production
        self._sealer: Sealer | None = None
        self._stamp: tuple[int, int, int] | None = None
        self._checked = 0.0
        self._lock = threading.Lock()

    @property
    def rotatable(self) -> bool:
        """Keys given in the environment cannot be rewritten by Haven; keys in a file can."""
        return not self.env_text

    def sealer(self) -> Sealer:
        if self._sealer is None or (not self.env_text and time.monotonic() - self._checked > RECHECK_SECONDS):
            self._refresh()
        assert self._sealer is not None
        return self._sealer

    def reload(self) -> Sealer:
        """Load the key ring again now (after a rotation, or on meeting an unknown key id)."""
        self._stamp = None
        self._refresh()
        assert self._sealer is not None
        return self._sealer

    def _refresh(self) -> None:
        with self._lock:
            self._checked = time.monotonic()
            if self.env_text:
                if self._sealer is None:
                    self._sealer = Sealer(_parse(self.env_text, "HAVEN_KEYS"))
                return
            stamp = self._file_stamp()
            if stamp is None and self._sealer is not None:
                # Moved or deleted under a running Haven: keep the keys it has rather than make new ones,
                # which would leave everything written so far unreadable.
                if self._stamp is not None:
                    log.error("The key file %s has gone; Haven goes on with the keys it loaded.", self.path)
                self._stamp = None  # said once; said again if the file comes back and goes again
                return
            if stamp is None:
                self._generate()
                stamp = self._file_stamp()
            if stamp != self._stamp or self._sealer is None:
                self._sealer = Sealer(_parse(self.path.read_text(encoding="utf-8"), str(self.path)))
                self._stamp = stamp

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _generate(self) -> None:
        if self.production:
            raise ImproperlyConfigured(
                f"Haven has no encryption keys: set HAVEN_KEYS or HAVEN_KEYS_FILE (looked for {self.path}). "
                "In production Haven never generates keys itself; restore the key file from where you "
                "keep it safe, or create one deliberately with `haven generate-keys`."
            )
        try:
            write_ring(self.path, KeyRing.generate(), exclusive=True)
        except FileExistsError:
            return  # another process generated it first; read theirs
        log.warning(
            "Haven generated new encryption keys in %s. Keep a copy of that file somewhere safe and "
            "apart from the database and its backups: without it the data cannot be read.",
            self.path,
        )

    def write(self, ring: KeyRing) -> Sealer:
        """Replace the key file with ``ring`` and start using it in this process."""
        if not self.rotatable:
            raise ImproperlyConfigured(
                "The keys come from the HAVEN_KEYS environment variable, which Haven cannot rewrite. "
                "Move them into a key file (HAVEN_KEYS_FILE) to rotate them with Haven."
            )
        write_ring(self.path, ring)
        return self.reload()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the key file's lock, so two rotations never interleave."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def _parse(text: str, where: str) -> KeyRing:
    try:
        return keyring.parse(text)
    except KeyRingError as exc:
        raise ImproperlyConfigured(f"The encryption keys in {where} cannot be used: {exc}") from None


def write_ring(path: Path, ring: KeyRing, *, exclusive: bool = False) -> None:
    """Write the key file readable by its owner only.

    The ring goes to a temporary file first and is then put in place in one step, so a process reading
    the key file never sees half of it. With ``exclusive`` an existing file is never replaced
    (``FileExistsError``): that is how two processes starting at once agree on one generated ring.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(keyring.dump(ring) + "\n")
            out.flush()
            os.fsync(out.fileno())
        if exclusive:
            os.link(temporary, path)
        else:
            os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


_source: KeySource | None = None


def source() -> KeySource:
    """This process's key source, built from the settings on first use."""
    global _source
    if _source is None:
        _source = KeySource(
            env_text=os.environ.get("HAVEN_KEYS", "").strip(),
            path=Path(settings.HAVEN_KEYS_FILE),
            production=settings.HAVEN_PRODUCTION,
        )
    return _source


def reset() -> None:
    """Forget the key source, so the next use reads the settings again (tests change them)."""
    global _source
    _source = None


def sealer() -> Sealer:
    return source().sealer()
