"""Receiving uploaded files: in memory only, up to ``HAVEN_UPLOAD_MAX_BYTES``, never in clear on disk.

Django spools uploads larger than 2.5 MB to a temporary file, which would leave evidence (and the names
in it) unencrypted in /tmp. This handler keeps every upload in memory and stops keeping bytes once the
limit is passed: the rest is read and dropped, and the file arrives empty but marked ``too_large`` with
the size seen, so the form can refuse it politely beside the field.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.core.files.uploadhandler import FileUploadHandler


class BoundedMemoryUploadHandler(FileUploadHandler):
    def new_file(self, *args: Any, **kwargs: Any) -> None:
        super().new_file(*args, **kwargs)
        self.buffer = BytesIO()
        self.seen = 0
        self.limit = int(settings.HAVEN_UPLOAD_MAX_BYTES)

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        self.seen += len(raw_data)
        if self.seen <= self.limit:
            self.buffer.write(raw_data)
        return None  # no other handler sees the data

    def file_complete(self, file_size: int) -> UploadedFile[bytes]:
        too_large = self.seen > self.limit
        if too_large:
            self.buffer = BytesIO()  # let go of what was kept
        self.buffer.seek(0)
        uploaded = InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=self.seen,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        # A mark for the upload form (forms/upload.py reads it with getattr): Django's file has no such field.
        uploaded.too_large = too_large  # type: ignore[attr-defined]
        return uploaded
