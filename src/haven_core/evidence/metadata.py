"""What a photo or a video says about itself, and where that contradicts what the evidence claims.

Pure and typed: :func:`read_metadata` takes a file's bytes and its sniffed media type and returns a
:class:`FileMetadata` — when the camera says it was taken, the device (make and model), where (GPS), and
the software that wrote or edited it. Images are read with Pillow (EXIF, its GPS block, and the XMP
packet's ``CreatorTool``) without decoding any pixels; MP4 and QuickTime videos by walking their boxes
(``mvhd`` creation time, the ``udta`` ©-atoms and Apple's ``keys``/``ilst`` metadata); WebM by walking
its EBML elements (:mod:`haven_core.evidence.webm`: ``DateUTC`` and the writing programs). Nothing here
trusts the file: a tag that does not parse is left out, never guessed.

:func:`contradictions` compares the capture date with the item's claims (the dates of the activities it
shows and its publication date). A camera's clock can be wrong, so these are questions for the
reviewer, not verdicts.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from haven_core.evidence.webm import read_webm_metadata

IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
VIDEO_TYPES = frozenset({"video/mp4", "video/quicktime", "video/webm"})

# EXIF tag numbers (EXIF 2.32, CIPA DC-008).
_MAKE, _MODEL, _SOFTWARE, _DATETIME = 0x010F, 0x0110, 0x0131, 0x0132
_EXIF_IFD, _GPS_IFD = 0x8769, 0x8825
_DATETIME_ORIGINAL, _DATETIME_DIGITIZED, _OFFSET_ORIGINAL = 0x9003, 0x9004, 0x9011
_GPS_LAT_REF, _GPS_LAT, _GPS_LON_REF, _GPS_LON = 1, 2, 3, 4

# A photo dated more than a day after the activity it shows (time zones aside), or more than 30 days
# before it (dates of activities are often entered approximately), is flagged.
AFTER_TOLERANCE = dt.timedelta(days=1)
BEFORE_TOLERANCE = dt.timedelta(days=30)


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float

    def __str__(self) -> str:
        return f"{self.latitude:.5f}, {self.longitude:.5f}"


@dataclass(frozen=True)
class FileMetadata:
    """What the file says about itself; every field is ``None`` (or empty) when the file does not say."""

    captured_at: dt.datetime | None = None  # naive unless the file gives its time zone
    make: str | None = None
    model: str | None = None
    software: tuple[str, ...] = ()
    location: Location | None = None
    read: bool = True  # False when the format could not be read at all

    @property
    def device(self) -> str | None:
        parts = [p for p in (self.make, self.model) if p]
        if self.make and self.model and self.model.lower().startswith(self.make.lower()):
            parts = [self.model]  # "Apple" + "Apple iPhone 12" reads as the model alone
        return " ".join(parts) or None

    @property
    def empty(self) -> bool:
        return not (self.captured_at or self.device or self.software or self.location)


@dataclass(frozen=True)
class Claim:
    """A date the item claims: an activity it shows (``tag`` is its code) or its publication
    (``tag`` is ``None``)."""

    day: dt.date
    tag: str | None = None


@dataclass(frozen=True)
class Contradiction:
    """``code`` is ``taken_after_event``, ``taken_long_before_event`` or ``taken_after_publication``."""

    code: str
    claim: Claim
    captured_on: dt.date
    days: int = field(default=0)  # how far apart, in whole days


def read_metadata(data: bytes, media_type: str) -> FileMetadata:
    """The metadata of an image or an MP4, QuickTime or WebM video; ``read=False`` for other types."""
    if media_type in IMAGE_TYPES:
        return read_image_metadata(data)
    if media_type == "video/webm":
        created, software = read_webm_metadata(data)
        return FileMetadata(captured_at=created, software=software)
    if media_type in VIDEO_TYPES:
        return read_video_metadata(data)
    return FileMetadata(read=False)


# --- images -------------------------------------------------------------------------------------------


def read_image_metadata(data: bytes) -> FileMetadata:
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            exif_ifd = dict(exif.get_ifd(_EXIF_IFD))
            gps = dict(exif.get_ifd(_GPS_IFD))
            xmp = _xmp_packet(image.info)
            png_software = image.info.get("Software") if image.format == "PNG" else None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, struct.error):
        return FileMetadata(read=False)
    captured = _exif_datetime(
        exif_ifd.get(_DATETIME_ORIGINAL) or exif_ifd.get(_DATETIME_DIGITIZED) or exif.get(_DATETIME),
        exif_ifd.get(_OFFSET_ORIGINAL),
    )
    software = _unique(_text(exif.get(_SOFTWARE)), _xmp_creator_tool(xmp), _text(png_software))
    return FileMetadata(
        captured_at=captured,
        make=_text(exif.get(_MAKE)),
        model=_text(exif.get(_MODEL)),
        software=software,
        location=_gps_location(gps),
    )


def _text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    cleaned = value.replace("\x00", "").strip()
    return cleaned[:200] or None


def _unique(*values: str | None) -> tuple[str, ...]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return tuple(seen)


_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def _exif_datetime(value: Any, offset: Any = None) -> dt.datetime | None:
    text = _text(value)
    match = _EXIF_DATE.match(text or "")
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        moment = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:  # "0000:00:00 00:00:00" is what some cameras write for "unknown"
        return None
    zone = _OFFSET.match(_text(offset) or "")
    if zone:
        sign = -1 if zone.group(1) == "-" else 1
        delta = dt.timedelta(hours=int(zone.group(2)), minutes=int(zone.group(3)))
        moment = moment.replace(tzinfo=dt.timezone(sign * delta))
    return moment


def _gps_location(gps: dict[int, Any]) -> Location | None:
    latitude = _degrees(gps.get(_GPS_LAT), _text(gps.get(_GPS_LAT_REF)), "S")
    longitude = _degrees(gps.get(_GPS_LON), _text(gps.get(_GPS_LON_REF)), "W")
    if latitude is None or longitude is None:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Location(round(latitude, 6), round(longitude, 6))


def _degrees(value: Any, reference: str | None, negative: str) -> float | None:
    try:
        degrees, minutes, seconds = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    result = degrees + minutes / 60 + seconds / 3600
    return -result if (reference or "").upper().startswith(negative) else result


def _xmp_packet(info: dict[Any, Any]) -> str:
    packet = info.get("xmp") or info.get("XML:com.adobe.xmp") or b""
    if isinstance(packet, bytes):
        return packet[:200_000].decode("utf-8", "replace")
    return str(packet)[:200_000]


_CREATOR_TOOL = re.compile(r"CreatorTool(?:=\"([^\"]{1,200})\"|>([^<]{1,200})<)")


def _xmp_creator_tool(xmp: str) -> str | None:
    match = _CREATOR_TOOL.search(xmp)
    return _text(match.group(1) or match.group(2)) if match else None


# --- MP4 and QuickTime videos -------------------------------------------------------------------------

_MAC_EPOCH = dt.datetime(1904, 1, 1, tzinfo=dt.UTC)
_CONTAINERS = frozenset({b"moov", b"udta", b"trak", b"meta"})
_ISO6709 = re.compile(r"^([+-]\d+(?:\.\d+)?)([+-]\d+(?:\.\d+)?)")
_APPLE_KEYS = {
    "com.apple.quicktime.make": "make",
    "com.apple.quicktime.model": "model",
    "com.apple.quicktime.software": "software",
    "com.apple.quicktime.location.ISO6709": "location",
    "com.apple.quicktime.creationdate": "created",
}
_ATOMS = {b"\xa9mak": "make", b"\xa9mod": "model", b"\xa9swr": "software", b"\xa9too": "software"}
_ATOMS[b"\xa9xyz"] = "location"
_ATOMS[b"\xa9day"] = "created"


def _boxes(data: bytes, start: int = 0, end: int | None = None) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box between ``start`` and ``end``."""
    end = len(data) if end is None else end
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1:
            if position + 16 > end:
                return
            (size,) = struct.unpack(">Q", data[position + 8 : position + 16])
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            return
        yield kind, position + header, position + size
        position += size


