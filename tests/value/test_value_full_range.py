"""The value account over the schema's whole numeric range: rounding never raises, ratios too
large to show say so, and every figure, chart, page and PDF is finite and readable; so are
each option's account, the incremental account and every value finding of the report."""

import json
from decimal import Decimal, localcontext

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.accounts.models import Role
from app.extensions import db
from app.jobs.pdf import render_assessment
from app.proposals import services
from app.value.account import compute_account
from app.value.impact_map import percent, ratio, value_view
from app.value.incremental import DOMINANT, DOMINATED, MORE_FOR_MORE, incremental_account
from app.value.money import (
    ARITHMETIC,
    SHOWN_LIMIT,
    TOO_LARGE_TO_SHOW,
    format_number,
    format_pounds,
    is_too_large,
    quantized,
    rounded,
)
from app.value.options import option_accounts
from app.value.report import value_report

from . import proposal2
from .full_range import (
    assert_chart,
    assert_note,
    assert_report_value,
    assert_shown,
    assert_value_findings,
    full_range_documents,
    set_everywhere,
)
from .proposal2 import young_carers

INPUT_VALUES = ("inputs", "*", "value")
QUANTITIES = ("outcomes", "*", "quantity")
CARERS = proposal2.example("challenge-young-carers")
GREEN_SPACES = proposal2.example("propose-parish-green-spaces")
TINY_INVESTMENT = set_everywhere(CARERS, INPUT_VALUES, 1e-27)
SMALLEST_INVESTMENT = set_everywhere(CARERS, INPUT_VALUES, 5e-324)
TINY_QUANTITIES = set_everywhere(GREEN_SPACES, QUANTITIES, 5e-324)
SHORTEST_OUTCOMES = set_everywhere(CARERS, ("outcomes", "*", "duration_years"), 5e-324)
HUGE_VALUE = set_everywhere(
    set_everywhere(CARERS, QUANTITIES, 1e9), ("outcomes", "*", "proxy", "value"), 1e12
)

OPTION_COSTS = ("need", "options", "*", "annual_cost")
OPTION_QUANTITIES = ("need", "options", "*", "quantities", "*", "quantity")
WITH_OPTIONS = young_carers()
TODAY_COSTS_THE_SAME = young_carers()
TODAY_COSTS_THE_SAME["need"]["options"][0]["annual_cost"] = 725_400 / 3  # ΔI = 0
TODAY_COSTS_A_HAIR_LESS = young_carers()
TODAY_COSTS_A_HAIR_LESS["need"]["options"][0]["annual_cost"] = 241_799.999999999
SMALLEST_OPTION_COSTS = set_everywhere(WITH_OPTIONS, OPTION_COSTS, 5e-324)
HUGE_OPTIONS = set_everywhere(
    set_everywhere(WITH_OPTIONS, OPTION_QUANTITIES, 1e9), ("outcomes", "*", "proxy", "value"), 1e12
)
FREE_OPTIONS_NOTHING_VALUED = set_everywhere(
    set_everywhere(WITH_OPTIONS, OPTION_COSTS, 0), OPTION_QUANTITIES, 0
)

any_decimal = st.decimals(allow_nan=False, allow_infinity=False) | st.builds(
    Decimal, st.sampled_from(["1e-27", "5e-324", "-1e-27", "1e345", "-2.5e26", "9.995e14"])
)


@given(any_decimal, st.integers(0, 4))
def test_rounding_never_raises_and_keeps_every_digit_it_needs(amount, places):
    exact = quantized(amount, places)
    assert exact.as_tuple().exponent == -places
    assert abs(exact - amount) <= Decimal(10) ** -places / 2
    number = rounded(amount, places)
    assert number is None or number == float(exact) + 0.0


@given(any_decimal, st.integers(0, 2))
def test_money_is_always_shown_in_a_few_readable_characters(amount, places):
    assert_shown(format_pounds(amount, places))


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1e-27"), "£0"),
        (Decimal("-1e-27"), "£0"),
        (Decimal("999999999999999.4"), "£999,999,999,999,999"),
        (Decimal("2.5e26"), "£2.5 × 10^26"),
        (Decimal("-1e345"), "−£1 × 10^345"),
        (Decimal("9.996e30"), "£1 × 10^31"),
    ],
)
def test_money_a_thousand_trillion_or_more_is_written_to_three_figures(amount, shown):
    assert format_pounds(amount) == shown


