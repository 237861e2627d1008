"""Search: every word must match; entries matched in their outcome come first; kind filters."""

import pytest

from app.proxies.library import load_library

from .conftest import LIBRARY_DIR


@pytest.fixture(scope="module")
def library():
    return load_library(LIBRARY_DIR / "proxies.yaml", LIBRARY_DIR / "caveats.yaml")


def ids(entries) -> list[str]:
    return [entry.id for entry in entries]


def test_every_word_must_match(library):
    assert ids(library.search("domestic violence")) == [
        "domestic-violence-incident-fiscal",
        "domestic-violence-incident-economic",
        "domestic-violence-incident-social",
    ]
    assert ids(library.search("domestic violence prison")) == []
    assert ids(library.search("burglary")) == [
        "domestic-burglary-fiscal",
        "domestic-burglary-social",
    ]


def test_plurals_and_the_start_of_a_word_match(library):
    assert ids(library.search("burglaries")) == ids(library.search("burglary"))
    assert "crime-incident-average-fiscal" in ids(library.search("crimes"))
    assert ids(library.search("truan")) == ["persistent-truancy-fiscal"]


def test_an_entry_matched_in_its_outcome_comes_before_one_matched_in_its_notes(library):
    found = ids(library.search("police"))
    assert found[0] == "police-officer-hour-fiscal"  # "police" in its outcome
    assert "domestic-violence-incident-fiscal" in found[1:]  # police only among who benefits
    assert found.index("police-officer-hour-fiscal") < found.index(
        "domestic-violence-incident-fiscal"
    )


def test_unit_who_benefits_and_id_are_searched(library):
    assert set(ids(library.search("per week"))) >= {
        "foster-care-week-fiscal",
        "housing-benefit-week-fiscal",
    }
    assert ids(library.search("wellby"))[0] == "wellby-life-satisfaction-point"
    assert "jsa-claimant-into-work-dwp-fiscal" in ids(library.search("hm treasury"))  # notes


def test_kind_narrows_the_list(library):
    assert len(library.search("")) == 55
    economic = library.search("", "economic")
    assert len(economic) == 7 and {e.kind for e in economic} == {"economic"}
    assert ids(library.search("domestic violence", "social")) == [
        "domestic-violence-incident-social"
    ]
    assert ids(library.search("the of a")) == ids(library.search(""))
