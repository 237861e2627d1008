"""Training progress lists: commissioners see their own body's commissioners, admins everyone."""

from app.accounts.models import Role
from app.training.models import Placement

from .conftest import pass_modules, pass_stages


def people_table(client) -> str:
    response = client.get("/training/people")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    return html[html.index('id="people"') :]


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get("/training/people")
    assert response.status_code == 302
    assert "/sign-in" in response.headers["Location"]


def test_trainees_and_cso_members_may_not_see_the_list(make_user, sign_in, client):
    assert sign_in(make_user(Role.MEMBER)).get("/training/people").status_code == 403
    client.post("/sign-out")
    assert sign_in(make_user(Role.CSO)).get("/training/people").status_code == 403


def test_a_commissioner_sees_their_own_bodys_commissioners_only(
    make_user, make_public_body, sign_in, curriculum
):
    ours, theirs = make_public_body("Anytown Council"), make_public_body("Othertown Council")
    viewer = make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=ours)
    colleague = make_user(Role.COMMISSIONER, name="Priya Colleague", public_body=ours)
    stranger = make_user(Role.COMMISSIONER, name="Olu Elsewhere", public_body=theirs)
    make_user(Role.CSO, name="Sam Proposer")
    pass_stages(colleague, curriculum, 1)
    pass_modules(colleague, curriculum, "M2.1")
    pass_stages(stranger, curriculum, 1)
    table = people_table(sign_in(viewer))
    assert "Chris Commissioner" in table and "Priya Colleague" in table
    assert "Olu Elsewhere" not in table and "Sam Proposer" not in table
    colleague_row = table[table.index("Priya Colleague") :].split("</tr>")[0]
    assert "Stage 1: Aware" in colleague_row
    assert "4 of 20" in colleague_row
    assert "M1.1, M1.2, M1.3, M2.1" in colleague_row
    viewer_row = table[table.index("Chris Commissioner") :].split("</tr>")[0]
    assert "Not yet at stage 1" in viewer_row and "0 of 20" in viewer_row


def test_an_admin_sees_everyone(make_user, sign_in, curriculum):
    admin = make_user(Role.ADMIN, name="Ada Admin")
    names = ["Chris Commissioner", "Sam Proposer", "Tara Trainee"]
    commissioner = make_user(Role.COMMISSIONER, name=names[0])
    make_user(Role.CSO, name=names[1])
    make_user(Role.MEMBER, name=names[2])
    pass_stages(commissioner, curriculum, 1, 2)
    table = people_table(sign_in(admin))
    for name in [*names, "Ada Admin"]:
        assert name in table
    row = table[table.index(names[0]) :].split("</tr>")[0]
    assert "Stage 2: Informed" in row and "7 of 20" in row


def test_the_list_shows_placement(db, make_user, make_public_body, sign_in):
    body = make_public_body()
    viewer = make_user(Role.COMMISSIONER, name="Chris Commissioner", public_body=body)
    placed = make_user(Role.COMMISSIONER, name="Pat Placed", public_body=body)
    db.session.add(Placement(user_id=placed.id, stage=3, answers=[]))
    db.session.commit()
    row = people_table(sign_in(viewer))
    row = row[row.index("Pat Placed") :].split("</tr>")[0]
    assert "Stage 2: Informed" in row and "placed at stage 3" in row
