"""The captured page waits for its screenshot in a private folder on a memory file system, never in clear
in /tmp on disk, and is gone once the screenshot is read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haven_core.capture import screenshot
from haven_core.capture.screenshot import render_screenshot


def fake_chromium(tmp_path: Path) -> tuple[Path, Path]:
    """A "browser" that notes where the page is, its folder's and its own mode, and renders nothing."""
    seen = tmp_path / "seen.txt"
    script = tmp_path / "chromium"
    script.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in file://*) page="${a#file://}";; esac; done\n'
        f'stat -c "%a %n" "$(dirname "$page")" "$page" > {seen}\n'
        f'cat "$page" >> {seen}\n'
    )
    script.chmod(0o700)
    return script, seen


@pytest.mark.skipif(not os.path.isdir("/dev/shm"), reason="no memory file system on this machine")  # noqa: S108
def test_the_page_renders_from_a_private_folder_in_memory_and_is_removed(tmp_path: Path) -> None:
    script, seen = fake_chromium(tmp_path)
    shot = render_screenshot("<p>Юлия Котова</p>".encode(), "utf-8", chromium=str(script), timeout=30)
    assert shot.png is None and shot.reason == "failed"  # the fake renders nothing
    folder_line, page_line, *content = seen.read_text().splitlines()
    folder_mode, folder = folder_line.split(" ", 1)
    page_mode = page_line.split(" ", 1)[0]
    assert folder.startswith("/dev/shm/haven-render-")  # noqa: S108
    assert (folder_mode, page_mode) == ("700", "600")
    assert "Юлия Котова" in "\n".join(content)  # it was the page
    assert not Path(folder).exists()


def test_without_a_memory_file_system_the_folder_is_still_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screenshot, "MEMORY_FOLDERS", (str(tmp_path / "none"),))
    assert screenshot.memory_folder() is None
    script, seen = fake_chromium(tmp_path)
    render_screenshot(b"<p>x</p>", None, chromium=str(script), timeout=30)
    folder_line, page_line, *_ = seen.read_text().splitlines()
    assert folder_line.split(" ")[0] == "700" and page_line.split(" ")[0] == "600"
    assert not Path(folder_line.split(" ", 1)[1]).exists()
