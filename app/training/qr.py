"""QR codes for printed certificates: an SVG image as a data URI (pure: no Flask).

The SVG is vector, so it prints sharp at any size, and a data URI keeps the PDF renderer from
fetching anything.
"""

import base64

import qrcode
from qrcode.image.svg import SvgPathImage


def qr_data_uri(text: str) -> str:
    """A QR code of ``text`` as an ``image/svg+xml`` data URI, for an ``<img src>``."""
    image = qrcode.make(text, image_factory=SvgPathImage, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")
