"""CSV downloads: a header and rows as an attachment, safe to open in a spreadsheet.

A spreadsheet runs a cell that starts with =, +, -, @ (or their full-width forms), a tab or a
carriage return as a formula, so text written by anyone (a title, an organisation's name) could
run a command or send data away when a commissioner opens the file. Such a cell is written
with a leading apostrophe, which spreadsheets show as text; numbers, negative ones included,
stay numbers.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from numbers import Number

from flask import Response

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
_PLAIN_NUMBER = re.compile(r"-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")


def safe_cell(value) -> str | Number:
    """A cell's value as written: empty for None, text that starts a formula neutralised."""
    if value is None:
        return ""
    if isinstance(value, Number | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The rows as CSV text, every cell made safe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(name) for name in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> Response:
    """The rows as a CSV file download."""
    return Response(
        csv_text(header, rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
