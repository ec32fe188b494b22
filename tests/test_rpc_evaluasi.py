"""Evaluasi kinerja over XML-RPC (CONTRACT.md; DOMAIN §3, §4), on the demo database.

Demo (demo/hr_skp_evaluasi_demo.xml), as of November 2026: the months up to October
ditetapkan, November open. The Pranata Komputer (prakom, pejabat penilai kabid) and
the PPPK have a ditetapkan annual evaluation of 2025; the PPPK Paruh Waktu his months
from the rencana bulanan; in October Bidang Aplikasi Informatika has a lawful
capaian organisasi (Istimewa, ditetapkan), Subbagian Umum dan Kepegawaian an unlawful
one (Baik, four pegawai all Baik, draft).
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
def pengelola(odoo_server):
    return odoo_server.rpc("pengelola", "pengelola")


@pytest.fixture(scope="module")
def monthly(odoo_server, prakom):
    """The November evaluation of the Pranata Komputer, created by the employee."""
    skp = xmlid(odoo_server.admin, "skp_prakom")
    return prakom.execute(
        "hr.skp.evaluasi",
        "create",
        {"skp_id": skp, "periode": "bulanan", "periode_ke": 11},
    )


@pytest.fixture(scope="module")
def december(odoo_server, prakom):
    """The Pranata Komputer's December evaluation (draft), created by him."""
    skp = xmlid(odoo_server.admin, "skp_prakom")
    return prakom.execute(
        "hr.skp.evaluasi",
        "create",
        {"skp_id": skp, "periode": "bulanan", "periode_ke": 12},
    )


def fault(call, *args, **kw):
    with pytest.raises(xmlrpc.client.Fault) as info:
        call(*args, **kw)
    return info.value.faultString


