"""Rate limits on sign-in, password reset and the check API; Redis when REDIS_URL is set."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parents[2]


def test_sign_in_is_rate_limited(app, client, make_user):
    app.config["RATELIMIT_SIGN_IN"] = "3 per minute"
    user = make_user()
    codes = [
        client.post("/sign-in", data={"email": user.email, "password": "wrong wrong"}).status_code
        for _ in range(4)
    ]
    assert codes[:3] == [200, 200, 200] and codes[3] == 429
    assert "Too many attempts" in client.post("/sign-in", data={}).get_data(as_text=True)


def test_password_reset_is_rate_limited(app, client):
    app.config["RATELIMIT_PASSWORD_RESET"] = "2 per minute"
    codes = [
        client.post("/reset-password", data={"email": "a@example.org"}).status_code
        for _ in range(3)
    ]
    assert codes == [200, 200, 429]


def test_check_api_is_rate_limited_with_a_json_answer(app, client):
    app.config["RATELIMIT_CHECK"] = "2 per minute"
    codes = [client.post("/api/v1/check", data=b"{}").status_code for _ in range(3)]
    assert codes == [422, 422, 429]
    assert client.post("/api/v1/check", data=b"{}").get_json()["error"] == "Too many attempts"


SCRIPT = """
import json, sys
from app import create_app
app = create_app({"TESTING": True, "SECRET_KEY": "k" * 40, "SQLALCHEMY_DATABASE_URI": "sqlite://",
                  "REDIS_URL": sys.argv[1], "RATELIMIT_CHECK": "2 per minute",
                  "RATELIMIT_KEY_PREFIX": sys.argv[2]})
client = app.test_client()
print(json.dumps([client.post("/api/v1/check", data=b"{}").status_code for _ in range(3)]))
"""


def test_limits_are_kept_in_redis_when_configured():
    """Two processes share one limit through Redis, so workers cannot each allow the limit."""
    url, prefix = "redis://127.0.0.1:6379/14", f"valuecase-test-{uuid.uuid4().hex}"
    connection = redis.Redis.from_url(url)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        first = subprocess.run(
            [sys.executable, "-c", SCRIPT, url, prefix],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        second = subprocess.run(
            [sys.executable, "-c", SCRIPT, url, prefix],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        assert json.loads(first.stdout.splitlines()[-1]) == [422, 422, 429]
        assert json.loads(second.stdout.splitlines()[-1]) == [429, 429, 429]
        assert connection.keys(f"*{prefix}*")
    finally:
        for key in connection.scan_iter(f"*{prefix}*"):
            connection.delete(key)


def test_behind_a_trusted_proxy_each_client_has_its_own_limit():
    from app import create_app

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "k" * 40,
            "SQLALCHEMY_DATABASE_URI": "sqlite://",
            "TRUSTED_PROXIES": 1,
            "RATELIMIT_CHECK": "1 per minute",
            "RATELIMIT_KEY_PREFIX": f"proxy-{uuid.uuid4().hex}",
        }
    )
    client = app.test_client()

    def status(address: str) -> int:
        return client.post(
            "/api/v1/check", data=b"{}", headers={"X-Forwarded-For": address}
        ).status_code

    assert [status("203.0.113.1"), status("203.0.113.2"), status("203.0.113.1")] == [422, 422, 429]
