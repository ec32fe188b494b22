from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestEvaluasi(EvaluasiCommon):
    # ------------------------------------------------------------------ creation
    def test_monthly_evaluation_lines(self):
        ev = self.make_evaluasi(self.skp, "bulanan", 3)
        self.assertEqual((ev.date_start, ev.date_end), (self.d(3, 1), self.d(3, 31)))
        self.assertEqual(ev.state, "draft")
        self.assertEqual(len(ev.realisasi_ids), 2)
        self.assertEqual(len(ev.perilaku_ids), 7)
        self.assertEqual(ev.employee_id, self.pelaksana)
        self.assertEqual(ev.pejabat_penilai_id, self.kasubbag)
        self.assertIn("Maret", ev.display_name)

    def test_default_periode_from_company(self):
        self.assertEqual(self.Evaluasi.default_get(["periode"])["periode"], "bulanan")
        self.env.company.skp_evaluasi_periode = "triwulanan"
        ev = self.Evaluasi.create({"skp_id": self.skp.id, "periode_ke": 2})
        self.assertEqual(ev.periode, "triwulanan")
        self.assertEqual((ev.date_start, ev.date_end), (self.d(4, 1), self.d(6, 30)))

    def test_every_periode_accepted(self):
        for periode, ke, end in (
            ("triwulanan", 4, self.d(12, 31)),
            ("semesteran", 1, self.d(6, 30)),
            ("tahunan", 1, self.d(12, 31)),
        ):
            ev = self.make_evaluasi(self.skp, periode, ke)
            self.assertEqual(ev.date_end, end)

    def test_evaluation_on_unapproved_skp_refused(self):
        skp = self.make_skp(self.fungsional)
        self.assertEqual(skp.state, "draft")
        with self.assertRaisesRegex(UserError, "not approved"):
            self.make_evaluasi(skp)

    def test_evaluation_outside_period_refused(self):
        with self.assertRaises(ValidationError):
            self.make_evaluasi(self.skp, "bulanan", 13)
        with self.assertRaisesRegex(ValidationError, "outside"):
            self.Evaluasi.create(
                {
                    "skp_id": self.skp.id,
                    "periode": "bulanan",
                    "date_start": date(self.YEAR + 1, 1, 1),
                    "date_end": date(self.YEAR + 1, 1, 31),
                }
            )

    def test_shorter_skp_clips_and_refuses(self):
        self.skp.sudo().write({"date_start": self.d(3, 15)})
        ev = self.make_evaluasi(self.skp, "bulanan", 3)
        self.assertEqual(ev.date_start, self.d(3, 15))
        with self.assertRaisesRegex(ValidationError, "outside"):
            self.make_evaluasi(self.skp, "bulanan", 1)

    def test_one_evaluation_per_period(self):
        self.make_evaluasi(self.skp, "bulanan", 2)
        with self.assertRaisesRegex(ValidationError, "one evaluation per SKP"):
            self.make_evaluasi(self.skp, "bulanan", 2)
        # the same month by its dates
        with self.assertRaisesRegex(ValidationError, "one evaluation per SKP"):
            self.Evaluasi.create(
                {
                    "skp_id": self.skp.id,
                    "periode": "bulanan",
                    "date_start": self.d(2, 1),
                    "date_end": self.d(2, 28),
                }
            )
        # other dates than the month's are refused
        with self.assertRaisesRegex(UserError, "follow its periode"):
            self.Evaluasi.create(
                {
                    "skp_id": self.skp.id,
                    "periode": "bulanan",
                    "date_start": self.d(2, 10),
                    "date_end": self.d(2, 20),
                }
            )
        # the database refuses a duplicate whatever the code does
        ev = self.make_evaluasi(self.skp, "bulanan", 3)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env.cr.execute(
                "UPDATE hr_skp_evaluasi SET date_start = %s WHERE id = %s",
                (self.d(2, 1), ev.id),
            )

    # ------------------------------------------------------------------- capaian
    def test_capaian_from_rules(self):
        ev = self.make_evaluasi(self.skp)
        maximize, minimize = ev.realisasi_ids.sorted("id")
        maximize.with_user(self.user_pelaksana).realisasi_value = 85
        self.assertEqual(maximize.capaian, 100.0)
        self.assertEqual(maximize.kategori_capaian, "baik")
        self.assertEqual(maximize.nilai_capaian, 109.0)
        maximize.realisasi_value = 93
        maximize.target_min = 95
        self.assertEqual(maximize.kategori_capaian, "cukup")
        self.assertEqual(maximize.nilai_capaian, 88.0)
        # lower is better, range 7-8 bulan (DOMAIN §3.4)
        minimize.realisasi_value = 6.5
        self.assertAlmostEqual(minimize.capaian, 107.14, places=2)
        minimize.realisasi_value = 9
        self.assertAlmostEqual(minimize.capaian, 87.5, places=2)
        self.assertAlmostEqual(ev.capaian, (97.89 + 87.5) / 2, places=1)

    def test_zero_realisasi_counts_empty_does_not(self):
        ev = self.make_evaluasi(self.skp)
        line = ev.realisasi_ids.sorted("id")[0]
        self.assertFalse(line.capaian_dihitung)
        self.assertFalse(ev.capaian_ada)
        line.realisasi_value = 0
        self.assertTrue(line.capaian_dihitung)
        self.assertEqual(line.capaian, 0.0)

    def test_negative_realisasi_refused(self):
        ev = self.make_evaluasi(self.skp)
        with self.assertRaisesRegex(ValidationError, "negative"):
            ev.realisasi_ids[0].with_user(self.user_pelaksana).realisasi_value = -3

    def test_text_realisasi_and_bukti(self):
        ev = self.make_evaluasi(self.skp)
        attachment = self.env["ir.attachment"].create(
            {"name": "bukti.pdf", "raw": b"%PDF-1.4"}
        )
        line = ev.realisasi_ids[0].with_user(self.user_pelaksana)
        line.write(
            {
                "realisasi_text": "Laporan selesai",
                "attachment_ids": [Command.link(attachment.id)],
            }
        )
        self.assertEqual(line.bukti_count, 1)
        self.assertFalse(line.capaian_dihitung)

    # ------------------------------------------------------------------ workflow
    def test_workflow_and_predikat(self):
        ev = self.make_evaluasi(self.skp)
        as_pegawai = ev.with_user(self.user_pelaksana)
        as_penilai = ev.with_user(self.user_kasubbag)
        # no rating before diajukan, not even by the penilai
        with self.assertRaisesRegex(UserError, "diajukan"):
            as_penilai.write({"rating_hasil_kerja": "sesuai"})
        as_pegawai.action_ajukan()
        self.assertEqual(ev.state, "diajukan")
        activity = ev.activity_ids.filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("hr_skp_asn.mail_act_evaluasi_penilaian")
            )
        )
        self.assertEqual(activity.user_id, self.user_kasubbag)
        # the pegawai cannot rate themselves, nor the atasan or someone else
        with self.assertRaises(AccessError):
            as_pegawai.write({"rating_hasil_kerja": "di_atas"})
        with self.assertRaises(AccessError):
            ev.with_user(self.user_kabid).write({"rating_perilaku": "di_atas"})
        with self.assertRaises(AccessError):
            ev.with_user(self.user_other).action_nilai()
        with self.assertRaisesRegex(UserError, "needs the rating"):
            as_penilai.action_nilai()
        as_penilai.write(
            {"rating_hasil_kerja": "di_atas", "rating_perilaku": "di_atas"}
        )
        self.assertEqual(ev.predikat, "sangat_baik")
        as_penilai.write({"rating_perilaku": "di_bawah"})
        self.assertEqual(ev.predikat, "kurang")
        as_penilai.action_nilai()
        self.assertEqual(ev.state, "dinilai")
        with self.assertRaises(AccessError):
            as_pegawai.action_tetapkan()
        as_penilai.action_tetapkan()
        self.assertEqual(ev.state, "ditetapkan")
        self.assertEqual(ev.tanggal_ditetapkan, date(2027, 1, 5))
        self.assertEqual(ev.batas_keberatan, date(2027, 1, 19))
        with self.assertRaisesRegex(UserError, "ditetapkan"):
            as_penilai.write({"rating_perilaku": "sesuai"})
        with self.assertRaises(UserError):
            as_pegawai.realisasi_ids[0].write({"realisasi_value": 10})

    def test_unknown_rating_refused(self):
        ev = self.make_evaluasi(self.skp)
        ev.with_user(self.user_pelaksana).action_ajukan()
        with self.assertRaisesRegex(ValidationError, "Unknown"):
            ev.with_user(self.user_kasubbag).write({"rating_hasil_kerja": "excellent"})
        with self.assertRaisesRegex(ValidationError, "Unknown"):
            self.make_evaluasi(self.skp, "bulanan", 4, rating_perilaku="bagus")

    def test_admin_bkd_rates(self):
        ev = self.make_rated(self.skp, "sesuai", "sesuai")
        self.assertEqual(ev.predikat, "baik")
        self.assertEqual(ev.ditetapkan_oleh_id, self.user_admin_bkd)

    def test_kembalikan_needs_reason(self):
        ev = self.make_evaluasi(self.skp)
        ev.with_user(self.user_pelaksana).action_ajukan()
        action = ev.with_user(self.user_kasubbag).action_kembalikan()
        self.assertEqual(action["res_model"], "hr.skp.alasan.wizard")
        wizard = (
            self.env["hr.skp.alasan.wizard"]
            .with_user(self.user_kasubbag)
            .with_context(**action["context"])
            .create({"alasan": "Bukti dukung belum lengkap"})
        )
        wizard.action_confirm()
        self.assertEqual(ev.state, "draft")
        self.assertIn("Bukti dukung belum lengkap", ev.message_ids[0].body)

    def test_cannot_submit_future_period(self):
        ev = self.make_evaluasi(self.skp, "bulanan", 6)
        with freeze_time("2026-05-20"), self.assertRaisesRegex(UserError, "started"):
            ev.with_user(self.user_pelaksana).action_ajukan()

    # ------------------------------------------------------------ annual ratings
    def test_annual_suggestions(self):
        for ke, hasil, perilaku in (
            (1, "sesuai", "di_atas"),
            (2, "di_atas", "di_atas"),
            (3, "sesuai", "sesuai"),
        ):
            self.make_rated(self.skp, hasil, perilaku, ke=ke)
        annual = self.make_evaluasi(self.skp, "tahunan")
        self.assertEqual(annual.saran_rating_hasil_kerja, "sesuai")
        self.assertEqual(annual.saran_rating_perilaku, "di_atas")
        # kuantitatif: capaian formulas suggest too (no annual values -> periodic ones)
        self.assertFalse(annual.saran_rating_capaian)
        month = self.skp.evaluasi_ids.filtered(lambda e: e.periode_ke == 1)[:1]
        month.realisasi_ids.sorted("id")[0].write({"realisasi_value": 120})
        annual.invalidate_recordset()
        self.assertEqual(annual.saran_rating_capaian, "di_atas")
        annual.with_user(self.user_pelaksana).action_ajukan()
        annual.with_user(self.user_kasubbag).action_terapkan_saran()
        self.assertEqual(annual.rating_hasil_kerja, "di_atas")  # kuantitatif
        self.assertEqual(annual.rating_perilaku, "di_atas")
        # the pejabat penilai decides
        annual.with_user(self.user_kasubbag).write({"rating_hasil_kerja": "sesuai"})
        self.assertEqual(annual.predikat, "baik")

    # ----------------------------------------------------------- angka kredit
    def test_angka_kredit(self):
        skp = self.make_approved_skp(self.fungsional)
        annual = self.make_rated(skp, "sesuai", "sesuai", periode="tahunan")
        self.assertEqual(annual.angka_kredit, 12.5)  # ahli pertama, baik, 12 months
        monthly = self.make_rated(skp, "sesuai", "sesuai")
        self.assertEqual(monthly.angka_kredit, 0.0)
        # approved as an ahli madya (the snapshot keeps the jabatan)
        self.kabid.write(
            {"jenis_jabatan": "fungsional", "jenjang_fungsional": "ahli_madya"}
        )
        short = self.make_approved_skp(self.kabid)
        short.sudo().write({"date_start": self.d(7, 1)})
        annual_short = self.make_rated(short, "di_atas", "di_atas", periode="tahunan")
        self.assertEqual(annual_short.date_start, self.d(7, 1))
        # 37.5 x 150% x 6/12
        self.assertEqual(annual_short.angka_kredit, 28.125)

    # -------------------------------------------------------- closing and reopening
    def test_employee_entry_closes_hr_never(self):
        self.env.company.skp_realisasi_lock_days = 10
        ev = self.make_evaluasi(self.skp, "bulanan", 1)
        line = ev.realisasi_ids[0]
        with freeze_time("2026-02-05"):
            line.with_user(self.user_pelaksana).realisasi_value = 50
            self.assertFalse(ev.terkunci)
        with freeze_time("2026-02-20"):
            ev.invalidate_recordset(["terkunci"])
            self.assertTrue(ev.terkunci)
            with self.assertRaisesRegex(UserError, "closed"):
                line.with_user(self.user_pelaksana).realisasi_value = 60
            # HR is never locked out and backfills
            line.with_user(self.user_pengelola).realisasi_value = 70
            self.assertEqual(line.realisasi_value, 70)
            with self.assertRaises(AccessError):
                ev.with_user(self.user_pelaksana).action_buka_kembali("please")
            ev.with_user(self.user_pengelola).action_buka_kembali("Sakit")
            self.assertTrue(ev.dibuka_kembali)
            line.with_user(self.user_pelaksana).realisasi_value = 80
            self.assertEqual(line.realisasi_value, 80)

    def test_lock_off_by_default(self):
        self.assertEqual(self.env.company.skp_realisasi_lock_days, 0)
        ev = self.make_evaluasi(self.skp, "bulanan", 1)
        with freeze_time("2026-12-31"):
            ev.realisasi_ids[0].with_user(self.user_pelaksana).realisasi_value = 5

    def test_hr_backfills_past_period(self):
        self.env.company.skp_realisasi_lock_days = 3
        with freeze_time("2026-11-30"):
            ev = self.Evaluasi.with_user(self.user_pengelola).create(
                {"skp_id": self.skp.id, "periode": "bulanan", "periode_ke": 2}
            )
            ev.realisasi_ids[0].realisasi_value = 40
            ev.action_ajukan()
            self.assertEqual(ev.state, "diajukan")

    # ------------------------------------------------------------- daily log
    def test_catatan_harian_feeds_month(self):
        rhk = self.skp.rhk_ids
        indikator = self.skp.indikator_ids.sorted("id")[0]
        Log = self.env["hr.skp.catatan.harian"].with_user(self.user_pelaksana)
        for day, qty in ((3, 20), (10, 30), (25, 35)):
            Log.create(
                {
                    "skp_id": self.skp.id,
                    "rhk_id": rhk.id,
                    "indikator_id": indikator.id,
                    "tanggal": self.d(4, day),
                    "name": f"Dokumen batch {day}",
                    "kuantitas": qty,
                }
            )
        Log.create(
            {
                "skp_id": self.skp.id,
                "rhk_id": rhk.id,
                "indikator_id": indikator.id,
                "tanggal": self.d(5, 2),
                "name": "Next month",
                "kuantitas": 99,
            }
        )
        ev = self.make_evaluasi(self.skp, "bulanan", 4)
        line = ev.realisasi_ids.filtered(lambda r: r.indikator_id == indikator)
        self.assertEqual(line.realisasi_value, 85)
        self.assertIn("Dokumen batch 10", line.realisasi_text)
        self.assertEqual(line.capaian, 100.0)
        with self.assertRaisesRegex(ValidationError, "negative"):
            Log.create(
                {
                    "skp_id": self.skp.id,
                    "rhk_id": rhk.id,
                    "tanggal": self.d(4, 4),
                    "name": "x",
                    "kuantitas": -1,
                }
            )
        with self.assertRaisesRegex(ValidationError, "outside"):
            Log.create(
                {
                    "skp_id": self.skp.id,
                    "rhk_id": rhk.id,
                    "tanggal": date(self.YEAR + 1, 1, 2),
                    "name": "x",
                }
            )

    # --------------------------------------------------------- rencana bulanan
    def test_rencana_bulanan_pppk_pw(self):
        skp = self.make_approved_skp(
            self.pppk_pw,
            indikator=[
                {"name": "Jumlah berkas", "target_min": 120, "aspek": "kuantitas"},
                {"name": "Ketepatan", "target_min": 90, "aspek": "kualitas"},
            ],
        )
        self.assertTrue(skp.rencana_bulanan_aktif)
        self.assertFalse(self.skp.rencana_bulanan_aktif)
        skp.action_generate_rencana_bulanan()
        self.assertEqual(len(skp.rencana_bulanan_ids), 24)
        berkas = skp.rencana_bulanan_ids.filtered(
            lambda r: r.indikator_id.aspek == "kuantitas"
        )
        self.assertEqual(set(berkas.mapped("target_min")), {10.0})
        # editable on the approved SKP, by the pejabat penilai
        march = berkas.filtered(lambda r: r.bulan == "3")
        march.with_user(self.user_kasubbag).target_min = 20
        skp.action_generate_rencana_bulanan()  # idempotent
        self.assertEqual(len(skp.rencana_bulanan_ids), 24)
        with self.assertRaises(AccessError):
            march.with_user(self.user_other).write({"target_min": 1})
        # the month's evaluation takes the monthly target
        ev = self.make_evaluasi(skp, "bulanan", 3)
        line = ev.realisasi_ids.filtered(lambda r: r.indikator_id.aspek == "kuantitas")
        self.assertEqual(line.target_min, 20)
        # capaian_rata_rata: mean of the rated months
        values = {1: (10, 90), 2: (5, 90), 3: (20, 90)}
        for ke, (berkas_value, ketepatan) in values.items():
            month = ev if ke == 3 else self.make_evaluasi(skp, "bulanan", ke)
            for realisasi in month.realisasi_ids:
                realisasi.realisasi_value = (
                    berkas_value
                    if realisasi.indikator_id.aspek == "kuantitas"
                    else ketepatan
                )
            admin = month.with_user(self.user_admin_bkd)
            admin.action_ajukan()
            admin.write({"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"})
            admin.action_nilai()
        # months: (100+100)/2, (50+100)/2, (100+100)/2
        self.assertAlmostEqual(skp.capaian_rata_rata, (100 + 75 + 100) / 3, places=2)

    def test_rekomendasi_perpanjangan(self):
        skp = self.make_approved_skp(self.pppk_pw)
        self.assertFalse(skp.rekomendasi_perpanjangan)
        self.assertTrue(skp.rekomendasi_alasan)
        annual = self.make_rated(skp, "sesuai", "sesuai", periode="tahunan")
        self.assertEqual(annual.predikat, "baik")
        self.assertEqual(skp.rekomendasi_perpanjangan, "diperpanjang")
        self.assertIn("meet", skp.rekomendasi_alasan)
        skp2 = self.make_approved_skp(
            self.env["hr.employee"].create(
                {
                    "name": "PPPK Dua",
                    "asn_status": "pppk",
                    "parent_id": self.kasubbag.id,
                }
            )
        )
        self.make_rated(skp2, "di_bawah", "sesuai", periode="tahunan")
        self.assertEqual(skp2.rekomendasi_perpanjangan, "tidak_diperpanjang")
        self.assertIn("predikat is below", skp2.rekomendasi_alasan)
        # a PNS gets no advice
        self.make_rated(self.skp, "sesuai", "sesuai", periode="tahunan")
        self.assertFalse(self.skp.rekomendasi_perpanjangan)

    # ------------------------------------------------------------- generation
    def test_generate_evaluasi(self):
        self.skp.action_generate_evaluasi()
        self.assertEqual(
            sorted(self.skp.evaluasi_ids.mapped("periode")),
            ["bulanan"] * 12 + ["tahunan"],
        )
        self.skp.action_generate_evaluasi()
        self.assertEqual(len(self.skp.evaluasi_ids), 13)
        with self.assertRaises(UserError):
            self.make_skp(self.fungsional).action_generate_evaluasi()

    # ------------------------------------------------------------------ crons
    def test_reminder_crons(self):
        self.env.company.skp_realisasi_reminder_days = 5
        with freeze_time("2026-02-04"):
            self.Evaluasi._cron_remind_realisasi()
            jan = self.skp.evaluasi_ids.filtered(lambda e: e.periode_ke == 1)
            self.assertEqual(len(jan), 1)  # generated for the ended month
            self.assertFalse(jan.activity_ids)
        with freeze_time("2026-02-10"):
            self.Evaluasi._cron_remind_realisasi()
            realisasi_type = self.env.ref("hr_skp_asn.mail_act_evaluasi_realisasi")
            activity = jan.activity_ids.filtered(
                lambda a: a.activity_type_id == realisasi_type
            )
            self.assertEqual(activity.user_id, self.user_pelaksana)
            self.Evaluasi._cron_remind_realisasi()  # no duplicate
            self.assertEqual(len(jan.activity_ids), 1)
            jan.with_user(self.user_pelaksana).action_ajukan()
            self.assertFalse(
                jan.activity_ids.filtered(
                    lambda a: a.activity_type_id == realisasi_type
                )
            )
            penilaian_type = self.env.ref("hr_skp_asn.mail_act_evaluasi_penilaian")
            jan.activity_ids.unlink()
            self.Evaluasi._cron_remind_penilaian()
        with freeze_time("2026-02-20"):
            self.Evaluasi._cron_remind_penilaian()
            activity = jan.activity_ids.filtered(
                lambda a: a.activity_type_id == penilaian_type
            )
            self.assertEqual(activity.user_id, self.user_kasubbag)

    # ------------------------------------------------------------- unit leader
    def test_unit_leader_rating_follows_organisation(self):
        self.subbag.manager_id = self.kasubbag
        skp = self.make_approved_skp(self.kasubbag)
        ev = self.make_evaluasi(skp, "bulanan", 1)
        self.assertTrue(ev.is_pimpinan_unit)
        self.env["hr.skp.capaian.organisasi"].create(
            {
                "department_id": self.subbag.id,
                "year": self.YEAR,
                "periode": "bulanan",
                "periode_ke": 1,
                "predikat_organisasi": "istimewa",
            }
        )
        ev.invalidate_recordset()
        self.assertEqual(ev.rating_hasil_kerja, "di_atas")
        ev.with_user(self.user_kasubbag).action_ajukan()
        with self.assertRaisesRegex(UserError, "follows the capaian"):
            ev.with_user(self.user_kabid).write({"rating_hasil_kerja": "sesuai"})
        ev.with_user(self.user_kabid).write({"rating_perilaku": "sesuai"})
        ev.with_user(self.user_kabid).action_nilai()
        self.assertEqual(ev.predikat, "baik")

    # ---------------------------------------------------------------- access
    def test_record_rules(self):
        ev = self.make_evaluasi(self.skp)
        Evaluasi = self.Evaluasi
        for user, visible in (
            (self.user_pelaksana, True),
            (self.user_kasubbag, True),
            (self.user_kabid, True),  # atasan pejabat penilai
            (self.user_pengelola, True),  # department tree of Bidang
            (self.user_admin_bkd, True),
            (self.user_other, False),
            (self.user_fungsional, False),
        ):
            found = Evaluasi.with_user(user).search([("id", "=", ev.id)])
            self.assertEqual(bool(found), visible, user.login)
        with self.assertRaises(AccessError):
            ev.with_user(self.user_other).read(["predikat"])
        with self.assertRaises(AccessError):
            ev.realisasi_ids[0].with_user(self.user_other).read(["capaian"])


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestEvaluasiIntegrity(EvaluasiCommon):
    """Nothing a user writes sets the status, the predikat, the dates or a computed
    value; no context key skips a check (the reviewer's findings)."""

    SYSTEM_VALUES = (
        {"state": "ditetapkan"},
        {"predikat_keberatan": "sangat_baik"},
        {"tanggal_ditetapkan": "2027-01-01"},
        {"tanggal_diajukan": "2027-01-01"},
        {"dibuka_kembali": True},
        {"alasan_buka_kembali": "x"},
        {"predikat": "sangat_baik"},
        {"capaian": 1000000.0},
        {"angka_kredit": 99.0},
        {"employee_id": False},
    )

    def test_system_fields_refused_to_every_user(self):
        ev = self.make_evaluasi(self.skp)
        ev.with_user(self.user_pelaksana).action_ajukan()
        for user in (self.user_pelaksana, self.user_kasubbag, self.user_admin_bkd):
            for vals in self.SYSTEM_VALUES + ({"ditetapkan_oleh_id": user.id},):
                with self.assertRaisesRegex(UserError, "cannot be written"):
                    ev.with_user(user).write(vals)
        self.assertEqual(ev.state, "diajukan")
        self.assertFalse(ev.predikat)
        with self.assertRaisesRegex(UserError, "cannot be written"):
            self.Evaluasi.with_user(self.user_pelaksana).create(
                {
                    "skp_id": self.skp.id,
                    "periode_ke": 4,
                    "state": "ditetapkan",
                    "predikat_keberatan": "sangat_baik",
                }
            )
        # the actions still set them (as the system, after their own checks)
        self.flush_tracking()
        penilai = ev.with_user(self.user_kasubbag)
        penilai.write({"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"})
        penilai.action_nilai()
        penilai.action_tetapkan()
        self.assertEqual(ev.state, "ditetapkan")
        self.assertEqual(ev.ditetapkan_oleh_id, self.user_kasubbag)
        # the chatter author stays the user who acted
        self.flush_tracking()
        tracked = ev.message_ids.filtered(
            lambda m: "state" in m.tracking_value_ids.field_id.mapped("name")
        )
        self.assertIn(self.user_kasubbag.partner_id, tracked.author_id)

    def test_context_key_skips_nothing(self):
        ev = self.make_evaluasi(self.skp)
        line = ev.realisasi_ids.sorted("id")[0]
        ctx = {"skp_evaluasi_system": True, "skp_bypass_lock": True}
        as_pegawai = ev.with_user(self.user_pelaksana).with_context(**ctx)
        with self.assertRaisesRegex(UserError, "cannot be written"):
            as_pegawai.write({"state": "ditetapkan"})
        with self.assertRaisesRegex(UserError, "targets"):
            line.with_user(self.user_pelaksana).with_context(**ctx).write(
                {"target_min": 0.01}
            )
        with self.assertRaises(UserError):
            line.with_user(self.user_pelaksana).with_context(**ctx).unlink()
        as_pegawai.action_ajukan()
        with self.assertRaises(AccessError):
            as_pegawai.write({"rating_hasil_kerja": "di_atas"})
        with self.assertRaises(UserError):
            line.with_user(self.user_pelaksana).with_context(**ctx).write(
                {"realisasi_value": 999}
            )
        self.assertEqual(ev.state, "diajukan")
        self.assertFalse(ev.rating_hasil_kerja)

    def test_realisasi_lines_and_targets(self):
        ev = self.make_evaluasi(self.skp)
        line = ev.realisasi_ids.sorted("id")[0]
        mine = line.with_user(self.user_pelaksana)
        for vals in (
            {"target_min": 0.01},
            {"target_max": 1000},
            {"target_text": "apa saja"},
        ):
            with self.assertRaisesRegex(UserError, "targets"):
                mine.write(vals)
            with self.assertRaisesRegex(UserError, "targets"):
                line.with_user(self.user_kasubbag).write(vals)
        for vals in (
            {"capaian": 1000000.0},
            {"capaian_dihitung": True},
            {"nilai_capaian": 120},
            {"indikator_id": ev.realisasi_ids.sorted("id")[1].indikator_id.id},
            {"evaluasi_id": self.make_evaluasi(self.skp, "bulanan", 2).id},
        ):
            with self.assertRaisesRegex(UserError, "cannot be written"):
                mine.write(vals)
        # no line added or removed: one per indikator
        with self.assertRaisesRegex(UserError, "cannot be added"):
            self.env["hr.skp.realisasi"].with_user(self.user_pelaksana).create(
                {"evaluasi_id": ev.id, "indikator_id": line.indikator_id.id}
            )
        with self.assertRaisesRegex(UserError, "cannot be added"):
            ev.with_user(self.user_pelaksana).write(
                {
                    "realisasi_ids": [
                        Command.create(
                            {"indikator_id": line.indikator_id.id, "target_min": 1}
                        )
                    ]
                }
            )
        with self.assertRaisesRegex(UserError, "none can be removed"):
            mine.unlink()
        with self.assertRaisesRegex(UserError, "none can be removed"):
            ev.with_user(self.user_pelaksana).write(
                {"realisasi_ids": [Command.delete(line.id)]}
            )
        with self.assertRaises(UserError):
            ev.perilaku_ids[0].with_user(self.user_pelaksana).unlink()
        self.assertEqual(len(ev.realisasi_ids), 2)
        # the realisasi stays the employee's; HR corrects a target
        mine.write({"realisasi_value": 85})
        self.assertEqual(line.capaian, 100.0)
        line.with_user(self.user_pengelola).write({"target_min": 100})
        self.assertEqual(line.capaian, 85.0)
        # the employee still deletes their own draft evaluation (lines go with it)
        ev.with_user(self.user_pelaksana).unlink()
        self.assertFalse(line.exists())

    def test_rencana_bulanan_targets_after_approval(self):
        self.skp.action_generate_rencana_bulanan()
        march = self.skp.rencana_bulanan_ids.filtered(
            lambda r: r.bulan == "3" and r.indikator_id.polaritas != "minimize"
        )
        ev = self.make_evaluasi(self.skp, "bulanan", 3)
        line = ev.realisasi_ids.filtered(lambda r: r.rencana_bulanan_id == march)
        self.assertEqual(line.target_min, 85)
        # the approved plan is not the employee's to lower
        with self.assertRaisesRegex(UserError, "approved"):
            march.with_user(self.user_pelaksana).write({"target_min": 0.01})
        # the pejabat penilai corrects it; the open month follows
        march.with_user(self.user_kasubbag).write({"target_min": 80})
        self.assertEqual(line.target_min, 80)
        rated = self.make_rated(self.skp, "sesuai", "sesuai", ke=4)
        april = self.skp.rencana_bulanan_ids.filtered(
            lambda r: r.bulan == "4" and r.indikator_id == march.indikator_id
        )
        april.with_user(self.user_kasubbag).write({"target_min": 1})
        self.assertEqual(
            rated.realisasi_ids.filtered(
                lambda r: r.indikator_id == march.indikator_id
            ).target_min,
            85,
        )  # rated: kept

    def test_dates_follow_the_periode(self):
        Evaluasi = self.Evaluasi.with_user(self.user_pelaksana)
        # a bulanan covering nine months, a tahunan covering January
        with self.assertRaisesRegex(UserError, "follow its periode"):
            Evaluasi.create(
                {
                    "skp_id": self.skp.id,
                    "periode": "bulanan",
                    "date_start": self.d(3, 1),
                    "date_end": self.d(11, 30),
                }
            )
        with self.assertRaisesRegex(UserError, "follow its periode"):
            Evaluasi.create(
                {
                    "skp_id": self.skp.id,
                    "periode": "tahunan",
                    "date_start": self.d(1, 1),
                    "date_end": self.d(1, 31),
                }
            )
        # the computed dates themselves are accepted (a form sends them)
        ev = Evaluasi.create(
            {
                "skp_id": self.skp.id,
                "periode": "bulanan",
                "date_start": self.d(3, 1),
                "date_end": self.d(3, 31),
            }
        )
        self.assertEqual(ev.periode_ke, 3)
        for user in (self.user_pelaksana, self.user_pengelola, self.user_admin_bkd):
            for vals in (
                {"date_end": self.d(11, 30)},
                {"date_start": self.d(2, 1)},
                {"periode": "tahunan"},
                {"periode_ke": 4},
                {"skp_id": self.skp.id},
            ):
                with self.assertRaisesRegex(UserError, "cannot be written"):
                    ev.with_user(user).write(vals)
        self.assertEqual((ev.date_start, ev.date_end), (self.d(3, 1), self.d(3, 31)))
        # a month served for the TPP is the month only
        self.make_rated(self.skp, "di_atas", "di_atas", ke=5)
        self.assertEqual(
            self.pelaksana.get_skp_predikat(self.YEAR, 5)["predikat"], "sangat_baik"
        )
        self.assertFalse(self.pelaksana.get_skp_predikat(self.YEAR, 6)["predikat"])

    def test_angka_kredit_from_snapshot_not_later_promotion(self):
        # the jabatan as approved (the SKP snapshot), not the live record
        self.fungsional.write({"jenjang_fungsional": "ahli_muda"})
        skp = self.make_approved_skp(self.fungsional)
        self.assertEqual(skp.snap_pegawai_jenjang, "ahli_muda")
        annual = self.make_rated(skp, "sesuai", "sesuai", periode="tahunan")
        self.assertEqual(annual.angka_kredit, 25.0)  # ahli muda, baik, 12 months
        # a promotion afterwards changes nothing already set
        self.fungsional.write({"jenjang_fungsional": "ahli_madya"})
        self.env.flush_all()
        annual.invalidate_recordset()
        self.assertEqual(annual.angka_kredit, 25.0)
        self.fungsional.write({"jenis_jabatan": "administrator"})
        self.env.flush_all()
        annual.invalidate_recordset()
        self.assertEqual(annual.angka_kredit, 25.0)
        # an upheld keberatan (predikat) does recompute it, from the snapshot
        annual.sudo().write({"predikat_keberatan": "sangat_baik"})
        self.assertEqual(annual.angka_kredit, 37.5)

    def test_angka_kredit_through_approval(self):
        """Approved by the workflow: the snapshot holds jenis and jenjang."""
        self.make_cascade()
        skp = self.make_skp(
            self.fungsional,
            rhk=[
                {
                    "name": "Terkelolanya aplikasi",
                    "rhk_atasan_id": self.skp_kabid.rhk_ids[0].id,
                }
            ],
        )
        self.approve(skp)
        self.assertEqual(skp.snap_pegawai_jenjang, "ahli_pertama")
        annual = self.make_rated(skp, "sesuai", "sesuai", periode="tahunan")
        self.fungsional.write({"jenjang_fungsional": "ahli_utama"})
        self.env.flush_all()
        annual.invalidate_recordset()
        self.assertEqual(annual.angka_kredit, 12.5)

    def test_batch_creation(self):
        """One create for many evaluations: the lines in one go, followers per set
        of people, not per evaluation."""
        skp = self.make_approved_skp(self.fungsional)
        Evaluasi = self.Evaluasi.sudo()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        Evaluasi.create(
            [{"skp_id": self.skp.id, "periode": "bulanan", "periode_ke": 1}]
        )
        one = self.cr.sql_log_count - before
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        many = Evaluasi.create(
            [
                {"skp_id": s.id, "periode": "bulanan", "periode_ke": ke}
                for s in (self.skp, skp)
                for ke in range(2, 12)
            ]
        )
        twenty = self.cr.sql_log_count - before
        self.assertEqual(len(many), 20)
        self.assertEqual(len(many.realisasi_ids), 10 * 2 + 10 * 1)
        self.assertEqual(len(many.perilaku_ids), 20 * 7)
        self.assertIn(self.user_pelaksana.partner_id, many[0].message_partner_ids)
        self.assertIn(self.user_kabid.partner_id, many[-1].message_partner_ids)
        # far less than twenty times one evaluation
        self.assertLess(twenty, one * 6, (one, twenty))