def read_video_metadata(data: bytes) -> FileMetadata:
    found: dict[str, str] = {}
    created: dt.datetime | None = None
    keys: list[str] = []
    for kind, start, end in _walk(data, 0, len(data), depth=0):
        if kind == b"mvhd" and created is None:
            created = _mvhd_time(data[start:end])
        elif kind in _ATOMS:
            value = _udta_string(data[start:end])
            if value:
                found.setdefault(_ATOMS[kind], value)
        elif kind == b"keys":
            keys = _keys(data[start:end])
        elif kind == b"ilst":
            for index, value in _ilst(data, start, end):
                if 0 < index <= len(keys) and keys[index - 1] in _APPLE_KEYS:
                    found.setdefault(_APPLE_KEYS[keys[index - 1]], value)
    if "created" in found:
        created = _iso_datetime(found["created"]) or created
    return FileMetadata(
        captured_at=created,
        make=_text(found.get("make")),
        model=_text(found.get("model")),
        software=_unique(_text(found.get("software"))),
        location=_iso6709(found.get("location", "")),
    )


def _walk(data: bytes, start: int, end: int, depth: int) -> Iterator[tuple[bytes, int, int]]:
    if depth > 6:
        return
    for kind, payload_start, payload_end in _boxes(data, start, end):
        yield kind, payload_start, payload_end
        if kind in _CONTAINERS:
            inner = payload_start
            if kind == b"meta" and data[payload_start : payload_start + 4] == b"\x00\x00\x00\x00":
                inner += 4  # ISO "meta" is a full box (version and flags); QuickTime's is not
            yield from _walk(data, inner, payload_end, depth + 1)


