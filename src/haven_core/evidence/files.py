"""Whether an uploaded file may be kept: its type judged from its bytes, its size, and no bombs.

Pure and typed: :func:`check_upload` takes the bytes and the limits and returns an :class:`Accepted` or a
:class:`Refused` with a code the web layer words for the user. Haven keeps images (JPEG, PNG, GIF, WebP),
PDF, HTML, plain text and video (MP4, WebM, QuickTime). Archives and compressed streams are refused
outright (a decompression bomb is most easily a compressed stream, and nobody can check a sealed
archive's contents on a case file), and so are Word and Excel files, which are zip archives inside.
Images whose header declares more pixels than the limit are refused without decoding anything.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from haven_core.evidence.sniff import sniff_media_type

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
VIDEO_TYPES = frozenset({"video/mp4", "video/webm", "video/quicktime"})
DOCUMENT_TYPES = frozenset({"application/pdf", "text/html", "text/plain"})
ALLOWED_TYPES = IMAGE_TYPES | VIDEO_TYPES | DOCUMENT_TYPES

ARCHIVE_TYPES = frozenset(
    {
        "application/zip",
        "application/gzip",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/vnd.rar",
        "application/x-bzip2",
        "application/x-xz",
        "application/zstd",
        "application/x-compress",
        "application/vnd.ms-cab-compressed",
    }
)

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_PIXELS = 64_000_000  # a 48-megapixel phone photo passes; a 20,000 × 20,000 "image" does not


@dataclass(frozen=True)
class UploadLimits:
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pixels: int = DEFAULT_MAX_PIXELS


@dataclass(frozen=True)
class Accepted:
    media_type: str
    size: int
    dimensions: tuple[int, int] | None = None  # width, height of an image


@dataclass(frozen=True)
class Refused:
    """Why a file is refused. ``code`` is one of: empty, too_large, archive, office_document,
    not_allowed, image_unreadable, too_many_pixels."""

    code: str
    media_type: str
    size: int
    dimensions: tuple[int, int] | None = None


def check_upload(data: bytes, limits: UploadLimits, *, size: int | None = None) -> Accepted | Refused:
    """Judge an upload. ``size`` is the full size when ``data`` was cut short at the limit."""
    size = len(data) if size is None else size
    media_type = sniff_media_type(data)
    if size == 0:
        return Refused("empty", media_type, size)
    if size > limits.max_bytes:
        return Refused("too_large", media_type, size)
    if media_type == "application/zip" and _is_office_document(data):
        return Refused("office_document", media_type, size)
    if media_type in ARCHIVE_TYPES:
        return Refused("archive", media_type, size)
    if media_type not in ALLOWED_TYPES:
        return Refused("not_allowed", media_type, size)
    if media_type in IMAGE_TYPES:
        dimensions = image_dimensions(data, media_type)
        if dimensions is None:
            return Refused("image_unreadable", media_type, size)
        width, height = dimensions
        if width * height > limits.max_pixels:
            return Refused("too_many_pixels", media_type, size, dimensions)
        return Accepted(media_type, size, dimensions)
    return Accepted(media_type, size)


def _is_office_document(data: bytes) -> bool:
    head = data[:2048]
    return b"[Content_Types].xml" in head or b"word/" in head or b"xl/" in head or b"ppt/" in head


def image_dimensions(data: bytes, media_type: str) -> tuple[int, int] | None:
    """Width and height as the image's header declares them, read without decoding any pixels."""
    try:
        if media_type == "image/png":
            return _png(data)
        if media_type == "image/gif":
            return _gif(data)
        if media_type == "image/jpeg":
            return _jpeg(data)
        if media_type == "image/webp":
            return _webp(data)
    except (struct.error, IndexError):
        return None
    return None


def _png(data: bytes) -> tuple[int, int] | None:
    if data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _gif(data: bytes) -> tuple[int, int] | None:
    width, height = struct.unpack("<HH", data[6:10])
    return int(width), int(height)


_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}  # start-of-frame, not DHT/JPG/DAC


def _jpeg(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return int(width), int(height)
        if marker == 0xDA:  # start of scan before any frame header
            return None
        position += 2 + length
    return None


def _webp(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8L":
        if data[20] != 0x2F:
            return None
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        if data[23:26] != b"\x9d\x01\x2a":
            return None
        width, height = struct.unpack("<HH", data[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    return None
