"""Settings: defaults in code, then instance/config.py, then environment variables."""

import os
import secrets
import time
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask

from .database import engine_options

SECRET_KEY_FILE = "secret_key"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")

ENVIRONMENT_KEYS = (
    "SECRET_KEY",
    "DATABASE_URL",
    "REDIS_URL",
    "MAIL_SERVER",
    "MAIL_PORT",
    "MAIL_USERNAME",
    "MAIL_PASSWORD",
    "MAIL_USE_TLS",
    "MAIL_SENDER",
    "VALUECASE_ENV",
    "SERVER_NAME",
    "RATELIMIT_ENABLED",
    "TRUSTED_PROXIES",
    "SITE_URL",
    "TRUSTED_HOSTS",
    "JOB_QUEUE",
    "ATTACHMENTS_DIR",
    "SUPPORT_EMAIL",
    "OCDS_PREFIX",
)


class InsecureConfiguration(RuntimeError):
    """Raised when production settings would be unsafe."""


def defaults(instance_path: str) -> dict:
    """Settings every deployment starts from."""
    database = Path(instance_path) / "valuecase.sqlite"
    return {
        "SECRET_KEY": None,
        "SITE_URL": "http://127.0.0.1:5000",
        "VALUECASE_ENV": "development",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "ATTACHMENTS_DIR": str(Path(instance_path) / "attachments"),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "MAIL_SERVER": None,
        "MAIL_PORT": 587,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_USE_TLS": True,
        "MAIL_SENDER": "Valuecase <no-reply@valuecase.local>",
        "SUPPORT_EMAIL": "support@valuecase.local",
        # The prefix of every OCDS ocid the register publishes. A placeholder: a deployment
        # registers its own with the Open Contracting Partnership (docs/register.md).
        "OCDS_PREFIX": "ocds-vcase01",
        "REDIS_URL": None,
        # Render a case's PDFs after each action that changes them (by the job queue with
        # Redis, in the request without). Off, a PDF is rendered on its first download instead.
        "PREPARE_PDFS": True,
        "TRUSTED_PROXIES": 0,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_SIGN_IN": "20 per minute",
        "RATELIMIT_PASSWORD_RESET": "10 per minute",
        "RATELIMIT_CHECK": "120 per minute",
        "PASSWORD_RESET_MAX_AGE": 3600,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
    }


def from_environment(environ: os._Environ | dict) -> dict:
    """The settings given as environment variables, converted to their types."""
    found = {key: environ[key] for key in ENVIRONMENT_KEYS if environ.get(key)}
    if "DATABASE_URL" in found:
        found["SQLALCHEMY_DATABASE_URI"] = normalise_database_url(found.pop("DATABASE_URL"))
    for number in ("MAIL_PORT", "TRUSTED_PROXIES"):
        if number in found:
            found[number] = int(found[number])
    for flag in ("MAIL_USE_TLS", "RATELIMIT_ENABLED"):
        if flag in found:
            found[flag] = found[flag].lower() in {"1", "true", "yes"}
    if "TRUSTED_HOSTS" in found:
        found["TRUSTED_HOSTS"] = [h.strip() for h in found["TRUSTED_HOSTS"].split(",") if h.strip()]
    return found


def normalise_database_url(url: str) -> str:
    """Point postgres URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def init_app(app: Flask, test_config: dict | None) -> None:
    """Load settings in order and refuse an unsafe production start."""
    app.config.from_mapping(defaults(app.instance_path))
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.update(from_environment(os.environ))
    else:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(
        app.config["SQLALCHEMY_DATABASE_URI"], app.config.get("SQLALCHEMY_ENGINE_OPTIONS", {})
    )
    production = app.config["VALUECASE_ENV"] == "production"
    if app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config["SITE_URL"], production)
    if production:
        harden_for_production(app.config)
    elif not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def trusted_hosts(site_url: str, production: bool) -> list[str]:
    """The hosts requests may name: the site's own, and this machine's outside production."""
    host = urlsplit(site_url).hostname or "127.0.0.1"
    hosts = [f"[{host}]" if ":" in host else host]
    if not production:
        hosts += [name for name in LOOPBACK_HOSTS if name not in hosts]
    return hosts


def instance_secret_key(instance: Path) -> str:
    """This installation's own key, made once into instance/ so no two sites share one."""
    path = instance / SECRET_KEY_FILE
    key = secrets.token_hex(32)
    try:
        # O_EXCL: when two processes start at once, only one writes and both use its key
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(descriptor, "w") as out:
        out.write(key)
    return key


def _read_key(path: Path) -> str:
    """The key in the file, waiting briefly while another process is still writing it."""
    for _ in range(50):
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.02)
    raise InsecureConfiguration(f"{path} is empty: delete it to have a new key made")


def harden_for_production(settings: dict) -> None:
    """Require a real secret key and secure cookies in production."""
    if not settings.get("SECRET_KEY") or len(settings["SECRET_KEY"]) < 32:
        raise InsecureConfiguration(
            "Refusing to start in production without a SECRET_KEY of 32 characters or more: "
            "set SECRET_KEY (at least 32 random characters) in the environment "
            "or in instance/config.py."
        )
    settings["SESSION_COOKIE_SECURE"] = True
    settings["REMEMBER_COOKIE_SECURE"] = True
