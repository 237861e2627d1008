"""Real files of every accepted kind, and some that are refused, built in memory."""

import io
import struct
import zipfile

from PIL import Image

OOXML_MAIN = {
    "docx": ("/word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("/ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def pdf() -> bytes:
    """A one-page PDF."""
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def image(kind: str) -> bytes:
    """A small image saved by Pillow as PNG, JPEG, GIF or WEBP."""
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(out, format=kind)
    return out.getvalue()


def ooxml(kind: str, main_type: str | None = None) -> bytes:
    """A Word, Excel or PowerPoint file: a ZIP whose manifest names its main part."""
    part, content_type = OOXML_MAIN[kind]
    declared = main_type or f"application/vnd.openxmlformats-officedocument.{content_type}"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="{part}" ContentType="{declared}"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", manifest)
        archive.writestr(part.lstrip("/"), "<document/>")
    return out.getvalue()


def odf(mimetype: str) -> bytes:
    """An OpenDocument file: a ZIP whose first entry, stored, is its media type."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def plain_zip() -> bytes:
    """A ZIP archive that is no office document."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return out.getvalue()


def ole(stream: str) -> bytes:
    """A compound file (MS-CFB, 512-byte sectors) holding one stream of this name."""
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 40, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 76, 0, *([0xFFFFFFFF] * 108))
    fat = struct.pack("<128I", 0xFFFFFFFD, 0xFFFFFFFE, *([0xFFFFFFFF] * 126))
    directory = _entry("Root Entry", 5) + _entry(stream, 2) + bytes(128 * 2)
    return bytes(header) + fat + directory


def _entry(name: str, kind: int) -> bytes:
    """One 128-byte directory entry."""
    encoded = (name + "\0").encode("utf-16-le")
    entry = bytearray(128)
    entry[0 : len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    return bytes(entry)


def accepted() -> dict[str, tuple[bytes, str]]:
    """A file of every accepted kind, with the media type it must be stored as."""
    office = "application/vnd.openxmlformats-officedocument."
    return {
        "report.pdf": (pdf(), "application/pdf"),
        "photo.png": (image("PNG"), "image/png"),
        "photo.jpg": (image("JPEG"), "image/jpeg"),
        "chart.gif": (image("GIF"), "image/gif"),
        "chart.webp": (image("WEBP"), "image/webp"),
        "letter.docx": (ooxml("docx"), office + "wordprocessingml.document"),
        "accounts.xlsx": (ooxml("xlsx"), office + "spreadsheetml.sheet"),
        "slides.pptx": (ooxml("pptx"), office + "presentationml.presentation"),
        "letter.odt": (
            odf("application/vnd.oasis.opendocument.text"),
            "application/vnd.oasis.opendocument.text",
        ),
        "sheet.ods": (
            odf("application/vnd.oasis.opendocument.spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        "old-letter.doc": (ole("WordDocument"), "application/msword"),
        "old-accounts.xls": (ole("Workbook"), "application/vnd.ms-excel"),
        "figures.csv": ("year,cost\n2025,£1200\n".encode(), "text/csv"),
    }
