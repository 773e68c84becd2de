"""Evidence files are stored once, by the SHA-256 of their bytes, encrypted, and refused when altered."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from haven.evidence.errors import BlobIntegrityError
from haven.evidence.models import StoredBlob
from haven.evidence.storage import blob_path, read_blob, relative_path, store_blob

pytestmark = pytest.mark.django_db

POST = "Нет войне. Я была на пикете у памятника Пушкину 6 марта 2022 года.".encode()


def test_a_file_is_named_by_the_sha256_of_its_bytes(files_dir: Path) -> None:
    blob = store_blob(POST)
    digest = hashlib.sha256(POST).hexdigest()
    assert blob.sha256 == digest and blob.size == len(POST)
    assert relative_path(digest) == f"evidence/{digest[:2]}/{digest[2:4]}/{digest}"
    assert blob_path(blob) == files_dir / relative_path(digest)
    assert blob_path(blob).is_file()


def test_the_same_bytes_are_stored_once() -> None:
    first, second = store_blob(POST), store_blob(bytes(POST))
    assert first.pk == second.pk
    assert StoredBlob.objects.count() == 1
    assert store_blob(POST + b"!").pk != first.pk


def test_the_file_on_disk_is_encrypted_and_reads_back() -> None:
    blob = store_blob(POST)
    raw = blob_path(blob).read_bytes()
    assert POST not in raw and "Пушкину".encode() not in raw and b"\xd0\x9d\xd0\xb5\xd1\x82" not in raw
    assert read_blob(blob) == POST


def test_the_media_type_is_sniffed_from_the_bytes() -> None:
    assert store_blob(POST).media_type == "text/plain"
    assert store_blob(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").media_type == "application/pdf"
    assert store_blob(b"<!DOCTYPE html><html><body>x</body></html>").media_type == "text/html"


def test_a_tampered_file_is_refused() -> None:
    blob = store_blob(POST)
    path = blob_path(blob)
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(BlobIntegrityError, match="integrity check"):
        read_blob(blob)


def test_a_file_moved_to_another_hash_is_refused() -> None:
    blob, other = store_blob(POST), store_blob(b"another post")
    blob_path(blob).write_bytes(blob_path(other).read_bytes())
    with pytest.raises(BlobIntegrityError):
        read_blob(blob)


def test_a_row_whose_hash_does_not_match_is_refused() -> None:
    blob = store_blob(POST)
    StoredBlob.objects.filter(pk=blob.pk).update(size=blob.size + 1)
    blob.refresh_from_db()
    with pytest.raises(BlobIntegrityError, match="no longer matches"):
        read_blob(blob)


def test_a_missing_file_is_refused() -> None:
    blob = store_blob(POST)
    blob_path(blob).unlink()
    with pytest.raises(BlobIntegrityError, match="missing"):
        read_blob(blob)


def test_a_stored_file_is_never_overwritten(files_dir: Path) -> None:
    digest = hashlib.sha256(POST).hexdigest()
    path = files_dir / relative_path(digest)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"something else entirely")  # e.g. planted on the disk before the upload
    with pytest.raises(BlobIntegrityError, match="not overwritten"):
        store_blob(POST)
    assert path.read_bytes() == b"something else entirely"
    assert not StoredBlob.objects.exists()


def test_a_file_left_by_a_rolled_back_upload_is_reused() -> None:
    blob = store_blob(POST)
    StoredBlob.objects.all().delete()  # the row is gone, the sealed file remains
    again = store_blob(POST)
    assert again.sha256 == blob.sha256 and read_blob(again) == POST
