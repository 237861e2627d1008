"""Settings: defaults in code, then instance/config.py, then environment variables."""

import os
from pathlib import Path

from flask import Flask

DEFAULT_SECRET_KEY = "dev-only-not-secret"

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
)


class InsecureConfiguration(RuntimeError):
    """Raised when production settings would be unsafe."""


def defaults(instance_path: str) -> dict:
    """Settings every deployment starts from."""
    database = Path(instance_path) / "valuecase.sqlite"
    return {
        "SECRET_KEY": DEFAULT_SECRET_KEY,
        "SITE_URL": "http://127.0.0.1:5000",
        "VALUECASE_ENV": "development",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "MAIL_SERVER": None,
        "MAIL_PORT": 587,
        "MAIL_USERNAME": None,
        "MAIL_PASSWORD": None,
        "MAIL_USE_TLS": True,
        "MAIL_SENDER": "Valuecase <no-reply@valuecase.local>",
        "REDIS_URL": None,
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
    if app.config["VALUECASE_ENV"] == "production":
        harden_for_production(app.config)


def harden_for_production(settings: dict) -> None:
    """Require a real secret key and secure cookies in production."""
    if settings["SECRET_KEY"] == DEFAULT_SECRET_KEY or len(settings["SECRET_KEY"]) < 32:
        raise InsecureConfiguration(
            "Refusing to start in production with the default or a short SECRET_KEY: "
            "set SECRET_KEY (at least 32 random characters) in the environment "
            "or in instance/config.py."
        )
    settings["SESSION_COOKIE_SECURE"] = True
    settings["REMEMBER_COOKIE_SECURE"] = True
