"""The coordinator makes a referral package from the batch's page: pastes the recipient's age key, the
package is made by a worker (a job, its progress on the page), and the three files are downloaded there —
the package decrypts with the recipient's identity to the expected files. Audited as the command is. A
liaison or a caseworker can neither start it nor download it."""

from __future__ import annotations

import io
import tarfile
from typing import Any

import pyrage
import pytest

from haven.audit.models import AuditEntry
from haven.jobs.models import Job
from tests.support.jobs import run_queued
from tests.support.personas import client_for
from tests.support.referral import batch_for

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def own_signing_key(settings: Any, tmp_path: Any) -> None:
    settings.HAVEN_REFERRAL_SIGNING_KEY_FILE = tmp_path / "keys" / "referral-signing.key"


@pytest.fixture
def batch(coordinator: Any, liaison: Any, household_a: Any, household_b: Any) -> Any:
    return batch_for(coordinator, liaison, [household_a, household_b])


def _start(client: Any, batch: Any, key: str) -> Any:
    return client.post(f"/referrals/{batch.public_id}/package/", {"recipient_key": key})


def test_the_coordinator_makes_and_downloads_the_package(
    coordinator: Any, batch: Any, household_a: Any, household_b: Any
) -> None:
    identity = pyrage.x25519.Identity.generate()
    client = client_for(coordinator)
    response = _start(client, batch, str(identity.to_public()))
    assert response.status_code == 302
    job = Job.objects.get(kind="referral.package")
    assert job.state == Job.QUEUED and job.total == 2
    page = client.get(f"/referrals/{batch.public_id}/").content.decode()
    assert "data-job-poll" in page  # the page follows the job

    run_queued()

    job.refresh_from_db()
    assert job.state == Job.DONE, job.error
    page = client.get(f"/referrals/{batch.public_id}/").content.decode()
    names = [f["name"] for f in job.result["files"]]
    assert set(names) == {
        f"{batch.reference}.tar.age",
        f"{batch.reference}.README.txt",
        "haven-signing-key.pub",
    }
    for name in names:
        assert f"/jobs/{job.public_id}/files/{name}" in page
    sealed = client.get(f"/jobs/{job.public_id}/files/{batch.reference}.tar.age").getvalue()
    with tarfile.open(fileobj=io.BytesIO(pyrage.decrypt(sealed, [identity]))) as tar:
        members = set(tar.getnames())
    expected = {"cover-letter.en.pdf", "cover-letter.fr.pdf", "households.xlsx", "households.csv"}
    expected |= {
        f"dossiers/{h.reference}.{lang}.pdf" for h in (household_a, household_b) for lang in ("en", "fr")
    }
    assert expected | {"MANIFEST.json", "MANIFEST.json.sig"} == members
    readme = client.get(f"/jobs/{job.public_id}/files/{batch.reference}.README.txt").getvalue().decode()
    assert batch.reference in readme

    exported = AuditEntry.objects.get(action="referral.export")
    assert exported.actor == coordinator and exported.detail["households"] == 2
    assert AuditEntry.objects.filter(action="referral.package.download", actor=coordinator).count() == 2
    batch.refresh_from_db()
    assert batch.exported_count == 1


def test_the_package_is_kept_sealed_on_disk(coordinator: Any, batch: Any, settings: Any) -> None:
    identity = pyrage.x25519.Identity.generate()
    _start(client_for(coordinator), batch, str(identity.to_public()))
    run_queued()
    job = Job.objects.get(kind="referral.package")
    stored = (
        settings.HAVEN_FILES_DIR / "jobs" / str(job.public_id) / "out" / f"{batch.reference}.README.txt"
    ).read_bytes()
    assert batch.reference.encode() not in stored  # the README is sealed like evidence files


def test_a_key_that_is_not_an_age_key_is_refused(coordinator: Any, batch: Any) -> None:
    client = client_for(coordinator)
    response = _start(client, batch, "ssh-ed25519 AAAAC3Nza")
    assert response.status_code == 302
    assert not Job.objects.exists()
    page = client.get(f"/referrals/{batch.public_id}/").content.decode()
    assert "is not an age public key" in page


def test_a_liaison_or_caseworker_can_neither_start_nor_download_it(
    coordinator: Any, liaison: Any, caseworker_a: Any, batch: Any
) -> None:
    key = str(pyrage.x25519.Identity.generate().to_public())
    assert _start(client_for(liaison), batch, key).status_code == 403
    assert _start(client_for(caseworker_a), batch, key).status_code == 403
    assert not Job.objects.exists()
    _start(client_for(coordinator), batch, key)
    run_queued()
    job = Job.objects.get()
    url = f"/jobs/{job.public_id}/files/{batch.reference}.tar.age"
    assert client_for(liaison).get(url).status_code == 404
    assert client_for(caseworker_a).get(url).status_code == 404
    assert (
        "Make the package" not in client_for(liaison).get(f"/referrals/{batch.public_id}/").content.decode()
    )
    assert not AuditEntry.objects.filter(action="referral.package.download").exists()


def test_a_package_that_fails_says_why_and_keeps_no_file(
    coordinator: Any, batch: Any, settings: Any, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        from haven.errors import InvalidChange

        raise InvalidChange("the dossier template is missing")

    monkeypatch.setattr("haven.referral.jobs.referral_export", broken)
    _start(client_for(coordinator), batch, str(pyrage.x25519.Identity.generate().to_public()))
    run_queued()
    job = Job.objects.get()
    assert job.state == Job.FAILED and job.error == "the dossier template is missing"
    assert not (settings.HAVEN_FILES_DIR / "jobs" / str(job.public_id) / "out").exists()
    page = client_for(coordinator).get(f"/referrals/{batch.public_id}/").content.decode()
    assert "the dossier template is missing" in page and "Try again" in page
