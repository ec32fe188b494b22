"""Rekap kinerja per pegawai as XLSX through OCA report_xlsx (CONTRACT.md, Documents).

One row per evaluation (one per pegawai and period): NIP as text, nama, jabatan, unit
(who was who when the SKP was approved), asn_status, periode, both ratings, predikat,
capaian, TPP factor, angka kredit, rekomendasi perpanjangan; a second sheet counts per
predikat and per unit. Three entry points, one writer: a capaian organisasi (its
counted evaluations), a department (its tree's evaluations of one year, one per
pegawai), selected evaluations.

Large rekap: the workbook is written in xlsxwriter's constant_memory mode (each row
goes to a temporary file as it is written, never kept as a sheet in memory) and the
evaluations are read in batches whose cache is dropped once their rows are out.
"""

from odoo import api, models
from odoo.tools import split_every

from .. import rules

BATCH = 1000


class ReportRekapXlsx(models.AbstractModel):
    _name = "report.hr_skp_asn.report_rekap_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Rekap Kinerja Pegawai (XLSX)"

    def get_workbook_options(self):
        return {"constant_memory": True, "strings_to_numbers": False}

    # ----------------------------------------------------------- which rows
    @api.model
    def _rekap_evaluations(self, objs, data):
        """Evaluation ids in row order; ``objs`` already passed the read check."""
        ids = []
        for org in objs:
            ids += org._evaluations().ids
        return ids

    # ----------------------------------------------------------- the workbook
    def generate_xlsx_report(self, workbook, data, objs):
        # as the printing user, before anything of the records is read:
        # /report/xlsx refuses what the user may not read
        objs.check_access("read")
        ids = self._rekap_evaluations(objs, data or {})
        _ = self.env._
        bold = workbook.add_format({"bold": True})
        head = workbook.add_format(
            {"bold": True, "bg_color": "#D9E2F3", "border": 1, "text_wrap": True}
        )
        text = workbook.add_format({"num_format": "@"})
        number = workbook.add_format({"num_format": "0.00"})
        columns = [
            (_("NIP"), 21),
            (_("Name"), 30),
            (_("Position"), 30),
            (_("Work Unit"), 34),
            (_("ASN Status"), 14),
            (_("Period"), 18),
            (_("Rating Hasil Kerja"), 20),
            (_("Rating Perilaku"), 20),
            (_("Predikat"), 18),
            (_("Capaian (%)"), 12),
            (_("TPP Factor"), 11),
            (_("Angka Kredit"), 12),
            (_("Rekomendasi Perpanjangan"), 22),
        ]
        sheet = workbook.add_worksheet(_("Rekap"))
        summary = workbook.add_worksheet(_("Summary"))
        for col, (title, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, title, head)
        sheet.freeze_panes(1, 0)

        labels = self._labels()
        tpp_tables = {}
        per_predikat = dict.fromkeys(
            [key for key, _label in rules.PREDIKAT_SELECTION] + [False], 0
        )
        per_unit = {}
        row = 0
        Evaluasi = self.env["hr.skp.evaluasi"]
        self.env.flush_all()
        for chunk in split_every(BATCH, ids):
            batch = Evaluasi.browse(chunk)
            missing = batch.company_id - Evaluasi.env["res.company"].browse(
                list(tpp_tables)
            )
            if missing:
                tpp_tables.update(
                    self.env["hr.skp.tpp.rule"].sudo()._get_percentages(missing)
                )
            for ev in batch:
                row += 1
                values = self._row_values(ev, labels, tpp_tables)
                sheet.write_string(row, 0, values["nip"], text)
                for col, key in enumerate(
                    (
                        "nama",
                        "jabatan",
                        "unit",
                        "asn_status",
                        "periode",
                        "rating_hasil_kerja",
                        "rating_perilaku",
                        "predikat",
                    ),
                    start=1,
                ):
                    sheet.write_string(row, col, values[key])
                for col, key in ((9, "capaian"), (10, "tpp"), (11, "angka_kredit")):
                    if values[key] is None:
                        sheet.write_blank(row, col, None)
                    else:
                        sheet.write_number(row, col, values[key], number)
                sheet.write_string(row, 12, values["rekomendasi"])
                per_predikat[ev.predikat or False] += 1
                unit = per_unit.setdefault(
                    values["unit"], dict.fromkeys(per_predikat, 0)
                )
                unit[ev.predikat or False] += 1
            # the rows are out: drop the batch from the cache before the next one
            self.env.invalidate_all(flush=False)
        sheet.autofilter(0, 0, max(row, 1), len(columns) - 1)
        self._write_summary(summary, per_predikat, per_unit, labels, bold, head)

    def _labels(self):
        Evaluasi = self.env["hr.skp.evaluasi"]

        def selection(model, field):
            return dict(self.env[model]._fields[field]._description_selection(self.env))

        return {
            "rating": selection("hr.skp.evaluasi", "rating_hasil_kerja"),
            "predikat": selection("hr.skp.evaluasi", "predikat"),
            "asn_status": selection("hr.skp", "asn_status"),
            "rekomendasi": selection("hr.skp", "rekomendasi_perpanjangan"),
            "none": Evaluasi.env._("(no predikat yet)"),
        }

    def _row_values(self, ev, labels, tpp_tables):
        skp = ev.skp_id
        orang = skp.get_orang("pegawai")
        table = tpp_tables.get(ev.company_id.id) or None
        return {
            "nip": orang["nip"] or "",
            "nama": orang["nama"] or "",
            "jabatan": orang["jabatan"] or "",
            "unit": orang["unit"] or "",
            "asn_status": labels["asn_status"].get(skp.asn_status, ""),
            "periode": ev._periode_label(),
            "rating_hasil_kerja": labels["rating"].get(ev.rating_hasil_kerja, ""),
            "rating_perilaku": labels["rating"].get(ev.rating_perilaku, ""),
            "predikat": labels["predikat"].get(ev.predikat, ""),
            "capaian": ev.capaian if ev.capaian_ada else None,
            "tpp": rules.tpp_kinerja_factor(ev.predikat or None, table)
            if ev.predikat
            else None,
            "angka_kredit": ev.angka_kredit or None,
            "rekomendasi": labels["rekomendasi"].get(skp.rekomendasi_perpanjangan, ""),
        }

    def _write_summary(self, sheet, per_predikat, per_unit, labels, bold, head):
        _ = self.env._
        keys = [key for key, _label in rules.PREDIKAT_SELECTION] + [False]
        names = [labels["predikat"].get(key) or labels["none"] for key in keys]
        sheet.set_column(0, 0, 40)
        sheet.set_column(1, len(keys) + 1, 16)
        sheet.write_string(0, 0, _("Count per predikat"), bold)
        sheet.write_string(1, 0, _("Predikat"), head)
        sheet.write_string(1, 1, _("Employees"), head)
        row = 2
        for key, name in zip(keys, names, strict=True):
            sheet.write_string(row, 0, name)
            sheet.write_number(row, 1, per_predikat[key])
            row += 1
        sheet.write_string(row, 0, _("Total"), bold)
        sheet.write_number(row, 1, sum(per_predikat.values()), bold)
        row += 2
        sheet.write_string(row, 0, _("Count per unit"), bold)
        row += 1
        sheet.write_string(row, 0, _("Work Unit"), head)
        sheet.write_string(row, 1, _("Employees"), head)
        for col, name in enumerate(names, start=2):
            sheet.write_string(row, col, name, head)
        for unit in sorted(per_unit):
            row += 1
            counts = per_unit[unit]
            sheet.write_string(row, 0, unit or "-")
            sheet.write_number(row, 1, sum(counts.values()))
            for col, key in enumerate(keys, start=2):
                sheet.write_number(row, col, counts[key])


