"""Small real files for evidence tests, made here rather than kept as binaries: images, archives and
documents, and photos, videos and PDFs with metadata (made with Pillow, and by hand for MP4 boxes)."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import io
import json
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image


def png(width: int = 2, height: int = 1) -> bytes:
    """A real PNG (red pixels). Its header may declare any size: only small ones are given pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * min(width, 64) for _ in range(min(height, 64)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def gif(width: int = 1, height: int = 1) -> bytes:
    return (
        b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\x00\x00\xff\xff\xff\x00\x00\x00"
        b"\x2c\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00\x3b"
    )


def jpeg_header(width: int = 640, height: int = 480) -> bytes:
    """The start of a baseline JPEG up to its frame header (enough to be typed and measured)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = (
        b"\xff\xc0" + struct.pack(">HBHHB", 17, 8, height, width, 3) + b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    )
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def webp_lossless(width: int = 3, height: int = 2) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    payload = b"\x2f" + bits.to_bytes(4, "little") + b"\x00" * 8
    body = b"WEBP" + b"VP8L" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


def zip_of(name: str = "post.txt", data: bytes = b"hello") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def gzip_bomb() -> bytes:
    """A gzip stream of 10 MB of zeros, about 10 kB compressed."""
    return gzip.compress(b"\x00" * 10_000_000)


def tar_of(data: bytes = b"hello") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        info = tarfile.TarInfo("post.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


HTML = "<!DOCTYPE html><html><head><title>Пост</title></head><body><p>Нет войне</p></body></html>".encode()

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 16

WEBM = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 8

MOV = b"\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  " + b"\x00" * 16

# Пушкинская площадь, Moscow: the place of the picket in the sample post.
LATITUDE = (55.0, 45.0, 56.88)  # 55.765800° N

LONGITUDE = (37.0, 36.0, 20.16)  # 37.605600° E


def photo(
    *,
    taken: str = "2022:03:06 14:05:00",
    make: str = "Apple",
    model: str = "iPhone 12",
    software: str | None = "Adobe Photoshop 25.0",
    gps: bool = True,
    orientation: int = 1,
    kind: str = "JPEG",
    size: tuple[int, int] = (64, 48),
) -> bytes:
    """A small photo whose EXIF says when, with what and where it was taken (and XMP with the editor)."""
    image = Image.new("RGB", size, (200, 30, 30))
    for x in range(size[0] // 2):  # a left half of another colour, so a rotation shows
        for y in range(size[1]):
            image.putpixel((x, y), (20, 90, 200))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x0112] = make, model, orientation
    if software:
        exif[0x0131] = software
    exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        block = exif.get_ifd(0x8825)
        block[1], block[2], block[3], block[4] = "N", LATITUDE, "E", LONGITUDE
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description xmp:CreatorTool="Snapseed 2.0"/></x:xmpmeta>'
    if kind == "JPEG":
        image.save(out, "JPEG", exif=exif, xmp=xmp, comment=b"Pikachu protest")
    else:
        image.save(out, kind, exif=exif)
    return out.getvalue()


def pdf(pages: int = 2) -> bytes:
    """A PDF of ``pages`` plain pages (Pillow writes it)."""
    colours = ["white", "lightgrey", "lightblue", "lightyellow"]
    images = [Image.new("RGB", (300, 420), colours[n % len(colours)]) for n in range(pages)]
    out = io.BytesIO()
    images[0].save(out, "PDF", save_all=True, append_images=images[1:])
    return out.getvalue()


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _qt_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack(">HH", len(data), 0x15C7) + data


def mp4(*, created: dt.datetime, location: str = "+55.7658+037.6056/", make: str = "samsung") -> bytes:
    """A minimal MP4 whose boxes carry a creation time (mvhd), a position (©xyz) and a device (©mak,
    ©mod), as Android phones write them; and Apple's keys/ilst for the software."""
    seconds = int((created - dt.datetime(1904, 1, 1)).total_seconds())
    mvhd = _box(b"mvhd", b"\x00\x00\x00\x00" + struct.pack(">II", seconds, seconds) + b"\x00" * 88)
    udta = _box(
        b"udta",
        _box(b"\xa9xyz", _qt_string(location))
        + _box(b"\xa9mak", _qt_string(make))
        + _box(b"\xa9mod", _qt_string("SM-G991B")),
    )
    key = b"com.apple.quicktime.software"
    keys = _box(
        b"keys", b"\x00\x00\x00\x00" + struct.pack(">I", 1) + struct.pack(">I", 8 + len(key)) + b"mdta" + key
    )
    ilst = _box(
        b"ilst", _box(struct.pack(">I", 1), _box(b"data", b"\x00\x00\x00\x01\x00\x00\x00\x00CapCut 9.1"))
    )
    meta = _box(b"meta", _box(b"hdlr", b"\x00" * 8 + b"mdta" + b"\x00" * 13) + keys + ilst)
    ftyp = _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
    return ftyp + _box(b"moov", mvhd + udta + meta) + _box(b"mdat", b"\x00" * 64)


def _ebml(element: int, payload: bytes, *, unknown_size: bool = False) -> bytes:
    """An EBML element: its ID, its size as an 8-byte variable-length integer, its payload."""
    size = b"\x01\xff\xff\xff\xff\xff\xff\xff" if unknown_size else b"\x01" + len(payload).to_bytes(7, "big")
    return element.to_bytes((element.bit_length() + 7) // 8, "big") + size + payload


def webm(*, created: dt.datetime | None, app: str = "Lavf60.16.100", live: bool = False) -> bytes:
    """A minimal WebM: the EBML header (DocType webm), then a Segment whose Info says when it was made
    (DateUTC) and with what, a Tracks element and one Cluster. ``live``: sizes unknown, as a browser
    recording a stream writes them."""
    header = _ebml(0x1A45DFA3, _ebml(0x4286, b"\x01") + _ebml(0x4282, b"webm") + _ebml(0x4287, b"\x04"))
    info = _ebml(0x2AD7B1, (1_000_000).to_bytes(3, "big")) + _ebml(0x4D80, app.encode())
    info += _ebml(0x5741, b"Haven test recorder")
    if created is not None:
        since = created - dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
        nanoseconds = (since.days * 86_400 + since.seconds) * 1_000_000_000 + since.microseconds * 1000
        info += _ebml(0x4461, nanoseconds.to_bytes(8, "big", signed=True))
    tracks = _ebml(0x1654AE6B, _ebml(0xAE, _ebml(0xD7, b"\x01") + _ebml(0x86, b"V_VP8")))
    cluster = _ebml(0x1F43B675, _ebml(0xE7, b"\x00") + b"\xa3\x85\x81\x00\x00\x80\x00", unknown_size=live)
    return header + _ebml(0x18538067, _ebml(0x1549A966, info) + tracks + cluster, unknown_size=live)


FILMED_AT = "+55.7558+037.6173/"  # Red Square, as a phone writes it (ISO 6709)
_FILMED = {  # media type: how ffmpeg encodes and writes it, with the tags a phone would write
    "video/mp4": ["-c:v", "mpeg4", "-c:a", "aac", "-f", "mp4"],
    "video/quicktime": [
        "-c:v", "mpeg4", "-c:a", "aac", "-movflags", "use_metadata_tags",
        "-metadata", f"com.apple.quicktime.location.ISO6709={FILMED_AT}",
        "-metadata", "com.apple.quicktime.make=Apple", "-metadata", "com.apple.quicktime.model=iPhone 12",
        "-f", "mov",
    ],
    "video/webm": ["-c:v", "libvpx", "-c:a", "libopus", "-f", "webm"],
}  # fmt: skip


def need_ffmpeg() -> None:
    if shutil.which("ffmpeg") is None or shutil.which("ffprobe") is None:
        pytest.skip("ffmpeg is not installed (Debian: ffmpeg): Haven cannot clean videos without it")


def filmed(media_type: str = "video/mp4") -> bytes:
    """A real one-second video (a test pattern and a tone) made by ffmpeg, saying where and when it was
    filmed and on which phone: the container's location, creation time, make and model."""
    need_ffmpeg()
    command = [
        "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
        "-f", "lavfi", "-i", "testsrc=duration=1:size=64x48:rate=5", "-f", "lavfi", "-i", "sine=duration=1",
        *_FILMED[media_type][:-2],
        "-metadata", f"location={FILMED_AT}", "-metadata", "creation_time=2022-03-06T14:05:00Z",
        "-metadata", "make=samsung", "-metadata", "model=SM-G991B",
        "-metadata:s:v:0", "creation_time=2022-03-06T14:05:00Z",
        *_FILMED[media_type][-2:], "video",
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(command, capture_output=True, check=True, cwd=folder)  # noqa: S603
        return (Path(folder) / "video").read_bytes()


def _probe(command: list[str], data: bytes) -> bytes:
    """``command`` run on ``data`` given as a file (an MP4 is read by seeking in it)."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "video").write_bytes(data)
        return subprocess.run(command, capture_output=True, check=True, cwd=folder).stdout  # noqa: S603


def video_tags(data: bytes) -> dict[str, str]:
    """Every tag ffprobe finds in the video, of the container and of each stream (lower-case names)."""
    found = json.loads(
        _probe(
            ["ffprobe", "-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "json", "video"],
            data,
        )
    )
    tags = {k.lower(): v for k, v in found.get("format", {}).get("tags", {}).items()}
    for stream in found.get("streams", []):
        tags.update({k.lower(): v for k, v in stream.get("tags", {}).items()})
    return tags


def stream_hashes(data: bytes) -> str:
    """The SHA-256 of each stream's packets: equal for two files whose pictures and sound are the same
    bytes, whatever their containers say."""
    command = ["ffmpeg", "-v", "error", "-i", "video", "-map", "0", "-c", "copy", "-f", "streamhash", "-hash",
               "sha256", "-"]  # fmt: skip
    return _probe(command, data).decode()


PROTOCOL = """ПРОТОКОЛ № 7712 об административном правонарушении
12 марта 2022 г.   г. Москва
ОМВД России по Мещанскому району г. Москвы
Котова Юлия Сергеевна держала плакат «Нет войне», ответственность
за что предусмотрена ч. 1 ст. 20.3.3 КоАП РФ."""


SECOND_PAGE = """Объяснение лица: с протоколом не согласна.
Протокол составил старший лейтенант полиции Смирнов А. В."""


def scanned_protocol_pdf(**metadata: str) -> bytes:
    """The protocol and its second page scanned into one PDF at 300 dpi, as an office's scanner writes it,
    with ``metadata`` (author, title, creator…) in the PDF's information."""
    scans = bench_scans()
    pages = [Image.open(io.BytesIO(scans.scan(text))).convert("L") for text in (PROTOCOL, SECOND_PAGE)]
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=300.0, **metadata)
    return out.getvalue()


def photographed_protocol_jpeg() -> bytes:
    """The protocol photographed: a JPEG whose EXIF says which phone, whose, and where (Pushkin Square)."""
    page = Image.open(io.BytesIO(bench_scans().scan(PROTOCOL))).convert("L")
    exif = Image.Exif()
    exif[0x010F], exif[0x0110], exif[0x013B] = "Apple", "iPhone 12", "Kotova Yulia"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", LATITUDE, "E", LONGITUDE
    out = io.BytesIO()
    page.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def bench_scans() -> Any:
    path = Path(__file__).resolve().parents[2] / "bench" / "scans.py"
    spec = importlib.util.spec_from_file_location("bench_scans", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module
