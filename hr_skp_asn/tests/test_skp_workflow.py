from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import SkpCommon


@tagged("post_install", "-at_install")
class TestSkpPlanning(SkpCommon):
    """SKP planning and approval (DOMAIN §1; PermenPANRB 6/2022)."""

    def test_new_skp_has_period_berakhlak_and_jenis(self):
        skp = self.make_skp(self.pelaksana)
        self.assertEqual(skp.date_start, date(2026, 1, 1))
        self.assertEqual(skp.date_end, date(2026, 12, 31))
        self.assertEqual(skp.state, "draft")
        self.assertEqual(skp.jenis_skp, "ja_jf")
        self.assertEqual(skp.pejabat_penilai_id, self.kasubbag)
        self.assertEqual(skp.atasan_pejabat_penilai_id, self.kabid)
        # DOMAIN §1 perilaku kerja: the seven BerAKHLAK values with their panduan
        self.assertEqual(
            skp.perilaku_ids.mapped("aspek"),
            [
                "berorientasi_pelayanan",
                "akuntabel",
                "kompeten",
                "harmonis",
                "loyal",
                "adaptif",
                "kolaboratif",
            ],
        )
        self.assertIn("kebutuhan masyarakat", skp.perilaku_ids[0].panduan)
        self.assertEqual(self.make_jpt_skp(self.kadis).jenis_skp, "jpt")

    def test_period_outside_year_refused(self):
        with self.assertRaises(ValidationError):
            self.make_skp(
                self.pelaksana, date_start=date(2025, 12, 1), date_end=date(2026, 6, 30)
            )

    def test_duplicate_overlapping_skp_refused(self):
        self.make_skp(self.pelaksana)
        with self.assertRaises(ValidationError):
            self.make_skp(self.pelaksana)

    def test_cancelled_skp_does_not_block_a_new_one(self):
        skp = self.make_skp(self.pelaksana)
        skp.with_user(self.user_pelaksana).action_batal()
        self.assertEqual(skp.state, "batal")
        self.assertTrue(self.make_skp(self.pelaksana))

    def test_submit_needs_rhk_and_indikator(self):
        empty = self.make_skp(self.fungsional, rhk=[])
        with self.assertRaisesRegex(UserError, "RHK utama"):
            empty.with_user(self.user_fungsional).action_ajukan()
        empty.unlink()
        no_indikator = self.make_skp(
            self.fungsional, rhk=[{"name": "Tersedianya aplikasi", "indikator": []}]
        )
        with self.assertRaisesRegex(UserError, "indikator"):
            no_indikator.with_user(self.user_fungsional).action_ajukan()

    def test_ja_jf_needs_intervensi(self):
        skp = self.make_skp(self.fungsional)
        with self.assertRaisesRegex(UserError, "RHK pimpinan"):
            skp.with_user(self.user_fungsional).action_ajukan()

    def test_jpt_needs_four_perspektif_with_anggaran(self):
        skp = self.make_skp(
            self.kadis,
            rhk=[
                {
                    "name": "Meningkatnya kepuasan layanan",
                    "perspektif": "penerima_layanan",
                }
            ],
        )
        self.assertIn("Anggaran", skp.rhk_perspektif_missing)
        with self.assertRaisesRegex(UserError, "perspektif"):
            skp.with_user(self.user_kadis).action_ajukan()

    def test_intervensi_of_non_superior_rhk_refused(self):
        self.make_cascade()
        # the fungsional is rated by the Kepala Bidang, not the Kepala Subbagian
        with self.assertRaises(ValidationError):
            self.make_child_skp(
                self.fungsional, self.skp_kasubbag, "Tersedianya aplikasi"
            )

    def test_cascade_draft_before_superior_then_approval_waits(self):
        """Nobody waits on the boss to start; approval re-checks the intervened RHK."""
        skp_kadis = self.make_jpt_skp(self.kadis)
        skp_kabid = self.make_skp(
            self.kabid,
            rhk=[
                {
                    "name": "Tersusunnya kebijakan",
                    "rhk_atasan_id": skp_kadis.rhk_ids[0].id,
                }
            ],
        )
        # the list of the superior's RHK says the SKP is still a draft
        self.assertIn("(Draft)", skp_kabid.rhk_ids.rhk_atasan_id.display_name)
        skp_kabid.with_user(self.user_kabid).action_ajukan()
        with self.assertRaisesRegex(UserError, "not approved"):
            skp_kabid.with_user(self.user_kadis).action_setujui()
        self.approve(skp_kadis)
        skp_kabid.with_user(self.user_kadis).action_setujui()
        self.assertEqual(skp_kabid.state, "disetujui")

    def test_self_approval_refused(self):
        self.make_cascade()
        skp = self.make_child_skp(
            self.fungsional, self.skp_kabid, "Tersedianya aplikasi"
        )
        skp.with_user(self.user_fungsional).action_ajukan()
        with self.assertRaises(AccessError):
            skp.with_user(self.user_fungsional).action_setujui()
        # nor by someone who is not the pejabat penilai
        with self.assertRaises(AccessError):
            skp.with_user(self.user_kasubbag).action_setujui()
        skp.with_user(self.user_kabid).action_setujui()
        self.assertEqual(skp.state, "disetujui")

    def test_bkd_admin_approves_but_not_own(self):
        self.make_cascade()
        skp = self.make_child_skp(
            self.fungsional, self.skp_kabid, "Tersedianya aplikasi"
        )
        skp.with_user(self.user_fungsional).action_ajukan()
        skp.with_user(self.user_admin_bkd).action_setujui()
        self.assertEqual(skp.state, "disetujui")

    def test_approved_skp_is_read_only(self):
        self.make_cascade()
        skp = self.skp_kasubbag
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            skp.with_user(self.user_kasubbag).write({"konsekuensi": "Lain"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            skp.rhk_ids.with_user(self.user_kasubbag).write({"name": "Terubahnya"})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            skp.rhk_ids.indikator_ids.with_user(self.user_kasubbag).write(
                {"target_min": 1}
            )

    def test_return_with_reason_in_chatter(self):
        self.make_cascade()
        skp = self.make_child_skp(
            self.pelaksana, self.skp_kasubbag, "Tersusunnya arsip"
        )
        skp.with_user(self.user_pelaksana).action_ajukan()
        activity = skp.activity_ids.filtered(
            lambda a: (
                a.activity_type_id == self.env.ref("hr_skp_asn.mail_act_skp_approval")
            )
        )
        self.assertEqual(activity.user_id, self.user_kasubbag)
        skp.with_user(self.user_kasubbag).action_kembalikan("Target terlalu rendah")
        self.assertEqual(skp.state, "draft")
        self.assertIn("Target terlalu rendah", skp.message_ids[0].body)
        self.assertFalse(
            skp.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id
                    == self.env.ref("hr_skp_asn.mail_act_skp_approval")
                )
            )
        )
        # the employee gets a to-do
        self.assertEqual(skp.activity_ids.user_id, self.user_pelaksana)

    def test_reopen_with_reason_keeps_history(self):
        self.make_cascade()
        skp = self.skp_kasubbag
        skp.with_user(self.user_kabid).action_buka_kembali("Sumber daya tidak tersedia")
        self.assertEqual(skp.state, "draft")
        self.assertEqual(skp.alasan_revisi, "Sumber daya tidak tersedia")
        self.flush_tracking()
        tracked = skp.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertTrue(tracked)

    def test_revision_mid_year(self):
        """Mutasi mid-year: the SKP ends on a date and a new one starts the next day."""
        self.make_cascade()
        old = self.skp_kasubbag
        new_id = old.with_user(self.user_kabid).action_revisi(
            "2026-06-30", "Mutasi: pindah unit"
        )
        new = self.env["hr.skp"].browse(new_id)
        self.assertEqual(old.date_end, date(2026, 6, 30))
        self.assertEqual(old.state, "disetujui")
        self.assertEqual(new.date_start, date(2026, 7, 1))
        self.assertEqual(new.date_end, date(2026, 12, 31))
        self.assertEqual(new.state, "draft")
        self.assertEqual(new.revisi_dari_id, old)
        self.assertEqual(new.rhk_ids.name, old.rhk_ids.name)
        self.assertEqual(len(new.perilaku_ids), 7)
        with self.assertRaises(UserError):
            old.with_user(self.user_kabid).action_revisi("2025-06-30", "Salah tanggal")

    def test_snapshot_who_was_who(self):
        """A document printed later shows the facts as they were at approval."""
        self.make_cascade()
        skp = self.skp_kasubbag
        self.assertEqual(skp.snap_pegawai_nama, "Kepala Subbagian")
        self.assertEqual(skp.snap_pegawai_nip, "198003032005011003")
        self.assertEqual(skp.snap_pegawai_pangkat, "Penata Tk. I (III/d)")
        self.assertEqual(skp.snap_penilai_nama, "Kepala Bidang")
        self.assertEqual(skp.snap_atasan_nama, "Kepala Dinas")
        self.assertEqual(
            skp.snap_pegawai_unit, "Dinas Uji / Bidang Uji / Subbagian Uji"
        )
        self.kasubbag.write({"name": "Nama Baru", "pangkat_golongan": "IV/a"})
        self.kabid.job_title = "Sekretaris"
        self.assertEqual(skp.get_orang("pegawai")["nama"], "Kepala Subbagian")
        self.assertEqual(skp.get_orang("penilai")["jabatan"], "Kepala Bidang")

    def test_rhk_activity_phrase_warning(self):
        skp = self.make_skp(
            self.pelaksana,
            rhk=[
                {"name": "Melaksanakan rapat koordinasi"},
                {"name": "Tersusunnya laporan"},
            ],
        )
        self.assertEqual(skp.rhk_ids.mapped("is_activity_phrase"), [True, False])

    def test_matriks_peran_dan_hasil(self):
        self.make_cascade()
        leader_rhk = self.skp_kadis.rhk_ids
        counts = dict(
            zip(
                leader_rhk.mapped("name"),
                leader_rhk.mapped("bawahan_count"),
                strict=True,
            )
        )
        self.assertEqual(counts["Terselenggaranya tata kelola"], 1)
        self.assertEqual(counts["Terealisasinya anggaran"], 0)  # a gap shows
        self.assertEqual(leader_rhk[1].bawahan_employee_ids, self.kabid)
        action = self.skp_kadis.action_open_matriks()
        self.assertEqual(action["res_model"], "hr.skp.rhk")

    def test_tambahan_may_name_penugasan(self):
        skp = self.make_skp(
            self.pelaksana,
            rhk=[
                {
                    "name": "Terlaksananya tugas panitia",
                    "jenis": "tambahan",
                    "penugasan_dari": "Sekretaris Dinas",
                }
            ],
        )
        self.assertEqual(skp.rhk_ids.penugasan_dari, "Sekretaris Dinas")

    def test_lampiran_dukungan_by_category(self):
        skp = self.make_skp(self.pelaksana)
        skp.write(
            {
                "dukungan_ids": [
                    (0, 0, {"kategori": "anggaran", "name": "DPA 2026"}),
                    (0, 0, {"kategori": "peralatan", "name": "Laptop"}),
                ],
                "skema_pertanggungjawaban": "Laporan bulanan",
                "konsekuensi": "Teguran",
            }
        )
        self.assertEqual(
            skp.dukungan_sumber_daya, "Anggaran: DPA 2026\nPeralatan Kerja: Laptop"
        )

    def test_pppk_pw_deadline_ten_days_after_sk(self):
        """PPPK Paruh Waktu sign their SKP at the latest 10 days after the SK."""
        skp = self.make_skp(self.pppk_pw)
        self.assertEqual(skp.deadline, date(2026, 3, 12))

    def test_status_only_through_actions(self):
        """Writing the state or the snapshot directly (e.g. over RPC) is refused."""
        self.make_cascade()
        skp = self.make_child_skp(
            self.pelaksana, self.skp_kasubbag, "Tersusunnya arsip"
        )
        for vals in ({"state": "disetujui"}, {"snap_pegawai_nama": "Orang Lain"}):
            with self.assertRaisesRegex(UserError, "only through its actions"):
                skp.with_user(self.user_pelaksana).write(vals)
            with self.assertRaisesRegex(UserError, "only through its actions"):
                skp.with_user(self.user_kasubbag).write(vals)
        with self.assertRaisesRegex(UserError, "starts as a draft"):
            self.env["hr.skp"].with_user(self.user_fungsional).create(
                {"employee_id": self.fungsional.id, "year": 2026, "state": "disetujui"}
            )
        # the approved SKP cannot have its period moved by a plain write either
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.skp_kasubbag.with_user(self.user_kasubbag).write(
                {"date_end": "2026-06-30"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.skp_kasubbag.with_user(self.user_kabid).write(
                {"pejabat_penilai_id": self.kadis.id}
            )
