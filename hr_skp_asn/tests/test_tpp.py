from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import make_nip
from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestTpp(EvaluasiCommon):
    def test_default_table_every_company(self):
        rules = self.env["hr.skp.tpp.rule"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertEqual(
            {r.predikat: r.persentase for r in rules},
            {
                "sangat_baik": 100,
                "baik": 100,
                "butuh_perbaikan": 80,
                "kurang": 60,
                "sangat_kurang": 40,
            },
        )
        new = self.env["res.company"].create({"name": "Pemda Baru"})
        self.assertEqual(len(new.skp_tpp_rule_ids), 5)

    def test_get_skp_predikat_month_and_year(self):
        empty = self.pelaksana.get_skp_predikat(self.YEAR, 1)
        self.assertEqual(
            empty,
            {
                "predikat": False,
                "rating_hasil_kerja": False,
                "rating_perilaku": False,
                "skp_id": False,
                "evaluasi_id": False,
            },
        )
        quarter = self.make_rated(self.skp, "di_bawah", "sesuai", periode="triwulanan")
        month = self.make_rated(self.skp, "di_atas", "di_atas", ke=2)
        self.make_rated(self.skp, "sesuai", "sesuai", ke=3, state="dinilai")
        # February: the monthly one is preferred
        result = self.pelaksana.get_skp_predikat(self.YEAR, 2)
        self.assertEqual(result["predikat"], "sangat_baik")
        self.assertEqual(result["evaluasi_id"], month.id)
        self.assertEqual(result["skp_id"], self.skp.id)
        # January: only the quarter contains it; March: the monthly one is not set
        self.assertEqual(
            self.pelaksana.get_skp_predikat(self.YEAR, 1)["evaluasi_id"], quarter.id
        )
        self.assertEqual(
            self.pelaksana.get_skp_predikat(self.YEAR, 3)["evaluasi_id"], quarter.id
        )
        # without a month: the annual one only
        self.assertFalse(self.pelaksana.get_skp_predikat(self.YEAR)["predikat"])
        annual = self.make_rated(self.skp, "sesuai", "di_atas", periode="tahunan")
        self.assertEqual(
            self.pelaksana.get_skp_predikat(self.YEAR)["evaluasi_id"], annual.id
        )
        with self.assertRaises(UserError):
            self.pelaksana.get_skp_predikat(self.YEAR, 13)

    def test_tpp_factor(self):
        self.assertEqual(self.pelaksana.get_tpp_kinerja_factor(self.YEAR, 1), 0.0)
        self.make_rated(self.skp, "di_bawah", "sesuai")  # butuh perbaikan
        self.assertEqual(self.pelaksana.get_tpp_kinerja_factor(self.YEAR, 1), 0.8)
        rule = self.company.skp_tpp_rule_ids.filtered(
            lambda r: r.predikat == "butuh_perbaikan"
        )
        rule.persentase = 50
        self.assertEqual(self.pelaksana.get_tpp_kinerja_factor(self.YEAR, 1), 0.5)
        batch = self.env["hr.employee"].get_tpp_kinerja_factor_batch(
            [self.pelaksana.nip, "000"], self.YEAR, 1
        )
        self.assertEqual(batch, {self.pelaksana.nip: 0.5, "000": 0.0})

    def test_batch_constant_queries(self):
        Employee = self.env["hr.employee"]
        employees = Employee.create(
            [
                {
                    "name": f"Batch {i}",
                    "asn_status": "pns",
                    "nip": make_nip("19910101", "201601", "1", 200 + i),
                    "parent_id": self.kasubbag.id,
                }
                for i in range(20)
            ]
        )
        for employee in employees:
            self.make_rated(self.make_approved_skp(employee), "sesuai", "sesuai")
        nips = employees.mapped("nip")
        self.env.invalidate_all()
        Employee.get_skp_predikat_batch(nips[:2], self.YEAR, 1)  # warm-up
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=3) as _counter:
            small = Employee.get_skp_predikat_batch(nips[:2], self.YEAR, 1)
        self.env.invalidate_all()
        with self.assertQueryCount(__system__=3):
            large = Employee.get_skp_predikat_batch(nips + ["19000101"], self.YEAR, 1)
        # as the BKD admin (record rules applied): the same number for 2 and 20
        as_bkd = Employee.with_user(self.user_admin_bkd)
        counts = []
        for batch in (nips[:2], nips):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            as_bkd.get_skp_predikat_batch(batch, self.YEAR, 1)
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 6)
        self.assertEqual(len(small), 2)
        self.assertEqual(len(large), 21)
        self.assertEqual(
            {v["predikat"] for k, v in large.items() if k in nips}, {"baik"}
        )
        self.assertFalse(large["19000101"]["evaluasi_id"])
        # with spaces, as printed
        spaced = f"{nips[0][:8]} {nips[0][8:14]} {nips[0][14]} {nips[0][15:]}"
        self.assertEqual(
            Employee.get_skp_predikat_batch([spaced], self.YEAR, 1)[spaced]["predikat"],
            "baik",
        )

    def test_payroll_api_access(self):
        """Admin BKD, HR managers (payroll) and the superuser read every evaluation;
        the employee asks about themself; anyone else gets an AccessError, never a
        silent 0.0."""
        self.make_rated(self.skp, "di_bawah", "sesuai")  # butuh perbaikan
        Employee = self.env["hr.employee"]
        payroll = new_test_user(self.env, login="payroll", groups="hr.group_hr_manager")
        nip = self.pelaksana.nip
        for user in (self.user_admin_bkd, payroll):
            as_user = Employee.with_user(user)
            self.assertEqual(
                as_user.get_tpp_kinerja_factor_batch([nip], self.YEAR, 1), {nip: 0.8}
            )
            self.assertEqual(
                as_user.get_skp_predikat_batch([nip], self.YEAR, 1)[nip]["predikat"],
                "butuh_perbaikan",
            )
            self.assertEqual(
                self.pelaksana.with_user(user).get_tpp_kinerja_factor(self.YEAR, 1),
                0.8,
            )
        # the employee themself
        own = self.pelaksana.with_user(self.user_pelaksana)
        self.assertEqual(
            own.get_skp_predikat(self.YEAR, 1)["predikat"], "butuh_perbaikan"
        )
        self.assertEqual(own.get_tpp_kinerja_factor(self.YEAR, 1), 0.8)
        # anyone else, the pejabat penilai and the pengelola included
        for user in (self.user_other, self.user_kasubbag, self.user_pengelola):
            with self.assertRaisesRegex(AccessError, "group_skp_admin"):
                self.pelaksana.with_user(user).get_skp_predikat(self.YEAR, 1)
            with self.assertRaisesRegex(AccessError, "hr.group_hr_manager"):
                self.pelaksana.with_user(user).get_tpp_kinerja_factor(self.YEAR, 1)
            with self.assertRaises(AccessError):
                Employee.with_user(user).get_skp_predikat_batch([nip], self.YEAR, 1)
            with self.assertRaises(AccessError):
                Employee.with_user(user).get_tpp_kinerja_factor_batch(
                    [nip], self.YEAR, 1
                )
        with self.assertRaises(AccessError):
            Employee.with_user(self.user_pelaksana).get_skp_predikat_batch(
                [nip], self.YEAR, 1
            )

    def test_payroll_api_bad_arguments(self):
        Employee = self.env["hr.employee"].with_user(self.user_admin_bkd)
        for args in (
            (123, self.YEAR),
            ({"nip": "1"}, self.YEAR),
            ([None], self.YEAR),
            ([["1"]], self.YEAR),
            ([self.pelaksana.nip], "2026"),
            ([self.pelaksana.nip], 2026.5),
            ([self.pelaksana.nip], self.YEAR, "3"),
        ):
            with self.assertRaises(UserError, msg=repr(args)):
                Employee.get_skp_predikat_batch(*args)
        with self.assertRaises(UserError):
            Employee.get_tpp_kinerja_factor_batch(123, self.YEAR, 1)
        with self.assertRaisesRegex(UserError, "exactly one"):
            (self.pelaksana | self.kasubbag).with_user(
                self.user_admin_bkd
            ).get_skp_predikat(self.YEAR)
        with self.assertRaisesRegex(UserError, "exactly one"):
            Employee.get_tpp_kinerja_factor(self.YEAR, 1)
