"""Smoke tests: the server answers, logins work, a browser renders the login page."""

import urllib.request
from pathlib import Path

DEMO_LOGINS = Path(__file__).resolve().parent.parent / "tools" / "demo_logins.txt"


def _demo_logins():
    """(login, password) of each 'login / password  (who)' line of demo_logins.txt."""
    logins = []
    for line in DEMO_LOGINS.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        login, _sep, rest = line.partition("/")
        password = rest.split()[0] if rest.split() else ""
        logins.append((login.strip(), password))
    return logins


def test_web_login_page_answers(odoo_server):
    with urllib.request.urlopen(odoo_server.url + "/web/login", timeout=30) as response:
        assert response.status == 200
        assert 'name="login"' in response.read().decode()


def test_admin_sees_addon_installed(odoo_server):
    modules = odoo_server.admin.execute(
        "ir.module.module",
        "search_read",
        [["name", "=", "hr_skp_asn"]],
        fields=["state"],
    )
    assert [m["state"] for m in modules] == ["installed"]


def test_demo_logins_work(odoo_server):
    logins = _demo_logins()
    assert logins, f"no login in {DEMO_LOGINS}"
    for login, password in logins:
        client = odoo_server.rpc(login, password)
        user = client.execute("res.users", "read", [client.uid], fields=["login"])
        assert user[0]["login"] == login


def test_chromium_renders_login_page(odoo_server, dump_dom):
    dom = dump_dom(odoo_server.url + "/web/login")
    assert 'name="login"' in dom
    assert "oe_login_form" in dom
