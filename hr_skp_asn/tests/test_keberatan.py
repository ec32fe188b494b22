from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
class TestKeberatan(EvaluasiCommon):
    def setUp(self):
        super().setUp()
        with freeze_time("2027-01-05"):
            self.ev = self.make_evaluasi(self.skp, "tahunan")
            self.ev.with_user(self.user_pelaksana).action_ajukan()
            penilai = self.ev.with_user(self.user_kasubbag)
            penilai.write(
                {"rating_hasil_kerja": "di_bawah", "rating_perilaku": "sesuai"}
            )
            penilai.action_nilai()
            penilai.action_tetapkan()
        self.Keberatan = self.env["hr.skp.keberatan"]

    def file(self, user=None, **vals):
        return self.Keberatan.with_user(user or self.user_pelaksana).create(
            {"evaluasi_id": self.ev.id, "alasan": "Target tercapai", **vals}
        )

    @freeze_time("2027-01-10")
    def test_upheld_changes_predikat_and_keeps_history(self):
        self.assertEqual(self.ev.predikat, "butuh_perbaikan")
        self.assertTrue(self.ev.with_user(self.user_pelaksana).dapat_keberatan)
        keberatan = self.file()
        self.assertEqual(keberatan.predikat_lama, "butuh_perbaikan")
        self.assertEqual(keberatan.atasan_pejabat_penilai_id, self.kabid)
        types = keberatan.activity_ids.mapped("activity_type_id")
        self.assertEqual(len(types), 2)
        # the pejabat penilai explains; nobody else does
        with self.assertRaises(AccessError):
            keberatan.with_user(self.user_pelaksana).penjelasan_penilai = "x"
        keberatan.with_user(self.user_kasubbag).penjelasan_penilai = "Bukti kurang"
        # the atasan decides; not the penilai
        with self.assertRaises(AccessError):
            keberatan.with_user(self.user_kasubbag).write({"keputusan": "diterima"})
        atasan = keberatan.with_user(self.user_kabid)
        atasan.write({"keputusan": "diterima", "rating_hasil_kerja_baru": "sesuai"})
        with self.assertRaises(AccessError):
            keberatan.with_user(self.user_kasubbag).action_putuskan()
        atasan.action_putuskan()
        self.assertEqual(keberatan.state, "diputus")
        self.assertEqual(keberatan.predikat_baru, "baik")
        self.assertEqual(self.ev.predikat, "baik")
        self.assertEqual(self.ev.rating_hasil_kerja, "sesuai")
        self.assertEqual(keberatan.predikat_lama, "butuh_perbaikan")
        self.assertEqual(self.ev.keberatan_penjelasan, "Bukti kurang")
        self.assertEqual(self.ev.keberatan_keputusan, "diterima")
        self.flush_tracking()
        tracked = self.ev.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "predikat"
        )
        self.assertTrue(tracked)
        with self.assertRaisesRegex(UserError, "final"):
            atasan.write({"keputusan": "ditolak"})

    @freeze_time("2027-01-10")
    def test_rejected_keeps_predikat_direct_predikat(self):
        keberatan = self.file()
        keberatan.with_user(self.user_admin_bkd).write({"keputusan": "ditolak"})
        keberatan.with_user(self.user_admin_bkd).action_putuskan()
        self.assertEqual(self.ev.predikat, "butuh_perbaikan")

    @freeze_time("2027-01-10")
    def test_diterima_needs_new_predikat(self):
        keberatan = self.file()
        keberatan.with_user(self.user_kabid).keputusan = "diterima"
        with self.assertRaisesRegex(UserError, "new predikat"):
            keberatan.with_user(self.user_kabid).action_putuskan()
        keberatan.with_user(self.user_kabid).predikat_baru = "sangat_baik"
        keberatan.with_user(self.user_kabid).action_putuskan()
        self.assertEqual(self.ev.predikat, "sangat_baik")

    def test_window_closed(self):
        with freeze_time("2027-01-20"), self.assertRaisesRegex(UserError, "closed"):
            self.file()
        self.env.company.skp_keberatan_days = 30
        self.ev.invalidate_recordset()
        with freeze_time("2027-01-20"):
            self.assertTrue(self.file())

    @freeze_time("2027-01-10")
    def test_only_employee_once_and_only_when_set(self):
        with self.assertRaises(AccessError):
            self.file(user=self.user_kasubbag)
        with self.assertRaisesRegex(UserError, "reasons"):
            self.file(alasan=" ")
        self.file()
        with self.assertRaisesRegex(UserError, "already"):
            self.file()
        draft = self.make_evaluasi(self.skp, "bulanan", 1)
        with self.assertRaisesRegex(UserError, "not ditetapkan"):
            self.Keberatan.with_user(self.user_pelaksana).create(
                {"evaluasi_id": draft.id, "alasan": "x"}
            )

    @freeze_time("2027-01-10")
    def test_upheld_keberatan_of_a_unit_leader(self):
        """An upheld keberatan may give the unit leader a rating hasil kerja other
        than the unit's (the atasan's decision is final)."""
        self.subbag.manager_id = self.kasubbag
        skp = self.make_approved_skp(self.kasubbag)
        self.env["hr.skp.capaian.organisasi"].create(
            {
                "department_id": self.subbag.id,
                "year": self.YEAR,
                "periode": "tahunan",
                "predikat_organisasi": "butuh_perbaikan",
            }
        )
        ev = self.make_rated(skp, "di_bawah", "sesuai", periode="tahunan")
        self.assertEqual(ev.predikat, "butuh_perbaikan")
        keberatan = self.Keberatan.with_user(self.user_kasubbag).create(
            {"evaluasi_id": ev.id, "alasan": "Unit kerja mencapai target"}
        )
        self.assertEqual(keberatan.atasan_pejabat_penilai_id, self.kadis)
        atasan = keberatan.with_user(self.user_kadis)
        atasan.write({"keputusan": "diterima", "rating_hasil_kerja_baru": "sesuai"})
        atasan.action_putuskan()
        self.assertEqual(ev.rating_hasil_kerja, "sesuai")
        self.assertEqual(ev.predikat, "baik")

    @freeze_time("2027-01-10")
    def test_no_atasan_bkd_admins_decide(self):
        """Without an atasan pejabat penilai the BKD admins get the decision."""
        skp = self.make_approved_skp(self.kabid)
        self.assertEqual(skp.pejabat_penilai_id, self.kadis)
        self.assertFalse(skp.atasan_pejabat_penilai_id)
        ev = self.make_rated(skp, "di_bawah", "sesuai", periode="tahunan")
        keberatan = self.Keberatan.with_user(self.user_kabid).create(
            {"evaluasi_id": ev.id, "alasan": "Mohon ditinjau"}
        )
        putusan = self.env.ref("hr_skp_asn.mail_act_keberatan_putusan")
        deciders = keberatan.activity_ids.filtered(
            lambda a: a.activity_type_id == putusan
        ).user_id
        self.assertIn(self.user_admin_bkd, deciders)
        self.assertNotIn(self.user_kabid, deciders)
        self.assertFalse(deciders.filtered("share"))
        with self.assertRaises(AccessError):
            keberatan.with_user(self.user_kabid).action_putuskan()
        admin = keberatan.with_user(self.user_admin_bkd)
        admin.write({"keputusan": "ditolak"})
        admin.action_putuskan()
        self.assertEqual(keberatan.state, "diputus")

    @freeze_time("2027-01-10")
    def test_status_and_result_before_not_writable(self):
        keberatan = self.file()
        for vals in (
            {"state": "diputus"},
            {"predikat_lama": "sangat_baik"},
            {"tanggal_putusan": "2027-01-10"},
            {"tanggal": "2027-01-01"},
            {"evaluasi_id": self.ev.id},
        ):
            for user in (self.user_pelaksana, self.user_kabid, self.user_admin_bkd):
                with self.assertRaisesRegex(UserError, "cannot be written"):
                    keberatan.with_user(user).with_context(
                        skp_evaluasi_system=True
                    ).write(vals)
        self.assertEqual(keberatan.state, "diajukan")
        # the decision still writes the evaluation, as the system, after its checks
        with self.assertRaisesRegex(UserError, "cannot be written"):
            self.ev.with_user(self.user_kabid).write(
                {"predikat_keberatan": "sangat_baik"}
            )
