"""Hostile files an adversarial probe sent to Haven's imports, made on the spot (nothing stored).

Each XLSX is written straight as a zip of XML, streamed, so making a 400 MB cell holds a chunk of it at
a time. The benchmark ``bench/import_memory.py`` uses these too.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO, Any

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    "</Relationships>"
)
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_END = "</sheetData></worksheet>"
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Household ID</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>Surname (Cyrillic)</t></is></c></row>'
)


def _xlsx(out: IO[bytes], sheet: Any) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            for chunk in sheet:
                part.write(chunk.encode())


def _many_rows(rows: int) -> Any:
    yield SHEET_START + HEADER_ROW
    row = "<row><c><v>1</v></c><c><v>2</v></c></row>"
    block = 10_000
    for _ in range(rows // block):
        yield row * block
    yield row * (rows % block)
    yield SHEET_END


def _one_big_cell(chars: int) -> Any:
    yield SHEET_START + HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>'
    block = 1 << 20
    for _ in range(chars // block):
        yield "a" * block
    yield "a" * (chars % block)
    yield "</t></is></c></row>" + SHEET_END


def many_rows_xlsx(rows: int = 3_000_000) -> bytes:
    """A small XLSX (about 1 MB or less) holding ``rows`` two-cell rows after a header."""
    out = io.BytesIO()
    _xlsx(out, _many_rows(rows))
    return out.getvalue()


def big_cell_xlsx(chars: int = 400 << 20) -> bytes:
    """A small XLSX (about 400 KB) whose one cell holds ``chars`` characters."""
    out = io.BytesIO()
    _xlsx(out, _one_big_cell(chars))
    return out.getvalue()


def long_field_csv(chars: int = 131_073) -> bytes:
    """A CSV whose one quoted field is longer than Python's csv module reads by default."""
    return ('Household ID;Фамилия\nF-1;"' + "я" * chars + '"\n').encode()


def bom_then_not_utf8() -> bytes:
    return b"\xef\xbb\xbf" + "ID семьи;Фамилия\nF-1;Смирнова\n".encode("cp1251")


def koi8_csv() -> bytes:
    text = "ID семьи;Фамилия;Имя;Отчество\nF-1;Смирнова;Ольга;Петровна\nF-2;Лебедев;Артём;Ильич\n"
    return text.encode("koi8_r")


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
