from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from .common import SkpCommon


@tagged("post_install", "-at_install")
class TestSkpStatusReport(SkpCommon):
    """SKP status per unit: draft / diajukan / disetujui / missing / late."""

    def test_status_counts_missing_and_late(self):
        self.make_cascade()
        self.make_skp(self.pelaksana)
        self.env.flush_all()
        Report = self.env["hr.skp.status.report"].with_user(self.user_admin_bkd)
        with freeze_time("2026-04-01"):
            rows = Report.search(
                [("year", "=", 2026), ("department_id", "child_of", self.dinas.id)]
            )
            by_employee = {row.employee_id: row for row in rows}
        self.assertEqual(by_employee[self.kabid].state, "disetujui")
        self.assertEqual(by_employee[self.pelaksana].state, "draft")
        self.assertEqual(by_employee[self.fungsional].state, "belum_ada")
        # PPPK PW: due 10 days after the SK (2 March)
        self.assertEqual(by_employee[self.pppk_pw].deadline, date(2026, 3, 12))
        groups = dict(
            Report._read_group(
                [("year", "=", 2026), ("department_id", "child_of", self.dinas.id)],
                ["state"],
                ["count:sum"],
            )
        )
        self.assertEqual(groups["disetujui"], 3)
        self.assertEqual(groups["belum_ada"], 2)  # fungsional, PPPK PW
        self.assertEqual(groups["draft"], 1)

    def test_pengelola_sees_own_tree_only(self):
        self.env.flush_all()
        rows = (
            self.env["hr.skp.status.report"].with_user(self.user_pengelola).search([])
        )
        self.assertNotIn(self.other, rows.employee_id)
        self.assertIn(self.pelaksana, rows.employee_id)
