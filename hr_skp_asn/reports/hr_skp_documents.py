"""The official documents (CONTRACT.md, Documents; DOMAIN §1, §3, §4).

One place for what every document writes: dates in Indonesian ("2 Januari 2026"),
numbers with Indonesian separators ("12,50") and in words through num2words
(``lang="id"``), the kop surat of the instansi. Each PDF has a report model
(``report.<report_name>``) that checks, as the printing user, that the records may
be read before anything of them is read, and hands these helpers to the template.
"""

import lxml.html
from num2words import num2words

from odoo import api, fields, models

from .. import rules
from ..models.common import target_label


def tanggal(value, upper=False):
    """``2 Januari 2026`` (``2 JANUARI 2026`` when ``upper``); '' for no date."""
    if not value:
        return ""
    value = fields.Date.to_date(value)
    text = f"{value.day} {rules.BULAN[value.month - 1]} {value.year}"
    return text.upper() if upper else text


def periode_penilaian(start, end):
    """``1 JANUARI SD 31 DESEMBER TAHUN 2026``: the year once when both share it."""
    if not (start and end):
        return ""
    start, end = fields.Date.to_date(start), fields.Date.to_date(end)
    first = tanggal(start, upper=True)
    if start.year == end.year:
        first = first.rsplit(" ", 1)[0]
        last = tanggal(end, upper=True).rsplit(" ", 1)[0]
        return f"{first} SD {last} TAHUN {end.year}"
    return f"{first} SD {tanggal(end, upper=True)}"


def angka(value, digits=2):
    """A number written the Indonesian way: ``1.234,50``."""
    text = f"{value or 0:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def terbilang(value, digits=2):
    """A number in Indonesian words, to ``digits`` decimals, the decimals read one
    digit at a time as on official documents: 25 -> ``dua puluh lima``, 2.08 ->
    ``dua koma nol delapan``, 12.5 -> ``dua belas koma lima nol``."""
    value = round(value or 0, digits)
    negative = value < 0
    whole, _dot, decimals = f"{abs(value):.{digits}f}".partition(".")
    words = num2words(int(whole), lang="id")
    if decimals.strip("0"):
        words += " koma " + " ".join(num2words(int(d), lang="id") for d in decimals)
    return ("minus " + words) if negative else words


