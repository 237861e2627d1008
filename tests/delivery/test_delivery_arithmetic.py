"""The delivery arithmetic: reporting periods, payment on verified results, value realised."""

from datetime import date
from decimal import Decimal

from app.delivery.payments import payment_for
from app.delivery.realised import compare, realised_account
from app.delivery.schedule import lateness, periods
from app.delivery.terms import ContractTerms, Measure, term_end, term_errors
from app.examples import load_example
from app.value import compute_account
from app.value.money import quantized
from app.workdays import bank_holidays

TERMS = ContractTerms(
    start=date(2026, 4, 1),
    end=term_end(date(2026, 4, 1), 2),
    annual_value=Decimal(100000),
    pbr_share=Decimal("0.2"),
    measures=(Measure("m", "Carers sustaining school attendance", Decimal(500)),),
)


def test_a_two_year_term_reports_in_eight_quarters_each_due_twenty_working_days_later():
    found = periods(TERMS, bank_holidays())
    assert TERMS.end == date(2028, 3, 31)
    assert [p.number for p in found] == list(range(1, 9))
    assert found[0].start == date(2026, 4, 1) and found[0].end == date(2026, 6, 30)
    assert found[0].due == date(2026, 7, 28)  # 20 working days after 30 June
    assert found[-1].end == date(2028, 3, 31)
    assert all(p.year_fraction == Decimal("0.25") for p in found)


def test_a_short_last_period_is_paid_for_its_part_of_a_year():
    terms = ContractTerms(
        date(2026, 1, 1), date(2026, 4, 15), Decimal(120000), frequency="quarterly"
    )
    last = periods(terms, frozenset())[-1]
    assert (last.start, last.end) == (date(2026, 4, 1), date(2026, 4, 15))
    assert payment_for(terms, last, None).total == Decimal("5000.00")  # half of April


def test_lateness_moves_from_due_to_overdue_to_late():
    period = periods(TERMS, frozenset())[0]
    assert lateness(period, date(2026, 6, 1)) is None
    assert lateness(period, date(2026, 7, 1)) == "due"
    assert lateness(period, period.due) == "due"
    assert lateness(period, date(2026, 8, 1)) == "overdue"
    assert lateness(period, date(2026, 9, 30)) == "late"


def test_nothing_is_paid_on_results_until_they_are_verified():
    period = periods(TERMS, frozenset())[0]
    waiting = payment_for(TERMS, period, None)
    assert waiting.fixed == Decimal("20000.00")  # 100,000 × 80% × a quarter
    assert waiting.on_results == 0 and waiting.total == Decimal("20000.00")
    assert "nothing is due until the period's results are verified" in " ".join(
        waiting.working(TERMS)
    )


def test_verified_results_are_paid_at_their_tariff_up_to_the_cap():
    period = periods(TERMS, frozenset())[0]
    under = payment_for(TERMS, period, {"measure:m": Decimal(8)})
    assert under.on_results == Decimal(4000) and under.total == Decimal("24000.00")
    over = payment_for(TERMS, period, {"measure:m": Decimal(30)})
    assert over.earned == Decimal(15000)
    assert over.cap == Decimal("5000.00")  # 20% of 100,000 for a quarter
    assert over.on_results == Decimal("5000.00") and over.capped
    assert "Results part: £5,000.00 (held to the cap)" in over.working(TERMS)


def test_an_agreed_cap_below_the_share_holds_payment_to_it():
    terms = ContractTerms(**{**TERMS.__dict__, "pbr_cap": Decimal(8000)})
    period = periods(terms, frozenset())[0]
    assert payment_for(terms, period, {"measure:m": Decimal(30)}).on_results == Decimal(2000)


def test_terms_that_would_pay_more_than_the_cap_are_refused_on_their_field():
    greedy = ContractTerms(
        **{**TERMS.__dict__, "measures": (Measure("m", "A start", Decimal(25000)),)}
    )
    assert "would pay more for one result than the cap" in term_errors(greedy)["measures-0-tariff"]
    too_high_cap = ContractTerms(**{**TERMS.__dict__, "pbr_cap": Decimal(50000)})
    assert "cannot be more than the share" in term_errors(too_high_cap)["pbr_cap"]
    backwards = ContractTerms(**{**TERMS.__dict__, "end": date(2026, 1, 1)})
    assert term_errors(backwards)["end"] == "The end date must be after the start date"


def test_realised_value_is_the_accepted_account_with_verified_quantities_and_spend():
    document = load_example("challenge-young-carers")
    claimed = {f"outcome:{o['id']}": Decimal(o["quantity"]) for o in document["outcomes"]}
    spend = {f"input:{n}": Decimal(i["value"]) for n, i in enumerate(document["inputs"])}
    # every claimed figure delivered and verified: the accepted account, to the penny
    assert (
        realised_account(document, claimed | spend).present_value
        == compute_account(document).present_value
    )
    assert realised_account(document, {}).present_value == 0


def test_half_the_claimed_attendance_over_half_the_term_shows_its_shortfall_with_reasons():
    document = load_example("challenge-young-carers")
    verified = {"outcome:attendance": Decimal(30)}  # 75 claimed for half the term
    compared = compare(
        document, verified, Decimal("0.5"), {"outcome:attendance": ["Period 1: a school closed"]}
    )
    row = next(r for r in compared.outcomes if r.id == "attendance")
    assert row.claimed_quantity == Decimal(75) and row.realised_quantity == Decimal(30)
    assert row.realised_value < row.claimed_value and row.variance < 0
    assert row.reasons == ("Period 1: a school closed",)
    half = compute_account(document).present_value / 2
    assert quantized(compared.forecast.present_value) == quantized(half)
