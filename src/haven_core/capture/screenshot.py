"""A screenshot of a captured page, rendered by headless Chromium from the captured bytes, offline.

Haven renders the HTML it captured, not the live URL, with every network request blocked:

- the screenshot then shows the very bytes kept in the WARC file, not a second visit that may differ
  (a page can serve other content to a second request, or have changed in between);
- Chromium fetching the live page would make its own DNS look-ups, follow its own redirects and load
  subresources from anywhere, around the address checks the capture itself passes (server-side request
  forgery through the browser), and would tell the site a second time that someone is looking.

The cost: images, styles and fonts from other addresses are missing, so the screenshot shows the page's
text and layout rather than how it looked with everything loaded. Requests are blocked three ways: a
Content-Security-Policy put first in the page (nothing may be loaded but inline styles and ``data:``
images; no script runs), a host resolver that resolves nothing, and a proxy that does not exist.

The captured page, Chromium's profile and the screenshot live only while the page renders, in a private
folder (0700, files 0600) on a memory file system (``/dev/shm``) when the machine has one, so the page
in clear never reaches a disk; the folder is removed as soon as the screenshot is read.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from haven_core.capture.text import decode_page

MEDIA_TYPE = "image/png"
OFFLINE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; media-src data:; "
    "frame-src 'none'; form-action 'none'; base-uri 'none'"
)
_PNG = b"\x89PNG\r\n\x1a\n"
MEMORY_FOLDERS = ("/dev/shm",)  # noqa: S108 - a memory file system, used with a private 0700 folder


def memory_folder() -> str | None:
    """A folder on a memory file system where Haven may write, or None (then the system's temporary
    folder is used: the page is still in a private folder, removed at once)."""
    for folder in MEMORY_FOLDERS:
        if os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return None


def _write_private(path: Path, data: bytes) -> None:
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as out:
        out.write(data)


@dataclass(frozen=True)
class Screenshot:
    png: bytes | None
    reason: str = ""  # why there is none: "no_chromium", "timeout", "failed"


def offline_html(content: bytes, declared_charset: str | None) -> bytes:
    """The captured page as UTF-8 with the blocking policy and its charset put before anything else."""
    head = f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{OFFLINE_POLICY}">'
    return (head + decode_page(content, declared_charset)).encode("utf-8")


def chromium_arguments(
    chromium: str, profile: Path, page: Path, out: Path, size: tuple[int, int]
) -> list[str]:
    return [
        chromium,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--mute-audio",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=socks5://127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>",
        f"--window-size={size[0]},{size[1]}",
        f"--screenshot={out}",
        page.as_uri(),
    ]


def render_screenshot(
    content: bytes,
    declared_charset: str | None,
    *,
    chromium: str,
    timeout: float = 30.0,
    size: tuple[int, int] = (1280, 1600),
) -> Screenshot:
    """Render the captured page offline and return the PNG, or say why there is none."""
    executable = shutil.which(chromium) if chromium else None
    if not executable:
        return Screenshot(None, "no_chromium")
    with tempfile.TemporaryDirectory(prefix="haven-render-", dir=memory_folder()) as folder:  # 0700
        work = Path(folder)
        page, out = work / "page.html", work / "screenshot.png"
        _write_private(page, offline_html(content, declared_charset))
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": folder, "XDG_CONFIG_HOME": folder,
               "XDG_CACHE_HOME": folder, "LANG": "C.UTF-8"}  # fmt: skip
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            chromium_arguments(executable, work / "profile", page, out, size),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # so a hung browser is ended with all its helper processes
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            return Screenshot(None, "timeout")
        finally:
            _end_group(process.pid)
        png = out.read_bytes() if out.is_file() else b""
    if not png.startswith(_PNG):
        return Screenshot(None, "failed")
    return Screenshot(png)


def _end_group(pgid: int) -> None:
    """Chromium's helper processes can outlive the browser; end whatever is left of its group."""
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