class ReportRekapDepartmentXlsx(models.AbstractModel):
    """The rekap of a department and its sub-units for one year (``data['year']``,
    else the latest year with evaluations): one row per pegawai, the annual
    evaluation when there is one, else the latest."""

    _name = "report.hr_skp_asn.report_rekap_department_xlsx"
    _inherit = "report.hr_skp_asn.report_rekap_xlsx"
    _description = "Rekap Kinerja Pegawai of a Department (XLSX)"

    @api.model
    def _rekap_evaluations(self, objs, data):
        Evaluasi = self.env["hr.skp.evaluasi"]
        domain = [("department_id", "child_of", objs.ids), ("state", "!=", "draft")]
        year = data.get("year")
        if not year:
            latest = Evaluasi.search_fetch(domain, ["year"], order="year desc", limit=1)
            year = latest.year
        chosen = {}
        for ev in Evaluasi.search_fetch(
            domain + [("year", "=", year)],
            ["employee_id", "periode"],
            order="department_id, employee_id, date_end desc, id desc",
        ):
            current = chosen.get(ev.employee_id.id)
            if current is None or (
                ev.periode == "tahunan" and current.periode != "tahunan"
            ):
                chosen[ev.employee_id.id] = ev
        return [ev.id for ev in chosen.values()]


class ReportRekapEvaluasiXlsx(models.AbstractModel):
    _name = "report.hr_skp_asn.report_rekap_evaluasi_xlsx"
    _inherit = "report.hr_skp_asn.report_rekap_xlsx"
    _description = "Rekap Kinerja Pegawai of Selected Evaluations (XLSX)"

    @api.model
    def _rekap_evaluations(self, objs, data):
        return objs.ids
