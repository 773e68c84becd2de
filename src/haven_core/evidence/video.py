"""A video without its metadata, made by ffmpeg: what leaves Haven in place of an original video.

A phone's video says where and when it was filmed (the QuickTime ``©xyz`` position, Apple's
``com.apple.quicktime.location.ISO6709``, the ``mvhd`` and track creation times), on which device and
with which software. :func:`strip_video_metadata` has ffmpeg copy the video and audio streams as they
are (``-c copy``: no re-encoding, the pictures and the sound are the recorded ones, bit for bit) into a
new file of the same container, and write nothing else of the file: no container or stream tags
(``-map_metadata -1``), no chapters (``-map_chapters -1``), no data track (a camera's timed metadata
track can carry GPS), no attached cover picture, and, with ``+bitexact``, no tag of ffmpeg's own (its
version) and no creation time. What the coded streams themselves carry (an encoder's settings inside
H.264) stays: it is part of the pictures.

ffmpeg runs confined (:mod:`haven_core.evidence.confined`): under memory, CPU and output-size caps and
a timeout, the container's demuxer named (``-f``) so a file cannot pass for a playlist or another
format, and ``file`` the only protocol it may open, so no URL inside the file is ever fetched. An MP4
must be seekable, so the video is given as a file in a private directory (0700, in memory where the
system has it) that is removed, with the copy, as soon as the copy has been read back.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from haven_core.evidence import confined

# media type: (ffmpeg's demuxer, its muxer, the file's extension)
CONTAINERS = {
    "video/mp4": ("mov", "mp4", ".mp4"),
    "video/quicktime": ("mov", "mov", ".mov"),
    "video/webm": ("matroska", "webm", ".webm"),
}


class VideoError(Exception):
    """No copy without metadata could be made (no ffmpeg, a damaged video, one that took too long)."""


@dataclass(frozen=True)
class VideoLimits:
    max_input: int = 1024 * 1024 * 1024  # the upload limit is lower; a capture's media may be larger
    timeout: float = 120.0  # seconds: copying streams is bounded by reading and writing the file
    cpu_seconds: int = 60
    memory: int = 1024 * 1024 * 1024  # address space of ffmpeg


def available() -> bool:
    """Whether ffmpeg is installed."""
    return shutil.which("ffmpeg") is not None


def extension(media_type: str) -> str:
    return CONTAINERS.get(media_type, ("", "", ""))[2]


def strip_video_metadata(data: bytes, media_type: str, limits: VideoLimits | None = None) -> bytes:
    """``data``, a video of ``media_type``, with its streams copied as they are and no metadata."""
    limits = limits or VideoLimits()
    if media_type not in CONTAINERS:
        raise VideoError(f"Haven cannot remove the metadata of {media_type}")
    if not available():
        raise VideoError("ffmpeg is not installed")
    if len(data) > limits.max_input:
        raise VideoError("the video is too large to copy")
    demuxer, muxer, suffix = CONTAINERS[media_type]
    caps = confined.Limits(
        timeout=limits.timeout,
        memory=limits.memory,
        cpu_seconds=limits.cpu_seconds,
        file_size=2 * len(data) + 1024 * 1024,  # a copy is no larger than the original and its headers
    )
    with confined.private_directory() as folder:
        confined.private_file(folder, "original" + suffix, data)
        command = [
            "ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error",
            "-protocol_whitelist", "file", "-f", demuxer, "-i", "original" + suffix,
            "-map", "0:V?", "-map", "0:a?", "-c", "copy",
            "-map_metadata", "-1", "-map_chapters", "-1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
            "-f", muxer, "clean" + suffix,
        ]  # fmt: skip
        try:
            confined.run(command, caps, cwd=folder)
            copy = (folder / ("clean" + suffix)).read_bytes()
        except confined.ProgramFailed as exc:
            raise VideoError(f"the video could not be copied ({exc})") from None
        except FileNotFoundError:
            raise VideoError("ffmpeg wrote no copy") from None
    if not copy:
        raise VideoError("ffmpeg wrote an empty copy")
    return copy
