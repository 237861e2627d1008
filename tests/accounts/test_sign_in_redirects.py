"""After signing in, `next` leads only to a page of this site, however the address is dressed up."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from app.accounts.local_path import is_local_path

SIGN_IN = {"password": "correct horse battery"}
TRICKS = [
    "////evil.example",
    "////evil.example/x",
    "///evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/%5C%5Cevil.example",
    "/%252F%252Fevil.example",
    "https://evil.example",
    "http:evil.example",
    "javascript:alert(1)",
    " //evil.example",
    "   //evil.example",
    "\x00//evil.example",
    "evil.example",
]


def where_a_browser_goes(location: str) -> str:
    """The host a browser would go to for a Location header on http://localhost/sign-in.

    As browsers do: surrounding spaces and controls dropped, tabs and line breaks removed
    anywhere, a backslash read as a slash.
    """
    cleaned = re.sub(r"[\t\n\r]", "", location.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08 "))
    cleaned = cleaned.replace("\\", "/")
    return urlsplit(urljoin("http://localhost/sign-in", cleaned)).netloc


@pytest.mark.parametrize("target", TRICKS)
def test_a_next_address_that_leaves_the_site_goes_home_instead(client, make_user, target):
    user = make_user()
    response = client.post(
        "/sign-in", query_string={"next": target}, data=SIGN_IN | {"email": user.email}
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/"
    assert where_a_browser_goes(location) == "localhost"


@pytest.mark.parametrize(
    "raw_query", ["next=/%2F%2Fevil.example", "next=/%5Cevil.example", "next=%2F%2Fevil.example"]
)
def test_an_encoded_next_in_the_raw_query_goes_home(client, make_user, raw_query):
    user = make_user()
    response = client.post(f"/sign-in?{raw_query}", data=SIGN_IN | {"email": user.email})
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["/proposals?x=1", "/admin/", "/register/?q=green%20spaces"])
def test_a_next_page_on_this_site_is_followed(client, make_user, target):
    user = make_user()
    response = client.post(
        "/sign-in", query_string={"next": target}, data=SIGN_IN | {"email": user.email}
    )
    assert response.headers["Location"] == target
    assert where_a_browser_goes(response.headers["Location"]) == "localhost"


def test_only_plain_paths_count_as_local():
    assert all(not is_local_path(target) for target in TRICKS)
    assert not is_local_path(None) and not is_local_path("")
    assert not is_local_path("/" + "a" * 3000)
    assert is_local_path("/training/modules/M1.1#quiz")
