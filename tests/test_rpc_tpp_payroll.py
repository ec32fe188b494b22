"""TPP through OCA payroll (hr_skp_asn_payroll) over XML-RPC, on the demo database.

Demo (hr_skp_asn_payroll/demo): a TPP ASN contract for every employee of the Dinas
Komunikasi dan Informatika, the TPP basis per kelas jabatan, the payroll officer
``bendahara`` and the computed batch of October 2026, the last month ditetapkan in the
demo of hr_skp_asn.
"""

import pytest

YEAR, MONTH = 2026, 10


@pytest.fixture(scope="module")
def bendahara(odoo_server):
    return odoo_server.rpc("bendahara", "bendahara")


def expected_rates(admin, employee_ids):
    """{employee id: % of the kinerja part} from the predikat and the TPP table."""
    employees = admin.execute(
        "hr.employee", "read", employee_ids, ["nip", "company_id"]
    )
    table = {
        (rule["company_id"][0], rule["predikat"]): rule["persentase"]
        for rule in admin.execute(
            "hr.skp.tpp.rule",
            "search_read",
            [],
            ["company_id", "predikat", "persentase"],
        )
    }
    rates = {}
    for employee in employees:
        predikat = admin.execute(
            "hr.employee", "get_skp_predikat", [employee["id"]], YEAR, MONTH
        )["predikat"]
        company = employee["company_id"][0]
        rates[employee["id"]] = table[company, predikat] if predikat else 0.0
    return rates


def kinerja_lines(client, run_id):
    lines = client.execute(
        "hr.payslip.line",
        "search_read",
        [("slip_id.payslip_run_id", "=", run_id), ("code", "=", "TPP_KINERJA")],
        ["employee_id", "name", "amount", "rate", "total"],
    )
    return {line["employee_id"][0]: line for line in lines}


def test_demo_batch_is_computed(odoo_server):
    admin = odoo_server.admin
    run_id = admin.execute(
        "ir.model.data",
        "check_object_reference",
        "hr_skp_asn_payroll",
        "payslip_run_tpp_2026_10",
    )[1]
    lines = kinerja_lines(admin, run_id)
    assert len(lines) == 12
    rates = expected_rates(admin, list(lines))
    assert {emp: line["rate"] for emp, line in lines.items()} == rates
    assert any(rate == 0.0 for rate in rates.values())  # someone without a predikat
    assert any(rate > 0 for rate in rates.values())


def test_payroll_officer_computes_the_month_for_the_opd(odoo_server, bendahara):
    """The officer creates October's batch for the whole Dinas, generates and
    computes the payslips; every TPP kinerja line follows the predikat table."""
    admin = odoo_server.admin
    dinas = admin.execute(
        "hr.department",
        "search",
        [("name", "=", "Dinas Komunikasi dan Informatika")],
    )
    employee_ids = admin.execute(
        "hr.employee",
        "search",
        [("department_id", "child_of", dinas), ("contract_id", "!=", False)],
    )
    assert len(employee_ids) >= 10
    structure_id = admin.execute(
        "ir.model.data",
        "check_object_reference",
        "hr_skp_asn_payroll",
        "structure_tpp_asn",
    )[1]
    run_id = bendahara.execute(
        "hr.payslip.run",
        "create",
        {
            "name": "TPP Oktober 2026 (ulang)",
            "date_start": "2026-10-01",
            "date_end": "2026-10-31",
            "struct_id": structure_id,
        },
    )
    wizard_id = bendahara.execute(
        "hr.payslip.employees", "create", {"employee_ids": [(6, 0, employee_ids)]}
    )
    bendahara.execute(
        "hr.payslip.employees",
        "compute_sheet",
        [wizard_id],
        context={"active_id": run_id},
    )
    lines = kinerja_lines(bendahara, run_id)
    assert set(lines) == set(employee_ids)
    rates = expected_rates(admin, employee_ids)
    for employee_id, line in lines.items():
        assert line["rate"] == rates[employee_id], line
        assert line["total"] == pytest.approx(line["amount"] * line["rate"] / 100)
        # the calls name no language: the officer's own (Indonesian) is used
        if rates[employee_id]:
            assert line["name"].startswith("TPP Kinerja (predikat "), line
            assert line["name"].endswith(", Oktober 2026)"), line
        else:
            assert line["name"] == (
                "TPP Kinerja dipotong: belum ada evaluasi SKP yang ditetapkan untuk "
                "Oktober 2026"
            ), line
    # the officer enters a lower attendance rate and recomputes one payslip
    slip_id = bendahara.execute(
        "hr.payslip", "search", [("payslip_run_id", "=", run_id)], limit=1
    )
    input_id = bendahara.execute(
        "hr.payslip.input",
        "search",
        [("payslip_id", "in", slip_id), ("code", "=", "TPP_DISIPLIN")],
    )
    bendahara.execute("hr.payslip.input", "write", input_id, {"amount": 90})
    bendahara.execute("hr.payslip", "compute_sheet", slip_id)
    [disiplin] = bendahara.execute(
        "hr.payslip.line",
        "search_read",
        [("slip_id", "in", slip_id), ("code", "=", "TPP_DISIPLIN")],
        ["amount", "rate", "total"],
    )
    assert disiplin["rate"] == 90.0
    assert disiplin["total"] == pytest.approx(disiplin["amount"] * 0.9)