def test_a_rounded_zero_is_reported_without_a_minus_sign():
    assert str(rounded(Decimal("-1e-27"))) == "0.0"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (None, "–"),
        (Decimal("1.634"), "£1.63 : £1"),
        (Decimal("999999999999.994"), "£999,999,999,999.99 : £1"),
        (Decimal("999999999999.995"), TOO_LARGE_TO_SHOW),
        (Decimal("-1e30"), TOO_LARGE_TO_SHOW),
        (Decimal("1e345"), TOO_LARGE_TO_SHOW),
        (Decimal("1e-336"), "£0.00 : £1"),
    ],
)
def test_a_ratio_of_a_trillion_or_more_is_too_large_to_show(value, shown):
    assert ratio(value) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (5e-324, "5 × 10^-324"),
        (1e-05, "1 × 10^-5"),
        (0.00012345678, "0.000123457"),
        (2.1234567, "2.12346"),
        (999999.7, "1,000,000"),
        (1e9, "1,000,000,000"),
        (Decimal("1E+1"), "10"),
        (0, "0"),
    ],
)
def test_quantities_and_years_are_shown_to_six_figures_never_in_e_notation(value, shown):
    assert format_number(value) == shown


def test_a_tiny_share_is_shown_to_four_decimal_places_of_a_percent():
    assert percent(5e-324) == "0%"
    assert percent(0.123456789) == "12.3457%"
    assert percent(0.35) == "35%"


@pytest.mark.parametrize("document", [TINY_INVESTMENT, SMALLEST_INVESTMENT])
def test_a_tiny_investment_keeps_its_exact_ratio_but_reports_none_and_says_why(document):
    account = compute_account(document)
    assert account.sroi_ratio > SHOWN_LIMIT and is_too_large(account.sroi_ratio)
    report = account.report()
    assert report["sroi_ratio"] is None and report["net_sroi_ratio"] is None
    assert report["investment"] == 0.0 and report["present_value"] > 0
    [note] = [n for n in account.notes if "too large to show" in n]
    assert note.startswith("The SROI ratio and the net SROI ratio are too large to show")
    assert "the investment, £0.00, is so small" in note


def test_a_payback_too_long_to_show_is_none_with_a_note():
    account = compute_account(TINY_QUANTITIES)
    assert 0 < account.year1_impact < Decimal("1e-300")
    assert account.payback_months is None and account.report()["payback_months"] is None
    assert any("too long to show" in note for note in account.notes)


def test_the_largest_value_the_schema_allows_is_reported_and_written_to_three_figures():
    view = value_view(HUGE_VALUE)
    assert view.account.present_value > Decimal("1e21")
    assert_report_value(view.account.report())
    assert "× 10^" in format_pounds(view.account.present_value)
    assert ratio(view.account.sroi_ratio) == TOO_LARGE_TO_SHOW


def shown_figures(view) -> list[str]:
    """Every figure a page or PDF shows of the value account, written as it is shown."""
    account = view.account
    figures = [
        format_pounds(amount)
        for amount in (
            account.present_value,
            account.investment,
            account.npv,
            account.year1_impact,
            account.savings.cashable_total,
            account.savings.non_cashable_total,
            *account.investment_by_type.values(),
        )
    ]
    figures += [ratio(account.sroi_ratio), ratio(account.net_sroi_ratio)]
    figures += [ratio(row.sroi_ratio) for row in view.sensitivity.rows]
    for item in view.sensitivity.switching:
        figures.append(format_pounds(item.proxy, 2))
        if item.switching_proxy is not None:
            figures.append(format_pounds(item.switching_proxy, 2))
    for row in view.rows:
        figures += [row.quantity, row.proxy, row.deadweight, row.attribution]
        figures += [row.displacement, row.drop_off, row.duration]
        figures += [row.year1_impact, row.present_value]
    return figures


@settings(max_examples=200, deadline=None)
@given(full_range_documents())
@example(TINY_INVESTMENT)
@example(SMALLEST_INVESTMENT)
@example(TINY_QUANTITIES)
@example(SHORTEST_OUTCOMES)
@example(HUGE_VALUE)
def test_the_value_account_of_any_document_the_schema_accepts_is_finite_and_shown(document):
    view = value_view(document)
    assert_report_value(view.account.report())
    for figure in shown_figures(view):
        assert_shown(figure)
    for note in view.account.notes:
        assert_note(note)
    assert_chart(view.stakeholder_chart)
    assert_chart(view.year_chart)
    payback = view.account.payback_months
    assert payback is None or not is_too_large(payback, 1)


