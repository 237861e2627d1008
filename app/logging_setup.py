"""Structured log lines carrying a request id."""

import json
import logging
import time
import uuid

from flask import Flask, g, has_request_context, request


class RequestIdFilter(logging.Filter):
    """Adds the current request's id (or '-') to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def init_app(app: Flask) -> None:
    """Attach the request id to each request, its response and the logs."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger("valuecase")
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # the rate limiter says here when Redis is unreachable and it falls back to memory
    limiter_log = logging.getLogger("flask-limiter")
    if not any(isinstance(h.formatter, JsonFormatter) for h in limiter_log.handlers):
        limiter_log.addHandler(handler)
    limiter_log.setLevel(logging.WARNING)
    app.logger.addFilter(RequestIdFilter())
    access = logging.getLogger("valuecase.request")

    @app.before_request
    def start_request() -> None:
        supplied = request.headers.get("X-Request-ID", "")
        usable = supplied if 0 < len(supplied) <= 64 and supplied.isprintable() else ""
        g.request_id = usable or uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def finish_request(response):
        response.headers["X-Request-ID"] = g.get("request_id", "-")
        elapsed = (time.perf_counter() - g.get("started", time.perf_counter())) * 1000
        access.info("%s %s %s %.1fms", request.method, request.path, response.status_code, elapsed)
        return response
