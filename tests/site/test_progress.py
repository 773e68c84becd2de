"""The progress line of long jobs: rewritten in place on a terminal, a line now and then in a log."""

from __future__ import annotations

import io

from django.core.management.base import OutputWrapper

from haven.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_on_a_terminal_the_line_is_rewritten_in_place() -> None:
    screen, clock = Terminal(), Clock()
    with Progress("seeding households", 10_000, screen, clock=clock) as progress:
        for _ in range(4):
            clock.now += 1
            progress.advance(1_000)
    text = screen.getvalue()
    assert text.startswith("\rseeding households 1,000/10,000 (10%) · 1,000/s · about 9 s left")
    assert "\rseeding households 4,000/10,000 (40%)" in text
    last = text.rsplit("\r", 1)[1]
    assert last.rstrip() == "seeding households 4,000/10,000 (40%) in 4.0 s"  # padded over the longer line
    assert text.count("\n") == 1 and text.endswith("\n")


def test_in_a_log_a_line_is_written_only_now_and_then() -> None:
    log, clock = io.StringIO(), Clock()
    with Progress("screening people", 1_000, log, clock=clock, log_seconds=10) as progress:
        for _ in range(100):
            clock.now += 0.5
            progress.advance(10)
    lines = log.getvalue().splitlines()
    assert len(lines) == 6  # every ten seconds of fifty, and the last
    assert lines[-1] == "screening people 1,000/1,000 (100%) in 50.0 s"
    assert "\r" not in log.getvalue()


def test_without_a_total_it_counts() -> None:
    log = io.StringIO()
    with Progress("importing rows", None, log) as progress:
        progress.advance(1_234)
    assert log.getvalue().startswith("importing rows 1,234 in ")


def test_a_command_stream_gets_plain_text_without_extra_newlines() -> None:
    screen = Terminal()
    stream = OutputWrapper(screen)
    stream.style_func = lambda text: f"<red>{text}</red>"  # what a command's stderr does on a terminal
    clock = Clock()
    with Progress("seeding households", 2, stream, clock=clock) as progress:
        clock.now += 1
        progress.advance()
    assert "<red>" not in screen.getvalue()
    assert screen.getvalue().count("\n") == 1
