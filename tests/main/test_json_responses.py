"""JSON responses: written by orjson, the same JSON Flask's own provider writes."""

import dataclasses
import datetime as dt
import decimal
import json
import uuid

from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup

from app.examples import example_paths


@dataclasses.dataclass
class Pair:
    left: int
    right: str


AWKWARD = {
    "z": 1,
    "a": [1.5, None, True, -0.25],
    "day": dt.date(2026, 1, 2),
    "moment": dt.datetime(2026, 1, 2, 3, 4, 5),
    "markup": Markup("<b>bold</b>"),
    "amount": decimal.Decimal("1.10"),
    "id": uuid.UUID(int=5),
    "pair": Pair(3, "x"),
    "café": "naïve — “quoted”",
}


def test_responses_hold_what_flasks_own_writer_writes(app) -> None:
    with app.app_context():
        fast = app.json.response(AWKWARD)
        standard = DefaultJSONProvider(app).response(AWKWARD)
    assert fast.mimetype == standard.mimetype == "application/json"
    assert json.loads(fast.get_data()) == json.loads(standard.get_data())
    assert json.loads(fast.get_data())["day"] == "Fri, 02 Jan 2026 00:00:00 GMT"
    assert list(json.loads(fast.get_data())) == sorted(AWKWARD)
    # Written by orjson: text goes out as UTF-8 rather than as \u escapes.
    assert "naïve — “quoted”".encode() in fast.get_data()
    assert b"\\u00ef" in standard.get_data()


def test_what_orjson_cannot_write_goes_to_flasks_writer(app) -> None:
    wide = {"wide": 2**70, "café": "naïve"}
    with app.app_context():
        response = app.json.response(wide)
    assert json.loads(response.get_data()) == wide


def test_the_check_api_answers_the_report_of_each_example(client, app) -> None:
    rulebook = app.extensions["rulebook"]
    for path in example_paths():
        raw = path.read_bytes()
        response = client.post("/api/v1/check", data=raw, content_type="application/json")
        assert response.status_code == 200
        assert response.get_json() == json.loads(json.dumps(rulebook.check(json.loads(raw))))
