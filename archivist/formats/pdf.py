"""PDF access through pikepdf: the only module that imports it."""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from archivist.errors import FileRejected
from archivist.formats.images import EmbeddableImage, check_embedded_image

# Image filters whose data must be decoded by an image codec to show damage.
_CODEC_FILTERS = {"/DCTDecode", "/JPXDecode"}
# Bilevel scan codecs that neither qpdf nor Pillow decode from a bare stream: their
# data is read whole, but damage inside it is not detected.
_OPAQUE_FILTERS = {"/CCITTFaxDecode", "/JBIG2Decode"}


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    has_text: bool
    warnings: list[str] = field(default_factory=list)
    # Message codes of active content found (stored anyway: it may be a real record).
    notices: list[str] = field(default_factory=list)


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
        return PdfFacts(
            pages=pages, has_text=has_text, warnings=warnings, notices=active_content(pdf)
        )


def active_content(pdf: pikepdf.Pdf) -> list[str]:
    """Message codes for JavaScript (document, page, annotation or form actions) and
    embedded files (the EmbeddedFiles name tree, file attachment annotations) in a PDF."""
    javascript = embedded = False
    names = pdf.Root.get("/Names")
    if isinstance(names, pikepdf.Dictionary):
        javascript = "/JavaScript" in names
        embedded = "/EmbeddedFiles" in names
    for obj in pdf.objects:
        if javascript and embedded:
            break
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
            found = _scan_dictionary(obj, 0)
            javascript = javascript or "js" in found
            embedded = embedded or "file" in found
    return [
        code
        for code, present in (
            ("warning.pdf_javascript", javascript),
            ("warning.pdf_embedded_files", embedded),
        )
        if present
    ]


def _scan_dictionary(obj: pikepdf.Object, depth: int) -> set[str]:
    """What one object shows, looking into its direct (not indirect) sub-dictionaries."""
    found: set[str] = set()
    keys = set(obj.keys())
    if "/JS" in keys or obj.get("/S") == pikepdf.Name.JavaScript:
        found.add("js")
    if (
        "/EF" in keys
        or obj.get("/Type") == pikepdf.Name.EmbeddedFile
        or obj.get("/Subtype") == pikepdf.Name.FileAttachment
    ):
        found.add("file")
    if depth >= 6:
        return found
    for key in keys:
        child = obj.get(key)
        if isinstance(child, pikepdf.Dictionary) and not child.is_indirect:
            found |= _scan_dictionary(child, depth + 1)
        elif isinstance(child, pikepdf.Array) and not child.is_indirect and len(child) <= 64:
            for entry in child:
                if isinstance(entry, pikepdf.Dictionary) and not entry.is_indirect:
                    found |= _scan_dictionary(entry, depth + 1)
    return found


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
    if names and names[-1] in _OPAQUE_FILTERS:
        if not image.read_raw_bytes():
            raise FileRejected("file.pdf_corrupt", file=display_name, reason="empty page image")
    elif codec and names[-1] in _CODEC_FILTERS:
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


# -- searchable copies --------------------------------------------------------------


@dataclass(frozen=True)
class TextLine:
    """A recognised line and its box, in pixels of the page image."""

    text: str
    left: int
    top: int
    width: int
    height: int


@dataclass(frozen=True)
class LayerPage:
    """One page of a searchable copy: an image page, or page `source_index` of the
    original PDF, plus the text to lay invisibly over it."""

    lines: list[TextLine]
    pixel_width: int
    pixel_height: int
    image: EmbeddableImage | None = None
    source_index: int | None = None


def glyphless_font_path() -> Path | None:
    """Tesseract's tiny 'GlyphLessFont' (pdf.ttf): a font with no visible glyphs, made
    for exactly this. Used when Tesseract's data folder has it; else no font is embedded."""
    import shutil

    candidates = [
        Path("/usr/share/tesseract-ocr/5/tessdata/pdf.ttf"),
        Path("/usr/share/tesseract-ocr/4.00/tessdata/pdf.ttf"),
    ]
    binary = shutil.which("tesseract")
    if binary:
        candidates.append(Path(binary).resolve().parent / "tessdata" / "pdf.ttf")
    return next((c for c in candidates if c.is_file()), None)