def _mvhd_time(payload: bytes) -> dt.datetime | None:
    try:
        if payload[:1] == b"\x01":
            (seconds,) = struct.unpack(">Q", payload[4:12])
        else:
            (seconds,) = struct.unpack(">I", payload[4:8])
    except struct.error:
        return None
    if seconds == 0:  # "not set", which many encoders write
        return None
    try:
        return _MAC_EPOCH + dt.timedelta(seconds=seconds)  # mvhd times are UTC
    except OverflowError:
        return None


def _udta_string(payload: bytes) -> str | None:
    """A QuickTime ©-atom: a 16-bit length and language, then the text; or an iTunes-style data box."""
    if payload[4:8] == b"data":
        return _text(payload[16:])
    if len(payload) < 4:
        return None
    (length,) = struct.unpack(">H", payload[:2])
    return _text(payload[4 : 4 + length])


def _keys(payload: bytes) -> list[str]:
    names: list[str] = []
    try:
        (count,) = struct.unpack(">I", payload[4:8])
        position = 8
        for _ in range(min(count, 256)):
            (size,) = struct.unpack(">I", payload[position : position + 4])
            if size < 8:
                break
            names.append(payload[position + 8 : position + size].decode("utf-8", "replace"))
            position += size
    except struct.error:
        pass
    return names


def _ilst(data: bytes, start: int, end: int) -> Iterator[tuple[int, str]]:
    for kind, item_start, item_end in _boxes(data, start, end):
        index = int.from_bytes(kind, "big")
        for inner, value_start, value_end in _boxes(data, item_start, item_end):
            if inner == b"data":
                text = _text(data[value_start + 8 : value_end])
                if text:
                    yield index, text


def _iso6709(text: str) -> Location | None:
    match = _ISO6709.match(text.strip())
    if match is None:
        return None
    latitude, longitude = float(match.group(1)), float(match.group(2))
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return Location(round(latitude, 6), round(longitude, 6))


def _iso_datetime(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


# --- contradictions with the claims -------------------------------------------------------------------


def contradictions(metadata: FileMetadata, claims: Iterable[Claim]) -> list[Contradiction]:
    """Where the capture date disagrees with a claimed date: taken more than a day after the activity
    it shows or after its publication, or more than 30 days before the activity."""
    if metadata.captured_at is None:
        return []
    taken = metadata.captured_at.date()
    found: list[Contradiction] = []
    for claim in claims:
        gap = taken - claim.day
        if claim.tag is None:
            if gap > AFTER_TOLERANCE:
                found.append(Contradiction("taken_after_publication", claim, taken, gap.days))
        elif gap > AFTER_TOLERANCE:
            found.append(Contradiction("taken_after_event", claim, taken, gap.days))
        elif -gap > BEFORE_TOLERANCE:
            found.append(Contradiction("taken_long_before_event", claim, taken, -gap.days))
    return found
