import io
import os
import subprocess

from freezegun import freeze_time
from openpyxl import load_workbook

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from ..reports.hr_skp_documents import angka, periode_penilaian, tanggal, terbilang
from .common import make_nip
from .common_evaluasi import EvaluasiCommon


def pdf_pages(pdf):
    """The text of each page of a PDF (poppler's pdftotext), whitespace folded."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


class DocumentsCommon(HttpCase, EvaluasiCommon):
    """Documents rendered by the report engine as the printing user and read back.

    An HttpCase: wkhtmltopdf fetches the report assets from the test server. With
    SKP_DOCS_DIR set, each PDF is also written there (to look at it as PNG)."""

    def render(self, report, records, user):
        Report = self.env["ir.actions.report"].with_user(user)
        content, kind = Report.with_context(force_report_rendering=True)._render(
            report, records.ids
        )
        if report.endswith("_xlsx"):
            self.assertEqual(kind, "xlsx")
            return load_workbook(io.BytesIO(content))
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        folder = os.environ.get("SKP_DOCS_DIR")
        if folder:
            name = f"{report.split('.')[-1]}_{records[:1].id}.pdf"
            with open(os.path.join(folder, name), "wb") as out:
                out.write(content)
        return pdf_pages(content)


@tagged("post_install", "-at_install")
class TestDocumentHelpers(EvaluasiCommon):
    def test_dates_numbers_and_words_in_indonesian(self):
        self.assertEqual(tanggal(self.d(1, 2)), "2 Januari 2026")
        self.assertEqual(
            periode_penilaian(self.d(1, 1), self.d(12, 31)),
            "1 JANUARI SD 31 DESEMBER TAHUN 2026",
        )
        self.assertEqual(angka(1234.5), "1.234,50")
        self.assertEqual(terbilang(25), "dua puluh lima")
        self.assertEqual(terbilang(2.08), "dua koma nol delapan")  # BKN: 2/12 x 12.5
        self.assertEqual(terbilang(12.5), "dua belas koma lima nol")
        self.assertEqual(terbilang(1500000, 0), "satu juta lima ratus ribu")


@tagged("post_install", "-at_install")
class TestDocuments(DocumentsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()

    def test_skp_form(self):
        """SASARAN KINERJA PEGAWAI: who was who, the intervened RHK, BerAKHLAK,
        signatures, the lampiran on its own page; years without separators."""
        skp = self.skp_kabid
        skp.sudo().konsekuensi = "Teguran tertulis"
        self.kabid.name = "Nama Sesudah Mutasi"  # the snapshot keeps the old name
        pages = self.render("hr_skp_asn.report_skp", skp, self.user_kabid)
        first, text = pages[0], " ".join(pages)
        self.assertIn("SASARAN KINERJA PEGAWAI", first)
        self.assertIn("PENDEKATAN HASIL KERJA KUALITATIF", first)
        self.assertIn("PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026", first)
        self.assertIn("PEGAWAI YANG DINILAI", first)
        self.assertIn("Kepala Bidang", first)
        self.assertNotIn("Nama Sesudah Mutasi", text)
        self.assertIn(self.kabid.nip, first)
        self.assertIn(self.kadis.nip, first)  # the pejabat penilai
        self.assertIn("Tersusunnya kebijakan bidang", first)
        self.assertIn("Terselenggaranya tata kelola", first)  # RHK diintervensi
        self.assertIn("A. UTAMA", first)
        self.assertIn("B. TAMBAHAN", first)
        self.assertIn("Berorientasi Pelayanan", text)
        self.assertIn("Kolaboratif", text)
        self.assertIn("Pejabat Penilai Kinerja", text)
        self.assertNotIn("DRAFT", text)
        self.assertNotIn("2,026", text)
        self.assertNotIn("2.026", text)
        self.assertIn("LAMPIRAN SASARAN KINERJA PEGAWAI", pages[-1])
        self.assertNotIn("LAMPIRAN SASARAN KINERJA PEGAWAI", first)
        self.assertIn("Teguran tertulis", pages[-1])

    def test_skp_jpt_draft_and_batch(self):
        """JPT with perspektif; a draft carries the DRAFT mark; printed in batch."""
        draft = self.make_child_skp(self.fungsional, self.skp_kabid)
        pages = self.render(
            "hr_skp_asn.report_skp", self.skp_kadis | draft, self.user_admin_bkd
        )
        text = " ".join(pages)
        self.assertIn("BAGI PEJABAT PIMPINAN TINGGI", text)
        self.assertIn("Perspektif Anggaran", text)
        self.assertIn("Terealisasinya anggaran", text)
        self.assertIn("DRAFT", text)
        self.assertIn("Tersusunnya arsip", text)
        self.assertGreaterEqual(len(pages), 4)  # two SKP, each with its lampiran page
        self.assertIn("LAMPIRAN SASARAN KINERJA PEGAWAI", pages[-1])

    def test_matriks_only_where_others_intervene(self):
        self.assertTrue(self.skp_kadis.can_print_matriks)
        self.assertFalse(self.skp_kasubbag.can_print_matriks)
        pages = self.render(
            "hr_skp_asn.report_skp_matriks", self.skp_kadis, self.user_kadis
        )
        text = " ".join(pages)
        self.assertIn("MATRIKS PEMBAGIAN PERAN DAN HASIL", text)
        self.assertIn(self.env.company.name.upper(), text)  # the kop surat
        self.assertIn("Tersusunnya kebijakan bidang", text)
        self.assertIn("Belum ada pegawai yang berperan", text)
        self.assertNotIn("2,026", text)

    def test_evaluation_document(self):
        """Who was who, realisasi, ratings, predikat and the keberatan
        (PP 30/2019 Pasal 59)."""
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
        self.pelaksana.name = "Nama Sesudah Mutasi"
        text = " ".join(
            self.render("hr_skp_asn.report_evaluasi", ev, self.user_pelaksana)
        )
        self.assertIn("DOKUMEN EVALUASI KINERJA PEGAWAI", text)
        self.assertIn("PERIODE: TAHUNAN 2026", text)
        self.assertIn("Pelaksana", text)
        self.assertIn(self.pelaksana.nip, text)
        self.assertNotIn("Nama Sesudah Mutasi", text)
        self.assertIn("Kepala Subbagian", text)
        self.assertIn("Dokumen selesai", text)
        self.assertIn("109,41", text)  # 93 of target 85 (PermenPANRB 8/2021)
        self.assertIn("RATING HASIL KERJA", text)
        self.assertIn("Sesuai Ekspektasi", text)
        self.assertIn("PREDIKAT KINERJA PEGAWAI Baik", text)
        self.assertIn("Target sudah tercapai", text)
        self.assertIn("Bukti kurang", text)
        self.assertIn("Keputusan atasan pejabat penilai kinerja", text)
        self.assertIn("Atasan Pejabat Penilai Kinerja", text)
        self.assertNotIn("DRAFT", text)

    def test_angka_kredit_in_words(self):
        """Pejabat fungsional: koefisien × percentage, two decimals and in words."""
        skp = self.make_approved_skp(self.fungsional)
        with freeze_time("2027-01-05"):
            ev = self.make_rated(skp, "di_atas", "di_atas", periode="tahunan")
        self.assertAlmostEqual(ev.angka_kredit, 18.75)  # 150% × 12.5 (Ahli Pertama)
        text = " ".join(
            self.render("hr_skp_asn.report_evaluasi", ev, self.user_fungsional)
        )
        self.assertIn("ANGKA KREDIT 18,75", text)
        self.assertIn("delapan belas koma tujuh lima", text)
        self.assertIn("PREDIKAT KINERJA PEGAWAI Sangat Baik", text)
        self.assertIn("Tidak ada keberatan", text)


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestCapaianOrganisasiDocuments(DocumentsCommon):
    """The penetapan of a unit's predikat and the XLSX rekap."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dinas.manager_id = cls.kadis
        cls.unit = cls.env["hr.department"].create(
            {"name": "Unit Dokumen", "parent_id": cls.dinas.id}
        )
        Employee = cls.env["hr.employee"]
        cls.head = Employee.create(
            {
                "name": "Kepala Unit Dokumen",
                "department_id": cls.unit.id,
                "asn_status": "pns",
                "nip": make_nip("19800101", "200501", "1", 199),
                "jenis_jabatan": "administrator",
                "parent_id": cls.kadis.id,
            }
        )
        cls.unit.manager_id = cls.head
        cls.staff = Employee.create(
            [
                {
                    "name": f"Staf Dokumen {i}",
                    "department_id": cls.unit.id,
                    "asn_status": "pppk" if i == 3 else "pns",
                    # a NIP with a leading zero would lose it as a number
                    "nip": make_nip("19900101", "201501", "2", 200 + i),
                    "jenis_jabatan": "pelaksana",
                    "parent_id": cls.head.id,
                }
                for i in range(4)
            ]
        )
        ratings = [
            ("sesuai", "sesuai"),  # Baik
            ("sesuai", "sesuai"),  # Baik
            ("di_atas", "di_atas"),  # Sangat Baik
            ("di_bawah", "sesuai"),  # Butuh Perbaikan
        ]
        cls.evaluations = cls.Evaluasi
        for employee, (hasil, perilaku) in zip(cls.staff, ratings, strict=True):
            skp = cls.make_approved_skp(employee)
            cls.evaluations |= cls.make_rated(skp, hasil, perilaku)
        cls.org = cls.env["hr.skp.capaian.organisasi"].create(
            {
                "department_id": cls.unit.id,
                "year": cls.YEAR,
                "periode": "bulanan",
                "periode_ke": 1,
                "predikat_organisasi": "baik",
            }
        )
        cls.org.with_user(cls.user_admin_bkd).action_tetapkan()

    def test_penetapan_document(self):
        text = " ".join(
            self.render(
                "hr_skp_asn.report_capaian_organisasi", self.org, self.user_admin_bkd
            )
        )
        self.assertIn("PENETAPAN PREDIKAT KINERJA ORGANISASI", text)
        self.assertIn("UNIT DOKUMEN", text)
        self.assertIn("CAPAIAN KINERJA ORGANISASI Baik", text)
        self.assertIn("Baik merupakan kelompok terbesar, paling banyak 70%", text)
        self.assertIn("JUMLAH PEGAWAI DINILAI 4 orang", text)
        self.assertIn("Baik 2 50,0%", text)
        self.assertIn("Sangat Baik 1 25,0%", text)
        self.assertIn("sesuai dengan pola distribusi", text)
        self.assertIn("KUADRAN KINERJA", text)
        self.assertIn("Kurang/Misconduct", text)
        self.assertIn("Staf Dokumen 2", text)
        self.assertIn(self.staff[2].nip, text)
        self.assertIn("Yang menetapkan", text)
        self.assertIn("Kepala Dinas", text)  # the leader above the unit signs
        self.assertIn("5 Januari 2027", text)
        self.assertNotIn("DRAFT", text)

    def test_rekap_xlsx(self):
        book = self.render(
            "hr_skp_asn.report_rekap_xlsx", self.org, self.user_admin_bkd
        )
        sheet, summary = book.worksheets
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][0], "NIP")
        self.assertEqual(len(rows), 5)
        by_nip = {row[0]: row for row in rows[1:]}
        self.assertEqual(set(by_nip), set(self.staff.mapped("nip")))
        for cell in sheet["A"][1:]:
            self.assertEqual(cell.data_type, "s")  # NIP as text
        row = by_nip[self.staff[2].nip]
        self.assertEqual(row[1], "Staf Dokumen 2")
        self.assertEqual(row[5], "Januari 2026")
        self.assertEqual(row[6], "Di Atas Ekspektasi")
        self.assertEqual(row[8], "Sangat Baik")
        self.assertEqual(row[10], 1.0)  # default TPP table: Sangat Baik 100%
        self.assertEqual(by_nip[self.staff[3].nip][4], "PPPK")
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertEqual(sheet.auto_filter.ref, "A1:M5")
        counts = {row[0]: row[1] for row in summary.iter_rows(values_only=True)}
        self.assertEqual(counts["Baik"], 2)
        self.assertEqual(counts["Sangat Baik"], 1)
        self.assertEqual(counts["Butuh Perbaikan"], 1)
        self.assertEqual(counts["Total"], 4)
        self.assertEqual(counts[self.unit.complete_name], 4)

    def test_rekap_xlsx_of_department_and_of_evaluations(self):
        book = self.render(
            "hr_skp_asn.report_rekap_department_xlsx", self.unit, self.user_admin_bkd
        )
        self.assertEqual(book.worksheets[0].max_row, 5)
        book = self.render(
            "hr_skp_asn.report_rekap_evaluasi_xlsx",
            self.evaluations[:2],
            self.user_admin_bkd,
        )
        nips = [row[0] for row in book.worksheets[0].iter_rows(values_only=True)]
        self.assertEqual(nips[1:], self.staff[:2].mapped("nip"))

    def test_rekap_refused_to_who_may_not_read(self):
        with self.assertRaises(AccessError):
            self.render("hr_skp_asn.report_rekap_xlsx", self.org, self.user_portal)


