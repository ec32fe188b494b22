"""Evaluasi kinerja over XML-RPC (CONTRACT.md; DOMAIN §3, §4), on the demo database.

Demo (demo/hr_skp_evaluasi_demo.xml): the Pranata Komputer (prakom, pejabat penilai
kabid) and the PPPK have a ditetapkan annual evaluation, the PPPK Paruh Waktu a year
of monthly ones; Bidang Aplikasi Informatika has a lawful capaian organisasi,
Subbagian Umum dan Kepegawaian an unlawful one (draft).
"""

import xmlrpc.client

import pytest

YEAR = 2026
NIP_PRAKOM = "199307082019031004"
NIP_PPPK = "199109092023212001"


def xmlid(client, name):
    return client.execute(
        "ir.model.data", "check_object_reference", "hr_skp_asn", name
    )[1]


@pytest.fixture(scope="module")
def bkd(odoo_server):
    return odoo_server.rpc("bkd", "bkd")


@pytest.fixture(scope="module")
def prakom(odoo_server):
    return odoo_server.rpc("prakom", "prakom")


@pytest.fixture(scope="module")
def kabid(odoo_server):
    return odoo_server.rpc("kabid", "kabid")


@pytest.fixture(scope="module")
def pegawai(odoo_server):
    return odoo_server.rpc("pegawai", "pegawai")


@pytest.fixture(scope="module")
def monthly(odoo_server, prakom):
    """A March evaluation of the Pranata Komputer, created by the employee."""
    skp = xmlid(odoo_server.admin, "skp_prakom")
    return prakom.execute(
        "hr.skp.evaluasi",
        "create",
        {"skp_id": skp, "periode": "bulanan", "periode_ke": 3},
    )


def fault(call, *args, **kw):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call(*args, **kw)
    return info.value.faultString


def test_batch_predikat_and_tpp(bkd):
    result = bkd.execute(
        "hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM, NIP_PPPK, "0"], YEAR
    )
    assert result[NIP_PRAKOM]["predikat"] == "sangat_baik"
    assert result[NIP_PPPK]["predikat"] == "baik"
    assert result["0"] == {
        "predikat": False,
        "rating_hasil_kerja": False,
        "rating_perilaku": False,
        "skp_id": False,
        "evaluasi_id": False,
    }
    employee = bkd.execute("hr.employee", "search", [["nip", "=", NIP_PRAKOM]])
    single = bkd.execute("hr.employee", "get_skp_predikat", employee, YEAR)
    assert single == result[NIP_PRAKOM]
    # no monthly evaluation set in January for the Pranata Komputer: kinerja part cut
    assert (
        bkd.execute("hr.employee", "get_tpp_kinerja_factor", employee, YEAR, 1) == 0.0
    )


def test_tpp_from_monthly_pppk_pw(odoo_server, bkd):
    employee = xmlid(odoo_server.admin, "emp_pppk_pw")
    factor = bkd.execute("hr.employee", "get_tpp_kinerja_factor", [employee], YEAR, 6)
    assert factor == 1.0
    march = bkd.execute("hr.employee", "get_skp_predikat", [employee], YEAR, 3)
    assert march["predikat"] == "baik"  # di atas x sesuai
    september = bkd.execute("hr.employee", "get_skp_predikat", [employee], YEAR, 9)
    assert september["predikat"] == "butuh_perbaikan"
    assert (
        bkd.execute("hr.employee", "get_tpp_kinerja_factor", [employee], YEAR, 9) == 0.8
    )
    skp = bkd.execute(
        "hr.skp",
        "read",
        [xmlid(odoo_server.admin, "skp_pppk_pw")],
        ["capaian_rata_rata", "rekomendasi_perpanjangan", "rekomendasi_alasan"],
    )[0]
    assert 95 < skp["capaian_rata_rata"] < 105
    assert skp["rekomendasi_perpanjangan"] == "diperpanjang"
    assert skp["rekomendasi_alasan"]


def test_bad_month_is_a_clear_error(bkd):
    message = fault(
        bkd.execute, "hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM], YEAR, 13
    )
    assert "month" in message


def test_capaian_organisasi_lawful_and_unlawful(odoo_server, bkd):
    Org = "hr.skp.capaian.organisasi"
    lawful = bkd.execute(
        Org, "search", [["department_id", "=", xmlid(bkd, "dept_aptika")]]
    )
    unlawful = bkd.execute(
        Org, "search", [["department_id", "=", xmlid(bkd, "dept_umpeg")]]
    )
    assert bkd.execute(Org, "check_distribusi", lawful) == []
    violations = bkd.execute(Org, "check_distribusi", unlawful)
    assert [v["code"] for v in violations] == ["baik_needs_bp_or_kurang"]
    assert violations[0]["message"]
    message = fault(bkd.execute, Org, "action_tetapkan", unlawful)
    assert "pola distribusi" in message
    state = bkd.execute(Org, "read", unlawful, ["state"])[0]["state"]
    assert state == "draft"
    kalkulator = bkd.execute(Org, "get_kalkulator_distribusi", "baik", 10)
    assert kalkulator["baik"] == {"min": 1, "max": 7} or kalkulator["baik"]["max"] == 7


