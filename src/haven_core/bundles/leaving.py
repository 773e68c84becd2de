"""What of an evidence file may leave Haven in a bundle: working copies and anything leaving Haven carry
no metadata (a photo's GPS position would locate a family; a scanner's PDF names its operator).

Each file of an item leaves in one of three ways:

- ``AS_IS``: files with no metadata of their own to lose. Copies Haven made without metadata (a
  searchable PDF, a re-encoded image), working copies of images (cleaned when they were made), plain
  text and saved pages, and the files of a web capture: Haven made them from a page anyone could load,
  and a WARC or WACZ must stay byte for byte what was captured to be checked at all.
- ``CLEAN``: an original (or a working copy that is not an image) that can carry metadata and that
  Haven can copy without it: an image re-encoded from its pixels, a video whose streams ffmpeg copies
  into a new file without the container's tags (both role ``clean_copy``), a PDF redrawn as a
  searchable PDF (role ``searchable_pdf``, made when the scan is read). The copy goes; the original
  stays in Haven, listed in the manifest with its SHA-256, size and timestamps, so a verifier sees
  that it existed and when. If the copy cannot be made (no ffmpeg, a damaged file), the original stays
  all the same, and the manifest says why.
- ``WITHHELD``: a file of a type Haven has no way to clean: it stays in Haven, listed likewise.

A bundle for the coalition's own archive may include the originals as well, by an explicit option.
"""

from __future__ import annotations

from typing import Final

AS_IS: Final = "as_is"
CLEAN: Final = "clean"
WITHHELD: Final = "withheld"

IMAGES: Final = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
VIDEOS: Final = frozenset({"video/mp4", "video/quicktime", "video/webm"})
NO_METADATA: Final = frozenset({"text/plain", "text/html"})
CLEAN_ROLES: Final = ("searchable_pdf", "clean_copy")


def leaves(role: str, media_type: str) -> str:
    """How a file of ``role`` and ``media_type`` leaves Haven in a bundle: AS_IS, CLEAN or WITHHELD."""
    if role in CLEAN_ROLES or role.startswith("capture_") or media_type in NO_METADATA:
        return AS_IS
    if role == "working" and media_type in IMAGES:
        return AS_IS
    return CLEAN if clean_role(media_type) else WITHHELD


def clean_role(media_type: str) -> str:
    """The role of the copy Haven makes of a file of this type without its metadata ("" if none)."""
    if media_type in IMAGES or media_type in VIDEOS:
        return "clean_copy"
    if media_type == "application/pdf":
        return "searchable_pdf"
    return ""