@tagged("post_install", "-at_install")
class TestReportRoutes(DocumentsCommon):
    """/report/pdf/... and /report/xlsx/... answer the records the user may read and
    refuse the others; a portal employee prints their own."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()
        cls.skp_pw = cls.make_child_skp(cls.pppk_pw, cls.skp_kasubbag)
        # printed inside a request of the test server, wkhtmltopdf would wait for that
        # same server to serve the assets: let it print without them
        cls.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")

    def get(self, url):
        # the test server renders HTML instead of PDF unless told otherwise
        force = '?context={"force_report_rendering": true}'
        return self.url_open(url + force, allow_redirects=False)

    def test_pdf_route(self):
        url = f"/report/pdf/hr_skp_asn.report_skp/{self.skp_kasubbag.id}"
        self.authenticate("kasubbag", "kasubbag")
        response = self.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))
        self.authenticate("other", "otherxxx")
        response = self.get(url)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(response.content.startswith(b"%PDF"))
        response = self.get(
            f"/report/pdf/hr_skp_asn.report_evaluasi/"
            f"{self.make_evaluasi(self.skp, 'bulanan').id}"
        )
        self.assertEqual(response.status_code, 403)

    def test_portal_employee_prints_own_skp_only(self):
        self.authenticate("portalpw", "portalpw")
        response = self.get(f"/report/pdf/hr_skp_asn.report_skp/{self.skp_pw.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("PPPK Paruh Waktu", " ".join(pdf_pages(response.content)))
        response = self.get(f"/report/pdf/hr_skp_asn.report_skp/{self.skp_kadis.id}")
        self.assertEqual(response.status_code, 403)

    def test_xlsx_route(self):
        ev = self.make_evaluasi(self.skp, "bulanan")
        url = f"/report/xlsx/hr_skp_asn.report_rekap_evaluasi_xlsx/{ev.id}"
        self.authenticate("pelaksana", "pelaksana")
        response = self.get(url)
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        self.authenticate("other", "otherxxx")
        response = self.get(url)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(response.content.startswith(b"PK"))
