"""What a file is, read from its bytes: the name and the browser's claimed type are never trusted.

A small magic-number table rather than a library: Haven needs a handful of types, must recognise the
archive formats it refuses, and must tell HTML from plain text by content.
"""

from __future__ import annotations

OCTET_STREAM = "application/octet-stream"

# (offset, magic, media type), checked in order.
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", "image/jpeg"),
    (0, b"\x89PNG\r\n\x1a\n", "image/png"),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"%PDF-", "application/pdf"),
    (0, b"\x1a\x45\xdf\xa3", "video/webm"),  # EBML: WebM (and Matroska, typed by its DocType below)
    (0, b"PK\x03\x04", "application/zip"),
    (0, b"PK\x05\x06", "application/zip"),  # an empty zip
    (0, b"PK\x07\x08", "application/zip"),  # a spanned zip
    (0, b"\x1f\x8b", "application/gzip"),
    (0, b"7z\xbc\xaf\x27\x1c", "application/x-7z-compressed"),
    (0, b"Rar!\x1a\x07", "application/vnd.rar"),
    (0, b"BZh", "application/x-bzip2"),
    (0, b"\xfd7zXZ\x00", "application/x-xz"),
    (0, b"\x28\xb5\x2f\xfd", "application/zstd"),
    (0, b"\x1f\x9d", "application/x-compress"),
    (0, b"MSCF", "application/vnd.ms-cab-compressed"),
    (257, b"ustar", "application/x-tar"),
    (0, b"WARC/", "application/warc"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/x-ole-storage"),  # old Word/Excel
    (0, b"MZ", "application/x-msdownload"),
    (0, b"\x7fELF", "application/x-executable"),
)

# ISO base media (MP4, MOV, HEIC…): "ftyp" at offset 4, then the major brand.
_QUICKTIME_BRANDS = frozenset({b"qt  "})
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"mif1", b"msf1", b"avif"})

_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<meta", b"<title")
_HTML_TAGS = (b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<div", b"<p>", b"<a ", b"<img", b"<svg")


def sniff_media_type(data: bytes) -> str:
    """The media type of ``data`` judged from its content alone; ``application/octet-stream`` if unknown."""
    for offset, magic, media_type in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            if media_type == "video/webm" and b"matroska" in data[:64]:
                return "video/x-matroska"
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        if brand in _QUICKTIME_BRANDS:
            return "video/quicktime"
        if brand in _HEIF_BRANDS:
            return "image/heif"
        return "video/mp4"
    if data[4:8] in (b"moov", b"mdat", b"wide", b"free"):  # old QuickTime files without "ftyp"
        return "video/quicktime"
    return _text_type(data)


def _text_type(data: bytes) -> str:
    head = data[:4096]
    if b"\x00" in head:
        return OCTET_STREAM
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # a multi-byte character cut at the end of the sample is fine
            return OCTET_STREAM
        text = head[: exc.start].decode("utf-8")
    lowered = text.lstrip("\ufeff \t\r\n").lower().encode("utf-8")
    if lowered.startswith(b"<svg") or (lowered.startswith(b"<?xml") and b"<svg" in lowered):
        return "image/svg+xml"
    if lowered.startswith(_HTML_STARTS) or any(tag in lowered for tag in _HTML_TAGS):
        return "text/html"
    if lowered.startswith(b"<?xml"):
        return "application/xml"
    return "text/plain"
