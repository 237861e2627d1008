"""The library loads with its caveats and attribution; a bad file is refused, named."""

from pathlib import Path

import pytest

from app import create_app
from app.proxies.library import ProxyLibraryError, load_library

from .conftest import LIBRARY_DIR

LIBRARY = LIBRARY_DIR / "proxies.yaml"
CAVEATS = LIBRARY_DIR / "caveats.yaml"
GOOD = """\
- id: anytown-day-centre-week-fiscal
  outcome: A day-centre place for a week is no longer needed
  unit: Per week
  value: 310.5
  price_year: 2023/24
  kind: fiscal
  who_benefits: Anytown Council adult social care
  source: Anytown Council budget book 2023/24, line 4.2
"""


def load(additions: Path | None = None):
    return load_library(LIBRARY, CAVEATS, additions)


def test_the_library_loads_every_entry_with_its_caveats_and_attribution():
    library = load()
    assert len(library.entries) == 55
    assert library.attribution == "Unit Cost Database v1.4, New Economy / GMCA, CC BY 4.0"
    attributed = [e for e in library.entries if e.attribution == library.attribution]
    assert len(attributed) == 53  # the two HM Treasury values are not the database's
    assert library.get("wellby-life-satisfaction-point").attribution == ""
    transfers = {e.id for e in library.entries if e.transfer_payment}
    assert transfers == {
        "jsa-claimant-into-work-dwp-fiscal",
        "esa-claimant-into-work-dwp-fiscal",
        "housing-benefit-week-fiscal",
        "neet-18-24-fiscal",
        "neet-16-17-fiscal",
    }
    inputs = {e.id for e in library.entries if e.input_cost}
    assert inputs == {
        "drug-treatment-cost-per-year",
        "parenting-programme-group-cost",
        "homelessness-prevention-case-cost",
    }
    gp = library.get("gp-consultation-fiscal")
    assert "PSSRU" in gp.acknowledgement and gp.citation().endswith("acknowledging PSSRU")


def test_the_readme_gives_the_attribution_line_the_pages_show():
    readme = (LIBRARY_DIR / "README.md").read_text()
    assert f"> {load().attribution}\n" in readme
    assert "CC BY 4.0" in readme and "creativecommons.org/licenses/by/4.0" in readme


def test_every_citation_fits_a_line_and_names_the_database_and_original_study():
    for entry in load().entries:
        cited = entry.proxy_answers()[("proxy", "source")]
        assert len(cited) <= 200, entry.id
        assert cited.startswith(entry.attribution or entry.source[:40]), entry.id
    walby = load().get("domestic-violence-incident-fiscal").citation(200)
    assert walby == (
        "Unit Cost Database v1.4, New Economy / GMCA, CC BY 4.0, worksheet 'Crime', row 12, "
        "cost code CR2.0; original study: Sylvia Walby - The Cost of Domestic violence, "
        "update (2009), p.8"
    )


def test_a_deployment_adds_its_own_entries_after_the_library(tmp_path):
    additions = tmp_path / "proxies.yaml"
    additions.write_text(GOOD)
    library = load(additions)
    added = library.entries[-1]
    assert added.id == "anytown-day-centre-week-fiscal" and added.local
    assert added.value == 310.5 and added.price_year == "2023/24" and added.attribution == ""
    assert library.search("day centre") == [added]


def test_a_missing_or_empty_additions_file_adds_nothing(tmp_path):
    assert len(load(tmp_path / "absent.yaml").entries) == 55
    (tmp_path / "empty.yaml").write_text("")
    assert len(load(tmp_path / "empty.yaml").entries) == 55


OURS = "anytown-day-centre-week-fiscal"
SOURCE = "  source: Anytown Council budget book 2023/24, line 4.2\n"


@pytest.mark.parametrize(
    ("change", "entry", "problem"),
    [
        ((SOURCE, ""), OURS, "missing field(s): source (every entry needs a source)"),
        ((SOURCE, SOURCE + "  url: javascript:alert(1)\n"), OURS, "url must start with http"),
        (("value: 310.5", "value: about 300"), OURS, "value must be a number"),
        (("value: 310.5", "value: -5"), OURS, "value must be from 0"),
        (("  price_year: 2023/24\n", ""), OURS, "missing field(s): price_year"),
        (("kind: fiscal", "kind: financial"), OURS, "kind must be one of fiscal, economic, social"),
        ((f"id: {OURS}", "id: prison-place-year-fiscal"), "prison-place-year-fiscal", "library"),
        ((f"id: {OURS}", "id: Day Centre"), "Day Centre", "the id must be lower-case"),
        (("unit: Per week\n", "unit: Per week\n  units: weeks\n"), OURS, "unknown field(s): units"),
        (("kind: fiscal\n", "kind: fiscal\n  input_cost: maybe\n"), OURS, "'input_cost' must be"),
    ],
)
def test_a_bad_additions_file_is_refused_naming_the_file_the_entry_and_the_problem(
    tmp_path, change, entry, problem
):
    additions = tmp_path / "proxies.yaml"
    additions.write_text(GOOD.replace(*change))
    with pytest.raises(ProxyLibraryError) as refused:
        load(additions)
    assert refused.value.file == str(additions) and refused.value.entry == entry
    assert problem in refused.value.reason
    assert str(refused.value).startswith(f"{additions}: entry {entry}: ")


def test_an_id_used_twice_and_a_file_that_is_not_a_list_are_refused(tmp_path):
    additions = tmp_path / "proxies.yaml"
    additions.write_text(GOOD + GOOD)
    with pytest.raises(
        ProxyLibraryError, match="entry anytown-day-centre-week-fiscal: the id is used twice"
    ):
        load(additions)
    additions.write_text("id: one-entry\nvalue: 3\n")
    with pytest.raises(ProxyLibraryError, match="must be a list of entries"):
        load(additions)
    additions.write_text("- id: [unclosed\n")
    with pytest.raises(ProxyLibraryError, match="not valid YAML"):
        load(additions)


def test_caveats_that_name_no_library_entry_are_refused(tmp_path):
    caveats = tmp_path / "caveats.yaml"
    caveats.write_text(CAVEATS.read_text().replace("- neet-16-17-fiscal", "- neet-16-17-fiscl"))
    with pytest.raises(ProxyLibraryError) as refused:
        load_library(LIBRARY, caveats)
    assert refused.value.file == str(caveats) and refused.value.entry == "neet-16-17-fiscl"


def test_the_site_does_not_start_with_a_bad_instance_file(tmp_path):
    additions = tmp_path / "proxies.yaml"
    additions.write_text(GOOD.replace("kind: fiscal", "kind: financial"))
    with pytest.raises(ProxyLibraryError) as refused:
        create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": "sqlite://",
                "PROXY_ADDITIONS": str(additions),
            }
        )
    message = str(refused.value)
    assert str(additions) in message and "anytown-day-centre-week-fiscal" in message
    assert "kind must be one of fiscal, economic, social" in message


def test_the_site_offers_a_deployments_entries(tmp_path):
    additions = tmp_path / "proxies.yaml"
    additions.write_text(GOOD)
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://", "PROXY_ADDITIONS": str(additions)}
    )
    page = app.test_client().get("/proxies?q=day+centre").get_data(as_text=True)
    assert "A day-centre place for a week is no longer needed" in page
    assert "£310.50" in page and "(added by this site)" in page
