from freezegun import freeze_time

from odoo.tests import tagged

from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
class TestEvaluasiDocument(EvaluasiCommon):
    """The Dokumen Evaluasi Kinerja Pegawai (SE MenPANRB 03/2023) carries who was who
    at approval, the realisasi, both ratings, the predikat and the keberatan with the
    penilai's explanation and the atasan's decision (PP 30/2019 Pasal 59)."""

    def test_document_carries_ratings_and_keberatan(self):
        # who was who: the snapshot the approval of the common setup took
        self.assertEqual(self.skp.snap_penilai_nama, "Kepala Subbagian")
        with freeze_time("2027-01-05"):
            ev = self.make_evaluasi(self.skp, "tahunan")
            ev.realisasi_ids[0].with_user(self.user_pelaksana).write(
                {"realisasi_value": 93, "realisasi_text": "Dokumen selesai"}
            )
            ev.with_user(self.user_pelaksana).action_ajukan()
            penilai = ev.with_user(self.user_kasubbag)
            penilai.write(
                {"rating_hasil_kerja": "di_bawah", "rating_perilaku": "sesuai"}
            )
            penilai.action_nilai()
            penilai.action_tetapkan()
        with freeze_time("2027-01-10"):
            keberatan = (
                self.env["hr.skp.keberatan"]
                .with_user(self.user_pelaksana)
                .create({"evaluasi_id": ev.id, "alasan": "Target sudah tercapai"})
            )
            keberatan.with_user(self.user_kasubbag).penjelasan_penilai = "Bukti kurang"
            atasan = keberatan.with_user(self.user_kabid)
            atasan.write({"keputusan": "diterima", "rating_hasil_kerja_baru": "sesuai"})
            atasan.action_putuskan()
        # who was who: the document shows the name at approval, not today's
        self.pelaksana.name = "Nama Sesudah Mutasi"
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_pelaksana)
            ._render_qweb_html("hr_skp_asn.report_evaluasi", ev.ids)
        )
        html = html.decode()
        self.assertIn("DOKUMEN EVALUASI KINERJA PEGAWAI", html)
        self.assertIn("Pelaksana", html)
        self.assertNotIn("Nama Sesudah Mutasi", html)
        self.assertIn("Kepala Subbagian", html)
        self.assertIn("Sesuai Ekspektasi", html)
        self.assertIn("Baik", html)
        self.assertIn("Target sudah tercapai", html)
        self.assertIn("Bukti kurang", html)
        self.assertIn("Keputusan atasan pejabat penilai kinerja", html)
        self.assertIn("109.41", html)  # 93 of target 85 (PermenPANRB 8/2021)
