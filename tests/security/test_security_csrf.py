"""Every state-changing route refuses a request without the form's CSRF token."""

from app.accounts.models import Role

EXEMPT = {"api.check"}  # stateless: checks a document and stores nothing


def test_every_post_route_needs_a_csrf_token(app, client, make_user, sign_in):
    sign_in(make_user(Role.ADMIN))
    app.config["WTF_CSRF_ENABLED"] = True
    checked = 0
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint in EXEMPT:
            continue
        values = dict.fromkeys(rule.arguments, 1)
        values.update(
            {
                k: v
                for k, v in {"key": "vfm", "token": "x", "module_id": "M1.1"}.items()
                if k in rule.arguments
            }
        )
        url = rule.build(values)[1]
        response = client.post(url, data={"anything": "x"})
        assert response.status_code == 400, f"{rule.endpoint} {url}: {response.status_code}"
        checked += 1
    assert checked >= 20
