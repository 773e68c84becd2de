"""What a photo or a video says about itself, read without trusting it, and where it contradicts the
claims of the evidence it belongs to."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from haven_core.evidence.metadata import (
    Claim,
    FileMetadata,
    Location,
    contradictions,
    read_metadata,
)
from haven_core.evidence.sniff import sniff_media_type
from tests.support.evidence_files import mp4, photo, webm


def test_a_phone_photo_says_when_where_and_with_what_it_was_taken() -> None:
    found = read_metadata(photo(), "image/jpeg")
    assert found.captured_at == dt.datetime(2022, 3, 6, 14, 5)
    assert found.device == "Apple iPhone 12"
    assert found.location == Location(55.7658, 37.6056)
    assert found.software == ("Adobe Photoshop 25.0", "Snapseed 2.0")  # EXIF, then XMP's CreatorTool


@pytest.mark.parametrize(("kind", "media_type"), [("PNG", "image/png"), ("WEBP", "image/webp")])
def test_png_and_webp_carry_exif_too(kind: str, media_type: str) -> None:
    found = read_metadata(photo(kind=kind), media_type)
    assert found.captured_at == dt.datetime(2022, 3, 6, 14, 5)
    assert found.location == Location(55.7658, 37.6056)


def test_a_photo_without_metadata_says_nothing_and_invents_nothing() -> None:
    plain = io.BytesIO()
    Image.new("RGB", (8, 8)).save(plain, "JPEG")
    found = read_metadata(plain.getvalue(), "image/jpeg")
    assert found.read and found.empty
    assert found.location is None and found.captured_at is None


def test_an_unknown_camera_date_is_left_out() -> None:
    assert read_metadata(photo(taken="0000:00:00 00:00:00"), "image/jpeg").captured_at is None


def test_broken_bytes_are_not_read() -> None:
    assert read_metadata(b"\xff\xd8\xff\xe1garbage", "image/jpeg").read is False
    assert read_metadata(b"%PDF-1.7", "application/pdf").read is False


def test_an_android_video_says_when_where_and_with_what() -> None:
    found = read_metadata(mp4(created=dt.datetime(2022, 3, 6, 11, 0)), "video/mp4")
    assert found.captured_at == dt.datetime(2022, 3, 6, 11, 0, tzinfo=dt.UTC)
    assert found.device == "samsung SM-G991B"
    assert found.location == Location(55.7658, 37.6056)
    assert found.software == ("CapCut 9.1",)


def test_a_truncated_video_gives_what_it_can_and_no_error() -> None:
    data = mp4(created=dt.datetime(2022, 3, 6, 11, 0))
    for cut in (8, 40, 120, len(data) - 10):
        read_metadata(data[:cut], "video/mp4")  # must not raise


PROTEST = Claim(dt.date(2022, 3, 6), "protest_participation")


def _taken(day: dt.date) -> FileMetadata:
    return FileMetadata(captured_at=dt.datetime.combine(day, dt.time(12)))


def test_a_photo_taken_on_the_day_of_the_protest_contradicts_nothing() -> None:
    assert contradictions(_taken(dt.date(2022, 3, 6)), [PROTEST, Claim(dt.date(2022, 3, 6))]) == []
    assert contradictions(_taken(dt.date(2022, 3, 7)), [PROTEST]) == []  # a day's slack for time zones


def test_a_photo_dated_after_the_event_it_shows_is_flagged() -> None:
    (found,) = contradictions(_taken(dt.date(2022, 3, 9)), [PROTEST])
    assert (found.code, found.days, found.claim) == ("taken_after_event", 3, PROTEST)


def test_a_photo_dated_long_before_the_event_is_flagged_and_a_few_days_before_is_not() -> None:
    assert contradictions(_taken(dt.date(2022, 2, 20)), [PROTEST]) == []
    (found,) = contradictions(_taken(dt.date(2021, 12, 1)), [PROTEST])
    assert (found.code, found.days) == ("taken_long_before_event", 95)


def test_a_photo_taken_after_its_publication_is_flagged() -> None:
    (found,) = contradictions(_taken(dt.date(2022, 3, 20)), [Claim(dt.date(2022, 3, 10))])
    assert (found.code, found.days) == ("taken_after_publication", 10)


def test_without_a_capture_date_nothing_is_flagged() -> None:
    assert contradictions(FileMetadata(), [PROTEST]) == []


@pytest.mark.parametrize("live", [False, True], ids=["sizes known", "recorded live, sizes unknown"])
def test_a_webm_says_when_it_was_made_and_with_what(live: bool) -> None:
    made = dt.datetime(2022, 3, 6, 11, 0, 30, tzinfo=dt.UTC)
    data = webm(created=made, live=live)
    assert sniff_media_type(data) == "video/webm"
    found = read_metadata(data, "video/webm")
    assert found.captured_at == made and found.captured_at.tzinfo is not None
    assert found.software == ("Lavf60.16.100", "Haven test recorder")
    assert found.location is None and found.device is None


def test_a_webm_without_a_date_or_cut_short_invents_nothing() -> None:
    assert read_metadata(webm(created=None), "video/webm").captured_at is None
    cut = webm(created=dt.datetime(2022, 3, 6, tzinfo=dt.UTC))[:60]  # inside Info, before DateUTC
    assert read_metadata(cut, "video/webm").captured_at is None
    assert read_metadata(b"\x1a\x45\xdf\xa3\x00garbage", "video/webm").empty
