"""Names cannot impersonate: hidden characters refused, look-alike forms one and the same."""

import pytest
from sqlalchemy import select

from app.accounts.models import Organisation, PublicBody, Role
from app.names import UnsafeName, clean_name, name_key


@pytest.fixture
def admin_client(make_user, sign_in):
    return sign_in(make_user(Role.ADMIN))


@pytest.mark.parametrize(
    "disguised",
    ["Kirkfield \u202eTrust", "Kirk\u200bfield Trust", "Kirkfield\u2066 Trust", "\ufeffKirkfield"],
)
def test_hidden_and_direction_changing_characters_are_refused(disguised):
    with pytest.raises(UnsafeName):
        clean_name(disguised)


def test_look_alike_forms_share_one_key():
    assert name_key("ＫＩＲＫＦＩＥＬＤ  Trust") == name_key("kirkfield trust")
    assert name_key("Straße Trust") == name_key("STRASSE TRUST")
    assert clean_name("  Kirkﬁeld   Trust ") == "Kirkfield Trust"


def test_admin_cannot_add_an_organisation_that_looks_like_another(admin_client, db):
    admin_client.post("/admin/organisations", data={"name": "Kirkfield Trust", "type": "charity"})
    page = admin_client.post(
        "/admin/organisations", data={"name": "ＫＩＲＫＦＩＥＬＤ trust", "type": "charity"}
    ).get_data(as_text=True)
    assert "An organisation with this name already exists" in page
    assert len(db.session.scalars(select(Organisation)).all()) == 1


def test_admin_cannot_add_a_public_body_name_with_a_direction_override(admin_client, db):
    page = admin_client.post(
        "/admin/public-bodies",
        data={"name": "Kirkfield \u202eCouncil", "response_period_days": "56"},
    ).get_data(as_text=True)
    assert "Public body name must not contain invisible or direction-changing characters" in page
    assert db.session.scalar(select(PublicBody)) is None


def test_public_body_names_are_unique_on_their_normalised_form(admin_client, db):
    admin_client.post(
        "/admin/public-bodies", data={"name": "Kirkfield MBC", "response_period_days": "56"}
    )
    page = admin_client.post(
        "/admin/public-bodies",
        data={"name": "ｋｉｒｋｆｉｅｌｄ mbc", "response_period_days": "56"},
    ).get_data(as_text=True)
    assert "A public body with this name already exists" in page


def test_names_set_anywhere_are_stored_normalised(db, make_organisation):
    organisation = make_organisation("Ｒｉｖｅｒｓｉｄｅ   Food Bank")
    assert organisation.name == "Riverside Food Bank"
    assert organisation.name_key == "riverside food bank"