#: the addon's PDF documents (their report_name)
DOCUMENTS = (
    "hr_skp_asn.report_skp",
    "hr_skp_asn.report_skp_matriks",
    "hr_skp_asn.report_evaluasi",
    "hr_skp_asn.report_capaian_organisasi",
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _run_wkhtmltopdf(self, bodies, report_ref=False, **kwargs):
        """Several records in one body: Debian's wkhtmltopdf (unpatched Qt) refuses
        several input pages in one call ("Exit with code 1"), which is how Odoo prints
        a batch. Each record's article starts on a new page."""
        if (
            len(bodies) > 1
            and report_ref
            and self._get_report(report_ref).report_name in DOCUMENTS
        ):
            bodies = [self._merge_bodies(bodies)]
        return super()._run_wkhtmltopdf(bodies, report_ref=report_ref, **kwargs)

    @api.model
    def _merge_bodies(self, bodies):
        first = lxml.html.document_fromstring(bodies[0])
        body = first.find("body")
        for other in bodies[1:]:
            for node in lxml.html.document_fromstring(other).find("body"):
                if "article" in (node.get("class") or "").split():
                    node.set("style", "page-break-before: always;")
                body.append(node)
        return lxml.html.tostring(first, encoding="unicode", doctype="<!DOCTYPE html>")


class HrSkpDocument(models.AbstractModel):
    """Rendering values shared by the PDF documents of the addon."""

    _name = "hr.skp.document"
    _description = "SKP Documents: Common Rendering Values"
    _document_model = None

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env[self._document_model].browse(docids)
        # as the printing user, before anything of the records is read: /report/pdf
        # refuses what the user may not read
        docs.check_access("read")
        return {
            "doc_ids": docs.ids,
            "doc_model": self._document_model,
            "docs": docs,
            "tanggal": tanggal,
            "periode_penilaian": periode_penilaian,
            "angka": angka,
            "terbilang": terbilang,
            "target": target_label,
            "kop": self._kop,
            "orang": self._orang,
            **self._document_values(docs),
        }

    @api.model
    def _document_values(self, docs):
        """More values for one document (overridden per report)."""
        return {}

    @api.model
    def _kop(self, company):
        """The kop surat: the instansi's logo, name and address. Company data is the
        letterhead everyone sees: read after the records' access check."""
        company = company.sudo()
        partner = company.partner_id
        address = ", ".join(
            part
            for part in (
                partner.street,
                partner.street2,
                partner.city,
                partner.state_id.name,
                partner.zip,
            )
            if part
        )
        contact = " · ".join(
            part
            for part in (
                partner.phone and f"Telp. {partner.phone}",
                partner.email,
                partner.website,
            )
            if part
        )
        return {
            "logo": company.logo,
            "name": company.name or "",
            "address": address,
            "contact": contact,
            "city": partner.city or "",
        }

    @api.model
    def _orang(self, employee):
        """Nama, NIP, pangkat and jabatan of someone who signs today (no snapshot):
        the leader who set a unit's predikat. Read after the records' check."""
        employee = employee.sudo()
        pangkat = dict(
            employee._fields["pangkat_golongan"]._description_selection(self.env)
        )
        return {
            "nama": employee.name or "",
            "nip": employee.nip or "",
            "pangkat": pangkat.get(employee.pangkat_golongan, ""),
            "jabatan": employee.job_title or employee.job_id.name or "",
            "unit": employee.department_id.complete_name or "",
        }


class ReportSkp(models.AbstractModel):
    _name = "report.hr_skp_asn.report_skp"
    _inherit = "hr.skp.document"
    _description = "Sasaran Kinerja Pegawai (document)"
    _document_model = "hr.skp"


class ReportSkpMatriks(models.AbstractModel):
    _name = "report.hr_skp_asn.report_skp_matriks"
    _inherit = "hr.skp.document"
    _description = "Matriks Pembagian Peran dan Hasil (document)"
    _document_model = "hr.skp"


class ReportEvaluasi(models.AbstractModel):
    _name = "report.hr_skp_asn.report_evaluasi"
    _inherit = "hr.skp.document"
    _description = "Dokumen Evaluasi Kinerja Pegawai (document)"
    _document_model = "hr.skp.evaluasi"

    @api.model
    def _document_values(self, docs):
        return {"angka_kredit_rincian": self._angka_kredit_rincian}

    @api.model
    def _angka_kredit_rincian(self, evaluasi):
        """Koefisien, percentage and months behind an annual angka kredit
        (PermenPANRB 1/2023; DOMAIN §4), False when there is none."""
        if not evaluasi.angka_kredit:
            return False
        skp = evaluasi.skp_id
        jenjang = (
            skp.snap_pegawai_jenjang
            if skp.snap_pegawai_nama
            else evaluasi.employee_id.sudo().jenjang_fungsional
        )
        labels = dict(rules.JENJANG_FUNGSIONAL_SELECTION)
        return {
            "jenjang": labels.get(jenjang, ""),
            "koefisien": rules.KOEFISIEN_ANGKA_KREDIT.get(jenjang, 0.0),
            "persen": rules.PERSENTASE_ANGKA_KREDIT.get(evaluasi.predikat, 0),
            "bulan": min(
                12, max(1, rules.months_between(evaluasi.date_start, evaluasi.date_end))
            ),
        }


class ReportCapaianOrganisasi(models.AbstractModel):
    _name = "report.hr_skp_asn.report_capaian_organisasi"
    _inherit = "hr.skp.document"
    _description = "Penetapan Predikat Kinerja Organisasi (document)"
    _document_model = "hr.skp.capaian.organisasi"

    @api.model
    def _document_values(self, docs):
        return {"distribusi": self._distribusi, "kuadran": self._kuadran}

    @api.model
    def _distribusi(self, org):
        """Per predikat: count, share and the allowed numbers for the unit's size."""
        counts = {key: org[f"count_{key}"] for key in rules.PREDIKAT}
        n = org.jumlah_pegawai
        kalkulator = rules.kalkulator_distribusi(org.predikat_organisasi, n)
        rows = []
        for key, label in rules.PREDIKAT_SELECTION:
            bounds = kalkulator[key]
            rows.append(
                {
                    "label": label,
                    "count": counts[key],
                    "share": angka(counts[key] * 100 / n, 1) if n else "-",
                    "min": bounds["min"],
                    "max": bounds["max"],
                    "ok": bounds["min"] <= counts[key] <= bounds["max"],
                }
            )
        return rows

    @api.model
    def _kuadran(self, org):
        """The 3×3 kuadran: rows rating hasil kerja (di atas first), columns rating
        perilaku (di bawah first), each cell its count and predikat label."""
        counts = {}
        for ev in org.evaluasi_ids:
            key = (ev.rating_hasil_kerja, ev.rating_perilaku)
            counts[key] = counts.get(key, 0) + 1
        return [
            {
                "hasil": rules.RATING_LABELS[hasil],
                "cells": [
                    {
                        "count": counts.get((hasil, perilaku), 0),
                        "predikat": rules.PREDIKAT_LABELS[
                            rules.predikat_kinerja(hasil, perilaku)
                        ],
                    }
                    for perilaku in ("di_bawah", "sesuai", "di_atas")
                ],
            }
            for hasil in ("di_atas", "sesuai", "di_bawah")
        ]
