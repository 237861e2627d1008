"""Evidence items: added over two pages, then cited by their claim where the case relies on them."""

from app.proposals.document import validate_document

CLAIM = "Young carers miss more school than their classmates"
EVIDENCE_ID = "young-carers-miss-more-school-than-their"


def add_evidence(client, proposal, claim=CLAIM):
    return client.post(
        f"/proposals/{proposal.id}/sections/evidence/new",
        data={
            "claim": claim,
            "figure": "38% of 212 young carers surveyed",
            "kind": "stakeholder_survey",
            "sample_size": "212",
        },
    )


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_an_evidence_item_is_added_over_two_pages_with_an_id_made_from_its_claim(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections/evidence"
    response = add_evidence(member_client, challenge)
    source = f"{base}/items/{EVIDENCE_ID}?page=source"
    assert response.headers["Location"] == source
    assert "Where the evidence comes from" in page_text(member_client, source)
    answered = {
        "source_title": "Young carers in Anytown: a survey",
        "source_publisher": "Carers Trust",
        "source_year": "2023",
        "source_url": "https://carers.example.org/survey",
    }
    response = member_client.post(source, data=open_tab(source) | answered)
    assert response.headers["Location"] == base
    db.session.refresh(challenge)
    assert challenge.draft["evidence"] == [
        {
            "id": EVIDENCE_ID,
            "claim": CLAIM,
            "figure": "38% of 212 young carers surveyed",
            "kind": "stakeholder_survey",
            "sample_size": 212,
            "source": {
                "title": "Young carers in Anytown: a survey",
                "publisher": "Carers Trust",
                "year": 2023,
                "url": "https://carers.example.org/survey",
            },
        }
    ]
    assert validate_document(challenge.draft) == []
    assert CLAIM in page_text(member_client, base)


def test_a_mistyped_year_and_link_are_refused_naming_the_question_and_kept(
    member_client, challenge, db, open_tab
):
    add_evidence(member_client, challenge)
    source = f"/proposals/{challenge.id}/sections/evidence/items/{EVIDENCE_ID}?page=source"
    typed = {"source_title": "Survey", "source_year": "1850", "source_url": "carers.example.org"}
    response = member_client.post(source, data=open_tab(source) | typed)
    assert response.headers["Location"] == source
    text = page_text(member_client, source)
    assert "Year it was published: enter a number from 1900 to 2100" in text
    assert "Link to it: enter a web address starting with https://" in text
    assert 'value="1850"' in text and 'value="carers.example.org"' in text
    db.session.refresh(challenge)
    assert challenge.draft["evidence"][0]["source"] == {"title": "Survey", "publisher": ""}
    assert validate_document(challenge.draft) == []
    # the first page still shows what the draft holds
    assert f'value="{CLAIM}"' in page_text(member_client, source.split("?", 1)[0])


def test_need_outcomes_and_payment_by_results_cite_evidence_by_its_claim(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections"
    add_evidence(member_client, challenge)
    add_evidence(member_client, challenge, "Breaks reduce caring strain")
    need = page_text(member_client, f"{base}/need")
    assert f'value="{EVIDENCE_ID}"' in need and CLAIM in need
    member_client.post(
        f"{base}/need",
        data=open_tab(f"{base}/need")
        | {"evidence_ids": [EVIDENCE_ID, "breaks-reduce-caring-strain"]},
    )
    member_client.post(f"{base}/outcomes/new", data={"description": "Better attendance"})
    cited = f"{base}/outcomes/items/better-attendance?page=evidence"
    member_client.post(
        cited,
        data=open_tab(cited)
        | {"evidence_quantity": EVIDENCE_ID, "evidence_attribution": "breaks-reduce-caring-strain"},
    )
    member_client.post(
        f"{base}/pbr", data=open_tab(f"{base}/pbr") | {"uses": "yes", "evidence_ids": EVIDENCE_ID}
    )
    member_client.post(
        f"{base}/pbr_measures/new",
        data={"description": "Attendance above 90%", "evidence_ids": EVIDENCE_ID},
    )
    db.session.refresh(challenge)
    draft = challenge.draft
    assert draft["need"]["evidence_ids"] == [EVIDENCE_ID, "breaks-reduce-caring-strain"]
    assert draft["outcomes"][0]["evidence"] == {
        "quantity": [EVIDENCE_ID],
        "indicator": [],
        "deadweight": [],
        "attribution": ["breaks-reduce-caring-strain"],
    }
    pbr = draft["contract"]["payment_by_results"]
    assert pbr["evidence_ids"] == [EVIDENCE_ID]
    assert pbr["measures"][0]["evidence_ids"] == [EVIDENCE_ID]
    assert validate_document(draft) == []
    answers = page_text(member_client, f"/proposals/{challenge.id}/check-answers")
    assert "Evidence items that show the need" in answers and CLAIM in answers
    assert "Evidence for attribution" in answers and "Breaks reduce caring strain" in answers
    assert EVIDENCE_ID not in answers


def test_cited_evidence_cannot_be_removed_until_the_citation_goes(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections"
    add_evidence(member_client, challenge)
    member_client.post(
        f"{base}/need", data=open_tab(f"{base}/need") | {"evidence_ids": EVIDENCE_ID}
    )
    remove = f"{base}/evidence/items/{EVIDENCE_ID}/remove"
    refused = page_text(member_client, remove)
    assert f"You cannot remove {CLAIM} yet" in refused and "Need and objectives" in refused
    member_client.post(remove, data={"revision": challenge.revision})
    db.session.refresh(challenge)
    assert len(challenge.draft["evidence"]) == 1
    member_client.post(f"{base}/need", data=open_tab(f"{base}/need") | {"evidence_ids": []})
    member_client.post(remove, data=open_tab(remove))
    db.session.refresh(challenge)
    assert challenge.draft["evidence"] == []
    assert validate_document(challenge.draft) == []


def test_citing_an_item_removed_in_another_tab_is_refused_naming_the_question(
    member_client, challenge, db, open_tab
):
    base = f"/proposals/{challenge.id}/sections"
    add_evidence(member_client, challenge)
    tab = open_tab(f"{base}/need")
    remove = f"{base}/evidence/items/{EVIDENCE_ID}/remove"
    member_client.post(remove, data=open_tab(remove))
    response = member_client.post(
        f"{base}/need", data=tab | {"evidence_ids": EVIDENCE_ID, "evidence": "Rising referrals"}
    )
    text = response.get_data(as_text=True)
    assert "Evidence items that show the need: choose from the options shown" in text
    db.session.refresh(challenge)
    assert challenge.draft["need"]["evidence"] == "Rising referrals"
    assert not challenge.draft["need"].get("evidence_ids")
    assert validate_document(challenge.draft) == []
