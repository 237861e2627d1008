"""One entry point for PDFs: render_as_pdf(html, base_url)."""

from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

PRINT_CSS = Path(__file__).resolve().parent / "print.css"
_fonts = FontConfiguration()
_stylesheet = CSS(filename=str(PRINT_CSS), font_config=_fonts)


def render_as_pdf(html: str, base_url: str) -> bytes:
    """The PDF of an HTML document, styled for print."""
    document = HTML(string=html, base_url=base_url)
    return document.write_pdf(stylesheets=[_stylesheet], font_config=_fonts)
