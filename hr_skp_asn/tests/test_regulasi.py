"""Issue 11, the regulation's second pass, on the models: the year's average for
PPPK Paruh Waktu, one annual predikat per employee and year, the pola distribusi
as SE MenPANRB 3/2023 writes it, the rating suggestion per RHK, the PPK as a
lawful penilai, the kalkulator and the nine-box while rating."""

from datetime import date

from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from .common import make_nip
from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestRegulasiKedua(EvaluasiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]
        cls.unit = Department.create({"name": "Bidang Distribusi"})
        cls.sub = Department.create(
            {"name": "Seksi Distribusi", "parent_id": cls.unit.id}
        )

        def pns(name, department, seq, **vals):
            return Employee.create(
                {
                    "name": name,
                    "department_id": department.id,
                    "asn_status": "pns",
                    "nip": make_nip("19900101", "201501", "1", seq),
                    "jenis_jabatan": "pelaksana",
                    **vals,
                }
            )

        cls.head = pns(
            "Kepala Bidang D",
            cls.unit,
            301,
            jenis_jabatan="administrator",
            parent_id=cls.kadis.id,
        )
        cls.unit.manager_id = cls.head
        cls.sub_head = pns(
            "Kepala Seksi D",
            cls.sub,
            302,
            jenis_jabatan="pengawas",
            parent_id=cls.head.id,
        )
        cls.sub.manager_id = cls.sub_head
        cls.staff = [
            pns(f"Staf D{i}", cls.unit, 310 + i, parent_id=cls.head.id)
            for i in range(3)
        ]
        cls.sub_staff = pns("Staf Seksi", cls.sub, 320, parent_id=cls.sub_head.id)

    # ----------------------------------------------------------------- helpers
    def rate(self, ev, hasil, perilaku, state="ditetapkan"):
        admin = ev.with_user(self.user_admin_bkd)
        if ev.state == "draft":
            admin.action_ajukan()
        admin.write({"rating_hasil_kerja": hasil, "rating_perilaku": perilaku})
        if state in ("dinilai", "ditetapkan"):
            admin.action_nilai()
        if state == "ditetapkan":
            admin.action_tetapkan()
        return ev

    def annual(self, employee):
        return self.env["hr.skp.evaluasi"].search(
            [
                ("employee_id", "=", employee.id),
                ("periode", "=", "tahunan"),
                ("year", "=", self.YEAR),
            ]
        )

    # --------------------------------------------------- (1) year's average
    def _pw_year(self, first, second):
        """A PPPK Paruh Waktu year: months 1-6 at ``first`` %, 7-12 at ``second``,
        rated by the vote that used to decide (di atas / di bawah)."""
        skp = self.make_approved_skp(
            self.pppk_pw,
            pendekatan="kuantitatif",
            indikator=[{"name": "Dokumen", "target_min": 100, "aspek": "kualitas"}],
        )
        skp._generate_evaluasi()
        monthly = skp.evaluasi_ids.filtered(lambda e: e.periode == "bulanan").sorted(
            "periode_ke"
        )
        self.assertEqual(len(monthly), 12)
        for ev in monthly:
            value = first if ev.periode_ke <= 6 else second
            ev.realisasi_ids.write({"realisasi_value": value})
            self.rate(ev, "di_atas" if value > 100 else "di_bawah", "sesuai")
        return skp, skp.evaluasi_ids.filtered(lambda e: e.periode == "tahunan")

    def test_pppk_pw_year_decided_on_its_average(self):
        """DOMAIN §2: six months at 120% then six at 60% average 90%: sesuai
        (the vote by the latest month said di bawah); the annual evaluation shows
        the average and the months; the extension reads the annual result."""
        skp, annual = self._pw_year(120, 60)
        self.assertTrue(annual.rata_rata_aktif)
        self.assertEqual(annual.rata_rata_dasar, "capaian")
        self.assertEqual(annual.rata_rata_nilai, 90.0)
        self.assertEqual(annual.rata_rata_jumlah, 12)
        self.assertIn("Januari", annual.rata_rata_periode)
        self.assertIn("Desember", annual.rata_rata_periode)
        self.assertEqual(annual.saran_rating_hasil_kerja, "sesuai")
        self.assertIn("Juni", annual.periode_tahun_html)
        self.assertEqual(skp.rekomendasi_perpanjangan, False)
        annual.with_user(self.user_admin_bkd).action_ajukan()
        annual.with_user(self.user_admin_bkd).action_terapkan_saran()
        self.assertEqual(annual.rating_hasil_kerja, "sesuai")
        self.rate(annual, "sesuai", "sesuai")
        self.assertEqual(annual.predikat, "baik")
        self.assertEqual(skp.rekomendasi_perpanjangan, "diperpanjang")

    def test_pppk_pw_average_order_does_not_matter(self):
        """DOMAIN §2: the same months reversed give the same suggestion."""
        _skp, annual = self._pw_year(60, 120)
        self.assertEqual(annual.rata_rata_nilai, 90.0)
        self.assertEqual(annual.saran_rating_hasil_kerja, "sesuai")

    def test_pppk_pw_quarterly_setting(self):
        """KepmenPANRB 16/2025: the company may evaluate PPPK Paruh Waktu by
        quarter, the months' rencana feeding the quarter's targets."""
        self.env.company.skp_pppk_pw_evaluasi_periode = "triwulanan"
        skp = self.make_approved_skp(
            self.pppk_pw,
            indikator=[{"name": "Surat", "target_min": 120, "aspek": "kuantitas"}],
        )
        skp.action_generate_rencana_bulanan()
        skp._generate_evaluasi()
        self.assertEqual(
            sorted(skp.evaluasi_ids.mapped("periode")),
            ["tahunan"] + ["triwulanan"] * 4,
        )
        quarter = skp.evaluasi_ids.filtered(lambda e: e.periode == "triwulanan")[:1]
        self.assertEqual(quarter.realisasi_ids.target_min, 30.0)  # 3 x 120 / 12

    # ------------------------------------------- (2) one annual predikat per year
    def test_revised_skp_counted_once(self):
        """DOMAIN §2/§4: a revision ending 15 June: one annual evaluation, on the
        new SKP, rated by its pejabat penilai; June counts once (for the later
        SKP); angka kredit 12.5 for an ahli pertama rated Baik, not 13.542."""
        first = self.make_approved_skp(self.fungsional)
        first._generate_evaluasi()
        self.assertEqual(len(self.annual(self.fungsional)), 1)
        # revised by the pejabat penilai (not HR): the cleanup is the system's
        new_id = first.with_user(self.user_kabid).action_revisi(
            date(self.YEAR, 6, 15), "Mutasi jabatan"
        )
        # the old SKP's draft annual evaluation is gone
        self.assertFalse(self.annual(self.fungsional))
        second = self.env["hr.skp"].browse(new_id)
        second.write({"state": "disetujui", "pejabat_penilai_id": self.kadis.id})
        (first | second)._generate_evaluasi()
        annual = self.annual(self.fungsional)
        self.assertEqual(len(annual), 1)
        self.assertEqual(annual.skp_id, second)
        self.assertEqual(annual.pejabat_penilai_id, self.kadis)
        periods = annual._periodic_evaluations()
        self.assertEqual(
            [
                (p.date_start.month, p.skp_id)
                for p in periods
                if p.date_start.month == 6
            ],
            [(6, second)],
        )
        self.assertEqual(len(periods.filtered(lambda p: p.periode == "bulanan")), 12)
        # the annual form lists every period of both SKP, saying which counts
        self.assertEqual(annual.periode_tahun_html.count("<tr>"), 1 + 13)
        self.assertEqual(
            annual.periode_tahun_html.count("No (the month counts for the other SKP)"),
            1,
        )
        self.rate(annual, "sesuai", "sesuai")
        self.assertEqual(annual.angka_kredit_bulan, 12)
        self.assertEqual(annual.angka_kredit, 12.5)
        self.assertEqual(first.evaluasi_tahunan_id, annual)
        self.assertEqual(first.predikat_tahunan, "baik")
        result = self.fungsional.get_skp_predikat(self.YEAR)
        self.assertEqual(result["evaluasi_id"], annual.id)
        # June: the later SKP's month; the earlier SKP's June earns nothing
        june_old = first.evaluasi_ids.filtered(
            lambda e: e.periode == "bulanan" and e.periode_ke == 6
        )
        june_new = second.evaluasi_ids.filtered(
            lambda e: e.periode == "bulanan" and e.periode_ke == 6
        )
        self.rate(june_old, "di_atas", "di_atas")
        self.rate(june_new, "sesuai", "sesuai")
        self.assertEqual(june_old.angka_kredit, 0.0)
        self.assertEqual(june_new.angka_kredit, 1.042)
        # documents show two decimals (DOMAIN §4: 1/12 x 12.5 -> 1.04)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("hr_skp_asn.report_evaluasi", june_new.ids)[0]
            .decode()
        )
        self.assertIn('<span class="o_skp_b">1,04</span>', html)
        self.assertIn("1/12 × 100% × koefisien 12,50", html)
        self.assertEqual(
            self.fungsional.get_skp_predikat(self.YEAR, 6)["evaluasi_id"], june_new.id
        )

    # --------------------------------------------------- (3) pola distribusi
    def _unit_rated(self, predikat_map, periode="bulanan"):
        """Rate January of the unit's people: {employee: (hasil, perilaku)}."""
        result = {}
        for employee, (hasil, perilaku) in predikat_map.items():
            skp = self.make_approved_skp(employee)
            ev = self.make_evaluasi(skp, periode, 1)
            result[employee] = self.rate(ev, hasil, perilaku)
        return result

    def make_org(self, department, predikat, **vals):
        return self.env["hr.skp.capaian.organisasi"].create(
            {
                "department_id": department.id,
                "year": self.YEAR,
                "periode": "bulanan",
                "periode_ke": 1,
                "predikat_organisasi": predikat,
                **vals,
            }
        )

    def test_unit_pegawai_include_sub_unit_leaders(self):
        """SE MenPANRB 3/2023: the unit's pegawai are its staff and the leaders of
        its direct sub-units, the leader excluded; the sub-unit leader is not in
        the sub-unit's own distribution."""
        sb, b = ("di_atas", "di_atas"), ("sesuai", "sesuai")
        evaluations = self._unit_rated(
            {
                self.staff[0]: sb,
                self.staff[1]: sb,
                self.staff[2]: b,
                self.sub_head: b,
                self.head: b,
                self.sub_staff: b,
            }
        )
        org = self.make_org(self.unit, "istimewa")
        self.assertEqual(
            set(org.evaluasi_ids.employee_id.ids),
            {*(e.id for e in self.staff), self.sub_head.id},
        )
        self.assertEqual(org.jumlah_pegawai, 4)
        # 2 Sangat Baik against 2 Baik: a tie is not "most"
        self.assertEqual(
            [v["code"] for v in org.check_distribusi()], ["sangat_baik_not_largest"]
        )
        sub_org = self.make_org(self.sub, "butuh_perbaikan")
        self.assertEqual(sub_org.evaluasi_ids.employee_id, self.sub_staff)
        # the kalkulator on the form counts the same pegawai
        self.assertIn("Allowed (N = 4)", evaluations[self.staff[0]].distribusi_html)

    def test_most_as_more_than_half_setting(self):
        """DOMAIN §3.3: the company may require more than half."""
        self._unit_rated(
            {
                self.staff[0]: ("di_atas", "di_atas"),
                self.staff[1]: ("di_atas", "di_atas"),
                self.staff[2]: ("sesuai", "sesuai"),
                self.sub_head: ("sesuai", "di_bawah"),
            }
        )
        org = self.make_org(self.unit, "istimewa")
        self.assertEqual(org.check_distribusi(), [])  # 2 > 1 and 2 <= 70% of 4
        self.env.company.skp_distribusi_mayoritas = "lebih_dari_separuh"
        self.assertEqual(org.mayoritas, "lebih_dari_separuh")
        self.assertEqual(
            [v["code"] for v in org.check_distribusi()], ["sangat_baik_not_majority"]
        )
        kalkulator = org.get_kalkulator_distribusi("istimewa", 10)
        self.assertEqual(kalkulator["sangat_baik"]["min"], 6)

    def test_leader_above_sets_the_capaian(self):
        """SE MenPANRB 3/2023: the leader of the organisation above sets it with
        their own user; HR may enter it on their behalf, the record says for
        whom; for a unit at the top, the pejabat pembina kepegawaian."""
        user_head = new_test_user(
            self.env, login="kabid_d", groups="hr_skp_asn.group_skp_pegawai"
        )
        self.head.user_id = user_head
        org = self.make_org(self.sub, "baik")
        self.assertEqual(org.penetap_id, self.head)
        as_head = org.with_user(user_head)
        # the form offers Set to the leader above (can_set), not to a pegawai
        self.assertTrue(as_head.can_set)
        self.assertFalse(org.with_user(self.user_pelaksana).can_set)
        as_head.write({"predikat_organisasi": "butuh_perbaikan"})
        as_head.action_tetapkan()  # an empty unit is lawful
        self.assertEqual(org.state, "ditetapkan")
        self.assertEqual(org.ditetapkan_oleh_id, user_head)
        # HR on behalf of the leader above
        org2 = self.make_org(self.sub, "baik", periode_ke=2)
        org2.with_user(self.user_admin_bkd).action_tetapkan()
        self.assertIn("on behalf of", org2.message_ids[0].body)
        self.assertIn(self.head.name, org2.message_ids[0].body)
        # a pegawai of the unit is not the leader above
        from odoo.exceptions import AccessError

        org3 = self.make_org(self.sub, "baik", periode_ke=3)
        with self.assertRaises(AccessError):
            org3.with_user(self.user_pelaksana).action_tetapkan()
        # the top of the instansi: its pejabat pembina kepegawaian
        bupati = self.env["hr.employee"].create(
            {
                "name": "Bupati",
                "asn_status": "non_asn",
                "is_pejabat_pembina_kepegawaian": True,
            }
        )
        top = self.make_org(self.unit, "baik", periode_ke=4)
        self.assertEqual(top.penetap_id, bupati)

    # ------------------------------------------------ (4) suggestion per RHK
    def test_rating_suggestion_per_rhk(self):
        """DOMAIN §3.1: both RHK utama at 70% and two tambahan at 100%: di bawah
        (per indikator it looked sesuai)."""
        rhk = [
            {"name": f"Tersusunnya hasil {i}", "jenis": jenis}
            for i, jenis in enumerate(("utama", "utama", "tambahan", "tambahan"))
        ]
        skp = self.env["hr.skp"].create(
            {
                "employee_id": self.staff[0].id,
                "year": self.YEAR,
                "pendekatan": "kuantitatif",
                "rhk_ids": [
                    Command.create(
                        dict(
                            line,
                            indikator_ids=[
                                Command.create({"name": "Jumlah", "target_min": 10})
                            ],
                        )
                    )
                    for line in rhk
                ],
            }
        )
        skp.write({"state": "disetujui"})
        ev = self.make_evaluasi(skp)
        for line in ev.realisasi_ids:
            line.realisasi_value = 7 if line.jenis == "utama" else 10
        self.assertEqual(ev.saran_rating_capaian, "di_bawah")

    # ----------------------------------------------------- (5) PPK as penilai
    def test_ppk_is_a_lawful_penilai(self):
        """DOMAIN (Who): the bupati rating the Sekda is no issue; another non-ASN
        penilai still is."""
        bupati = self.env["hr.employee"].create(
            {"name": "Bupati", "asn_status": "non_asn"}
        )
        self.kadis.pejabat_penilai_id = bupati
        self.assertEqual(self.kadis.penilai_masalah, "bukan_asn")
        bupati.is_pejabat_pembina_kepegawaian = True
        self.assertFalse(self.kadis.penilai_masalah)

    # ----------------------------------------- (6) kalkulator and nine-box
    def test_kalkulator_before_the_capaian_record(self):
        """The penilai sees the kalkulator whether or not the unit's capaian
        exists: the five predikat organisasi side by side until it does."""
        evaluations = self._unit_rated(
            {self.staff[0]: ("di_atas", "di_atas"), self.staff[1]: ("sesuai", "sesuai")}
        )
        ev = evaluations[self.staff[0]]
        self.assertFalse(ev.capaian_organisasi_id)
        html = ev.distribusi_html
        for label in ("If Istimewa", "If Baik", "If Sangat Kurang", "not set yet"):
            self.assertIn(label, html)
        self.make_org(self.unit, "baik")
        ev.invalidate_recordset()
        self.assertIn("Allowed (N = 2)", ev.distribusi_html)

    def test_ninebox_of_one_unit_and_period(self):
        """The 3x3 kuadran grid of one unit and one period, counts and names,
        from the evaluation list and the capaian form."""
        evaluations = self._unit_rated(
            {
                self.staff[0]: ("di_atas", "di_atas"),
                self.staff[1]: ("di_atas", "di_atas"),
                self.staff[2]: ("di_bawah", "sesuai"),
            }
        )
        action = evaluations[self.staff[0]].action_open_ninebox()
        box = self.env["hr.skp.ninebox"].browse(action["res_id"])
        self.assertEqual(box.jumlah, 3)
        self.assertIn("<strong>2</strong> – Sangat Baik", box.grid_html)
        self.assertIn("Staf D0", box.grid_html)
        self.assertIn("Staf D2", box.grid_html)
        # another month of the same unit is empty
        box.periode_ke = 2
        self.assertEqual(box.jumlah, 0)
        # from the list without a selection: the dialog asks for the unit
        action = self.env["hr.skp.evaluasi"].action_open_ninebox()
        self.assertFalse(action.get("res_id"))
        self.assertEqual(action["res_model"], "hr.skp.ninebox")
        org = self.make_org(self.unit, "istimewa")
        action = org.action_open_ninebox()
        self.assertEqual(action["res_model"], "hr.skp.ninebox")
        self.assertIn("Staf D1", org.kuadran_html)
