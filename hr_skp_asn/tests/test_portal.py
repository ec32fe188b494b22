"""The employee portal /my/skp over HTTP, as the portal employee and as others."""

from datetime import timedelta

from odoo import fields, http
from odoo.fields import Command
from odoo.tests import HttpCase, tagged

from ..controllers.portal import BUKTI_MAX_MB, SkpPortal
from .common_evaluasi import EvaluasiCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02"
    b"\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00"
    b"\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" * 8


class PortalCommon(HttpCase, EvaluasiCommon):
    """The PPPK Paruh Waktu (portal user ``portalpw``) with an approved SKP that
    intervenes their Kepala Subbagian's RHK, a draft January and a ditetapkan
    February; the pelaksana (another user) has their own SKP and evaluation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skp_leader = cls.make_approved_skp(cls.kasubbag)
        cls.skp_pw = cls.env["hr.skp"].create(
            {
                "employee_id": cls.pppk_pw.id,
                "year": cls.YEAR,
                "konsekuensi": "Kontrak tidak diperpanjang bila Kurang.",
                "rhk_ids": [
                    Command.create(
                        {
                            "name": "Terlayaninya kebutuhan operasional kantor",
                            "rhk_atasan_id": cls.skp_leader.rhk_ids[0].id,
                            "indikator_ids": [
                                Command.create(
                                    {
                                        "name": "Jumlah permintaan layanan",
                                        "target_min": 20,
                                        "satuan": "permintaan",
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
        cls.skp_pw.write({"state": "disetujui"})
        cls.ev_draft = cls.make_evaluasi(cls.skp_pw, "bulanan", 1)
        cls.line = cls.ev_draft.realisasi_ids
        cls.ev_done = cls.make_rated(cls.skp_pw, "sesuai", "sesuai", ke=2)
        cls.ev_other = cls.make_evaluasi(cls.skp, "bulanan", 1)

    def setUp(self):
        super().setUp()
        self.authenticate("portalpw", "portalpw")

    @classmethod
    def make_year_skp(cls, employee, year, indikator=None):
        """An approved SKP of another year, set directly (the planning workflow
        is tested elsewhere)."""
        rhk = {"name": f"Tersusunnya hasil kerja {year}"}
        if indikator:
            rhk["indikator"] = indikator
        skp = cls.make_skp(employee, rhk=[rhk], year=year)
        skp.write({"state": "disetujui"})
        return skp

    def base(self, skp=None, ev=None):
        skp = skp or self.skp_pw
        url = f"/my/skp/{skp.id}"
        return f"{url}/evaluasi/{ev.id}" if ev else url

    def post(self, url, data=None, files=None, csrf=True):
        data = dict(data or {})
        if csrf:
            data["csrf_token"] = http.Request.csrf_token(self)
        return self.url_open(url, data=data, files=files, allow_redirects=False)

    def save(self, ev=None, files=None, **values):
        ev = ev or self.ev_draft
        return self.post(f"{self.base(ev.skp_id, ev)}/simpan", values, files=files)


@tagged("post_install", "-at_install")
class TestPortalPages(PortalCommon):
    def test_home_card_counts(self):
        counts = self.make_jsonrpc_request(
            "/my/counters",
            {"counters": ["skp_count", "skp_evaluasi_count", "skp_hasil_count"]},
        )
        self.assertEqual(
            counts, {"skp_count": 1, "skp_evaluasi_count": 1, "skp_hasil_count": 1}
        )
        page = self.url_open("/my")
        self.assertIn("Kinerja", page.text)
        self.assertIn('data-placeholder_count="skp_evaluasi_count"', page.text)

    def test_indonesian_user_sees_indonesian(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_skp_asn"], ["id_ID"], overwrite=True
        )
        self.user_portal.lang = "id_ID"
        self.authenticate("portalpw", "portalpw")  # the session takes the language
        text = self.url_open(self.base(ev=self.ev_draft)).text
        for expected in ("Simpan sebagai draf", "Realisasi (angka)", "Draf"):
            self.assertIn(expected, text)
        response = self.save(**{f"value_{self.line.id}": "x"})
        self.assertIn(
            "Tulis angka, misalnya 12 atau 12,5 (tanpa satuan).", response.text
        )
        text = self.url_open(self.base()).text
        self.assertIn("Disetujui pada", text)
        self.assertIn("Riwayat", text)

    def test_list_shows_own_skp_only_sorted_and_paged(self):
        for url in ("/my/skp", "/my/skp/page/1", "/my/skp?sortby=oldest"):
            page = self.url_open(url)
            self.assertEqual(page.status_code, 200)
            self.assertIn(f'href="/my/skp/{self.skp_pw.id}"', page.text)
            self.assertNotIn(f'href="/my/skp/{self.skp.id}"', page.text)
            self.assertIn("Kepala Subbagian", page.text)  # the pejabat penilai

    def test_detail_shows_the_plan(self):
        self.assertEqual(self.skp_pw.access_url, f"/my/skp/{self.skp_pw.id}")
        page = self.url_open(self.base())
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertIn("Terlayaninya kebutuhan operasional kantor", text)
        self.assertIn(self.skp_leader.rhk_ids[0].name, text)  # RHK pimpinan
        self.assertIn("Jumlah permintaan layanan", text)
        self.assertIn("20 permintaan", text)
        self.assertIn("Kolaboratif", text)  # BerAKHLAK
        self.assertIn("Kontrak tidak diperpanjang bila Kurang.", text)  # lampiran
        self.assertIn(self.base(ev=self.ev_draft), text)
        self.assertIn('class="o_portal_chatter', text.replace("d-print-none ", ""))
        self.assertNotIn("/ajukan", text)  # approved: read only

    def test_monthly_rencana_shown(self):
        self.skp_pw.action_generate_rencana_bulanan()
        page = self.url_open(self.base())
        self.assertIn("Rencana kinerja bulanan", page.text)
        self.assertIn("Januari", page.text)

    def test_evaluation_page_shows_feedback_ratings_and_predikat(self):
        ev = self.ev_done
        ev.realisasi_ids.sudo().write({"umpan_balik": "Lengkapi foto kegiatan."})
        ev.perilaku_ids[:1].sudo().write({"umpan_balik": "Ramah kepada tamu."})
        ev.sudo().write({"umpan_balik": "Pertahankan."})
        text = self.url_open(self.base(ev=ev)).text
        for expected in (
            "Lengkapi foto kegiatan.",
            "Ramah kepada tamu.",
            "Pertahankan.",
            "Baik",  # predikat
            "Sesuai Ekspektasi",  # both ratings
            'action="/my/skp/%s/evaluasi/%s/keberatan"' % (self.skp_pw.id, ev.id),
        ):
            self.assertIn(expected, text)
        self.assertNotIn('name="value_', text)  # no entry once ditetapkan

    def test_access_token_link_reads_without_login(self):
        self.skp_pw.sudo()._portal_ensure_token()
        token = self.skp_pw.access_token
        self.logout()
        page = self.url_open(f"{self.base()}?access_token={token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Terlayaninya kebutuhan operasional kantor", page.text)
        self.assertNotIn("/evaluasi/", page.text)  # the evaluations need a login
        wrong = self.url_open(f"{self.base()}?access_token=x{token}")
        self.assertEqual(wrong.status_code, 404)

    def test_anonymous_is_sent_to_login(self):
        self.logout()
        for url in (
            "/my/skp",
            self.base(),
            self.base(ev=self.ev_draft),
            f"{self.base()}/pdf",
        ):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303), url)
            self.assertIn("/web/login", response.headers["Location"], url)

    def test_read_routes_are_readonly(self):
        for method in (
            SkpPortal.portal_my_skp,
            SkpPortal.portal_skp_page,
            SkpPortal.portal_skp_pdf,
            SkpPortal.portal_evaluasi_page,
            SkpPortal.portal_evaluasi_pdf,
        ):
            self.assertTrue(method.original_routing["readonly"], method.__name__)
        for method in (
            SkpPortal.portal_skp_ajukan,
            SkpPortal.portal_evaluasi_save,
            SkpPortal.portal_evaluasi_keberatan,
        ):
            self.assertFalse(method.original_routing.get("readonly"), method.__name__)
            self.assertEqual(method.original_routing["methods"], ["POST"])

    def test_evaluation_pdf(self):
        response = self.url_open(f"{self.base(ev=self.ev_done)}/pdf")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")

    def test_skp_pdf_once_the_report_exists(self):
        response = self.url_open(f"{self.base()}/pdf")
        exists = self.env.ref("hr_skp_asn.action_report_skp", raise_if_not_found=False)
        self.assertEqual(response.status_code, 200 if exists else 404)


@tagged("post_install", "-at_install")
class TestPortalRefusals(PortalCommon):
    def assertNotFound(self, response, what):
        self.assertEqual(response.status_code, 404, what)

    def test_other_users_ids_answer_404_everywhere(self):
        other, ev = self.skp, self.ev_other
        attachment = self.env["ir.attachment"].create(
            {"name": "b.pdf", "raw": PDF, "res_model": "hr.skp.realisasi"}
        )
        ev.realisasi_ids.sudo().write({"attachment_ids": [Command.link(attachment.id)]})
        line = ev.realisasi_ids[:1]
        self.assertNotFound(self.url_open(self.base(other)), "detail")
        self.assertNotFound(self.url_open(f"{self.base(other)}/pdf"), "pdf")
        self.assertNotFound(self.url_open(self.base(other, ev)), "evaluation")
        self.assertNotFound(self.url_open(f"{self.base(other, ev)}/pdf"), "ev pdf")
        # own SKP in the URL, another's evaluation id
        self.assertNotFound(self.url_open(self.base(self.skp_pw, ev)), "mixed ids")
        self.assertNotFound(
            self.post(f"{self.base(other)}/ajukan", {"confirm": "1"}), "ajukan"
        )
        self.assertNotFound(
            self.post(
                f"{self.base(other, ev)}/simpan",
                {f"value_{line.id}": "5"},
                files={f"bukti_{line.id}": ("a.pdf", PDF, "application/pdf")},
            ),
            "save and upload",
        )
        self.assertNotFound(
            self.post(f"{self.base(other, ev)}/simpan", {"hapus": attachment.id}),
            "delete",
        )
        self.assertNotFound(
            self.post(f"{self.base(other, ev)}/keberatan", {"alasan": "x"}),
            "keberatan",
        )
        self.assertNotFound(self.url_open("/my/skp/999999"), "missing")
        self.assertFalse(line.realisasi_diisi)
        self.assertIn(attachment, line.attachment_ids)
        self.assertEqual(ev.state, "draft")

    def test_someone_elses_bukti_cannot_be_removed_through_ones_own_page(self):
        attachment = self.env["ir.attachment"].create(
            {"name": "b.pdf", "raw": PDF, "res_model": "hr.skp.realisasi"}
        )
        self.ev_other.realisasi_ids[:1].sudo().write(
            {"attachment_ids": [Command.link(attachment.id)]}
        )
        response = self.save(hapus=attachment.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Unknown bukti dukung.", response.text)
        self.assertTrue(attachment.exists())

    def test_post_without_csrf_is_refused(self):
        response = self.post(
            f"{self.base(ev=self.ev_draft)}/simpan",
            {f"value_{self.line.id}": "7"},
            csrf=False,
        )
        self.assertEqual(response.status_code, 400)
        response = self.post(
            f"{self.base(ev=self.ev_done)}/keberatan", {"alasan": "x"}, csrf=False
        )
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self.line.realisasi_diisi)
        self.assertFalse(self.ev_done.keberatan_ids)

    def test_bad_number_keeps_what_was_typed(self):
        response = self.save(
            **{
                f"value_{self.line.id}": "dua puluh",
                f"text_{self.line.id}": "Catatan saya",
            }
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Write a number, such as 12 or 12,5 (no units).", response.text)
        self.assertIn('value="dua puluh"', response.text)
        self.assertIn("Catatan saya", response.text)
        self.assertIn("is-invalid", response.text)
        self.assertFalse(self.line.realisasi_diisi)
        self.assertFalse(self.line.realisasi_text)

    def test_bad_files_are_refused_next_to_the_field(self):
        field = f"bukti_{self.line.id}"
        too_big = PDF + b"0" * (BUKTI_MAX_MB * 1024 * 1024)
        for name, data, message in (
            ("virus.pdf", EXE, "is not a photo (JPEG, PNG, WebP) or a PDF."),
            ("besar.pdf", too_big, f"is larger than {BUKTI_MAX_MB} MB."),
        ):
            response = self.save(
                files={field: (name, data, "application/pdf")},
                **{f"value_{self.line.id}": "12"},
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn(f"{name} {message}", response.text)
            self.assertIn('value="12"', response.text)
        self.assertFalse(self.line.attachment_ids)
        self.assertFalse(self.line.realisasi_diisi)

    def test_closed_period_refuses_entry(self):
        self.company.skp_realisasi_lock_days = 5
        ev = self.make_evaluasi(self.skp_pw, "bulanan", 3)
        self.env["hr.skp.evaluasi"].flush_model()
        page = self.url_open(self.base(ev=ev))
        self.assertIn("The entry of this period is closed.", page.text)
        self.assertNotIn('name="value_', page.text)
        line = ev.realisasi_ids
        response = self.save(
            ev,
            files={f"bukti_{line.id}": ("a.pdf", PDF, "application/pdf")},
            **{f"value_{line.id}": "9"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("closed", response.text)
        self.assertFalse(line.realisasi_diisi)
        self.assertFalse(line.attachment_ids)

    def test_submitted_evaluation_refuses_uploads_and_deletes(self):
        self.save(
            files={f"bukti_{self.line.id}": ("a.pdf", PDF, "application/pdf")},
            **{f"value_{self.line.id}": "20", "action": "ajukan"},
        )
        self.assertEqual(self.ev_draft.state, "diajukan")
        attachment = self.line.attachment_ids
        self.assertEqual(len(attachment), 1)
        response = self.save(hapus=attachment.id)
        self.assertIn("only be changed while it is a draft", response.text)
        response = self.save(
            files={f"bukti_{self.line.id}": ("b.png", PNG, "image/png")}
        )
        self.assertIn("only be changed while it is a draft", response.text)
        self.assertEqual(self.line.attachment_ids, attachment)

    def test_keberatan_needs_a_reason_and_the_window(self):
        url = f"{self.base(ev=self.ev_done)}/keberatan"
        response = self.post(url, {"alasan": "  "})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Write the reasons of your keberatan.", response.text)
        self.assertFalse(self.ev_done.keberatan_ids)
        late = self.make_rated(self.skp_pw, "sesuai", "sesuai", ke=4)
        late.sudo().write(
            {"tanggal_ditetapkan": fields.Date.today() - timedelta(days=60)}
        )
        response = self.post(
            f"{self.base(ev=late)}/keberatan", {"alasan": "Tidak adil"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("closed on", response.text)
        self.assertFalse(late.keberatan_ids)


@tagged("post_install", "-at_install")
class TestPortalActions(PortalCommon):
    def test_sign_draft_skp_needs_confirmation_once(self):
        leader = self.make_year_skp(self.kasubbag, self.YEAR + 1)
        draft = self.make_skp(
            self.pppk_pw,
            rhk=[{"name": "Terarsipnya surat", "rhk_atasan_id": leader.rhk_ids[0].id}],
            year=self.YEAR + 1,
        )
        page = self.url_open(self.base(draft))
        self.assertIn(f'action="/my/skp/{draft.id}/ajukan"', page.text)
        response = self.post(f"{self.base(draft)}/ajukan")
        self.assertIn("error=confirm", response.headers["Location"])
        self.assertEqual(draft.state, "draft")
        response = self.post(f"{self.base(draft)}/ajukan", {"confirm": "1"})
        self.assertEqual(response.status_code, 303)
        self.assertEqual(draft.state, "diajukan")
        # a second tap: no error, still submitted once
        response = self.post(f"{self.base(draft)}/ajukan", {"confirm": "1"})
        self.assertIn("message=ajukan", response.headers["Location"])
        self.assertEqual(draft.state, "diajukan")
        page = self.url_open(self.base(draft))
        self.assertNotIn(f'action="/my/skp/{draft.id}/ajukan"', page.text)

    def test_incomplete_skp_says_why(self):
        draft = self.make_skp(self.pppk_pw, rhk=[], year=self.YEAR + 1)
        response = self.post(f"{self.base(draft)}/ajukan", {"confirm": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("cannot be submitted yet", response.text)
        self.assertEqual(draft.state, "draft")

    def test_save_upload_remove_then_submit(self):
        line = self.line
        field = f"bukti_{line.id}"
        files = [
            (field, ("foto.png", PNG, "image/png")),
            (field, ("laporan.pdf", PDF, "application/pdf")),
        ]
        response = self.save(
            files=files,
            **{f"value_{line.id}": "12,5", f"text_{line.id}": "Melayani 12 permintaan"},
        )
        self.assertEqual(response.status_code, 303)
        self.assertIn("message=disimpan", response.headers["Location"])
        self.assertEqual(line.realisasi_value, 12.5)
        self.assertTrue(line.realisasi_diisi)
        self.assertEqual(line.realisasi_text, "Melayani 12 permintaan")
        self.assertEqual(
            sorted(line.attachment_ids.mapped("mimetype")),
            ["application/pdf", "image/png"],
        )
        self.assertTrue(all(line.attachment_ids.mapped("access_token")))
        self.assertEqual(line.attachment_ids.create_uid, self.user_portal)
        # the same files again (a double submit): nothing twice
        self.save(files=files, **{f"value_{line.id}": "12,5"})
        self.assertEqual(len(line.attachment_ids), 2)
        page = self.url_open(self.base(ev=self.ev_draft))
        self.assertIn('value="12,5"', page.text)
        self.assertIn("laporan.pdf", page.text)
        pdf = line.attachment_ids.filtered(lambda a: a.name == "laporan.pdf")
        self.save(hapus=pdf.id, **{f"value_{line.id}": "13"})
        self.assertEqual(line.attachment_ids.mapped("name"), ["foto.png"])
        self.assertFalse(pdf.exists())
        self.assertEqual(line.realisasi_value, 13)
        response = self.save(action="ajukan", **{f"value_{line.id}": "13"})
        self.assertIn("message=ajukan", response.headers["Location"])
        self.assertEqual(self.ev_draft.state, "diajukan")
        # a second tap of Ajukan
        response = self.save(action="ajukan", **{f"value_{line.id}": "13"})
        self.assertIn("message=ajukan", response.headers["Location"])
        page = self.url_open(self.base(ev=self.ev_draft))
        self.assertNotIn('name="value_', page.text)

    def test_emptying_a_value(self):
        self.line.sudo().write({"realisasi_value": 3})
        self.save(**{f"value_{self.line.id}": ""})
        self.assertFalse(self.line.realisasi_diisi)

    def test_keberatan_filed_once_by_the_employee(self):
        url = f"{self.base(ev=self.ev_done)}/keberatan"
        response = self.post(url, {"alasan": "Bukti dukung belum dinilai."})
        self.assertEqual(response.status_code, 303)
        keberatan = self.ev_done.keberatan_ids
        self.assertEqual(len(keberatan), 1)
        self.assertEqual(keberatan.create_uid, self.user_portal)
        self.assertEqual(keberatan.alasan, "Bukti dukung belum dinilai.")
        self.post(url, {"alasan": "Sekali lagi"})
        self.assertEqual(len(self.ev_done.keberatan_ids), 1)
        page = self.url_open(self.base(ev=self.ev_done))
        self.assertIn("Bukti dukung belum dinilai.", page.text)
        self.assertNotIn('name="alasan"', page.text)


@tagged("post_install", "-at_install")
class TestPortalQueries(PortalCommon):
    def _queries(self, url):
        self.url_open(url)  # warm the caches
        self.url_open(url)
        start = self.cr.sql_log_count
        self.url_open(url)
        return self.cr.sql_log_count - start

    def test_list_queries_flat_in_the_number_of_skp(self):
        flat = self._queries("/my/skp")
        for year in (self.YEAR + 1, self.YEAR + 2, self.YEAR + 3):
            self.make_year_skp(self.pppk_pw, year)
        self.url_open("/my/skp")
        with self.assertQueryCount(flat):
            self.url_open("/my/skp")

    def test_evaluation_queries_flat_in_the_number_of_lines(self):
        self.line.sudo().write(
            {
                "umpan_balik": "ok",
                "attachment_ids": [Command.create({"name": "c.pdf", "raw": PDF})],
            }
        )
        url = self.base(ev=self.ev_draft)
        flat = self._queries(url)
        indikator = [
            {"name": f"Indikator {n}", "target_min": n + 1, "satuan": "x"}
            for n in range(6)
        ]
        skp = self.make_year_skp(self.pppk_pw, self.YEAR + 1, indikator)
        ev = self.make_evaluasi(skp, "bulanan", 1)
        for line in ev.realisasi_ids:
            attachment = self.env["ir.attachment"].create(
                {"name": "b.pdf", "raw": PDF, "res_model": "hr.skp.realisasi"}
            )
            line.sudo().write(
                {"umpan_balik": "ok", "attachment_ids": [Command.link(attachment.id)]}
            )
        url = self.base(skp, ev)
        self.url_open(url)
        self.url_open(url)
        with self.assertQueryCount(flat):
            self.url_open(url)


@tagged("post_install", "-at_install")
class TestPortalTour(HttpCase, EvaluasiCommon):
    """In headless Chromium at phone width: the PPPK Paruh Waktu signs the draft SKP,
    reports January with a bukti dukung, and later reads the feedback and predikat."""

    browser_size = "360x800"
    touch_enabled = True

    def test_pppk_paruh_waktu_on_a_phone(self):
        leader = self.make_approved_skp(self.kasubbag)
        skp = self.make_skp(
            self.pppk_pw,
            rhk=[
                {
                    "name": "Terlayaninya kebutuhan operasional kantor",
                    "rhk_atasan_id": leader.rhk_ids[0].id,
                    "indikator": [
                        {
                            "name": "Jumlah permintaan layanan",
                            "target_min": 20,
                            "satuan": "permintaan",
                        }
                    ],
                }
            ],
        )
        self.start_tour("/my/skp", "hr_skp_portal_sign_tour", login="portalpw")
        self.assertEqual(skp.state, "diajukan")

        skp.with_user(self.user_kasubbag).action_setujui()
        ev = self.make_evaluasi(skp, "bulanan", 1)
        self.start_tour("/my/skp", "hr_skp_portal_realisasi_tour", login="portalpw")
        line = ev.realisasi_ids
        self.assertEqual(ev.state, "diajukan")
        self.assertEqual(line.realisasi_value, 18)
        self.assertEqual(line.attachment_ids.name, "laporan_januari.pdf")
        self.assertEqual(line.attachment_ids.mimetype, "application/pdf")

        penilai = ev.with_user(self.user_kasubbag)
        line.with_user(self.user_kasubbag).umpan_balik = "Sertakan foto kegiatan."
        penilai.perilaku_ids[:1].umpan_balik = "Ramah melayani tamu."
        penilai.write({"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"})
        penilai.action_nilai()
        penilai.action_tetapkan()
        self.assertEqual(ev.predikat, "baik")
        self.start_tour("/my/skp", "hr_skp_portal_hasil_tour", login="portalpw")


@tagged("post_install", "-at_install")
class TestRealisasiOnPhones(EvaluasiCommon):
    def test_realisasi_lines_have_a_card_mode_for_phones(self):
        """The back-office realisasi table becomes cards opening a form on small
        screens (mode list,kanban): the upload is reachable at 360 px."""
        view = self.env["hr.skp.evaluasi"].get_view(
            self.env.ref("hr_skp_asn.hr_skp_evaluasi_view_form").id, "form"
        )
        self.assertIn('mode="list,kanban"', view["arch"])
        realisasi = view["models"]["hr.skp.realisasi"]
        for name in ("realisasi_value", "attachment_ids", "umpan_balik", "bukti_count"):
            self.assertIn(name, realisasi)
