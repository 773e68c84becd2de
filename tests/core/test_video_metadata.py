"""A video leaves Haven without saying where, when or on what it was filmed: ffmpeg copies its streams
as they are (the same pictures and sound, bit for bit) into a new file of the same container with none
of the file's tags, and writes no tag of its own. A file that is not the video it claims to be gives
no copy, and never makes ffmpeg open anything but the file it was given."""

from __future__ import annotations

import pytest

from haven_core.evidence.video import VideoError, VideoLimits, strip_video_metadata
from tests.support.evidence_files import FILMED_AT, filmed, need_ffmpeg, stream_hashes, video_tags

TELLING = (
    "location", "location-eng", "creation_time", "make", "model", "com.apple.quicktime.location.iso6709",
    "com.apple.quicktime.make", "com.apple.quicktime.model",
)  # fmt: skip


@pytest.mark.parametrize("media_type", ["video/mp4", "video/quicktime", "video/webm"])
def test_a_clean_copy_keeps_the_streams_and_loses_the_place_time_and_phone(media_type: str) -> None:
    original = filmed(media_type)
    assert video_tags(original)["location"] == FILMED_AT  # the phone said where
    clean = strip_video_metadata(original, media_type)
    tags = video_tags(clean)
    assert not set(TELLING) & set(tags), tags
    assert "55.75" not in str(tags) and "2022" not in str(tags) and "samsung" not in str(tags)
    assert not any("Lavf5" in value or "Lavf6" in value for value in tags.values())  # no ffmpeg version
    assert b"55.7558" not in clean and b"samsung" not in clean and b"iPhone" not in clean
    assert stream_hashes(clean) == stream_hashes(original)  # the recorded pictures and sound, unchanged


def test_what_is_not_the_video_it_claims_to_be_gives_no_copy() -> None:
    need_ffmpeg()
    with pytest.raises(VideoError):
        strip_video_metadata(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64, "video/mp4")  # no streams
    playlist = b"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/x.ts\n#EXT-X-ENDLIST\n"
    with pytest.raises(VideoError):  # read as MP4 only: never as a playlist that would fetch a URL
        strip_video_metadata(playlist, "video/mp4")
    with pytest.raises(VideoError):
        strip_video_metadata(filmed("video/mp4"), "video/x-msvideo")


def test_a_video_over_the_limit_is_not_copied() -> None:
    need_ffmpeg()
    with pytest.raises(VideoError, match="too large"):
        strip_video_metadata(filmed("video/mp4"), "video/mp4", VideoLimits(max_input=1000))
