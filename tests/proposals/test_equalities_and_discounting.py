"""The likely effect on people with each protected characteristic; why a discount rate differs."""

from app.proposals.document import validate_document

CHARACTERISTICS = (
    "age",
    "disability",
    "gender_reassignment",
    "marriage_civil_partnership",
    "pregnancy_maternity",
    "race",
    "religion_belief",
    "sex",
    "sexual_orientation",
)


def test_each_protected_characteristic_is_given_a_likely_effect_and_a_note(
    member_client, propose, db, open_tab
):
    url = f"/proposals/{propose.id}/sections/equalities"
    response = member_client.post(url, data=open_tab(url) | {"assessment": "Reaches girls."})
    assert response.headers["Location"] == f"{url}?page=characteristics"
    page = f"{url}?page=characteristics"
    text = member_client.get(page).get_data(as_text=True)
    for legend in ("Age", "Marriage and civil partnership", "Religion or belief"):
        assert f"{legend}\n    </legend>" in text
    answered = {
        "characteristics-age-effect": "positive",
        "characteristics-age-note": "Most young carers are 11 to 16.",
        "characteristics-sex-effect": "unknown",
        "characteristics-race-note": "We will monitor take-up.",
        "completed": "yes",
    }
    response = member_client.post(page, data=open_tab(page) | answered)
    assert response.headers["Location"] == f"/proposals/{propose.id}"
    db.session.refresh(propose)
    assert propose.draft["equalities"]["characteristics"] == [
        {"characteristic": "age", "effect": "positive", "note": "Most young carers are 11 to 16."},
        {"characteristic": "race", "note": "We will monitor take-up."},
        {"characteristic": "sex", "effect": "unknown", "note": ""},
    ]
    assert validate_document(propose.draft) == []
    assert "equalities" in propose.completed_sections
    answers = member_client.get(f"/proposals/{propose.id}/check-answers").get_data(as_text=True)
    assert "Age: Positive. Most young carers are 11 to 16." in answers
    assert "Sex: Not known" in answers and "religion_belief" not in answers


def test_a_note_too_long_is_refused_naming_its_characteristic_and_kept(
    member_client, propose, db, open_tab
):
    page = f"/proposals/{propose.id}/sections/equalities?page=characteristics"
    typed = {
        "characteristics-disability-effect": "negative",
        "characteristics-disability-note": "x" * 20_001,
    }
    text = member_client.post(page, data=open_tab(page) | typed).get_data(as_text=True)
    assert "Why, for disability: use 20,000 characters or fewer" in text
    assert "x" * 20_001 + "</textarea>" in text
    db.session.refresh(propose)
    assert propose.draft["equalities"]["characteristics"] == []
    assert validate_document(propose.draft) == []


def test_every_characteristic_of_the_equality_act_is_asked(member_client, challenge):
    page = f"/proposals/{challenge.id}/sections/equalities?page=characteristics"
    text = member_client.get(page).get_data(as_text=True)
    for key in CHARACTERISTICS:
        assert f'name="characteristics-{key}-effect"' in text
        assert f'name="characteristics-{key}-note"' in text


def test_a_different_discount_rate_gives_its_reason(member_client, challenge, db, open_tab):
    url = f"/proposals/{challenge.id}/sections/contract"
    answered = {
        "discount_rate": "1.5%",
        "discount_rate_reason": "Most of the value is health and wellbeing.",
    }
    member_client.post(url, data=open_tab(url) | answered)
    db.session.refresh(challenge)
    assert challenge.draft["discount_rate"] == 0.015
    assert challenge.draft["discount_rate_reason"] == "Most of the value is health and wellbeing."
    assert validate_document(challenge.draft) == []
    answers = member_client.get(f"/proposals/{challenge.id}/check-answers").get_data(as_text=True)
    assert "Why you use a different discount rate" in answers and "1.5%" in answers