def write_searchable_copy(
    pages: list[LayerPage], target: Path, original: Path | None = None
) -> None:
    """Write a PDF whose pages show the scans and carry an invisible text layer.

    Text is written line by line as one string without spaces between Chinese
    characters, in a Type0 font whose codes are the characters' UTF-16 values and whose
    ToUnicode map gives them back: copying or searching a phrase in a reader works.
    """
    out = pikepdf.Pdf.new()
    source = pikepdf.open(original) if original is not None else None
    try:
        font = _text_font(out)
        for page in pages:
            if page.source_index is not None and source is not None:
                out.pages.append(source.pages[page.source_index])
                new_page = out.pages[-1]
                box = [float(v) for v in new_page.mediabox]
                width_pt, height_pt = box[2] - box[0], box[3] - box[1]
                origin = (box[0], box[1])
                new_page.contents_coalesce()
                prefix = b"q\n"
                new_page.obj.Contents = out.make_stream(
                    prefix + new_page.obj.Contents.read_bytes() + b"\nQ\n"
                )
            else:
                assert page.image is not None
                width_pt = page.image.width * 72.0 / page.image.dpi
                height_pt = page.image.height * 72.0 / page.image.dpi
                origin = (0.0, 0.0)
                image = _image_xobject(out, page.image)
                new_page = out.add_blank_page(page_size=(width_pt, height_pt))
                new_page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
                new_page.obj.Contents = out.make_stream(
                    f"q {width_pt:.3f} 0 0 {height_pt:.3f} 0 0 cm /Im0 Do Q\n".encode()
                )
            resources = new_page.obj.get("/Resources")
            if resources is None:
                new_page.obj.Resources = pikepdf.Dictionary()
                resources = new_page.obj.Resources
            if "/Font" not in resources:
                resources.Font = pikepdf.Dictionary()
            resources.Font.ArchivistOCR = font
            layer = _text_layer(page, width_pt, height_pt, origin)
            new_page.contents_add(out.make_stream(layer), prepend=False)
        out.save(target)
    finally:
        if source is not None:
            source.close()
        out.close()


def _image_xobject(pdf: pikepdf.Pdf, image: EmbeddableImage) -> pikepdf.Stream:
    colour = {
        "L": pikepdf.Name.DeviceGray,
        "1": pikepdf.Name.DeviceGray,
        "RGB": pikepdf.Name.DeviceRGB,
    }[image.mode]
    bits = 1 if image.mode == "1" else 8
    if image.encoding == "jpeg":
        stream = pdf.make_stream(image.data)
        stream.Filter = pikepdf.Name.DCTDecode
    else:
        stream = pdf.make_stream(zlib.compress(image.data, 6))
        stream.Filter = pikepdf.Name.FlateDecode
    stream.Type = pikepdf.Name.XObject
    stream.Subtype = pikepdf.Name.Image
    stream.Width = image.width
    stream.Height = image.height
    stream.ColorSpace = colour
    stream.BitsPerComponent = bits
    return stream


def _text_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor,
        FontName=pikepdf.Name.GlyphLessFont,
        Flags=5,
        FontBBox=[0, 0, 1000, 1000],
        ItalicAngle=0,
        Ascent=1000,
        Descent=0,
        CapHeight=1000,
        StemV=80,
    )
    font_file = glyphless_font_path()
    if font_file is not None:
        descriptor.FontFile2 = pdf.make_stream(font_file.read_bytes())
    cid_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name.GlyphLessFont,
        CIDSystemInfo=pikepdf.Dictionary(
            Registry=pikepdf.String("Adobe"), Ordering=pikepdf.String("Identity"), Supplement=0
        ),
        FontDescriptor=pdf.make_indirect(descriptor),
        DW=1000,
        CIDToGIDMap=pdf.make_stream(b"\x00\x01" * 65536),  # every code draws glyph 1
    )
    return pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font,
            Subtype=pikepdf.Name.Type0,
            BaseFont=pikepdf.Name.GlyphLessFont,
            Encoding=pikepdf.Name("/Identity-H"),
            DescendantFonts=[pdf.make_indirect(cid_font)],
            ToUnicode=pdf.make_stream(_IDENTITY_TO_UNICODE),
        )
    )