def test_workflow_as_each_role(odoo_server, prakom, kabid, pegawai, bkd, monthly):
    Ev = "hr.skp.evaluasi"
    ev = prakom.execute(
        Ev, "read", [monthly], ["state", "realisasi_ids", "date_start"]
    )[0]
    assert ev["state"] == "draft"
    assert ev["date_start"] == f"{YEAR}-03-01"
    line = ev["realisasi_ids"][0]
    # negative realisasi makes no sense
    assert "negative" in fault(
        prakom.execute, "hr.skp.realisasi", "write", [line], {"realisasi_value": -1}
    )
    assert prakom.execute("hr.skp.realisasi", "write", [line], {"realisasi_value": 4})
    # ratings: not by the employee, not before diajukan
    assert fault(
        prakom.execute, Ev, "write", [monthly], {"rating_hasil_kerja": "di_atas"}
    )
    assert prakom.execute(Ev, "action_ajukan", [monthly]) is True
    # a user who is not the pejabat penilai cannot rate, nor see it
    assert fault(pegawai.execute, Ev, "write", [monthly], {"rating_perilaku": "sesuai"})
    assert pegawai.execute(Ev, "search", [["id", "=", monthly]]) == []
    # unknown rating
    assert "Unknown" in fault(
        kabid.execute, Ev, "write", [monthly], {"rating_hasil_kerja": "excellent"}
    )
    assert kabid.execute(
        Ev,
        "write",
        [monthly],
        {"rating_hasil_kerja": "sesuai", "rating_perilaku": "di_atas"},
    )
    assert kabid.execute(Ev, "action_nilai", [monthly]) is True
    assert kabid.execute(Ev, "action_tetapkan", [monthly]) is True
    data = prakom.execute(Ev, "read", [monthly], ["predikat", "state", "capaian"])[0]
    assert data["predikat"] == "baik"
    assert data["state"] == "ditetapkan"
    result = bkd.execute("hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM], YEAR, 3)
    assert result[NIP_PRAKOM]["evaluasi_id"] == monthly
    factor = bkd.execute(
        "hr.employee",
        "get_tpp_kinerja_factor",
        bkd.execute("hr.employee", "search", [["nip", "=", NIP_PRAKOM]]),
        YEAR,
        3,
    )
    assert factor == 1.0


def test_keberatan_over_rpc(prakom, kabid, odoo_server, monthly, bkd):
    # the Kepala Dinas is the atasan pejabat penilai of the Pranata Komputer
    kadis = odoo_server.rpc("kadis", "kadis")
    Kb = "hr.skp.keberatan"
    ev = prakom.execute("hr.skp.evaluasi", "read", [monthly], ["state"])[0]
    if ev["state"] != "ditetapkan":
        pytest.skip("the workflow test did not set the evaluation")
    keberatan = prakom.execute(
        Kb, "create", {"evaluasi_id": monthly, "alasan": "Bukti lengkap"}
    )
    assert kabid.execute(
        Kb, "write", [keberatan], {"penjelasan_penilai": "Dinilai sesuai"}
    )
    assert fault(kabid.execute, Kb, "write", [keberatan], {"keputusan": "diterima"})
    assert kadis.execute(
        Kb,
        "write",
        [keberatan],
        {"keputusan": "diterima", "predikat_baru": "sangat_baik"},
    )
    assert kadis.execute(Kb, "action_putuskan", [keberatan]) is True
    data = prakom.execute("hr.skp.evaluasi", "read", [monthly], ["predikat"])[0]
    assert data["predikat"] == "sangat_baik"
    old = prakom.execute(Kb, "read", [keberatan], ["predikat_lama", "state"])[0]
    assert old == {"id": keberatan, "predikat_lama": "baik", "state": "diputus"}


def test_evaluation_on_unapproved_skp_refused(odoo_server, bkd):
    draft_skp = xmlid(odoo_server.admin, "skp_pelaksana")
    state = bkd.execute("hr.skp", "read", [draft_skp], ["state"])[0]["state"]
    assert state != "disetujui"
    message = fault(
        bkd.execute,
        "hr.skp.evaluasi",
        "create",
        {"skp_id": draft_skp, "periode": "bulanan"},
    )
    assert "not approved" in message


def test_evaluation_outside_period_refused(odoo_server, bkd):
    skp = xmlid(odoo_server.admin, "skp_prakom")
    message = fault(
        bkd.execute,
        "hr.skp.evaluasi",
        "create",
        {
            "skp_id": skp,
            "periode": "bulanan",
            "date_start": f"{YEAR + 1}-02-01",
            "date_end": f"{YEAR + 1}-02-28",
        },
    )
    assert "outside" in message
    assert "does not exist" in fault(
        bkd.execute,
        "hr.skp.evaluasi",
        "create",
        {"skp_id": skp, "periode": "triwulanan", "periode_ke": 5},
    )
