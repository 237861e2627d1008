"""Links that leave the site (emails, certificates): built on SITE_URL, never the request's host.

A link in an email must point at this service whatever the request that caused it said its
host was, or a forged `Host` or `X-Forwarded-Host` could send a reset token elsewhere.
"""

from flask import current_app, url_for


def external_url(endpoint: str, **values) -> str:
    """The absolute address of an endpoint on the configured canonical site."""
    base = current_app.config["SITE_URL"].rstrip("/")
    return base + url_for(endpoint, _external=False, **values)
