"""One entry point for PDFs: render_as_pdf(html, base_url), tagged for accessibility.

Every PDF is PDF/UA-1: tagged, with its language (``<html lang>``) and title (``<title>``)
declared, so that screen readers read it in order.
"""

from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

PRINT_CSS = Path(__file__).resolve().parent / "print.css"
PDF_VARIANT = "pdf/ua-1"
_fonts = FontConfiguration()
_stylesheet = CSS(filename=str(PRINT_CSS), font_config=_fonts)


def render_as_pdf(html: str, base_url: str) -> bytes:
    """The PDF of an HTML document, styled for print."""
    document = HTML(string=html, base_url=base_url)
    return document.write_pdf(
        stylesheets=[_stylesheet], font_config=_fonts, pdf_variant=PDF_VARIANT
    )