@pytest.fixture
def account_macro(app):
    """The value account's template macro, as the value page, review page and PDF use it."""
    return app.jinja_env.from_string(
        '{% from "value/_account.html" import value_account %}{{ value_account(view) }}'
    )


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(full_range_documents())
@example(TINY_INVESTMENT)
@example(TINY_QUANTITIES)
@example(HUGE_VALUE)
def test_the_value_account_template_renders_any_document_the_schema_accepts(
    account_macro, document
):
    html = account_macro.render(view=value_view(document))
    assert 'id="impact-map"' in html and 'id="sensitivity"' in html
    assert "NaN" not in html and "Infinity" not in html


@pytest.fixture
def member(make_user):
    return make_user(Role.CSO)


def draft_of(member, make_public_body, document):
    proposal = services.new_proposal(member.organisation, make_public_body(), document, member)
    db.session.commit()
    return proposal


@pytest.mark.parametrize("document", [TINY_INVESTMENT, TINY_QUANTITIES, HUGE_VALUE])
def test_the_value_page_of_a_draft_at_the_schemas_extremes_shows_its_account(
    client, member, make_public_body, sign_in, document
):
    proposal = draft_of(member, make_public_body, document)
    response = sign_in(member).get(f"/proposals/{proposal.id}/value")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert 'id="impact-map"' in html and html.count("<svg") == 2


def test_the_value_page_of_a_tiny_investment_says_the_ratio_is_too_large_to_show(
    client, member, make_public_body, sign_in
):
    proposal = draft_of(member, make_public_body, TINY_INVESTMENT)
    html = sign_in(member).get(f"/proposals/{proposal.id}/value").get_data(as_text=True)
    assert f'<dd class="govuk-summary-list__value">{TOO_LARGE_TO_SHOW}</dd>' in html
    assert "are too large to show: the investment, £0.00, is so small" in html


@pytest.mark.parametrize("document", [TINY_INVESTMENT, TINY_QUANTITIES])
def test_the_assessment_pdf_of_a_submission_at_the_schemas_extremes_is_made(
    app, member, make_public_body, document
):
    proposal = draft_of(member, make_public_body, document)
    report = app.extensions["rulebook"].check(document)
    services.submit(
        proposal, member, report, {"MAIL_SERVER": None, "MAIL_SENDER": "x <x@example.org>"}
    )
    db.session.commit()
    assert proposal.sroi_ratio is None or abs(proposal.sroi_ratio) < SHOWN_LIMIT
    assert render_assessment(app, proposal.id).startswith(b"%PDF")


SIX = ("present_value", "investment", "npv", "sroi_ratio", "net_sroi_ratio", "payback_months")


@settings(max_examples=150, deadline=None)
@given(full_range_documents())
@example(TODAY_COSTS_THE_SAME)
@example(TODAY_COSTS_A_HAIR_LESS)
@example(SMALLEST_OPTION_COSTS)
@example(HUGE_OPTIONS)
@example(FREE_OPTIONS_NOTHING_VALUED)
@example(TINY_INVESTMENT)
@example(HUGE_VALUE)
def test_the_value_findings_of_any_document_the_schema_accepts_are_finite_json(document):
    report = value_report(document)
    json.dumps(report, allow_nan=False)
    assert_value_findings(report)
    assert_report_value(report["account"])
    for row in report["options"]:
        assert_report_value({name: row[name] for name in SIX})
    for account in option_accounts(document).values():
        for note in account.notes:
            assert_note(note)


@settings(max_examples=150, deadline=None)
@given(full_range_documents())
@example(TODAY_COSTS_THE_SAME)
@example(TODAY_COSTS_A_HAIR_LESS)
@example(SMALLEST_OPTION_COSTS)
def test_the_incremental_ratio_is_given_only_over_a_positive_difference_in_cost(document):
    incremental = incremental_account(document)
    if incremental is None:
        return
    delta_i, delta_pv = incremental.delta_investment, incremental.delta_present_value
    if delta_i > 0:
        with localcontext(ARITHMETIC):  # the account's 34 digits
            assert incremental.incremental_ratio == delta_pv / delta_i
        assert incremental.verdict == (MORE_FOR_MORE if delta_pv > 0 else DOMINATED)
    else:
        assert incremental.incremental_ratio is None
        if delta_pv > 0:
            assert incremental.verdict == DOMINANT
    assert_note(incremental.summary)


def test_a_status_quo_costing_what_the_proposal_costs_gives_a_verdict_not_a_ratio():
    incremental = incremental_account(TODAY_COSTS_THE_SAME)
    assert incremental.delta_investment == 0
    assert incremental.incremental_ratio is None and incremental.verdict == DOMINANT
    assert "more value for the same money" in incremental.summary
