"""What a WebM (Matroska) video says about itself: when it was made and with which programs.

A WebM file is a tree of EBML elements (RFC 8794, Matroska RFC 9559): after the EBML header comes the
Segment, whose Info element holds ``DateUTC`` (nanoseconds since 2001-01-01 00:00 UTC, when the file
was made), ``MuxingApp`` and ``WritingApp``. Only the Segment's first elements are walked, up to its
first Cluster (the frames): Info comes before them. Browsers recording a stream often write neither
size nor date (an "unknown" size runs to the end of the file; no date is simply none). Nothing is
trusted: an element that does not parse ends the walk, and what was read up to there is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice

EBML, SEGMENT, INFO, CLUSTER = 0x1A45DFA3, 0x18538067, 0x1549A966, 0x1F43B675
DATE_UTC, MUXING_APP, WRITING_APP = 0x4461, 0x4D80, 0x5741
MATROSKA_EPOCH = dt.datetime(2001, 1, 1, tzinfo=dt.UTC)
UNKNOWN = -1  # an element whose size is "unknown": it runs to the end of its parent
LIMIT = 64  # elements looked at in the Segment before giving up on finding Info


def _vint(data: bytes, position: int, *, keep_marker: bool) -> tuple[int, int] | None:
    """An EBML variable-length integer at ``position``: (value, length), or None if it does not parse.
    IDs keep their length marker; sizes do not, and all ones means "unknown"."""
    if position >= len(data) or data[position] == 0:
        return None
    first = data[position]
    length = 8 - first.bit_length() + 1
    if position + length > len(data):
        return None
    value = int.from_bytes(data[position : position + length], "big")
    if keep_marker:
        return value, length
    value &= (1 << (7 * length)) - 1
    return (UNKNOWN if value == (1 << (7 * length)) - 1 else value), length


def _elements(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(id, payload start, payload end) of each element between ``start`` and ``end``."""
    position = start
    while position < end:
        element = _vint(data, position, keep_marker=True)
        if element is None:
            return
        size = _vint(data, position + element[1], keep_marker=False)
        if size is None:
            return
        payload = position + element[1] + size[1]
        payload_end = end if size[0] == UNKNOWN else payload + size[0]
        if payload_end > end:
            payload_end = end  # a file cut short: what is there is read
        yield element[0], payload, payload_end
        position = payload_end


def read_webm_metadata(data: bytes) -> tuple[dt.datetime | None, tuple[str, ...]]:
    """When the file says it was made (UTC), and the programs that wrote it."""
    created: dt.datetime | None = None
    software: list[str] = []
    top = list(islice(_elements(data, 0, len(data)), 2))  # the EBML header, then the Segment
    if not top or top[0][0] != EBML:
        return None, ()
    segment = next(((start, end) for kind, start, end in top if kind == SEGMENT), None)
    if segment is None:
        return None, ()
    for seen, (kind, start, end) in enumerate(_elements(data, *segment)):
        if kind == CLUSTER or seen >= LIMIT:
            break
        if kind != INFO:
            continue
        for field, value_start, value_end in _elements(data, start, end):
            value = data[value_start:value_end]
            if field == DATE_UTC and len(value) == 8:
                nanoseconds = int.from_bytes(value, "big", signed=True)
                try:
                    created = MATROSKA_EPOCH + dt.timedelta(microseconds=nanoseconds // 1000)
                except OverflowError:
                    created = None
            elif field in (MUXING_APP, WRITING_APP):
                text = value.decode("utf-8", "replace").strip("\x00 ").strip()
                if text and text not in software:
                    software.append(text)
        break
    return created, tuple(software)
