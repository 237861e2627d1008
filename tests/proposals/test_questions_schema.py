"""Every question is tied to the proposal/2 schema: its answer has a place there, of a type its
kind writes, with the schema's own choices; and answering every question leaves a valid draft.
"""

import pytest

from app.proposals import answers, kinds
from app.proposals.document import schema, validate_document
from app.proposals.schema_rules import limits_at, rule_at, types_of
from app.proposals.sections import BY_KEY, SECTIONS

from .answering import answer_section, blank_every_page

QUESTIONS = [
    pytest.param(section, spec, id=f"{section.key}.{spec.name}")
    for section in SECTIONS
    for spec in section.fields
    if spec.path
]


def test_the_questions_are_read_against_the_proposal_2_schema():
    assert schema()["properties"]["format"]["const"] == "proposal/2"
    assert rule_at(("format",)) == schema()["properties"]["format"]


@pytest.mark.parametrize(("section", "spec"), QUESTIONS)
def test_every_question_has_a_place_in_the_schema_of_a_type_its_kind_writes(section, spec):
    where = section.schema_path(spec)
    rule = rule_at(where)
    assert rule is not None, f"{'.'.join(where)} is not in the proposal/2 schema"
    accepted = types_of(rule)
    written = kinds.WRITES[spec.kind]
    assert written in accepted or (written == "integer" and "number" in accepted), (
        f"{'.'.join(where)} takes {sorted(accepted)}; a {spec.kind} question writes {written}"
    )


@pytest.mark.parametrize(
    ("section", "spec"),
    [param for param in QUESTIONS if param.values[1].choices or param.values[1].parts],
)
def test_every_choice_offered_is_one_the_schema_allows_and_none_is_missing(section, spec):
    where = section.schema_path(spec)
    if spec.kind == "characteristics":
        assert [key for key, _ in spec.parts] == list(
            limits_at((*where, "*", "characteristic")).values
        )
        where = (*where, "*", "effect")
    assert [value for value, _ in spec.choices] == list(limits_at(where).values)


def test_no_two_questions_of_a_page_share_an_input_name():
    for section in SECTIONS:
        names = [spec.name for spec in section.fields]
        assert len(names) == len(set(names)), section.key


@pytest.mark.parametrize("kind", ["challenge", "propose"])
def test_answering_every_question_leaves_a_draft_that_validates(
    kind, request, member_client, body, db
):
    proposal = request.getfixturevalue(kind)
    bodies = [body.name]
    answered = []

    def check(section, page, source):
        assert validate_document(proposal.draft) == [], (section.key, page.key)
        for spec in page.fields_for(kind):
            if spec.path:
                assert answers.has_answer(answers.read(source, spec.path)), (section.key, spec.name)
                answered.append((section.key, spec.name))

    # what other answers cite comes first: stakeholders, evidence and two outcomes to choose
    for key in ("stakeholders", "evidence", "outcomes", "outcomes"):
        answer_section(member_client, proposal, BY_KEY[key], db, bodies)
    for section in SECTIONS:
        if kind in section.kinds:
            answer_section(member_client, proposal, section, db, bodies, check)
    asked = {(s.key, f.name) for s in SECTIONS if kind in s.kinds for f in s.fields_for(kind)}
    assert asked - {("pbr", "uses")} == set(answered)


@pytest.mark.parametrize("kind", ["challenge", "propose"])
def test_leaving_every_question_blank_keeps_the_draft_valid_or_names_what_is_needed(
    kind, request, member_client, body, db
):
    proposal = request.getfixturevalue(kind)
    for section in SECTIONS:
        if kind in section.kinds:
            answer_section(member_client, proposal, section, db, [body.name])
    refused = []
    for section in SECTIONS:
        if kind in section.kinds:
            refused += blank_every_page(member_client, proposal, section, db)
            assert validate_document(proposal.draft) == [], section.key
    # only the answers the format requires are refused when left blank, each by name
    assert sorted(refused) == [
        "Organisation name: enter at least 1 character",
        "Title: enter at least 3 characters",
    ]
