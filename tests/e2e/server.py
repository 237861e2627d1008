"""Serve Valuecase on loopback for the browser tests: a fresh SQLite database, demo data.

Run as ``python server.py DATABASE_PATH``: it migrates and seeds the database, binds a free
port on 127.0.0.1, prints ``serving http://127.0.0.1:PORT`` and serves until it is stopped.
CSRF protection and rate limits stay on, as in production; only the secret key is a test one.
"""

import sys
from pathlib import Path

from flask_migrate import upgrade
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from app.demo import seed_demo  # noqa: E402

SECRET_KEY = "e2e-secret-key-for-browser-tests-only-0123456789"


def served_app(database: Path):
    """The application as deployed, on its own SQLite file, migrated and seeded."""
    app = create_app(
        {
            "SECRET_KEY": SECRET_KEY,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}",
            "RATELIMIT_STORAGE_URI": "memory://",
        }
    )
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        seed_demo(app.extensions["rulebook"].check)
    return app


def main(database: str) -> None:
    """Build the app, then serve it on a free loopback port until stopped."""
    server = make_server("127.0.0.1", 0, served_app(Path(database)), threaded=True)
    print(f"serving http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
