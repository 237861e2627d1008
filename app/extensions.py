"""The Flask extensions, created once and bound to the app in init_app."""

from flask import Flask
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import JSON
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints."""


Base.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONDocument = JSON().with_variant(JSONB(), "postgresql")
"""JSON columns: JSONB on PostgreSQL, JSON text elsewhere."""

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def redis_state(url: str) -> dict:
    """Whether the Redis behind the rate limits and the job queue answers; it is not critical."""
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except (RedisError, OSError) as error:
        return {"ok": False, "critical": False, "error": type(error).__name__}
    return {"ok": True, "critical": False}


def init_app(app: Flask) -> None:
    """Bind every extension to the app."""
    from . import database  # noqa: F401  (tunes every SQLite connection as it opens)

    db.init_app(app)
    migrate.init_app(app, db, render_as_batch=True)
    csrf.init_app(app)
    app.config.setdefault("RATELIMIT_STORAGE_URI", app.config.get("REDIS_URL") or "memory://")
    # Redis down is degraded service: limits are kept in memory (with a logged warning) until
    # it answers again, and an unreachable Redis is given up on within a second
    app.config.setdefault("RATELIMIT_IN_MEMORY_FALLBACK_ENABLED", True)
    app.config.setdefault(
        "RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 1, "socket_timeout": 1}
    )
    limiter.init_app(app)
    if app.config.get("REDIS_URL"):
        url = app.config["REDIS_URL"]
        app.extensions.setdefault("health_probes", {})["redis"] = lambda: redis_state(url)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = "Sign in to see this page."
    login_manager.login_message_category = "info"

    from .accounts import models  # noqa: F401  (tables)
    from .attachments import models as attachment_models  # noqa: F401  (with messages')
    from .notifications import models as notification_models  # noqa: F401  (tables)
    from .proposals import models as proposal_models  # noqa: F401  (tables)
    from .reports import models as report_models  # noqa: F401  (tables)
    from .training import models as training_models  # noqa: F401  (tables)
    from .triage import models as triage_models  # noqa: F401  (tables)
