"""Packaging a capture as WACZ 1.1.1 (Web Archive Collection Zipped), and checking such a package.

A WACZ file is what ReplayWeb.page and the web-archiving tools open to replay a capture as the browser
saw it: a ZIP (entries stored, not compressed) holding

- ``archive/data.warc.gz``: the WARC records, each gzipped on its own so that any one can be read from
  its offset;
- ``indexes/index.cdxj``: one line per response (SURT key, 14-digit time, JSON with the URL, media type,
  status, payload digest, and the record's offset and length in the archive);
- ``pages/pages.jsonl``: the captured page, with its title and its text after scripts ran;
- ``datapackage.json``: every other file with its SHA-256 and size, and ``datapackage-digest.json``
  with the SHA-256 of ``datapackage.json`` itself.

Written by hand (a few JSON lines and a ZIP) rather than with ``py-wacz``, which would bring pywb and
its dependencies into Haven for one function. :func:`check_wacz` is what ``haven verify-bundle`` runs.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from urllib.parse import urlsplit

from haven_core.capture.warc import WarcRecord, payload_digest

MEDIA_TYPE = "application/wacz"
WACZ_VERSION = "1.1.1"
DATAPACKAGE = "datapackage.json"
DIGEST = "datapackage-digest.json"
ARCHIVE = "archive/data.warc.gz"
INDEX = "indexes/index.cdxj"
PAGES = "pages/pages.jsonl"


def surt(url: str) -> str:
    """The URL's Sort-friendly URI Reordering Transform, as web archives key their indexes."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if not host.replace(".", "").isdigit() and ":" not in host:
        host = ",".join(reversed(host.split(".")))
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = "?" + "&".join(sorted(parts.query.split("&"))) if parts.query else ""
    return f"{host}{port}){(parts.path or '/').lower()}{query.lower()}"


def _timestamp(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")


def _iso(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _archive_and_index(records: Sequence[WarcRecord]) -> tuple[bytes, bytes]:
    archive = io.BytesIO()
    lines = []
    for record in records:
        offset = archive.tell()
        archive.write(gzip.compress(record.data, mtime=0))
        exchange = record.exchange
        if record.kind != "response" or exchange is None:
            continue
        fields = {
            "url": exchange.url,
            "mime": exchange.media_type or "unk",
            "status": str(exchange.status),
            "digest": payload_digest(exchange),
            "length": str(archive.tell() - offset),
            "offset": str(offset),
            "filename": ARCHIVE.rpartition("/")[2],
        }
        line = f"{surt(exchange.url)} {_timestamp(exchange.at)} {json.dumps(fields, ensure_ascii=False)}"
        lines.append(line)
    index = "".join(line + "\n" for line in sorted(lines))
    return archive.getvalue(), index.encode("utf-8")


def wacz_package(
    records: Sequence[WarcRecord],
    *,
    page_url: str,
    page_title: str,
    page_text: str,
    captured_at: dt.datetime,
    software: str,
) -> bytes:
    """The WARC ``records`` of one captured page as a WACZ file."""
    archive, index = _archive_and_index(records)
    pages = [
        {"format": "json-pages-1.0", "id": "pages", "title": "All Pages", "hasText": True},
        {"id": "page-1", "url": page_url, "ts": _iso(captured_at), "title": page_title, "text": page_text},
    ]
    files = {
        ARCHIVE: archive,
        INDEX: index,
        PAGES: "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pages).encode("utf-8"),
    }
    package = {
        "profile": "data-package",
        "wacz_version": WACZ_VERSION,
        "title": page_title or page_url,
        "software": software,
        "created": _iso(captured_at),
        "mainPageUrl": page_url,
        "mainPageDate": _iso(captured_at),
        "resources": [
            {
                "name": path.rpartition("/")[2],
                "path": path,
                "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
            }
            for path, data in files.items()
        ],
    }
    files[DATAPACKAGE] = json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")
    digest = {"path": DATAPACKAGE, "hash": "sha256:" + hashlib.sha256(files[DATAPACKAGE]).hexdigest()}
    files[DIGEST] = json.dumps(digest, indent=2).encode("utf-8")
    out = io.BytesIO()
    stamp = captured_at.astimezone(dt.UTC).timetuple()[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as package_zip:
        for path, data in files.items():
            package_zip.writestr(zipfile.ZipInfo(path, date_time=stamp), data)
    return out.getvalue()


def check_wacz(data: bytes, *, name: str = "the WACZ file") -> list[str]:
    """Problems with a WACZ file: every file in it against ``datapackage.json``, and that file against
    ``datapackage-digest.json``. An empty list means every hash and size matches."""
    try:
        package_zip = zipfile.ZipFile(io.BytesIO(data))
        names = package_zip.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return [f"{name}: is not a readable WACZ (ZIP) file"]
    problems = [f"{name}: {entry} appears twice" for entry in sorted(set(names)) if names.count(entry) > 1]
    contents: dict[str, bytes] = {}
    for entry in names:
        try:
            contents[entry] = package_zip.read(entry)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            problems.append(f"{name}: {entry} is altered or damaged (its ZIP checksum fails)")
    damaged = set(names) - set(contents)
    if DATAPACKAGE not in contents:
        if DATAPACKAGE not in damaged:
            problems.append(f"{name}: has no {DATAPACKAGE}, so nothing in it can be checked")
        return problems
    try:
        package = json.loads(contents[DATAPACKAGE].decode("utf-8"))
        resources = [(str(r["path"]), str(r["hash"]), int(r["bytes"])) for r in package["resources"]]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return [*problems, f"{name}: its {DATAPACKAGE} cannot be read"]
    for path, expected, size in resources:
        if path in damaged:
            continue
        if path not in contents:
            problems.append(f"{name}: {path} is listed in {DATAPACKAGE} but missing")
            continue
        algorithm, _colon, value = expected.partition(":")
        if algorithm != "sha256" or hashlib.sha256(contents[path]).hexdigest() != value.lower():
            problems.append(
                f"{name}: {path} does not match its SHA-256 in {DATAPACKAGE} (altered or damaged)"
            )
        elif len(contents[path]) != size:
            problems.append(f"{name}: {path} does not have the size {DATAPACKAGE} gives")
    listed = {path for path, _h, _s in resources} | {DATAPACKAGE, DIGEST}
    problems += [f"{name}: {entry} is not listed in {DATAPACKAGE}" for entry in sorted(set(names) - listed)]
    if DIGEST in contents:
        try:
            recorded = str(json.loads(contents[DIGEST].decode("utf-8"))["hash"])
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            recorded = ""
        if recorded != "sha256:" + hashlib.sha256(contents[DATAPACKAGE]).hexdigest():
            problems.append(f"{name}: {DATAPACKAGE} does not match {DIGEST}")
    return problems
