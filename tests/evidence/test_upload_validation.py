"""Uploads are typed from their bytes; archives, office files, image bombs, empty and oversized files are
refused before anything is stored."""

from __future__ import annotations

import pytest

from haven_core.evidence.files import Accepted, Refused, UploadLimits, check_upload, image_dimensions
from haven_core.evidence.sniff import sniff_media_type
from tests.support import evidence_files

LIMITS = UploadLimits(max_bytes=1_000_000, max_pixels=40_000_000)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (evidence_files.png(), "image/png"),
        (evidence_files.gif(), "image/gif"),
        (evidence_files.jpeg_header(), "image/jpeg"),
        (evidence_files.webp_lossless(), "image/webp"),
        (evidence_files.PDF, "application/pdf"),
        (evidence_files.HTML, "text/html"),
        ("Нет войне — пост от 24.02.2022".encode(), "text/plain"),
        (evidence_files.MP4, "video/mp4"),
        (evidence_files.WEBM, "video/webm"),
        (evidence_files.MOV, "video/quicktime"),
    ],
)
def test_kept_kinds_are_accepted_with_the_type_of_their_bytes(data: bytes, media_type: str) -> None:
    verdict = check_upload(data, LIMITS)
    assert isinstance(verdict, Accepted)
    assert verdict.media_type == media_type


@pytest.mark.parametrize(
    ("data", "code", "media_type"),
    [
        (evidence_files.zip_of(), "archive", "application/zip"),
        (evidence_files.gzip_bomb(), "archive", "application/gzip"),
        (evidence_files.tar_of(), "archive", "application/x-tar"),
        (b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 24, "archive", "application/x-7z-compressed"),
        (b"Rar!\x1a\x07\x01\x00" + b"\x00" * 24, "archive", "application/vnd.rar"),
        (b"BZh91AY&SY" + b"\x00" * 24, "archive", "application/x-bzip2"),
        (b"\xfd7zXZ\x00\x00\x04" + b"\x00" * 24, "archive", "application/x-xz"),
        (evidence_files.docx(), "office_document", "application/zip"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>",
            "not_allowed",
            "image/svg+xml",
        ),
        (b"MZ\x90\x00" + b"\x00" * 60, "not_allowed", "application/x-msdownload"),
        (b"\x00\x01\x02\x03 binary", "not_allowed", "application/octet-stream"),
        (b"", "empty", "text/plain"),
    ],
)
def test_refused_kinds(data: bytes, code: str, media_type: str) -> None:
    verdict = check_upload(data, LIMITS)
    assert isinstance(verdict, Refused)
    assert (verdict.code, verdict.media_type) == (code, media_type)


def test_a_png_whose_header_declares_a_bomb_is_refused_without_decoding() -> None:
    bomb = evidence_files.png(100_000, 100_000)  # ten billion pixels declared, a few hundred bytes on disk
    assert len(bomb) < 1000
    verdict = check_upload(bomb, LIMITS)
    assert isinstance(verdict, Refused)
    assert verdict.code == "too_many_pixels" and verdict.dimensions == (100_000, 100_000)


@pytest.mark.parametrize(
    ("data", "dimensions"),
    [
        (evidence_files.png(7000, 7000), (7000, 7000)),
        (evidence_files.gif(65535, 65535), (65535, 65535)),
        (evidence_files.jpeg_header(9000, 9000), (9000, 9000)),
        (evidence_files.webp_lossless(16384, 16384), (16384, 16384)),
    ],
)
def test_every_image_type_is_measured_from_its_header(data: bytes, dimensions: tuple[int, int]) -> None:
    assert image_dimensions(data, sniff_media_type(data)) == dimensions
    verdict = check_upload(data, LIMITS)
    assert isinstance(verdict, Refused) and verdict.code == "too_many_pixels"


def test_an_image_whose_header_cannot_be_read_is_refused() -> None:
    verdict = check_upload(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dJUNK", LIMITS)
    assert isinstance(verdict, Refused) and verdict.code == "image_unreadable"


def test_a_file_over_the_size_limit_is_refused() -> None:
    verdict = check_upload(evidence_files.PDF, UploadLimits(max_bytes=len(evidence_files.PDF) - 1))
    assert isinstance(verdict, Refused) and verdict.code == "too_large"
    assert isinstance(
        check_upload(evidence_files.PDF, UploadLimits(max_bytes=len(evidence_files.PDF))), Accepted
    )


def test_the_full_size_counts_when_the_bytes_were_cut_at_the_limit() -> None:
    verdict = check_upload(b"", LIMITS, size=LIMITS.max_bytes + 1)
    assert isinstance(verdict, Refused) and verdict.code == "too_large"


def test_html_is_recognised_by_its_content_not_its_start() -> None:
    assert sniff_media_type(b"\xef\xbb\xbf\n  <!doctype HTML>\n<title>x</title>") == "text/html"
    assert sniff_media_type("Saved from t.me\n<div class='post'>Нет войне</div>".encode()) == "text/html"
    assert sniff_media_type("Просто текст без разметки".encode()) == "text/plain"


def test_the_upload_handler_keeps_nothing_past_the_limit(settings: object) -> None:
    from haven.evidence.uploads import BoundedMemoryUploadHandler

    settings.HAVEN_UPLOAD_MAX_BYTES = 10  # type: ignore[attr-defined]
    handler = BoundedMemoryUploadHandler()
    handler.new_file("upload", "scan.pdf", "application/pdf", 25)
    for start, chunk in ((0, b"%PDF-1.4\n"), (9, b"0123456789"), (19, b"abcdef")):
        assert handler.receive_data_chunk(chunk, start) is None  # nothing passed on to other handlers
    uploaded = handler.file_complete(25)
    assert uploaded.too_large and uploaded.size == 25 and uploaded.read() == b""  # type: ignore[attr-defined]

    small = BoundedMemoryUploadHandler()
    small.new_file("upload", "post.txt", "text/plain", 5)
    small.receive_data_chunk(b"hello", 0)
    kept = small.file_complete(5)
    assert not kept.too_large and kept.read() == b"hello"  # type: ignore[attr-defined]
