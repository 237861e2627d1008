"""Every PDF is tagged (PDF/UA-1) and declares its language and title, for screen readers."""

import io
from pathlib import Path

from pypdf import PdfReader

from app.reports.charts import OTHERS, top_stakeholders
from app.training.curriculum import load_curriculum
from tests.training.conftest import pass_stages
from tests.triage.conftest import decide

ROOT = Path(__file__).resolve().parents[2]


def tagged(data: bytes) -> tuple[str, str]:
    """The declared language and title of a PDF that is marked as tagged and has its
    structure tree."""
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    return str(root["/Lang"]), reader.metadata.title


def test_the_assessment_report_and_decision_letter_are_tagged_with_language_and_title(
    commissioner_client, challenge
):
    commissioner_client.post(f"/triage/{challenge.id}/transition", data={"action": "start_review"})
    decide(
        commissioner_client,
        challenge,
        {"outcome": "rejected", "grounds": ["frivolous"], "reasons": "Repeats."},
    )

    assessment = commissioner_client.get(f"/triage/{challenge.id}/assessment.pdf").data
    letter = commissioner_client.get(f"/triage/{challenge.id}/decision-letter.pdf").data

    assert tagged(assessment) == ("en-GB", f"Assessment: {challenge.title}")
    assert tagged(letter) == ("en-GB", f"Decision: {challenge.title}")


def test_a_certificate_is_tagged_with_language_and_title(make_user, sign_in):
    trainee = make_user(name="Tara Trainee")
    curriculum = load_curriculum(ROOT / "curriculum", ROOT / "rules")
    pass_stages(trainee, curriculum, 1)

    certificate = sign_in(trainee).get("/training/certificates/1.pdf").data

    assert tagged(certificate) == ("en-GB", "Certificate: stage 1, Aware")


def test_the_printed_chart_keeps_the_largest_stakeholders_and_sums_the_rest():
    amounts = {f"s{n}": n for n in range(1, 21)} | {"loss": -50}
    shown = top_stakeholders(amounts, bars=4)
    assert list(shown) == ["s19", "s20", "loss", OTHERS]
    assert shown[OTHERS] == sum(range(1, 19))
    assert top_stakeholders({"a": 1, "b": 2}, bars=4) == {"a": 1, "b": 2}
