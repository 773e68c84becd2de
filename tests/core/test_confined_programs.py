"""The programs that read evidence run confined: capped, timed out, and with their files in a private
directory that only Haven's user can enter and that is gone when the call is."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from haven_core.evidence import confined

QUICK = confined.Limits(timeout=5, memory=256 * 1024 * 1024, cpu_seconds=5)


def test_a_private_directory_is_the_users_alone_in_memory_and_removed_after() -> None:
    with confined.private_directory() as folder:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        if confined.MEMORY_BACKED.is_dir():
            assert folder.parent == confined.MEMORY_BACKED
        written = confined.private_file(folder, "scan", b"%PDF-1.4 clear evidence")
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert not folder.exists() and not written.exists()


def test_the_directory_is_removed_when_the_program_fails_too() -> None:
    with pytest.raises(confined.ProgramFailed), confined.private_directory() as folder:
        confined.private_file(folder, "scan", b"x")
        confined.run(["false"], QUICK, cwd=folder)
    assert not folder.exists()


def test_a_program_is_stopped_at_its_timeout() -> None:
    with pytest.raises(confined.ProgramFailed, match="longer than"):
        confined.run(["sleep", "10"], confined.Limits(timeout=0.5, memory=QUICK.memory, cpu_seconds=5))
    lines: list[str] = []
    with pytest.raises(confined.ProgramFailed, match="longer than"), confined.private_directory() as folder:
        confined.run_following(
            ["sleep", "10"], confined.Limits(timeout=0.5, memory=QUICK.memory, cpu_seconds=5),
            data=b"", cwd=folder, line=lines.append,
        )  # fmt: skip


def test_a_program_runs_under_prlimit_caps_when_the_system_has_it() -> None:
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed")
    line = confined.command_line(
        ["cat"], confined.Limits(timeout=5, memory=1 << 28, cpu_seconds=7, file_size=99)
    )
    assert line[:4] == [shutil.which("prlimit"), f"--as={1 << 28}", "--cpu=7", "--fsize=99"]
    assert Path(line[-1]).name == "cat"
    with pytest.raises(confined.ProgramFailed, match="not installed"):
        confined.command_line(["no-such-program-in-haven"], QUICK)


def test_an_output_larger_than_its_cap_fails() -> None:
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is not installed")
    capped = confined.Limits(timeout=5, memory=QUICK.memory, cpu_seconds=5, file_size=1000)
    with confined.private_directory() as folder, pytest.raises(confined.ProgramFailed):
        confined.run(["dd", "if=/dev/zero", "of=big", "bs=1000", "count=5"], capped, cwd=folder)
