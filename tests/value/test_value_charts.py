"""The SVG charts: valid, accessible, escaped and free of inline styles."""

import xml.etree.ElementTree as ET

import pytest

from app.value.account import compute_account
from app.value.charts import EMPTY_MESSAGE, value_by_stakeholder_svg, value_by_year_svg

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = 'Carers <script>alert("x")</script> & "friends"'


def account_with(*outcomes, **fields):
    return compute_account({"discount_rate": 0, "outcomes": list(outcomes)} | fields)


def outcome(id, stakeholder, value, years=1, negative=False):
    return {
        "id": id,
        "stakeholder": stakeholder,
        "quantity": 1,
        "proxy": {"value": value},
        "duration_years": years,
        "negative": negative,
    }


ACCOUNT = account_with(
    outcome("a", "carers", 12400, years=2),
    outcome("b", "staff", 3000, negative=True),
)
NAMES = {"carers": HOSTILE, "staff": "Council staff"}


def charts():
    return [value_by_stakeholder_svg(ACCOUNT, NAMES), value_by_year_svg(ACCOUNT)]


def all_text(root):
    return " ".join("".join(element.itertext()) for element in root.iter())


@pytest.mark.parametrize("svg", charts())
def test_chart_is_an_accessible_svg(svg):
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text
    ids = {element.get("id") for element in root.iter()}
    assert set(root.get("aria-labelledby").split()) <= ids
    assert root.find(f"{SVG}desc") is not None


@pytest.mark.parametrize("svg", [*charts(), value_by_year_svg(compute_account({}))])
def test_chart_has_no_inline_style(svg):
    root = ET.fromstring(svg)
    assert all("style" not in element.attrib for element in root.iter())
    assert root.find(f".//{SVG}style") is None
    assert "style=" not in svg


def test_stakeholder_names_are_escaped():
    svg = value_by_stakeholder_svg(ACCOUNT, NAMES)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    desc = ET.fromstring(svg).find(f"{SVG}desc").text
    assert HOSTILE in desc
    assert "Council staff" in desc


def test_values_are_labelled_in_pounds_including_losses():
    svg = value_by_stakeholder_svg(ACCOUNT, NAMES)
    text = all_text(ET.fromstring(svg))
    assert "£24,800" in text
    assert "\u2212£3,000" in text
    assert 'fill="#d4351c"' in svg


def test_year_chart_labels_each_year():
    text = all_text(ET.fromstring(value_by_year_svg(ACCOUNT)))
    assert "Year 1" in text and "Year 2" in text
    assert "£9,400" in text and "£12,400" in text


def test_unknown_stakeholder_ids_fall_back_to_the_id():
    svg = value_by_stakeholder_svg(ACCOUNT, {})
    assert "carers" in all_text(ET.fromstring(svg))


@pytest.mark.parametrize("draw", [value_by_year_svg, lambda a: value_by_stakeholder_svg(a, {})])
def test_empty_account_gives_a_valid_svg_saying_so(draw):
    root = ET.fromstring(draw(compute_account({})))
    assert root.find(f"{SVG}title").text
    assert EMPTY_MESSAGE in all_text(root)


def test_two_charts_on_one_page_can_have_distinct_ids():
    first = value_by_year_svg(ACCOUNT, id_prefix="first")
    second = value_by_year_svg(ACCOUNT, id_prefix="second")
    assert 'id="first-title"' in first and 'id="second-title"' in second
