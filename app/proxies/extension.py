"""Loading the financial proxy library once at start-up into app.extensions["proxies"]."""

from pathlib import Path

from flask import Flask, current_app

from .library import Library, load_library

LIBRARY_DIR = Path(__file__).resolve().parent / "library"


def init_app(app: Flask) -> None:
    """Load the library, its caveats and the deployment's own entries (instance/proxies.yaml).

    A broken file raises ProxyLibraryError naming the file, the entry and the reason, so the
    site does not start offering values it cannot trust.
    """
    library = Path(app.config.get("PROXY_LIBRARY") or LIBRARY_DIR / "proxies.yaml")
    caveats = Path(app.config.get("PROXY_CAVEATS") or LIBRARY_DIR / "caveats.yaml")
    additions = Path(app.config.get("PROXY_ADDITIONS") or Path(app.instance_path) / "proxies.yaml")
    app.extensions["proxies"] = load_library(library, caveats, additions)


def proxy_library() -> Library:
    """The library loaded at start-up."""
    return current_app.extensions["proxies"]
