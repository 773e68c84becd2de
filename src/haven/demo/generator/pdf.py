"""A very small PDF writer for the demo's generated court and wanted notices (one A4 page of text).

Text is set in the standard Helvetica font, which every PDF reader has, re-encoded so that the byte
codes 0xC0–0xFF carry the Cyrillic letters (as in Windows-1251) under their Adobe glyph names, with a
ToUnicode map so that the text can be searched and copied. No font is embedded: readers substitute a
system font that has the Cyrillic glyphs. The output is byte-for-byte deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

_UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
_LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# Adobe's names for the Cyrillic glyphs: afii10017 is А, afii10065 is а, in alphabetical order with Ё.
_GLYPHS = {ch: f"afii{10017 + i}" for i, ch in enumerate(_UPPER)} | {
    ch: f"afii{10065 + i}" for i, ch in enumerate(_LOWER)
}
_GLYPHS["№"] = "afii61352"

# Advance widths (1/1000 em): Helvetica's for ASCII, Arial's for Cyrillic. Readers space glyphs by these.
_ASCII_WIDTHS = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 "
    "556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 "
    "667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 "
    "556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_CYRILLIC_WIDTHS = (
    "667 656 667 542 677 667 667 923 604 719 719 583 656 833 722 778 719 667 722 611 635 760 667 740 "
    "667 917 938 792 885 656 719 1010 722 556 573 531 365 583 556 556 669 458 559 559 438 583 688 552 "
    "556 542 556 500 458 500 823 500 573 521 802 823 625 719 521 510 750 542"
)
_WIDTH = {chr(32 + i): int(w) for i, w in enumerate(_ASCII_WIDTHS.split())} | dict(
    zip(_UPPER + _LOWER, map(int, _CYRILLIC_WIDTHS.split()), strict=True)
)
_WIDTH |= {"№": 1073, "—": 1000, "…": 1000, "“": 333, "”": 333, "«": 556, "»": 556, "–": 556}
_BOLD = 1.07  # Helvetica-Bold is about this much wider


def _widths(bold: bool) -> str:
    by_code = {_code(ch): w for ch, w in _WIDTH.items()}
    scale = _BOLD if bold else 1.0
    return " ".join(str(round(by_code.get(code, 556) * scale)) for code in range(32, 256))


def _text_width(text: str, size: float, bold: bool) -> float:
    return sum(_WIDTH.get(ch, 556) for ch in text) * size / 1000 * (_BOLD if bold else 1.0)


@dataclass(frozen=True)
class Line:
    text: str
    size: float = 11
    bold: bool = False
    gap: float = 0  # extra space above the line, in points


def _code(ch: str) -> int:
    if ch in _GLYPHS:
        return ch.encode("cp1251")[0]
    encoded = ch.encode("cp1252", errors="ignore")  # Latin, digits, « » — “ ” … as WinAnsi has them
    if len(encoded) == 1:
        return encoded[0]
    return ord("?")


def _differences() -> str:
    codes = sorted((ch.encode("cp1251")[0], name) for ch, name in _GLYPHS.items())
    return " ".join(f"{code} /{name}" for code, name in codes)


def _to_unicode() -> bytes:
    pairs = sorted((ch.encode("cp1251")[0], ord(ch)) for ch in _GLYPHS)
    entries = "\n".join(f"<{code:02X}> <{point:04X}>" for code, point in pairs)
    body = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Haven-Cyrillic def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{len(pairs)} beginbfchar\n{entries}\nendbfchar\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    )
    return body.encode("ascii")


def _escape(text: str) -> bytes:
    raw = bytes(_code(ch) for ch in text)
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _wrap(text: str, size: float, bold: bool, width_points: float) -> list[str]:
    """Break ``text`` into lines that fit between the margins."""
    words, lines, current = text.split(), [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if _text_width(candidate, size, bold) > width_points and current:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines or [""]


def pdf_page(lines: Sequence[Line], *, title: str = "") -> bytes:
    """One A4 page with ``lines`` set from the top left, wrapped to the margins."""
    left, top, width = 56.0, 800.0, 483.0
    y = top
    content = bytearray(b"BT\n")
    for line in lines:
        font = b"/F2" if line.bold else b"/F1"
        for i, part in enumerate(_wrap(line.text, line.size, line.bold, width)):
            y -= (line.gap if i == 0 else 0) + line.size * 1.35
            content += font + b" %g Tf 1 0 0 1 %g %g Tm (" % (line.size, left, y) + _escape(part) + b") Tj\n"
    content += b"ET\n"
    cmap = _to_unicode()
    encoding = f"<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [{_differences()}] >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + bytes(content) + b"endstream",
        _FONT % (b"Helvetica", _widths(False).encode("ascii")),
        _FONT % (b"Helvetica-Bold", _widths(True).encode("ascii")),
        encoding.encode("ascii"),
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"endstream",
        b"<< /Producer (Haven demo data) /Title <" + _utf16(title) + b"> >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\n" % (len(objects) + 1, len(objects))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


_FONT = (
    b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding 7 0 R /ToUnicode 8 0 R "
    b"/FirstChar 32 /LastChar 255 /Widths [%s] >>"
)


def _utf16(text: str) -> bytes:
    return ("FEFF" + text.encode("utf-16-be").hex().upper()).encode("ascii")
