"""Running the programs that read evidence files (Poppler, Tesseract, ffmpeg) without trusting the files.

Each program runs without a shell, under ``prlimit`` caps on its address space, its CPU time and, when
it writes files, the size of any file it writes, and under a wall-clock timeout: a hostile or broken
file costs at most that. A program that must read or write files rather than pipes (Tesseract writing
its text and its PDF at once, ffmpeg seeking in an MP4) gets a :func:`private_directory`: made for the
call, readable by Haven's user alone, in memory (``/dev/shm``) where the system has it, and removed with
everything in it when the call ends, so the clear bytes of evidence live no longer than the program.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

MEMORY_BACKED = Path("/dev/shm")  # noqa: S108 - a directory of our own is made inside it, 0700


class ProgramFailed(Exception):
    """The program is missing, ended with an error, or ran out of time (the message says which)."""


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds of wall-clock time
    memory: int  # bytes of address space
    cpu_seconds: int
    file_size: int | None = None  # bytes of any one file the program writes


def command_line(command: list[str], limits: Limits) -> list[str]:
    """``command`` with its program's full path, under ``prlimit`` when the system has it."""
    program = shutil.which(command[0])
    if program is None:
        raise ProgramFailed(f"{command[0]} is not installed")
    full = [program, *command[1:]]
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        return full
    caps = [f"--as={limits.memory}", f"--cpu={limits.cpu_seconds}"]
    if limits.file_size is not None:
        caps.append(f"--fsize={limits.file_size}")
    return [prlimit, *caps, "--", *full]


def run(command: list[str], limits: Limits, *, data: bytes = b"", cwd: Path | None = None) -> bytes:
    """Run ``command`` with ``data`` on its standard input; its standard output."""
    try:
        done = subprocess.run(  # noqa: S603 - fixed programs and arguments, no shell
            command_line(command, limits), input=data, capture_output=True, timeout=limits.timeout,
            check=False, cwd=cwd,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise ProgramFailed(f"{command[0]} took longer than {limits.timeout:g} s") from None
    if done.returncode != 0:
        raise ProgramFailed(f"{command[0]} failed ({done.returncode})")
    return done.stdout


def run_following(
    command: list[str], limits: Limits, *, data: bytes, cwd: Path, line: Callable[[str], None]
) -> None:
    """Run ``command`` with ``data`` on its standard input, handing each line it writes on its standard
    error to ``line`` as it comes (how far Tesseract got); its output goes to files in ``cwd``."""
    process = subprocess.Popen(  # noqa: S603 - fixed programs and arguments, no shell
        command_line(command, limits), stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, cwd=cwd,
    )  # fmt: skip
    assert process.stdin is not None and process.stderr is not None  # both are pipes
    timer = _Deadline(process, limits.timeout)
    try:
        try:
            process.stdin.write(data)  # the program reads all of it before it writes a line
            process.stdin.close()
        except BrokenPipeError:  # it ended early (a cap, a damaged file): its return code says so
            pass
        for raw in process.stderr:
            line(raw.decode("utf-8", "replace").rstrip("\n"))
        code = process.wait()
    finally:
        timer.cancel()
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    if timer.expired:
        raise ProgramFailed(f"{command[0]} took longer than {limits.timeout:g} s")
    if code != 0:
        raise ProgramFailed(f"{command[0]} failed ({code})")


class _Deadline:
    """Kills ``process`` when ``seconds`` have passed."""

    def __init__(self, process: subprocess.Popen[bytes], seconds: float) -> None:
        self.expired = False
        self._process = process
        self._timer = threading.Timer(seconds, self._kill)
        self._timer.daemon = True
        self._timer.start()

    def _kill(self) -> None:
        if self._process.poll() is None:
            self.expired = True
            self._process.kill()

    def cancel(self) -> None:
        self._timer.cancel()


@contextmanager
def private_directory() -> Iterator[Path]:
    """A directory only Haven's user can enter (0700), in memory where the system offers it, removed
    with its contents when the block ends."""
    base = MEMORY_BACKED if MEMORY_BACKED.is_dir() and os.access(MEMORY_BACKED, os.W_OK | os.X_OK) else None
    path = Path(tempfile.mkdtemp(prefix="haven-", dir=base))  # mkdtemp makes it 0700
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def private_file(directory: Path, name: str, data: bytes) -> Path:
    """``data`` written to ``directory/name``, readable and writable by Haven's user alone."""
    path = directory / name
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path
