"""Demo data loader (demo/hr_skp_evaluasi_demo.xml), kept out of the real models."""

from datetime import date, timedelta

from odoo import api, fields, models


class HrSkpDemo(models.AbstractModel):
    _name = "hr.skp.demo"
    _description = "SKP Demo Loader"

    @api.model
    def _set_result(self, evaluations, hasil, perilaku):
        """The demo's result, reached through the actions as the people who act:
        the employee submits (HR once the entry has closed), the pejabat penilai
        (the BKD admin when the penilai has no login) rates and sets it; then the
        dates the demo tells (submitted two days, set five days after the period)."""
        bkd = self.env.ref("hr_skp_asn.user_bkd")
        for evaluasi in evaluations:
            employee = evaluasi.employee_id.user_id
            if not (employee and evaluasi.with_user(employee).can_ajukan):
                employee = bkd
            penilai = evaluasi.pejabat_penilai_id.user_id or bkd
            evaluasi.with_user(employee).action_ajukan()
            values = {
                "rating_perilaku": perilaku,
                "umpan_balik": "Pertahankan kinerja dan lengkapi bukti dukung.",
            }
            if hasil:
                values["rating_hasil_kerja"] = hasil
            as_penilai = evaluasi.with_user(penilai)
            as_penilai.write(values)
            as_penilai.action_nilai()
            as_penilai.action_tetapkan()
            evaluasi._workflow_write(
                {
                    "tanggal_diajukan": evaluasi.date_end + timedelta(days=2),
                    "tanggal_ditetapkan": evaluasi.date_end + timedelta(days=5),
                }
            )

    @api.model
    def _months(self, skp, factors, perilaku="sesuai", text="Tercapai"):
        """Months 1..len(factors) set (realisasi = target x factor), the next one
        open (draft)."""
        if not skp or skp.state not in ("disetujui", "selesai"):
            return self.env["hr.skp.evaluasi"]
        evaluations = self.env["hr.skp.evaluasi"]._workflow_create(
            [
                {"skp_id": skp.id, "periode": "bulanan", "periode_ke": month}
                for month in range(1, len(factors) + 2)
            ]
        )
        for evaluasi, factor in zip(evaluations, factors, strict=False):
            for line in evaluasi.realisasi_ids:
                line._workflow_write(
                    {
                        "realisasi_value": round(line.target_min * factor, 2),
                        "realisasi_text": text,
                    }
                )
            hasil = "di_atas" if factor > 1 else "sesuai" if factor >= 0.9 else None
            self._set_result(evaluasi, hasil or "di_bawah", perilaku)
        return evaluations

    @api.model
    def _load(self):
        """Demo data (demo/hr_skp_evaluasi_demo.xml), as of November 2026: the months
        up to October ditetapkan, November open, a lawful and an unlawful unit in
        October, the annual evaluations of 2025. The evaluations go through the
        actions as the people who act (``_set_result``); run as the superuser, the
        loader only creates records and tells the demo's dates."""

        def ref(xmlid):
            return self.env.ref(f"hr_skp_asn.{xmlid}", raise_if_not_found=False)

        october = 10  # the last month set by 22 November 2026
        pw = ref("skp_pppk_pw")
        if pw and pw.state in ("disetujui", "selesai"):
            pw.action_generate_rencana_bulanan()  # monthly targets
        self._months(
            pw,
            (0.9, 1.0, 1.05, 1.0, 0.95, 1.1, 1.0, 1.0, 0.85, 1.0),
            text="Permintaan layanan diselesaikan",
        )
        # Bidang Aplikasi Informatika; the Pranata Komputer creates his November
        prakom = self._months(
            ref("skp_prakom"),
            (1.0, 1.0, 1.05, 1.0, 1.1, 1.0, 1.05, 1.0, 1.1, 1.1),
            perilaku="di_atas",
            text="Layanan API dipublikasikan",
        )
        prakom.filtered(lambda e: e.state == "draft").sudo().unlink()
        self._months(ref("skp_pppk"), (1.0,) * october)
        # Subbagian Umum dan Kepegawaian: four pelaksana, every month Baik
        for xmlid in ("skp_umpeg_arsip", "skp_umpeg_kepegawaian", "skp_umpeg_keuangan"):
            self._months(ref(xmlid), (1.0,) * october)

        Org = self.env["hr.skp.capaian.organisasi"].sudo()
        period = {"year": 2026, "periode": "bulanan", "periode_ke": october}
        aptika, umpeg, head = ref("dept_aptika"), ref("dept_umpeg"), None
        head_skp = ref("skp_kabid_aptika")
        if head_skp and head_skp.state in ("disetujui", "selesai"):
            head = (
                self.env["hr.skp.evaluasi"]
                .sudo()
                .create(
                    {"skp_id": head_skp.id, "periode": "bulanan", "periode_ke": october}
                )
            )
        if aptika:
            # lawful: Istimewa, 1 Sangat Baik and 1 Baik; the head follows the unit
            org = Org.create(
                dict(period, department_id=aptika.id, predikat_organisasi="istimewa")
            )
            if head:
                self._set_result(head, False, "sesuai")
            if not org.check_distribusi():
                org.with_user(self.env.ref("hr_skp_asn.user_bkd")).action_tetapkan()
        if umpeg:
            # unlawful: Baik, 4 of 4 pegawai Baik (at most 70%) and nobody Butuh
            # Perbaikan or Kurang; left in draft
            Org.create(dict(period, department_id=umpeg.id, predikat_organisasi="baik"))
        self._load_2025(ref)
        return True

    @api.model
    def _load_2025(self, ref):
        """2025: the closed SKP of the Pranata Komputer and the PPPK, their annual
        evaluation set in January 2026."""
        Skp = self.env["hr.skp"].sudo()
        results = {
            "emp_prakom": ("di_atas", "di_atas"),
            "emp_pppk": ("sesuai", "sesuai"),
        }
        for xmlid, (hasil, perilaku) in results.items():
            employee = ref(xmlid)
            if not employee or Skp.search_count(
                [("employee_id", "=", employee.id), ("year", "=", 2025)]
            ):
                continue
            indikator = {
                "name": "Jumlah aplikasi yang dikelola",
                "aspek": "kuantitas",
                "target_min": 10,
                "satuan": "aplikasi",
            }
            skp = Skp.create(
                {
                    "employee_id": employee.id,
                    "year": 2025,
                    "rhk_ids": [
                        fields.Command.create(
                            {
                                "name": "Terkelolanya aplikasi perangkat daerah",
                                "indikator_ids": [fields.Command.create(indikator)],
                            }
                        )
                    ],
                }
            )
            skp.write({"state": "selesai"})
            annual = (
                self.env["hr.skp.evaluasi"]
                .sudo()
                .create({"skp_id": skp.id, "periode": "tahunan"})
            )
            annual.realisasi_ids._workflow_write(
                {"realisasi_value": 10, "realisasi_text": "Seluruh aplikasi terkelola"}
            )
            self._set_result(annual, hasil, perilaku)
            annual._workflow_write(
                {
                    "tanggal_diajukan": date(2026, 1, 10),
                    "tanggal_ditetapkan": date(2026, 1, 20),
                }
            )
