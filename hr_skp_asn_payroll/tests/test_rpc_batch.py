from odoo.tests import HttpCase, tagged

from .common import TppPayrollCommon


@tagged("post_install", "-at_install")
class TestRpcBatch(HttpCase, TppPayrollCommon):
    """Over XML-RPC, as the payroll officer: a month's TPP batch for the unit."""

    def test_payroll_officer_computes_a_batch_over_xmlrpc(self):
        employees = {
            predikat: self.make_tpp_employee(f"Pegawai RPC {predikat}", predikat)
            for predikat in ("sangat_baik", "butuh_perbaikan", "sangat_kurang")
        }
        employees["none"] = self.make_tpp_employee("Pegawai RPC none")
        login = password = self.user_payroll.login
        uid = self.xmlrpc_common.authenticate(self.env.cr.dbname, login, password, {})
        self.assertEqual(uid, self.user_payroll.id)

        def call(model, method, *args, **kw):
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname, uid, password, model, method, list(args), kw
            )

        run_id = call(
            "hr.payslip.run",
            "create",
            {
                "name": "TPP Januari 2026",
                "date_start": "2026-01-01",
                "date_end": "2026-01-31",
                "struct_id": self.structure.id,
            },
        )
        wizard_id = call(
            "hr.payslip.employees",
            "create",
            {"employee_ids": [(6, 0, [e.id for e in employees.values()])]},
        )
        call(
            "hr.payslip.employees",
            "compute_sheet",
            [wizard_id],
            context={"active_id": run_id},
        )
        lines = call(
            "hr.payslip.line",
            "search_read",
            [("slip_id.payslip_run_id", "=", run_id), ("code", "=", "TPP_KINERJA")],
            ["employee_id", "name", "amount", "rate", "total"],
        )
        got = {line["employee_id"][0]: line for line in lines}
        self.assertEqual(len(got), 4)
        expected = {
            "sangat_baik": (100.0, 3e6),
            "butuh_perbaikan": (80.0, 2.4e6),
            "sangat_kurang": (40.0, 1.2e6),
            "none": (0.0, 0.0),
        }
        for key, (rate, total) in expected.items():
            line = got[employees[key].id]
            self.assertEqual(
                (line["amount"], line["rate"], line["total"]), (3e6, rate, total)
            )
        self.assertIn("no ditetapkan SKP evaluation", got[employees["none"].id]["name"])
        self.assertIn("Sangat Kurang", got[employees["sangat_kurang"].id]["name"])