_IDENTITY_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
1 beginbfrange
<0000> <FFFF> <0000>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _text_layer(
    page: LayerPage, width_pt: float, height_pt: float, origin: tuple[float, float]
) -> bytes:
    """Invisible text (render mode 3), each line stretched to its box with Tz."""
    sx = width_pt / max(1, page.pixel_width)
    sy = height_pt / max(1, page.pixel_height)
    parts = ["BT 3 Tr"]
    for line in page.lines:
        text = "".join(ch for ch in line.text if ord(ch) <= 0xFFFF)
        if not text.strip():
            continue
        size = max(1.0, line.height * sy)
        natural = size * len(text)
        scale = 100.0 * (line.width * sx) / natural if natural else 100.0
        x = origin[0] + line.left * sx
        y = origin[1] + height_pt - (line.top + line.height) * sy + size * 0.12
        code = text.encode("utf-16-be").hex().upper()
        parts.append(
            f"/ArchivistOCR {size:.2f} Tf {scale:.2f} Tz 1 0 0 1 {x:.2f} {y:.2f} Tm <{code}> Tj"
        )
    parts.append("ET")
    return ("\n".join(parts) + "\n").encode("ascii")


# -- assembled volumes ------------------------------------------------------------------


@dataclass(frozen=True)
class ShownSize:
    """A page's size as a reader shows it (its crop box, turned by /Rotate), in points."""

    width: float
    height: float


