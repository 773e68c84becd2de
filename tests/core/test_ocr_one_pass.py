"""A scan is recognised once: one Tesseract run writes both the text the facts are read from and the
searchable PDF, from Haven's own pictures of the pages (no metadata of the file), page by page progress,
and its two outputs in a private directory that is gone when the reading is."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from haven_core.evidence import confined, ocr
from tests.support.evidence_files import (
    PROTOCOL,
    bench_scans,
    photographed_protocol_jpeg,
    scanned_protocol_pdf,
)


@pytest.fixture(autouse=True)
def _tesseract() -> None:
    if not ocr.available():
        pytest.skip("Tesseract with Russian is not installed (Debian: tesseract-ocr tesseract-ocr-rus)")


@pytest.fixture
def programs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Every program the reading starts, as it is started."""
    started: list[list[str]] = []
    real = confined.command_line

    def recorded(command: list[str], limits: confined.Limits) -> list[str]:
        started.append(command)
        return real(command, limits)

    monkeypatch.setattr(confined, "command_line", recorded)
    return started


@pytest.fixture
def folders(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int]]:
    """Each private directory the reading made, with its permissions as it was made."""
    made: list[tuple[Path, int]] = []
    real = confined.private_directory

    def recorded() -> Any:
        context = real()

        class Recording:
            def __enter__(self) -> Path:
                path = context.__enter__()
                made.append((path, path.stat().st_mode & 0o777))
                return path

            def __exit__(self, *exc: Any) -> Any:
                return context.__exit__(*exc)

        return Recording()

    monkeypatch.setattr(confined, "private_directory", recorded)
    return made


def _tool(name: str, data: bytes) -> str:
    return subprocess.run([name, "-", "-"] if name == "pdftotext" else [name, "-"], input=data,  # noqa: S603
                          capture_output=True, check=True).stdout.decode()  # fmt: skip


def test_the_text_and_the_searchable_pdf_come_from_one_tesseract_run(
    programs: list[list[str]], folders: list[tuple[Path, int]]
) -> None:
    steps: list[tuple[int, int]] = []
    reading = ocr.read(
        scanned_protocol_pdf(author="Котова Юлия Сергеевна", creator="Canon iR-ADV C5535"),
        "application/pdf",
        progress=lambda done, total: steps.append((done, total)),
    )

    assert [command[0] for command in programs].count("tesseract") == 1
    tesseract = next(command for command in programs if command[0] == "tesseract")
    assert tesseract[-2:] == ["txt", "pdf"]
    assert reading.pages == 2
    text = reading.text
    assert "20.3.3" in text and "Мещанскому" in text and "Смирнов" in text
    assert text.index("Мещанскому") < text.index("Смирнов")  # the pages in their order
    assert reading.pdf is not None
    info = _tool("pdfinfo", reading.pdf)
    assert "Pages:           2" in info
    assert "Котова" not in info and "Canon" not in info and "Author" not in info
    assert "Смирнов" in _tool("pdftotext", reading.pdf)
    assert steps[0] == (0, 2) and (1, 2) in steps and steps[-1] == (2, 2)  # page by page
    assert [mode for _path, mode in folders] == [0o700]
    assert not folders[0][0].exists()  # the text and the PDF were read back and removed


def test_the_text_alone_is_the_same_text_without_a_pdf(programs: list[list[str]]) -> None:
    scan = bench_scans().scan(PROTOCOL)
    alone = ocr.read(scan, "image/png", searchable=False)
    both = ocr.read(scan, "image/png")
    assert alone.pdf is None and both.pdf is not None
    assert alone.text == both.text and "20.3.3" in alone.text
    assert [c[-1] for c in programs if c[0] == "tesseract"] == ["txt", "pdf"]


def test_a_photographed_page_leaves_its_phone_and_position_behind() -> None:
    reading = ocr.read(photographed_protocol_jpeg(), "image/jpeg")
    assert reading.pdf is not None and "20.3.3" in reading.text
    for trace in (b"iPhone", b"Apple", b"Exif", b"GPS"):
        assert trace not in reading.pdf


def test_what_is_not_a_scan_or_cannot_be_read_is_refused() -> None:
    with pytest.raises(ocr.OcrError):
        ocr.read(b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    with pytest.raises(ocr.OcrError):
        ocr.read(b"%PDF-1.4\n% not really a PDF\n", "application/pdf")
    with pytest.raises(ocr.OcrError):
        ocr.read(b"\x89PNG\r\n\x1a\n broken", "image/png")