def test_batch_predikat_and_tpp(bkd):
    result = bkd.execute(
        "hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM, NIP_PPPK, "0"], YEAR - 1
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
    single = bkd.execute("hr.employee", "get_skp_predikat", employee, YEAR - 1)
    assert single == result[NIP_PRAKOM]
    evaluasi = bkd.execute(
        "hr.skp.evaluasi", "read", [single["evaluasi_id"]], ["angka_kredit", "state"]
    )[0]
    assert evaluasi["state"] == "ditetapkan"
    assert evaluasi["angka_kredit"] == 18.75  # ahli pertama 12.5 x 150%
    # 2026 is not over: no annual evaluation set yet
    assert not bkd.execute("hr.employee", "get_skp_predikat", employee, YEAR)[
        "predikat"
    ]
    # October set (Sangat Baik); December not yet: the kinerja part is cut
    assert (
        bkd.execute("hr.employee", "get_tpp_kinerja_factor", employee, YEAR, 10) == 1.0
    )
    assert (
        bkd.execute("hr.employee", "get_tpp_kinerja_factor", employee, YEAR, 12) == 0.0
    )


def test_demo_months_up_to_october(bkd):
    """No evaluation of a period after today is set; November is still open."""
    late = bkd.execute(
        "hr.skp.evaluasi",
        "search_count",
        [["date_start", ">=", f"{YEAR}-11-01"], ["state", "!=", "draft"]],
    )
    assert late == 0
    assert (
        bkd.execute(
            "hr.skp.evaluasi",
            "search_count",
            [["date_start", ">=", f"{YEAR}-12-01"]],
        )
        == 0
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
    # November is open: nothing set yet
    assert (
        bkd.execute("hr.employee", "get_tpp_kinerja_factor", [employee], YEAR, 11)
        == 0.0
    )
    skp = bkd.execute(
        "hr.skp",
        "read",
        [xmlid(odoo_server.admin, "skp_pppk_pw")],
        ["capaian_rata_rata", "rekomendasi_perpanjangan", "rekomendasi_alasan"],
    )[0]
    assert 95 < skp["capaian_rata_rata"] < 105
    # the annual evaluation comes after December
    assert skp["rekomendasi_perpanjangan"] is False
    # the reason reads in the reader's language, whoever computed it last
    reasons = {
        lang: bkd.execute(
            "hr.skp",
            "read",
            [xmlid(odoo_server.admin, "skp_pppk_pw")],
            ["rekomendasi_alasan"],
            context={"lang": lang},
        )[0]["rekomendasi_alasan"]
        for lang in ("id_ID", "en_US")
    }
    assert reasons == {
        "id_ID": "Belum ada evaluasi tahunan yang ditetapkan.",
        "en_US": "No annual evaluation is set yet.",
    }


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
    assert len(lawful) == len(unlawful) == 1
    assert bkd.execute(Org, "check_distribusi", lawful) == []
    data = bkd.execute(
        Org, "read", lawful + unlawful, ["state", "jumlah_pegawai", "count_baik"]
    )
    assert data[0]["state"] == "ditetapkan"
    # four pegawai, all Baik: Baik above 70% (at most 2 of 4), nobody Butuh
    # Perbaikan / Kurang
    assert data[1]["jumlah_pegawai"] == data[1]["count_baik"] == 4
    violations = bkd.execute(Org, "check_distribusi", unlawful)
    assert [v["code"] for v in violations] == [
        "baik_above_max",
        "baik_needs_bp_or_kurang",
    ]
    assert "at most 2 of 4" in violations[0]["message"]
    message = fault(bkd.execute, Org, "action_tetapkan", unlawful)
    assert "pola distribusi" in message
    state = bkd.execute(Org, "read", unlawful, ["state"])[0]["state"]
    assert state == "draft"
    kalkulator = bkd.execute(Org, "get_kalkulator_distribusi", "baik", 10)
    assert kalkulator["baik"]["max"] == 7
    # at most 70% of 4 is 2 (floor), at least 60% of 4 is 3 (ceil)
    assert bkd.execute(Org, "get_kalkulator_distribusi", "baik", 4)["baik"]["max"] == 2
    kurang = bkd.execute(Org, "get_kalkulator_distribusi", "kurang", 4)
    assert kurang["kurang"]["min"] == 3


def test_pengelola_refused_cannot_write_the_state(pengelola, bkd):
    Org = "hr.skp.capaian.organisasi"
    unlawful = pengelola.execute(
        Org, "search", [["department_id", "=", xmlid(bkd, "dept_umpeg")]]
    )
    assert unlawful
    assert "pola distribusi" in fault(
        pengelola.execute, Org, "action_tetapkan", unlawful
    )
    for vals in (
        {"state": "ditetapkan"},
        {"override": True},
        {"tanggal_ditetapkan": f"{YEAR}-11-20"},
        {"date_start": f"{YEAR}-01-01"},
    ):
        assert "cannot be written" in fault(
            pengelola.execute, Org, "write", unlawful, vals
        )
        assert "cannot be written" in fault(
            pengelola.execute,
            Org,
            "write",
            unlawful,
            vals,
            context={"skp_evaluasi_system": True},
        )
    assert pengelola.execute(Org, "read", unlawful, ["state"])[0]["state"] == "draft"


def test_workflow_as_each_role(odoo_server, prakom, kabid, pegawai, bkd, monthly):
    Ev = "hr.skp.evaluasi"
    ev = prakom.execute(
        Ev, "read", [monthly], ["state", "realisasi_ids", "date_start"]
    )[0]
    assert ev["state"] == "draft"
    assert ev["date_start"] == f"{YEAR}-11-01"
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
    result = bkd.execute(
        "hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM], YEAR, 11
    )
    assert result[NIP_PRAKOM]["evaluasi_id"] == monthly
    factor = bkd.execute(
        "hr.employee",
        "get_tpp_kinerja_factor",
        bkd.execute("hr.employee", "search", [["nip", "=", NIP_PRAKOM]]),
        YEAR,
        11,
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


SYSTEM_VALUES = (
    {"state": "ditetapkan"},
    {"predikat_keberatan": "sangat_baik"},
    {"tanggal_ditetapkan": f"{YEAR}-12-05"},
    {"dibuka_kembali": True},
    {"predikat": "sangat_baik"},
    {"capaian": 1000000},
    {"date_end": f"{YEAR}-12-31"},
)


def test_employee_cannot_set_system_fields(prakom, bkd, december):
    Ev = "hr.skp.evaluasi"
    for vals in SYSTEM_VALUES:
        assert "cannot be written" in fault(
            prakom.execute, Ev, "write", [december], vals
        )
    data = bkd.execute(Ev, "read", [december], ["state", "predikat"])[0]
    assert data["state"] == "draft"
    assert data["predikat"] is False
    # on a ditetapkan one (October) neither
    october = prakom.execute(
        Ev,
        "search",
        [["employee_id.nip", "=", NIP_PRAKOM], ["periode_ke", "=", 10]],
    )
    assert fault(
        prakom.execute, Ev, "write", october, {"predikat_keberatan": "sangat_baik"}
    )


def test_context_key_bypasses_nothing(prakom, bkd, december):
    Ev = "hr.skp.evaluasi"
    system = {"skp_evaluasi_system": True, "skp_bypass_lock": True}
    for vals in SYSTEM_VALUES:
        assert "cannot be written" in fault(
            prakom.execute, Ev, "write", [december], vals, context=system
        )
    line = prakom.execute(Ev, "read", [december], ["realisasi_ids"])[0][
        "realisasi_ids"
    ][0]
    assert "targets" in fault(
        prakom.execute,
        "hr.skp.realisasi",
        "write",
        [line],
        {"target_min": 0.01},
        context=system,
    )
    assert fault(prakom.execute, "hr.skp.realisasi", "unlink", [line], context=system)
    assert bkd.execute(Ev, "read", [december], ["state"])[0]["state"] == "draft"


def test_realisasi_targets_and_lines(prakom, pengelola, december):
    Ev, Line = "hr.skp.evaluasi", "hr.skp.realisasi"
    lines = prakom.execute(Ev, "read", [december], ["realisasi_ids"])[0][
        "realisasi_ids"
    ]
    line = lines[0]
    before = prakom.execute(Line, "read", [line], ["target_min", "indikator_id"])[0]
    for vals in ({"target_min": 0.01}, {"target_max": 1}, {"target_text": "x"}):
        assert "targets" in fault(prakom.execute, Line, "write", [line], vals)
    for vals in ({"capaian": 1000000}, {"capaian_dihitung": True}):
        assert "cannot be written" in fault(prakom.execute, Line, "write", [line], vals)
    assert "none can be removed" in fault(prakom.execute, Line, "unlink", [line])
    assert "cannot be added" in fault(
        prakom.execute,
        Line,
        "create",
        {"evaluasi_id": december, "indikator_id": before["indikator_id"][0]},
    )
    after = prakom.execute(Line, "read", [line], ["target_min"])[0]
    assert after["target_min"] == before["target_min"]
    assert (
        prakom.execute(Ev, "read", [december], ["realisasi_ids"])[0]["realisasi_ids"]
        == lines
    )
    # HR corrects a target
    assert pengelola.execute(Line, "write", [line], {"target_min": 7})


def test_dates_follow_the_periode(odoo_server, prakom, bkd, december):
    Ev = "hr.skp.evaluasi"
    skp = xmlid(odoo_server.admin, "skp_prakom")
    # a bulanan covering nine months, a tahunan covering January
    assert "follow its periode" in fault(
        prakom.execute,
        Ev,
        "create",
        {
            "skp_id": skp,
            "periode": "bulanan",
            "date_start": f"{YEAR}-03-01",
            "date_end": f"{YEAR}-11-30",
        },
    )
    assert "follow its periode" in fault(
        prakom.execute,
        Ev,
        "create",
        {
            "skp_id": skp,
            "periode": "tahunan",
            "date_start": f"{YEAR}-01-01",
            "date_end": f"{YEAR}-01-31",
        },
    )
    for client in (prakom, bkd):
        for vals in ({"date_start": f"{YEAR}-03-01"}, {"periode_ke": 3}):
            assert "cannot be written" in fault(
                client.execute, Ev, "write", [december], vals
            )
    data = bkd.execute(Ev, "read", [december], ["date_start", "date_end"])[0]
    assert (data["date_start"], data["date_end"]) == (
        f"{YEAR}-12-01",
        f"{YEAR}-12-31",
    )


def test_payroll_api_needs_its_group(odoo_server, prakom, pegawai, pengelola, bkd):
    employee = bkd.execute("hr.employee", "search", [["nip", "=", NIP_PRAKOM]])
    other = bkd.execute("hr.employee", "search", [["nip", "=", NIP_PPPK]])
    # the employee about themself
    own = prakom.execute("hr.employee", "get_skp_predikat", employee, YEAR - 1)
    assert own["predikat"] == "sangat_baik"
    assert prakom.execute("hr.employee", "get_tpp_kinerja_factor", employee, YEAR, 10)
    # anyone else is told which group it needs, not given a silent 0.0
    for client, args in (
        (prakom, ("get_skp_predikat", other, YEAR - 1)),
        (pegawai, ("get_tpp_kinerja_factor", employee, YEAR, 10)),
        (pegawai, ("get_tpp_kinerja_factor_batch", [NIP_PRAKOM], YEAR, 10)),
        (pengelola, ("get_skp_predikat_batch", [NIP_PRAKOM], YEAR - 1)),
    ):
        message = fault(client.execute, "hr.employee", *args)
        assert "group_skp_admin" in message
        assert "hr.group_hr_manager" in message
    # bad arguments: a clear error, not a traceback
    for args in ((123, YEAR), ([NIP_PRAKOM], "2026"), ({"a": 1}, YEAR)):
        message = fault(bkd.execute, "hr.employee", "get_skp_predikat_batch", *args)
        assert "Traceback" not in message
        assert "TypeError" not in message
    assert "list" in fault(
        bkd.execute, "hr.employee", "get_skp_predikat_batch", 123, YEAR
    )
    assert "year" in fault(
        bkd.execute, "hr.employee", "get_skp_predikat_batch", [NIP_PRAKOM], "2026"
    )


def test_demo_revised_skp_counted_once(bkd):
    """DOMAIN §2/§4 (issue 11): the Pranata Komputer's 2025 was revised on 15
    June: two SKP, one annual evaluation (on the second), 12 months of angka
    kredit (not 6 + 7)."""
    employee = bkd.execute("hr.employee", "search", [["nip", "=", NIP_PRAKOM]])
    skps = bkd.execute(
        "hr.skp", "search", [["employee_id", "in", employee], ["year", "=", YEAR - 1]]
    )
    assert len(skps) == 2
    annual = bkd.execute(
        "hr.skp.evaluasi",
        "search_read",
        [["employee_id", "in", employee], ["year", "=", YEAR - 1]],
        ["periode", "skp_id", "angka_kredit", "angka_kredit_bulan"],
    )
    assert [a["periode"] for a in annual] == ["tahunan"]
    assert annual[0]["skp_id"][0] == max(skps)
    assert annual[0]["angka_kredit_bulan"] == 12
    assert annual[0]["angka_kredit"] == 18.75


def test_demo_pppk_pw_year_on_its_average(bkd):
    """DOMAIN §2 (issue 11): a PPPK Paruh Waktu's 2025, six months at 120% then
    six at 60%: the average (90%) suggests Sesuai Ekspektasi; Baik; diperpanjang."""
    employee = bkd.execute("hr.employee", "search", [["name", "=", "Nur Aini"]])
    annual = bkd.execute(
        "hr.skp.evaluasi",
        "search_read",
        [
            ["employee_id", "in", employee],
            ["year", "=", YEAR - 1],
            ["periode", "=", "tahunan"],
        ],
        [
            "rata_rata_nilai",
            "rata_rata_jumlah",
            "saran_rating_hasil_kerja",
            "rating_hasil_kerja",
            "predikat",
            "skp_id",
        ],
    )[0]
    assert annual["rata_rata_nilai"] == 90.0
    assert annual["rata_rata_jumlah"] == 12
    assert annual["saran_rating_hasil_kerja"] == "sesuai"
    assert annual["predikat"] == "baik"
    skp = bkd.execute(
        "hr.skp", "read", [annual["skp_id"][0]], ["rekomendasi_perpanjangan"]
    )[0]
    assert skp["rekomendasi_perpanjangan"] == "diperpanjang"
