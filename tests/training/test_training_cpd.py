"""The CPD record: each completed module counts for the minutes it declares, kept as they were
on completion, shown with the total in hours and downloadable as CSV."""

import csv
import io
from html import unescape

from sqlalchemy import select

from app.training.cpd import hours
from app.training.models import ModuleRecord

from .conftest import pass_modules, take_quiz


def test_passing_a_quiz_records_the_module_completed_with_its_minutes(
    db, trainee, trainee_client, curriculum
):
    take_quiz(trainee_client, curriculum.module("M1.1"), wrong=3)
    assert db.session.scalar(select(ModuleRecord.completed_at)) is None
    take_quiz(trainee_client, curriculum.module("M1.1"))
    record = db.session.scalar(select(ModuleRecord).where(ModuleRecord.user_id == trainee.id))
    assert record.completed_at is not None
    assert record.cpd_minutes == curriculum.module("M1.1").minutes
    first = record.completed_at
    take_quiz(trainee_client, curriculum.module("M1.1"))
    db.session.refresh(record)
    assert record.completed_at == first


def test_the_cpd_page_lists_modules_with_hours_and_the_total(trainee, trainee_client, curriculum):
    pass_modules(trainee, curriculum, "M1.1", "M1.2")
    minutes = curriculum.module("M1.1").minutes + curriculum.module("M1.2").minutes
    response = trainee_client.get("/training/cpd")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert f"{hours(minutes)} hours in total, from 2 modules." in html
    table = html.split('id="cpd"')[1].split("</table>")[0]
    assert curriculum.module("M1.1").title in table and curriculum.module("M1.2").title in table
    assert '<caption class="govuk-table__caption govuk-table__caption--m">' in html
    assert 'scope="col"' in table and 'scope="row"' in table
    assert str(hours(curriculum.module("M1.1").minutes)) in table


def test_the_cpd_record_downloads_as_csv(trainee, trainee_client, curriculum):
    pass_modules(trainee, curriculum, "M1.3")
    response = trainee_client.get("/training/cpd.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    module = curriculum.module("M1.3")
    assert rows[0] == ["Completed on", "Module", "Title", "Stage", "Minutes", "CPD hours"]
    assert rows[1][1:] == [
        "M1.3",
        module.title,
        "1",
        str(module.minutes),
        str(hours(module.minutes)),
    ]
    assert rows[-1][0] == "Total" and rows[-1][4] == str(module.minutes)


def test_the_minutes_are_kept_as_they_were_on_completion(db, trainee, trainee_client, curriculum):
    pass_modules(trainee, curriculum, "M2.1")
    record = db.session.scalar(select(ModuleRecord).where(ModuleRecord.user_id == trainee.id))
    record.cpd_minutes = 90  # as if the module declared 90 minutes when it was completed
    db.session.commit()
    rows = list(
        csv.reader(io.StringIO(trainee_client.get("/training/cpd.csv").get_data(as_text=True)))
    )
    assert rows[1][4:] == ["90", "1.50"]


def test_a_pass_from_before_completions_were_recorded_still_counts(
    db, trainee, trainee_client, curriculum
):
    pass_modules(trainee, curriculum, "M1.2")
    db.session.execute(ModuleRecord.__table__.delete())
    db.session.commit()
    html = unescape(trainee_client.get("/training/cpd").get_data(as_text=True))
    assert f"{hours(curriculum.module('M1.2').minutes)} hours in total, from 1 module." in html


def test_someone_with_nothing_completed_sees_an_empty_record(trainee_client):
    html = unescape(trainee_client.get("/training/cpd").get_data(as_text=True))
    assert "0.00 hours in total, from 0 modules." in html
    assert "You have not completed a module yet." in html


def test_the_dashboard_links_to_the_cpd_record(trainee_client):
    html = trainee_client.get("/training/").get_data(as_text=True)
    assert 'id="cpd-link" href="/training/cpd"' in html
