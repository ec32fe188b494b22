from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import make_nip
from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestCapaianOrganisasi(EvaluasiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.env["hr.department"].create({"name": "Unit Distribusi"})
        Employee = cls.env["hr.employee"]
        cls.head = Employee.create(
            {
                "name": "Kepala Unit",
                "department_id": cls.unit.id,
                "asn_status": "pns",
                "nip": make_nip("19700707", "199601", "1", 70),
                "jenis_jabatan": "administrator",
                "parent_id": cls.kadis.id,
            }
        )
        cls.unit.manager_id = cls.head
        cls.staff = Employee.create(
            [
                {
                    "name": f"Staf {i}",
                    "department_id": cls.unit.id,
                    "asn_status": "pns",
                    "nip": make_nip("19900101", "201501", "2", 100 + i),
                    "jenis_jabatan": "pelaksana",
                    "parent_id": cls.head.id,
                }
                for i in range(10)
            ]
        )
        cls.staff_skp = [cls.make_approved_skp(e) for e in cls.staff]
        cls.head_skp = cls.make_approved_skp(cls.head)
        cls.Org = cls.env["hr.skp.capaian.organisasi"]

    def rate_unit(self, ratings, state="ditetapkan"):
        """ratings: list of (hasil, perilaku), one per staff member (January)."""
        return [
            self.make_rated(skp, hasil, perilaku, state=state)
            for skp, (hasil, perilaku) in zip(self.staff_skp, ratings, strict=False)
        ]

    def make_org(self, predikat, **vals):
        return self.Org.create(
            {
                "department_id": self.unit.id,
                "year": self.YEAR,
                "periode": "bulanan",
                "periode_ke": 1,
                "predikat_organisasi": predikat,
                **vals,
            }
        )

    SB, B, BP, K = (
        ("di_atas", "di_atas"),
        ("sesuai", "sesuai"),
        ("di_bawah", "sesuai"),
        (
            "sesuai",
            "di_bawah",
        ),
    )

    def test_lawful_baik(self):
        # 6 Baik, 2 Sangat Baik, 1 Butuh Perbaikan, 1 Kurang
        self.rate_unit([self.B] * 6 + [self.SB] * 2 + [self.BP, self.K])
        head_ev = self.make_rated(self.head_skp, "di_bawah", "di_atas", state="dinilai")
        org = self.make_org("baik")
        self.assertEqual(org.jumlah_pegawai, 10)  # the head is not counted
        self.assertEqual(org.count_baik, 6)
        self.assertEqual(org.check_distribusi(), [])
        self.assertTrue(org.sesuai_pola)
        org.action_tetapkan()
        self.assertEqual(org.state, "ditetapkan")
        self.assertFalse(org.override)
        # the head's rating hasil kerja follows the unit (baik -> sesuai)
        self.assertEqual(head_ev.rating_hasil_kerja, "sesuai")
        self.assertEqual(head_ev.predikat, "baik")

    def test_unlawful_refused_then_override_with_reason(self):
        self.rate_unit([self.B] * 10)
        org = self.make_org("baik")
        codes = [v["code"] for v in org.check_distribusi()]
        self.assertEqual(codes, ["baik_above_max", "baik_needs_bp_or_kurang"])
        message = org.check_distribusi()[0]["message"]
        self.assertIn("at most 7 of 10", message)
        with self.assertRaisesRegex(UserError, "pola distribusi") as refused:
            org.action_tetapkan()
        # the refusal says how it can be allowed
        self.assertIn("Konfigurasi → Settings", str(refused.exception))
        self.env.company.skp_distribusi_override = True
        with self.assertRaisesRegex(UserError, "reason"):
            org.action_tetapkan()
        org.alasan_override = "Unit baru, seluruh pegawai mencapai target"
        org.action_tetapkan()
        self.assertTrue(org.override)
        self.assertIn("Unit baru", org.message_ids[0].body)

    def test_only_rated_evaluations_counted(self):
        self.rate_unit([self.SB] * 3, state="dinilai")
        for skp in self.staff_skp[3:8]:
            self.make_evaluasi(skp)  # draft: not counted
        org = self.make_org("istimewa")
        # draft evaluations are not counted; 70% of 3 = 2.1 -> 2 allowed
        self.assertEqual(org.jumlah_pegawai, 3)
        self.assertEqual(
            [v["code"] for v in org.check_distribusi()], ["sangat_baik_above_max"]
        )

    def test_kalkulator(self):
        result = self.Org.get_kalkulator_distribusi("baik", 10)
        self.assertEqual(result["baik"]["max"], 7)
        self.assertTrue(result["feasible"])
        with self.assertRaises(ValidationError):
            self.Org.get_kalkulator_distribusi("hebat", 10)
        with self.assertRaises(ValidationError):
            self.Org.get_kalkulator_distribusi("baik", -1)

    def test_kurva_and_kalkulator_beside_rating(self):
        evaluations = self.rate_unit(
            [self.SB, self.SB, self.B, self.BP], state="dinilai"
        )
        org = self.make_org("istimewa")
        self.assertIn("Sangat Baik", org.kuadran_html)
        self.assertIn("<strong>2</strong>", org.kuadran_html)
        self.assertIn("Allowed (N = 4)", org.distribusi_html)
        # the pejabat penilai sees the calculator on the evaluation
        self.assertEqual(evaluations[0].capaian_organisasi_id, org)
        self.assertIn("Allowed", evaluations[0].distribusi_html)

    def test_translated_messages(self):
        self.rate_unit([self.B] * 10)
        org = self.make_org("sangat_kurang")
        messages = {v["code"]: v["message"] for v in org.check_distribusi()}
        self.assertIn("sangat_kurang_below_min", messages)
        self.assertIn("at least 6 of 10", messages["sangat_kurang_below_min"])

    def test_predikat_locked_once_set(self):
        org = self.make_org("istimewa").with_user(self.user_admin_bkd)
        org.action_tetapkan()  # empty unit: lawful
        with self.assertRaisesRegex(UserError, "reset it to draft"):
            org.write({"predikat_organisasi": "baik"})
        org.action_draft()
        self.assertFalse(org.tanggal_ditetapkan)
        org.write({"predikat_organisasi": "baik"})

    def test_pegawai_cannot_set(self):
        org = self.make_org("istimewa")
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            org.with_user(self.user_pelaksana).write({"predikat_organisasi": "baik"})

    def test_state_only_through_the_actions(self):
        self.rate_unit([self.B] * 10)
        org = self.make_org("baik").with_user(self.user_admin_bkd)
        with self.assertRaisesRegex(UserError, "pola distribusi"):
            org.action_tetapkan()
        for vals in (
            {"state": "ditetapkan"},
            {"override": True},
            {"tanggal_ditetapkan": "2027-01-05"},
            {"ditetapkan_oleh_id": self.user_admin_bkd.id},
            {"date_start": "2026-01-02"},
            {"jumlah_pegawai": 1},
        ):
            with self.assertRaisesRegex(UserError, "cannot be written"):
                org.write(vals)
            with self.assertRaisesRegex(UserError, "cannot be written"):
                org.with_context(skp_evaluasi_system=True).write(vals)
        self.assertEqual(org.state, "draft")
        with self.assertRaisesRegex(UserError, "cannot be written"):
            self.Org.with_user(self.user_admin_bkd).create(
                {
                    "department_id": self.unit.id,
                    "year": self.YEAR,
                    "periode": "bulanan",
                    "periode_ke": 2,
                    "predikat_organisasi": "baik",
                    "state": "ditetapkan",
                }
            )
        with self.assertRaisesRegex(UserError, "other dates"):
            self.Org.with_user(self.user_admin_bkd).create(
                {
                    "department_id": self.unit.id,
                    "year": self.YEAR,
                    "periode": "tahunan",
                    "date_start": "2026-01-01",
                    "date_end": "2026-01-31",
                    "predikat_organisasi": "baik",
                }
            )
        # a pegawai cannot set it, not even through the action
        from odoo.exceptions import AccessError

        with self.assertRaises(AccessError):
            org.with_user(self.user_pelaksana).action_tetapkan()
        with self.assertRaises(AccessError):
            org.with_user(self.user_pelaksana).action_draft()

    def test_rounding_floor_and_ceil(self):
        """At most p%: floor(p*n/100); at least p%: ceil(p*n/100) (rules.py)."""
        kalkulator = self.Org.get_kalkulator_distribusi
        self.assertEqual(kalkulator("istimewa", 4)["sangat_baik"]["max"], 2)  # 2.8
        self.assertEqual(kalkulator("butuh_perbaikan", 4)["butuh_perbaikan"]["min"], 3)
        self.assertEqual(kalkulator("butuh_perbaikan", 9)["sangat_baik"]["max"], 0)
        # 3 Sangat Baik of 4: above 70% (2.8 -> at most 2)
        self.rate_unit([self.SB] * 3 + [self.B])
        org = self.make_org("istimewa")
        self.assertEqual(
            [v["code"] for v in org.check_distribusi()], ["sangat_baik_above_max"]
        )

    def test_kalkulator_counts_diajukan_in_progress(self):
        self.rate_unit([self.SB, self.SB, self.B], state="dinilai")
        progress = self.make_evaluasi(self.staff_skp[3])
        progress.with_user(self.user_admin_bkd).action_ajukan()
        progress.with_user(self.user_admin_bkd).write(
            {"rating_hasil_kerja": "di_atas", "rating_perilaku": "di_atas"}
        )
        org = self.make_org("istimewa")
        html = progress.distribusi_html
        self.assertIn("In progress (diajukan)", html)
        self.assertIn("Allowed (N = 4)", html)
        self.assertIn("1 evaluations in progress", html)
        # the unit's predikat is set on the rated ones only
        self.assertEqual(org.jumlah_pegawai, 3)
        self.assertEqual(org.check_distribusi(), [])
