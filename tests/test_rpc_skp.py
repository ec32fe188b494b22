"""SKP planning over XML-RPC, as each role would use it (CONTRACT.md, DOMAIN §1)."""

import itertools
import xmlrpc.client

import pytest

_seq = itertools.count(1)


def nip(gender="1"):
    return f"19850101201001{gender}{next(_seq) + 100:03d}"


@pytest.fixture(scope="module")
def org(odoo_server):
    """A unit of its own: a leader with an approved SKP, and a staff member."""
    admin = odoo_server.admin
    n = next(_seq)

    def user(login, group="hr_skp_asn.group_skp_pegawai"):
        group_id = admin.execute(
            "ir.model.data", "check_object_reference", *group.split(".")
        )[1]
        return admin.execute(
            "res.users",
            "create",
            {
                "name": login,
                "login": login,
                "password": login + "pw",
                "groups_id": [(6, 0, [group_id])],
            },
        )

    dept = admin.execute("hr.department", "create", {"name": f"Bagian RPC {n}"})
    leader_user = user(f"rpcleader{n}")
    staff_user = user(f"rpcstaff{n}")
    leader = admin.execute(
        "hr.employee",
        "create",
        {
            "name": f"Kepala Bagian RPC {n}",
            "user_id": leader_user,
            "department_id": dept,
            "nip": nip(),
            "asn_status": "pns",
            "jenis_jabatan": "administrator",
            "pejabat_penilai_id": admin.execute(
                "ir.model.data", "check_object_reference", "hr_skp_asn", "emp_kadis"
            )[1],
        },
    )
    staff = admin.execute(
        "hr.employee",
        "create",
        {
            "name": f"Staf RPC {n}",
            "user_id": staff_user,
            "department_id": dept,
            "parent_id": leader,
            "nip": nip("2"),
            "asn_status": "pns",
            "jenis_jabatan": "pelaksana",
        },
    )
    kadis_rhk = admin.execute(
        "ir.model.data", "check_object_reference", "hr_skp_asn", "rhk_kadis_2"
    )[1]
    leader_skp = admin.execute(
        "hr.skp",
        "create",
        {
            "employee_id": leader,
            "year": 2026,
            "rhk_ids": [
                (
                    0,
                    0,
                    {
                        "name": "Terlaksananya program bagian",
                        "rhk_atasan_id": kadis_rhk,
                        "indikator_ids": [
                            (0, 0, {"name": "Jumlah program", "target_min": 4})
                        ],
                    },
                )
            ],
        },
    )
    admin.execute("hr.skp", "action_ajukan", [leader_skp])
    admin.execute("hr.skp", "action_setujui", [leader_skp])
    leader_rhk = admin.execute("hr.skp", "read", [leader_skp], ["rhk_ids"])[0][
        "rhk_ids"
    ][0]
    return {
        "leader": odoo_server.rpc(f"rpcleader{n}", f"rpcleader{n}pw"),
        "staff": odoo_server.rpc(f"rpcstaff{n}", f"rpcstaff{n}pw"),
        "leader_id": leader,
        "staff_id": staff,
        "leader_skp": leader_skp,
        "leader_rhk": leader_rhk,
        "kadis_rhk": kadis_rhk,
    }


def fault(call, *args, **kw):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call(*args, **kw)
    return info.value.faultString


def is_denied(message):
    """Odoo's AccessError text (it names neither the class nor a fixed phrase), in
    English or, for the demo users, in their Indonesian."""
    return any(
        phrase in message
        for phrase in (
            "doesn't have",
            "not allowed",
            "top-secret",
            "tidak memiliki akses",
            "tidak diizinkan",
            "sangat rahasia",
        )
    )


def staff_skp(org, rhk_atasan=None, indikator=True, **vals):
    lines = [
        (
            0,
            0,
            {
                "name": "Tersusunnya laporan bagian",
                "rhk_atasan_id": rhk_atasan
                if rhk_atasan is not None
                else org["leader_rhk"],
                "indikator_ids": [(0, 0, {"name": "Jumlah laporan", "target_min": 12})]
                if indikator
                else [],
            },
        )
    ]
    return org["staff"].execute(
        "hr.skp",
        "create",
        {"employee_id": org["staff_id"], "year": 2026, "rhk_ids": lines, **vals},
    )


def test_employee_drafts_submits_superior_approves(org):
    skp = staff_skp(org)
    data = org["staff"].execute(
        "hr.skp",
        "read",
        [skp],
        ["state", "pejabat_penilai_id", "perilaku_ids", "date_start"],
    )[0]
    assert data["state"] == "draft"
    assert data["pejabat_penilai_id"][0] == org["leader_id"]
    assert len(data["perilaku_ids"]) == 7
    assert data["date_start"] == "2026-01-01"
    assert org["staff"].execute("hr.skp", "action_ajukan", [skp]) is True
    # self-approval is refused
    assert "own SKP" in fault(org["staff"].execute, "hr.skp", "action_setujui", [skp])
    assert org["leader"].execute("hr.skp", "action_setujui", [skp]) is True
    data = org["staff"].execute(
        "hr.skp", "read", [skp], ["state", "snap_pegawai_nama", "snap_penilai_nama"]
    )[0]
    assert data["state"] == "disetujui"
    assert data["snap_penilai_nama"].startswith("Kepala Bagian RPC")
    # approved SKP are read-only to the employee
    message = fault(
        org["staff"].execute, "hr.skp", "write", [skp], {"konsekuensi": "x"}
    )
    assert "can no longer be changed" in message
    # a second SKP for the same period is refused
    assert "already has an SKP" in fault(staff_skp, org)
    # the superior returns nothing twice: reopen needs a reason and keeps history
    assert (
        org["leader"].execute("hr.skp", "action_buka_kembali", [skp], "Target berubah")
        is True
    )
    assert (
        org["staff"].execute("hr.skp", "read", [skp], ["state"])[0]["state"] == "draft"
    )
    org["staff"].execute("hr.skp", "action_batal", [skp])


