"""Pictures of evidence safe to show in a page, and images cleaned of their metadata."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from haven_core.evidence.metadata import read_metadata
from haven_core.evidence.rendering import (
    PdfLimits,
    RenderingError,
    image_preview,
    pdf_page_images,
    strip_image_metadata,
)
from tests.support.evidence_files import pdf, photo

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_first_pages_of_a_pdf_become_pngs_of_bounded_size() -> None:
    pages = pdf_page_images(pdf(pages=5), PdfLimits(pages=3, width=200))
    assert len(pages) == 3
    for page in pages:
        assert page.startswith(PNG_SIGNATURE)
        assert max(Image.open(io.BytesIO(page)).size) <= 200


def test_a_short_pdf_gives_as_many_pages_as_it_has() -> None:
    assert len(pdf_page_images(pdf(pages=2), PdfLimits(pages=3, width=100))) == 2


def test_a_broken_or_oversized_pdf_gives_no_picture() -> None:
    with pytest.raises(RenderingError):
        pdf_page_images(b"%PDF-1.4\n% not really a PDF\n")
    with pytest.raises(RenderingError):
        pdf_page_images(pdf(pages=1), PdfLimits(max_input=100))


def test_an_image_preview_is_reencoded_from_pixels_alone() -> None:
    original = photo(size=(400, 300))
    preview = image_preview(original, max_side=100)
    assert preview != original
    assert max(Image.open(io.BytesIO(preview)).size) <= 100
    assert read_metadata(preview, "image/jpeg").empty
    assert b"Snapseed" not in preview and b"Apple" not in preview


@pytest.mark.parametrize(
    ("kind", "media_type"), [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp")]
)
def test_a_cleaned_image_keeps_its_pixels_and_loses_exif_xmp_and_gps(kind: str, media_type: str) -> None:
    original = photo(kind=kind)
    assert read_metadata(original, media_type).location is not None  # the fixture does carry GPS
    cleaned = strip_image_metadata(original, media_type)
    assert read_metadata(cleaned, media_type).empty
    for trace in (b"Apple", b"iPhone", b"Photoshop", b"Snapseed", b"Pikachu", b"Exif\x00\x00"):
        assert trace not in cleaned
    image = Image.open(io.BytesIO(cleaned))
    assert image.size == (64, 48)
    assert image.getpixel((5, 5))[2] > 150  # the left half is still blue


def test_a_rotated_photo_is_turned_upright_before_its_orientation_tag_goes() -> None:
    cleaned = strip_image_metadata(photo(orientation=6), "image/jpeg")  # 6: rotate 90° clockwise to view
    image = Image.open(io.BytesIO(cleaned))
    assert image.size == (48, 64)
    assert image.getpixel((24, 5))[2] > 150  # the blue half is now on top
    assert read_metadata(cleaned, "image/jpeg").empty


def test_something_that_is_not_an_image_is_refused() -> None:
    with pytest.raises(RenderingError):
        strip_image_metadata(b"not an image", "image/png")


def test_a_slow_later_page_keeps_the_pages_already_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    from haven_core.evidence import rendering

    real = rendering._render_page

    def second_page_too_slow(tool: str, data: bytes, number: int, limits: PdfLimits) -> bytes | None:
        if number == 2:
            raise RenderingError("rendering the PDF took too long")
        return real(tool, data, number, limits)

    monkeypatch.setattr(rendering, "_render_page", second_page_too_slow)
    assert len(pdf_page_images(pdf(pages=3), PdfLimits(width=100))) == 1


def test_without_pdftoppm_nothing_is_drawn_and_the_file_is_not_blamed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from haven_core.evidence import rendering

    monkeypatch.setattr(rendering.shutil, "which", lambda name: None)
    with pytest.raises(rendering.RendererMissing):
        pdf_page_images(pdf())
