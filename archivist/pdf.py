"""PDF access through pikepdf: the only module that imports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from archivist.errors import FileRejected
from archivist.images import check_embedded_image

# Image filters whose data must be decoded by an image codec to show damage.
_CODEC_FILTERS = {"/DCTDecode", "/JPXDecode"}


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    has_text: bool
    warnings: list[str] = field(default_factory=list)


def inspect_pdf(path: Path, display_name: str) -> PdfFacts:
    """Open a PDF read-only and check it can serve as an archival record.

    Refuses encrypted PDFs (DA/T 70 usability: no encryption) and PDFs whose pages or
    content streams cannot be read.
    """
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        raise FileRejected("file.pdf_encrypted", file=display_name) from None
    except (pikepdf.PdfError, ValueError, OSError) as exc:
        raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short(exc)) from None
    with pdf:
        if pdf.is_encrypted:
            raise FileRejected("file.pdf_encrypted", file=display_name)
        try:
            pages = len(pdf.pages)
            has_text = False
            for page in pdf.pages:
                for stream in _content_streams(page):
                    stream.read_bytes()
                for image in _page_images(page):
                    _check_image_stream(image, display_name)
                resources = page.obj.get("/Resources")
                fonts = resources.get("/Font") if resources is not None else None
                if fonts is not None and len(fonts.keys()) > 0:
                    has_text = True
        except (pikepdf.PdfError, RuntimeError, ValueError, KeyError) as exc:
            raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short(exc)) from None
        if pages == 0:
            raise FileRejected("file.pdf_no_pages", file=display_name)
        warnings = [str(w) for w in pdf.get_warnings()]
        damage = next((w for w in warnings if any(s in w for s in _DAMAGE_SIGNS)), None)
        if damage is not None:
            # qpdf rebuilt a damaged file: what it shows may not be what was signed.
            raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short_text(damage))
        return PdfFacts(pages=pages, has_text=has_text, warnings=warnings)


def _content_streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.get("/Contents")
    if contents is None:
        return []
    if isinstance(contents, pikepdf.Array):
        return [c for c in contents if isinstance(c, pikepdf.Stream)]
    return [contents] if isinstance(contents, pikepdf.Stream) else []


_DAMAGE_SIGNS = ("damaged", "reconstruct", "recovering", "unexpected EOF")


def _page_images(page: pikepdf.Page) -> list[pikepdf.Stream]:
    resources = page.obj.get("/Resources")
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None:
        return []
    return [
        x
        for x in xobjects.values()
        if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == pikepdf.Name.Image
    ]


def _check_image_stream(image: pikepdf.Stream, display_name: str) -> None:
    """Make sure a page image's data decodes: scans in PDFs are the record itself."""
    filters = image.get("/Filter")
    names = (
        [str(f) for f in filters]
        if isinstance(filters, pikepdf.Array)
        else ([str(filters)] if filters is not None else [])
    )
    codec = [n for n in names if n in _CODEC_FILTERS]
    if codec and names[-1] in _CODEC_FILTERS:
        # Undo any outer filters (e.g. Flate around DCT), then let the codec decode.
        data = (
            image.read_bytes(pikepdf.StreamDecodeLevel.generalized)
            if len(names) > 1
            else image.read_raw_bytes()
        )
        check_embedded_image(data, display_name)
    else:
        image.read_bytes()  # Flate/LZW/RunLength data: decoding it finds truncation


def _short_text(text: str) -> str:
    return text.split(": ", 1)[-1][:200]


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text.split(": ", 1)[-1][:200]


def extract_scan(path: Path, index: int, folder: Path) -> Path | None:
    """If page `index` is a scan (one image, no text), write that image as it is
    stored and return its path; otherwise None (the page must be rendered)."""
    with pikepdf.open(path) as pdf:
        page = pdf.pages[index]
        resources = page.obj.get("/Resources")
        fonts = resources.get("/Font") if resources is not None else None
        images = _page_images(page)
        if len(images) != 1 or (fonts is not None and len(fonts.keys()) > 0):
            return None
        try:
            written = pikepdf.PdfImage(images[0]).extract_to(
                fileprefix=str(folder / f"page-{index + 1}")
            )
        except (
            pikepdf.PdfError,
            NotImplementedError,
            ValueError,
            pikepdf.models.image.UnsupportedImageTypeError,
        ):
            return None
        return Path(written)
