"""An upload field that keeps only what Haven accepts: typed from the bytes, size-limited, no archives.

Its cleaned value is an :class:`UploadedBytes` (the bytes, the name as uploaded, the sniffed type); a
refusal is a form error beside the field, and nothing has been stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from haven_core.evidence.files import Accepted, UploadLimits, check_upload

ACCEPT = ".jpg,.jpeg,.png,.gif,.webp,.pdf,.html,.htm,.txt,.mp4,.webm,.mov"


@dataclass(frozen=True)
class UploadedBytes:
    data: bytes
    filename: str
    media_type: str


def upload_limits() -> UploadLimits:
    return UploadLimits(
        max_bytes=settings.HAVEN_UPLOAD_MAX_BYTES, max_pixels=settings.HAVEN_UPLOAD_MAX_PIXELS
    )


def refusal_message(code: str, *, size: int, media_type: str, dimensions: tuple[int, int] | None) -> str:
    limits = upload_limits()
    if code == "empty":
        return _("This file is empty.")
    if code == "too_large":
        return _("This file is %(size)s; the limit is %(limit)s.") % {
            "size": filesizeformat(size),
            "limit": filesizeformat(limits.max_bytes),
        }
    if code == "office_document":
        return _(
            "Word, Excel and PowerPoint files are zip archives inside and are not kept. Save it as PDF and "
            "upload that."
        )
    if code == "archive":
        return _(
            "Archives and compressed files (zip, gzip, tar, 7z, rar…) are not kept: their contents cannot be "
            "checked. Upload the files inside one by one."
        )
    if code == "image_unreadable":
        return _("This image's header cannot be read; it may be damaged.")
    if code == "too_many_pixels":
        width, height = dimensions or (0, 0)
        return _(
            "This image declares %(width)d × %(height)d pixels, more than the %(limit)s-pixel limit; it may "
            "be a decompression bomb."
        ) % {"width": width, "height": height, "limit": f"{limits.max_pixels:,}"}
    return _(
        "Haven keeps images (JPEG, PNG, GIF, WebP), PDF, HTML, plain text and video (MP4, WebM, MOV); this "
        "file is %(type)s."
    ) % {"type": media_type}


class UploadField(forms.FileField):
    """A file field whose clean value is :class:`UploadedBytes`, or ``None`` when nothing was uploaded."""

    widget = forms.ClearableFileInput

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "help_text",
            gettext_lazy("Images, PDF, HTML, plain text or video. The type is read from the file itself."),
        )
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ACCEPT

    def clean(self, data: Any, initial: Any = None) -> UploadedBytes | None:
        uploaded = super().clean(data, initial)
        if not uploaded:
            return None
        too_large = getattr(uploaded, "too_large", False)
        content = b"" if too_large else uploaded.read()
        verdict = check_upload(content, upload_limits(), size=uploaded.size if too_large else None)
        if not isinstance(verdict, Accepted):
            raise forms.ValidationError(
                refusal_message(
                    verdict.code,
                    size=verdict.size,
                    media_type=verdict.media_type,
                    dimensions=verdict.dimensions,
                ),
                code=verdict.code,
            )
        return UploadedBytes(data=content, filename=uploaded.name or "", media_type=verdict.media_type)
