"""What an office document declares itself to be, read from its container without opening it.

Word, Excel and PowerPoint files since 2007 are ZIP archives whose ``[Content_Types].xml``
names the content type of their main part; OpenDocument files are ZIP archives whose first
entry, ``mimetype``, holds their media type. Word and Excel 97-2003 files are OLE compound
files (MS-CFB) whose directory holds a ``WordDocument`` or a ``Workbook`` (``Book``) stream.
Only those declarations are read, a few kilobytes at most, so no crafted archive is ever
inflated. Pure: no Flask, no database.
"""

import io
import re
import struct
import zipfile
from collections.abc import Iterator, Mapping
from typing import TypeVar

Kind = TypeVar("Kind")

# a manifest is a few kilobytes; reading no more keeps a crafted archive from inflating
PART_LIMIT = 256 * 1024
# sector numbers at and above this mark the end of a chain, or unused and special sectors
LAST_SECTOR = 0xFFFFFFFA


def zip_document(data: bytes, declared: Mapping[str, Kind]) -> Kind | None:
    """The kind the ZIP declares itself (an ODF ``mimetype``, or one OOXML main part)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = _read_part(archive, "mimetype").decode("ascii", "replace").strip()
                return declared.get(mimetype)
            if "[Content_Types].xml" in names:
                manifest = _read_part(archive, "[Content_Types].xml").decode("utf-8", "replace")
                types = set(re.findall(r'ContentType\s*=\s*"([^"]+)"', manifest))
                found = {declared[t] for t in types if t in declared}
                return found.pop() if len(found) == 1 else None
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return None
    return None


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """At most PART_LIMIT bytes of one entry."""
    with archive.open(name) as part:
        return part.read(PART_LIMIT)


def ole_document(data: bytes, streams: Mapping[str, Kind]) -> Kind | None:
    """The one kind whose stream the compound file's directory holds."""
    try:
        names = set(stream_names(data))
    except (struct.error, ValueError, IndexError):
        return None
    found = {kind for name, kind in streams.items() if name in names}
    return found.pop() if len(found) == 1 else None


def stream_names(data: bytes) -> Iterator[str]:
    """The names in a compound file's directory, following its sector chains (MS-CFB)."""
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    if size not in (512, 4096):
        raise ValueError("not a compound file")
    count = (len(data) - size) // size
    fat = _allocation_table(data, size, count)
    current = struct.unpack_from("<I", data, 48)[0]
    # every loop is bounded by the number of sectors, so a chain that loops ends here
    for _ in range(count):
        if current >= LAST_SECTOR:
            return
        block = _sector(data, size, count, current)
        for offset in range(0, size, 128):
            length = struct.unpack_from("<H", block, offset + 64)[0]
            if 2 <= length <= 64:
                yield block[offset : offset + length - 2].decode("utf-16-le", "replace")
        current = fat[current]
    raise ValueError("the directory chain loops")


def _sector(data: bytes, size: int, count: int, number: int) -> bytes:
    """One sector's bytes (sector 0 follows the header, which is one sector long)."""
    if not 0 <= number < count:
        raise ValueError("sector out of range")
    start = size * (number + 1)
    return data[start : start + size]


def _allocation_table(data: bytes, size: int, count: int) -> list[int]:
    """The file allocation table: the header's first 109 sectors of it, then the DIFAT's."""
    per_sector = size // 4
    fat_sectors = list(struct.unpack_from("<109I", data, 76))
    following = struct.unpack_from("<I", data, 68)[0]
    for _ in range(count):
        if following >= LAST_SECTOR:
            break
        entries = struct.unpack(f"<{per_sector}I", _sector(data, size, count, following))
        fat_sectors += entries[:-1]
        following = entries[-1]
    table: list[int] = []
    for number in fat_sectors:
        if number < LAST_SECTOR:
            table += struct.unpack(f"<{per_sector}I", _sector(data, size, count, number))
    return table
