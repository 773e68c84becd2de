"""A capture packaged as WACZ: the WARC records gzipped one by one, an index whose offsets lead to each
response (read back with ``warcio``, an independent WARC reader), the page with its text, and hashes
of every file that :func:`check_wacz` holds the package to."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile

from warcio.archiveiterator import ArchiveIterator

from haven_core.capture.fetch import Exchange
from haven_core.capture.wacz import check_wacz, surt, wacz_package
from haven_core.capture.warc import warc_records

AT = dt.datetime(2026, 3, 6, 12, 0, 5, tzinfo=dt.UTC)


def exchange(url: str, body: bytes, media_type: str) -> Exchange:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: {media_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    return Exchange(
        url=url,
        address="93.184.215.14",
        at=AT,
        request=f"GET {url.partition('example')[2][4:] or '/'} HTTP/1.1\r\nHost: t.example\r\n\r\n".encode(),
        response=head.encode() + body,
        status=200,
        headers=(("Content-Type", media_type), ("Content-Length", str(len(body)))),
        body=body,
    )


PAGE = "<p>Пикет у памятника Пушкину</p>".encode()
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXCHANGES = [
    exchange("https://t.example/s/svobodny_ural", PAGE, "text/html"),
    exchange("https://t.example/file/photo.png", PHOTO, "image/png"),
]


def package() -> bytes:
    return wacz_package(
        warc_records(EXCHANGES, software="Haven test"),
        page_url=EXCHANGES[0].url,
        page_title="Свободный Урал",
        page_text="Пикет у памятника Пушкину",
        captured_at=AT,
        software="Haven test",
    )


def read(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def rezip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return out.getvalue()


def test_the_package_holds_the_archive_index_pages_and_hashes() -> None:
    files = read(package())
    assert set(files) == {
        "archive/data.warc.gz",
        "indexes/index.cdxj",
        "pages/pages.jsonl",
        "datapackage.json",
        "datapackage-digest.json",
    }
    records = [
        (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"))
        for r in ArchiveIterator(io.BytesIO(files["archive/data.warc.gz"]))
    ]
    assert records == [
        ("warcinfo", None),
        ("request", EXCHANGES[0].url),
        ("response", EXCHANGES[0].url),
        ("request", EXCHANGES[1].url),
        ("response", EXCHANGES[1].url),
    ]
    resources = json.loads(files["datapackage.json"])["resources"]
    for resource in resources:
        assert resource["hash"] == "sha256:" + hashlib.sha256(files[resource["path"]]).hexdigest()
    pages = [json.loads(line) for line in files["pages/pages.jsonl"].decode().splitlines()]
    assert pages[0]["format"] == "json-pages-1.0"
    assert pages[1]["url"] == EXCHANGES[0].url and pages[1]["text"] == "Пикет у памятника Пушкину"
    assert check_wacz(package()) == []


def test_each_index_line_leads_to_its_response() -> None:
    files = read(package())
    archive = files["archive/data.warc.gz"]
    lines = files["indexes/index.cdxj"].decode().splitlines()
    assert [line.split(" ")[:2] for line in lines] == [
        ["example,t)/file/photo.png", "20260306120005"],
        ["example,t)/s/svobodny_ural", "20260306120005"],
    ]
    for line in lines:
        fields = json.loads(line.split(" ", 2)[2])
        start, length = int(fields["offset"]), int(fields["length"])
        record = next(iter(ArchiveIterator(io.BytesIO(archive[start : start + length]))))
        assert record.rec_type == "response"
        assert record.rec_headers.get_header("WARC-Target-URI") == fields["url"]
        assert record.content_stream().read() == {"text/html": PAGE, "image/png": PHOTO}[fields["mime"]]


def test_surt_keys_as_web_archives_do() -> None:
    assert surt("https://www.T.me/s/Channel?b=2&a=1") == "me,t)/s/channel?a=1&b=2"
    assert surt("http://127.0.0.1:8080/x") == "127.0.0.1:8080)/x"


def test_an_altered_file_inside_is_named() -> None:
    files = read(package())
    files["indexes/index.cdxj"] = files["indexes/index.cdxj"].replace(b"photo", b"phot0")
    assert check_wacz(rezip(files), name="p.wacz") == [
        "p.wacz: indexes/index.cdxj does not match its SHA-256 in datapackage.json (altered or damaged)"
    ]


def test_a_rewritten_datapackage_an_extra_and_a_missing_file_are_found() -> None:
    files = read(package())
    files["extra.js"] = b"alert(1)"
    del files["pages/pages.jsonl"]
    files["datapackage.json"] = files["datapackage.json"].replace(b'"Haven test"', b'"Someone else"')
    assert check_wacz(rezip(files), name="p.wacz") == [
        "p.wacz: pages/pages.jsonl is listed in datapackage.json but missing",
        "p.wacz: extra.js is not listed in datapackage.json",
        "p.wacz: datapackage.json does not match datapackage-digest.json",
    ]


def test_what_is_not_a_package_says_so() -> None:
    assert check_wacz(b"not a zip", name="p.wacz") == ["p.wacz: is not a readable WACZ (ZIP) file"]
    assert check_wacz(rezip({"a.txt": b"x"}), name="p.wacz") == [
        "p.wacz: has no datapackage.json, so nothing in it can be checked"
    ]


def test_a_byte_changed_in_the_zip_itself_is_named() -> None:
    data = package()
    at = data.index(b"example,t)/file/photo.png")
    damaged = data[:at] + b"E" + data[at + 1 :]
    assert check_wacz(damaged, name="p.wacz") == [
        "p.wacz: indexes/index.cdxj is altered or damaged (its ZIP checksum fails)"
    ]