def test_bad_inputs_answer_clear_messages(org, odoo_server):
    admin = odoo_server.admin
    assert "not valid" in fault(
        admin.execute, "hr.employee", "write", [org["staff_id"]], {"nip": "12345"}
    )
    assert "within the year" in fault(
        staff_skp, org, date_start="2025-12-01", date_end="2026-06-30"
    )
    empty = org["staff"].execute(
        "hr.skp", "create", {"employee_id": org["staff_id"], "year": 2026}
    )
    assert "RHK utama" in fault(
        org["staff"].execute, "hr.skp", "action_ajukan", [empty]
    )
    org["staff"].execute("hr.skp", "action_batal", [empty])
    no_intervensi = staff_skp(org, rhk_atasan=False)
    assert "RHK pimpinan" in fault(
        org["staff"].execute, "hr.skp", "action_ajukan", [no_intervensi]
    )
    org["staff"].execute("hr.skp", "action_batal", [no_intervensi])
    # the status changes only through the actions, never by a plain write
    draft = staff_skp(org)
    assert "only through its actions" in fault(
        org["staff"].execute, "hr.skp", "write", [draft], {"state": "disetujui"}
    )
    org["staff"].execute("hr.skp", "action_batal", [draft])
    # intervening the Kepala Dinas's RHK: not the pejabat penilai's SKP
    assert "not in the SKP of the pejabat penilai" in fault(
        staff_skp, org, rhk_atasan=org["kadis_rhk"]
    )


def test_rows_by_role(odoo_server):
    """Record rules: own, rated, department tree, BKD; the portal its own only."""

    def visible(login):
        client = odoo_server.rpc(login, login)
        rows = client.execute("hr.skp", "search_read", [], fields=["employee_id"])
        return {row["employee_id"][1] for row in rows}

    pegawai = visible("pegawai")
    assert "Rudi Hartono" in pegawai
    assert "Dewi Lestari, S.E." in pegawai  # the pejabat penilai's SKP, to intervene
    assert "Andi Pratama, S.Kom." not in pegawai
    assert {"Rudi Hartono", "Joko Susilo", "Nur Aini"} <= visible("kasubbag")
    assert "Maya Sari, S.T." not in visible("kasubbag")
    assert "Bambang Wijaya, S.Si." in visible("pengelola")
    assert "Bambang Wijaya, S.Si." in visible("bkd")
    assert visible("pppkpw") == {"Joko Susilo"}


def test_portal_user_cannot_reach_others_over_rpc(odoo_server):
    portal = odoo_server.rpc("pppkpw", "pppkpw")
    others = odoo_server.admin.execute(
        "hr.skp", "search", [["employee_id.name", "=", "Rudi Hartono"]]
    )
    assert is_denied(fault(portal.execute, "hr.skp", "read", others, ["state"]))
    own = portal.execute("hr.skp", "search", [])
    assert is_denied(
        fault(portal.execute, "hr.skp", "write", own, {"konsekuensi": "x"})
    )
    # of the employees, only oneself, one's pejabat penilai and the atasan (the
    # portal names them; the checks of one's own SKP read them)
    people = portal.execute("hr.employee", "search_read", [], fields=["name"])
    assert {p["name"] for p in people} == {
        "Joko Susilo",
        "Dewi Lestari, S.E.",
        "Dr. Ahmad Suryadi, M.Si.",
    }
    rudi = odoo_server.admin.execute(
        "hr.employee", "search", [["name", "=", "Rudi Hartono"]]
    )
    assert is_denied(fault(portal.execute, "hr.employee", "read", rudi, ["name"]))


def test_status_dashboard_counts(odoo_server):
    groups = odoo_server.rpc("pengelola", "pengelola").execute(
        "hr.skp.status.report",
        "read_group",
        [["year", "=", 2026]],
        ["count:sum"],
        ["state"],
    )
    counts = {g["state"]: g["count"] for g in groups}
    assert counts.get("disetujui", 0) >= 5
    assert counts.get("draft", 0) >= 1


def test_no_bypass_over_rpc(org, odoo_server):
    """Context keys, line moves and a self-chosen approver are refused over RPC."""
    staff = org["staff"]
    draft = staff_skp(org)
    for key in ("skp_workflow", "skp_bypass_lock", "skp_evaluasi_system"):
        assert "only through its actions" in fault(
            staff.execute,
            "hr.skp",
            "write",
            [draft],
            {"state": "disetujui"},
            context={key: True},
        )
    kadis = odoo_server.admin.execute(
        "ir.model.data", "check_object_reference", "hr_skp_asn", "emp_kadis"
    )[1]
    assert "only HR" in fault(
        staff.execute, "hr.skp", "write", [draft], {"pejabat_penilai_id": kadis}
    )
    assert "only HR" in fault(
        staff.execute, "hr.skp", "write", [draft], {"jenis_skp": "jpt"}
    )
    # the leader's approved SKP: no line moves in, none is added
    rhk = staff.execute("hr.skp", "read", [draft], ["rhk_ids"])[0]["rhk_ids"]
    assert "stays in its SKP" in fault(
        staff.execute, "hr.skp.rhk", "write", rhk, {"skp_id": org["leader_skp"]}
    )
    assert "can no longer be changed" in fault(
        org["leader"].execute,
        "hr.skp.rhk",
        "create",
        {"skp_id": org["leader_skp"], "name": "Tersisipnya RHK"},
    )
    staff.execute("hr.skp", "action_batal", [draft])
