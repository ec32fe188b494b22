from odoo.tests import Form, tagged

from .common import SkpCommon


@tagged("post_install", "-at_install")
class TestSkpMatriksAndForm(SkpCommon):
    """The printable Matriks Peran dan Hasil; the SKP form as users fill it."""

    def test_matriks_report_shows_carriers_and_gaps(self):
        self.make_cascade()
        html, _type = (
            self.env["ir.actions.report"]
            .with_user(self.user_kadis)
            ._render_qweb_html("hr_skp_asn.report_skp_matriks", self.skp_kadis.ids)
        )
        html = html.decode()
        self.assertIn("MATRIKS PEMBAGIAN PERAN DAN HASIL", html)
        self.assertIn("Terselenggaranya tata kelola", html)
        self.assertIn("Kepala Bidang", html)
        self.assertIn("Tersusunnya kebijakan bidang", html)
        self.assertIn("Belum ada pegawai yang berperan", html)  # the anggaran RHK

    def test_form_as_employee(self):
        """The employee fills the SKP form: period and penilai come by themselves."""
        self.make_cascade()
        with Form(self.env["hr.skp"].with_user(self.user_pelaksana)) as form:
            form.employee_id = self.pelaksana
            form.year = 2026
            self.assertEqual(form.pejabat_penilai_id, self.kasubbag)
            self.assertEqual(str(form.date_start), "2026-01-01")
            self.assertEqual(str(form.date_end), "2026-12-31")
        skp = form.record
        self.assertEqual(len(skp.perilaku_ids), 7)
        Rhk = self.env["hr.skp.rhk"].with_user(self.user_pelaksana)
        with Form(Rhk.with_context(default_skp_id=skp.id)) as rhk_form:
            rhk_form.name = "Tersusunnya arsip digital"
            rhk_form.rhk_atasan_id = self.skp_kasubbag.rhk_ids
            with rhk_form.indikator_ids.new() as ind:
                ind.name = "Jumlah arsip"
                ind.target_min = 500
                ind.satuan = "berkas"
        self.assertEqual(skp.rhk_ids.indikator_ids.target_display, "500 berkas")
        skp.with_user(self.user_pelaksana).action_ajukan()
        self.assertEqual(skp.state, "diajukan")
