"""What a file is, judged from its bytes, and the names it is kept and downloaded under.

The type comes from the content, never from the name a person gave the file: a PDF starts
with ``%PDF-``, images with their signatures, office documents are a ZIP whose
``[Content_Types].xml`` (Word, Excel, PowerPoint) or ``mimetype`` entry (OpenDocument) names
the kind, or an OLE compound file holding a ``WordDocument`` or ``Workbook`` stream (Word and
Excel 97-2003), as ``office`` reads them. Anything else that is UTF-8 text without NULs is
taken as CSV. No Flask, no database: the rest of the package builds on these functions.
"""

import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from . import office

MEGABYTE = 1024 * 1024
MAX_FILE_BYTES = 10 * MEGABYTE
MAX_PROPOSAL_BYTES = 50 * MEGABYTE
NAME_LIMIT = 255
ALLOWED_TYPES = (
    "a PDF, an image (PNG, JPEG, GIF or WebP), an office document (Word, Excel, PowerPoint, "
    "OpenDocument text or spreadsheet) or a CSV file"
)


@dataclass(frozen=True)
class FileKind:
    """A kind of file we accept: how people call it, its media type and its usual endings."""

    label: str
    content_type: str
    extensions: tuple[str, ...]


PDF = FileKind("PDF", "application/pdf", (".pdf",))
PNG = FileKind("PNG image", "image/png", (".png",))
JPEG = FileKind("JPEG image", "image/jpeg", (".jpg", ".jpeg"))
GIF = FileKind("GIF image", "image/gif", (".gif",))
WEBP = FileKind("WebP image", "image/webp", (".webp",))
DOCX = FileKind(
    "Word document",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
)
XLSX = FileKind(
    "Excel spreadsheet",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
)
PPTX = FileKind(
    "PowerPoint presentation",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
)
ODT = FileKind("OpenDocument text", "application/vnd.oasis.opendocument.text", (".odt",))
ODS = FileKind(
    "OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", (".ods",)
)
DOC = FileKind("Word 97-2003 document", "application/msword", (".doc",))
XLS = FileKind("Excel 97-2003 spreadsheet", "application/vnd.ms-excel", (".xls",))
CSV = FileKind("CSV file", "text/csv", (".csv",))
KINDS = (PDF, PNG, JPEG, GIF, WEBP, DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS, CSV)

SIGNATURES = (
    (b"%PDF-", PDF),
    (b"\x89PNG\r\n\x1a\n", PNG),
    (b"\xff\xd8\xff", JPEG),
    (b"GIF87a", GIF),
    (b"GIF89a", GIF),
)
ZIP_SIGNATURE = b"PK\x03\x04"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# what a ZIP declares itself to be: an OOXML main part's content type, or an ODF mimetype;
# macro-enabled and template forms declare other types, so they are not among these
ZIP_KINDS = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
    ODT.content_type: ODT,
    ODS.content_type: ODS,
}
OLE_STREAMS = {"WordDocument": DOC, "Workbook": XLS, "Book": XLS}


def detect(data: bytes) -> FileKind | None:
    """The kind of file these bytes are, or None when it is not one we accept."""
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith(ZIP_SIGNATURE):
        return office.zip_document(data, ZIP_KINDS)
    if data.startswith(OLE_SIGNATURE):
        return office.ole_document(data, OLE_STREAMS)
    return CSV if is_text(data) else None


def kind_of(content_type: str) -> FileKind:
    """The kind a file was stored as, from its media type."""
    known = next((k for k in KINDS if k.content_type == content_type), None)
    return known or FileKind(content_type, content_type, ())


def is_text(data: bytes) -> bool:
    """Whether the bytes are UTF-8 text (a byte-order mark allowed) holding no NUL."""
    if not data or b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def stored_name() -> str:
    """A new random name to keep a file under: nothing of the person's name reaches the disk."""
    return secrets.token_hex(16)


def clean_name(name: str) -> str:
    """A file name as people read it: no folders, no control characters, at most 255 long."""
    base = PureWindowsPath(PurePosixPath(name or "").name).name
    text = unicodedata.normalize("NFC", base)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = " ".join(text.split()).strip(" .")
    if len(text) > NAME_LIMIT:
        stem, dot, ending = text.rpartition(".")
        keep = ("." + ending) if dot and len(ending) <= 10 else ""
        text = (stem if keep else text)[: NAME_LIMIT - len(keep)].rstrip() + keep
    return text or "attachment"


def download_name(original: str, kind: FileKind) -> str:
    """The name to download under, ending as its kind does, so it never opens as another type."""
    name = clean_name(original).replace('"', "'")
    if kind.extensions and not name.lower().endswith(kind.extensions):
        name += kind.extensions[0]
    return name


def size_label(size: int) -> str:
    """A size as people read it: 900 bytes, 12 KB, 3.4 MB."""
    if size < 1024:
        return f"{size} bytes"
    if size < MEGABYTE:
        return f"{size / 1024:.0f} KB"
    return f"{size / MEGABYTE:.1f} MB"


def cited_ids(document: dict) -> set[int]:
    """The attachment ids a proposal document cites as evidence (``evidence[].attachment``).

    Evidence lists are looked for at any depth, so the rule holds wherever the format puts
    them; an id may be written as a number or as a numeric string.
    """
    found: set[int] = set()
    stack: list = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if key == "evidence" and isinstance(inner, list):
                    found |= {i for i in map(_attachment_id, inner) if i is not None}
                stack.append(inner)
        elif isinstance(value, list):
            stack.extend(value)
    return found


def _attachment_id(item) -> int | None:
    """The attachment id an evidence item names, if it names one."""
    if not isinstance(item, dict):
        return None
    value = item.get("attachment")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None
