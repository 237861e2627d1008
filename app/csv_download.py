"""CSV downloads: a header and rows as an attachment."""

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> Response:
    """The rows as a CSV file download; None values are written as empty cells."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