class PdfAssembler:
    """One PDF built from whole PDFs (typeset sheets, stored materials) and page images.

    Stored PDFs are read from bytes the caller has already read (and checked), so no
    original is held open or touched; their pages are copied as they are, content
    streams included. `stamp` lays another PDF's page over a page without rewriting
    its content: the page's own drawing is wrapped in q/Q and the stamp is drawn
    after it as a form XObject, placed upright even on rotated pages.
    """

    def __init__(self) -> None:
        self._out = pikepdf.Pdf.new()
        self._sources: list[pikepdf.Pdf] = []
        self._stamps: tuple[Path, pikepdf.Pdf] | None = None
        self._overlays: dict[tuple[Path, int], pikepdf.Object] = {}

    def __enter__(self) -> PdfAssembler:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def page_count(self) -> int:
        return len(self._out.pages)

    def _open(self, source: Path | bytes, display_name: str) -> pikepdf.Pdf:
        try:
            pdf = pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)
        except pikepdf.PasswordError:
            raise FileRejected("file.pdf_encrypted", file=display_name) from None
        except (pikepdf.PdfError, ValueError, OSError) as exc:
            raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short(exc)) from None
        self._sources.append(pdf)
        return pdf

    def append_pdf(self, source: Path | bytes, display_name: str) -> list[ShownSize]:
        """Copy every page of a PDF (a path, or its bytes); the shown size of each."""
        pdf = self._open(source, display_name)
        sizes: list[ShownSize] = []
        try:
            for page in pdf.pages:
                self._out.pages.append(page)
                sizes.append(_shown_size(self._out.pages[-1]))
        except (pikepdf.PdfError, RuntimeError, ValueError, KeyError) as exc:
            raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short(exc)) from None
        return sizes

    def append_pdf_pages(
        self, source: Path | bytes, display_name: str, indices: Sequence[int]
    ) -> list[ShownSize]:
        """Copy the pages `indices` (0-based, in the order given) of a PDF."""
        pdf = self._open(source, display_name)
        sizes: list[ShownSize] = []
        try:
            for index in indices:
                self._out.pages.append(pdf.pages[index])
                sizes.append(_shown_size(self._out.pages[-1]))
        except (pikepdf.PdfError, RuntimeError, ValueError, KeyError, IndexError) as exc:
            raise FileRejected("file.pdf_corrupt", file=display_name, reason=_short(exc)) from None
        return sizes

    def append_image(self, image: EmbeddableImage) -> ShownSize:
        """A page showing one image at its real size (pixels at the image's dpi)."""
        width_pt = image.width * 72.0 / image.dpi
        height_pt = image.height * 72.0 / image.dpi
        page = self._out.add_blank_page(page_size=(width_pt, height_pt))
        page.obj.Resources = pikepdf.Dictionary(
            XObject=pikepdf.Dictionary(Im0=_image_xobject(self._out, image))
        )
        page.obj.Contents = self._out.make_stream(
            f"q {width_pt:.4f} 0 0 {height_pt:.4f} 0 0 cm /Im0 Do Q\n".encode()
        )
        return ShownSize(width_pt, height_pt)

    def shown_size(self, index: int) -> ShownSize:
        return _shown_size(self._out.pages[index])

    def stamp(self, index: int, stamps: Path, stamp_index: int) -> None:
        """Lay page `stamp_index` of the PDF `stamps` (made at the page's shown size)
        over page `index`, upright as the page is shown."""
        source = self._stamp_source(stamps)
        formx = self._out.copy_foreign(source.pages[stamp_index].as_form_xobject())
        self._lay_over(index, formx, "/ArchivistPageNumber")

    def overlay(self, index: int, overlays: Path, overlay_index: int) -> None:
        """Lay page `overlay_index` of the PDF `overlays` over page `index`, like
        `stamp`, scaled to the page's shown size; the overlay page is copied into the
        new PDF once and shared by every page it is laid over (a watermark)."""
        key = (overlays, overlay_index)
        formx = self._overlays.get(key)
        if formx is None:
            source = self._stamp_source(overlays)
            formx = self._out.copy_foreign(source.pages[overlay_index].as_form_xobject())
            self._overlays[key] = formx
        self._lay_over(index, formx, "/ArchivistOverlay")

    def _lay_over(self, index: int, formx: pikepdf.Object, prefix: str) -> None:
        """Draw the form XObject `formx` over page `index`, upright as it is shown; the
        page's own drawing is wrapped in q/Q and left as it is."""
        page = self._out.pages[index]
        # A page-local copy of the resources: pages of one source often share theirs.
        resources = page.obj.get("/Resources")
        local = pikepdf.Dictionary(
            {str(k): v for k, v in resources.items()} if resources is not None else {}
        )
        xobjects = local.get("/XObject")
        names = set(xobjects.keys()) if xobjects is not None else set()
        local.XObject = pikepdf.Dictionary(
            {str(k): v for k, v in xobjects.items()} if xobjects is not None else {}
        )
        name, n = prefix, 0
        while name in names:
            n += 1
            name = f"{prefix}{n}"
        local.XObject[name] = formx
        page.obj.Resources = local
        placement = page.calc_form_xobject_placement(
            formx,
            pikepdf.Name(name),
            pikepdf.Rectangle(page.cropbox),
            invert_transformations=True,
            allow_shrink=True,
            allow_expand=True,
        )
        page.contents_add(self._out.make_stream(b"q\n"), prepend=True)
        page.contents_add(self._out.make_stream(b"Q\n" + placement + b"\n"), prepend=False)

    def _stamp_source(self, stamps: Path) -> pikepdf.Pdf:
        if self._stamps is not None and self._stamps[0] == stamps:
            return self._stamps[1]
        pdf = self._open(stamps, stamps.name)
        self._stamps = (stamps, pdf)
        return pdf

    def save(self, target: Path, title: str = "", subject: str = "") -> None:
        """Write the assembled PDF to `target` (the caller makes it atomic)."""
        if title:
            self._out.docinfo[pikepdf.Name.Title] = title
        if subject:
            self._out.docinfo[pikepdf.Name.Subject] = subject
        self._out.docinfo[pikepdf.Name.Creator] = "Archivist"
        self._out.save(
            target,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )

    def close(self) -> None:
        self._out.close()
        for source in self._sources:
            source.close()
        self._sources.clear()


def _shown_size(page: pikepdf.Page) -> ShownSize:
    box = [float(v) for v in page.cropbox]
    width, height = abs(box[2] - box[0]), abs(box[3] - box[1])
    rotate = int(page.obj.get("/Rotate", 0)) % 360
    return ShownSize(height, width) if rotate in (90, 270) else ShownSize(width, height)
