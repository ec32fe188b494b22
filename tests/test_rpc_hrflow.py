"""Indonesian from the first start, and the BKD admin's own settings, on the demo
database (issue 8, points 6 and 7)."""

import xmlrpc.client

import pytest

DEMO_LOGINS = ("bkd", "pengelola", "kadis", "kabid", "kasubbag", "pegawai", "prakom")


@pytest.mark.parametrize("login", DEMO_LOGINS)
def test_demo_user_sees_indonesian_labels(odoo_server, login):
    """What the web client does: the user's context (context_get) asks for the
    labels, which come in Indonesian."""
    client = odoo_server.rpc(login, login)
    context = client.execute("res.users", "context_get")
    assert context["lang"] == "id_ID"
    fields = client.execute(
        "hr.skp", "fields_get", ["year"], attributes=["string"], context=context
    )
    assert fields["year"]["string"] == "Tahun"
    menus = client.execute(
        "ir.ui.menu",
        "search_read",
        [["name", "!=", False], ["parent_id.name", "=", "Perencanaan"]],
        fields=["name"],
        context=context,
    )
    assert "SKP Saya" in {menu["name"] for menu in menus}


def test_admin_of_the_demo_database_is_indonesian_too(odoo_server):
    [admin] = odoo_server.admin.execute(
        "res.users", "read", [odoo_server.admin.uid], ["lang"]
    )
    assert admin["lang"] == "id_ID"


def test_bkd_admin_changes_the_skp_settings(odoo_server):
    """The BKD admin is no Odoo administrator: res.config.settings refuses them,
    their own SKP settings page does not."""
    bkd = odoo_server.rpc("bkd", "bkd")
    with pytest.raises(xmlrpc.client.Fault):
        bkd.execute("res.config.settings", "create", {})
    defaults = bkd.execute(
        "hr.skp.settings", "default_get", ["company_id", "skp_keberatan_days"]
    )
    company_id = defaults["company_id"]

    def keberatan_days():
        [company] = odoo_server.admin.execute(
            "res.company", "read", [company_id], ["skp_keberatan_days"]
        )
        return company["skp_keberatan_days"]

    before = keberatan_days()
    bkd.execute("hr.skp.settings", "create", {"skp_keberatan_days": before + 1})
    assert keberatan_days() == before + 1
    bkd.execute("hr.skp.settings", "create", {"skp_keberatan_days": before})
    assert keberatan_days() == before
    pegawai = odoo_server.rpc("pegawai", "pegawai")
    with pytest.raises(xmlrpc.client.Fault):
        pegawai.execute("hr.skp.settings", "create", {"skp_keberatan_days": 1})
    assert keberatan_days() == before
