"""Fixtures for training: the real curriculum, a copy of the content to break, trainees,
helpers that read a quiz page and answer the questions it shows, as a person would, and cases
a commissioner decides through the triage services."""

import shutil
from dataclasses import dataclass
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.accounts.models import Role, aware, utcnow
from app.examples import load_example
from app.extensions import db as _db
from app.proposals import services as proposals
from app.training import services
from app.training.banks import QUESTIONS_PER_QUIZ
from app.training.content import Curriculum, Module, Question
from app.training.curriculum import load_curriculum
from app.triage import services as triage
from app.triage.models import Decision

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def curriculum() -> Curriculum:
    """The curriculum in the repository."""
    return load_curriculum(ROOT / "curriculum", ROOT / "rules")


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A copy of curriculum/ and rules/ in a temporary folder, to break."""
    shutil.copytree(ROOT / "curriculum", tmp_path / "curriculum")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {path} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


@dataclass
class Shown:
    """A question as a quiz or placement page shows it: its field name, text and options."""

    name: str
    question: str
    options: list[str]


class _QuestionReader(HTMLParser):
    """Reads the radios fieldsets of a page: legend, field name and option labels."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Shown] = []
        self.hidden: dict[str, str] = {}
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "legend":
            self.shown.append(Shown("", "", []))
            self._in = "legend"
        elif tag == "input" and found.get("type") == "radio" and self.shown:
            self.shown[-1].name = found["name"]
        elif tag == "input" and found.get("type") == "hidden":
            self.hidden[found.get("name", "")] = found.get("value", "")
        elif tag == "label" and "govuk-radios__label" in found.get("class", "") and self.shown:
            self.shown[-1].options.append("")
            self._in = "label"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("legend", "label"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "legend":
            self.shown[-1].question += data
        elif self._in == "label":
            self.shown[-1].options[-1] += data


def read_page(html: str) -> tuple[list[Shown], dict[str, str]]:
    """The questions a page shows, in order, and its hidden fields."""
    reader = _QuestionReader()
    reader.feed(html)
    shown = [
        Shown(
            item.name,
            " ".join(item.question.split()).split(". ", 1)[1],
            [" ".join(option.split()) for option in item.options],
        )
        for item in reader.shown
        if item.name
    ]
    return shown, reader.hidden


def bank_question(bank: tuple[Question, ...], shown: Shown) -> Question:
    """The question of the bank that the page shows."""
    [question] = [q for q in bank if q.question == shown.question]
    return question


def answer(shown: Shown, question: Question, right: bool) -> str:
    """The form value that picks the right option of a shown question, or a wrong one."""
    right_option = question.options[question.answer]
    position = shown.options.index(right_option)
    return str(position if right else (position + 1) % len(shown.options))


def answer_sheet(html: str, bank: tuple[Question, ...], wrong: int = 0) -> dict[str, str]:
    """Form data for a quiz page: every shown question right except the first ``wrong``."""
    shown, hidden = read_page(html)
    data = dict(hidden)
    for number, item in enumerate(shown):
        data[item.name] = answer(item, bank_question(bank, item), right=number >= wrong)
    return data


def take_quiz(client, module: Module, wrong: int = 0):
    """Open a module's quiz and submit it with ``wrong`` answers wrong; the POST response."""
    url = f"/training/modules/{module.id}/quiz"
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    return client.post(url, data=answer_sheet(page.get_data(as_text=True), module.quiz, wrong))


def pass_modules(user, curriculum: Curriculum, *module_ids: str) -> None:
    """Pass these modules' quizzes, through the service the quiz page uses."""
    for module_id in module_ids:
        module = curriculum.module(module_id)
        questions = module.quiz[:QUESTIONS_PER_QUIZ]
        services.record_attempt(
            user, module, questions, [q.answer for q in questions], 80, curriculum
        )


def pass_stages(user, curriculum: Curriculum, *stages: int) -> None:
    """Pass every module of these stages."""
    for stage in stages:
        pass_modules(user, curriculum, *curriculum.stage(stage).module_ids)


def move_back(db, rows, hours: float) -> None:
    """Make these records' times (submitted_at or placed_at) earlier, as if time had passed."""
    for row in rows:
        field = "submitted_at" if hasattr(row, "submitted_at") else "placed_at"
        setattr(row, field, aware(getattr(row, field)) - timedelta(hours=hours))
    db.session.commit()


@pytest.fixture
def trainee(make_user):
    """A person with an account and no organisation."""
    return make_user(Role.MEMBER, name="Tara Trainee")


@pytest.fixture
def trainee_client(client, trainee, sign_in):
    """The client, signed in as the trainee."""
    return sign_in(trainee)


@pytest.fixture
def trainee_with_organisation(make_user, make_organisation):
    """A CSO member of the Carers Trust, who can write a portfolio on its proposals."""
    return make_user(Role.CSO, name="Sam Proposer", organisation=make_organisation("Carers Trust"))


def new_proposal(member, body, example: str = "challenge-young-carers"):
    """A draft of an example document by a CSO member, addressed to a public body."""
    proposal = proposals.new_proposal(member.organisation, body, load_example(example), member)
    _db.session.commit()
    return proposal


def decided_case(
    commissioner,
    member,
    example: str = "challenge-young-carers",
    judged: tuple[str, ...] = (),
    late_by_days: int = 0,
    outcome: str = "accepted",
    grounds: tuple[str, ...] = (),
):
    """A case submitted by a CSO member and decided by the commissioner through the triage
    services, with judgements recorded in the ``judged`` areas first; ``late_by_days`` moves its
    deadline into the past before the decision."""
    proposal = new_proposal(member, commissioner.public_body, example)
    proposals.submit(proposal, member, None, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    for area in judged:
        triage.add_judgement(proposal, commissioner, area, "Depth", "Adequate", "Tier fits")
    if late_by_days:
        proposal.deadline = utcnow() - timedelta(days=late_by_days)
        _db.session.commit()
    decision = triage.DecisionInput(outcome, "Reasons given", "A procurement exercise", grounds)
    triage.decide(proposal, commissioner, decision, None, "")
    _db.session.commit()
    return proposal


def rejection_recorded_without_grounds(commissioner, member):
    """A challenge whose rejection was recorded without grounds (the decision service refuses
    one now; records made outside it, or before the rule, can still hold one)."""
    proposal = new_proposal(member, commissioner.public_body)
    proposals.submit(proposal, member, None, None)
    triage.take(proposal, "start_review", commissioner, "", None, "")
    _db.session.add(
        Decision(
            proposal_id=proposal.id,
            outcome="rejected",
            grounds=[],
            reasons="Not wanted",
            decided_by_id=commissioner.id,
            decided_at=utcnow(),
            summary={},
        )
    )
    _db.session.commit()
    return proposal
