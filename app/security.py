"""Security headers on every response, with a per-request nonce for the one inline script."""

import secrets

from flask import Flask, Request, Response, g
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter


def csp_nonce() -> str:
    """The nonce of this request, made on first use."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def content_security_policy(nonce: str) -> str:
    """A policy with no unsafe-inline: scripts need the nonce or come from this site."""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{nonce}'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def add_headers(response: Response) -> Response:
    """Set the security headers."""
    headers = response.headers
    headers["Content-Security-Policy"] = content_security_policy(csp_nonce())
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    return response


def add_hsts(response: Response) -> Response:
    """Tell browsers to use HTTPS only (production)."""
    response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    return response


class DatabaseIdConverter(IntegerConverter):
    """Whole numbers in URLs that a database id can hold; any other number is a 404."""

    def __init__(self, url_map, fixed_digits: int = 0, min: int = 0, max: int = 2**31 - 1):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max)


class StorableFormRequest(Request):
    """A request whose form text holds no NUL characters, which no database will store."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form and any("\x00" in key or "\x00" in value for key, value in form.items(multi=True)):
            self.__dict__["form"] = ImmutableMultiDict(
                (key.replace("\x00", ""), value.replace("\x00", ""))
                for key, value in form.items(multi=True)
            )


def init_app(app: Flask) -> None:
    """Register the header hooks and expose the nonce to templates."""
    app.request_class = StorableFormRequest
    app.url_map.converters["int"] = DatabaseIdConverter
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        # behind a reverse proxy: the client's address and scheme come from its headers; the
        # host never does, since links are built on SITE_URL and Host is checked against
        # TRUSTED_HOSTS
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.after_request(add_headers)
    if app.config["VALUECASE_ENV"] == "production":
        app.after_request(add_hsts)
    app.jinja_env.globals["csp_nonce"] = csp_nonce
