from odoo import fields, models

from .common import (
    ASN_STATUS,
    JENIS_JABATAN,
    JENJANG_FUNGSIONAL,
    PANGKAT_GOLONGAN,
    PENILAI_MASALAH,
)


class HrEmployeePublic(models.Model):
    _inherit = "hr.employee.public"

    nip = fields.Char(string="NIP / NI PPPK", readonly=True)
    asn_status = fields.Selection(ASN_STATUS, string="ASN Status", readonly=True)
    jenis_jabatan = fields.Selection(JENIS_JABATAN, readonly=True)
    jenjang_fungsional = fields.Selection(JENJANG_FUNGSIONAL, readonly=True)
    pangkat_golongan = fields.Selection(
        PANGKAT_GOLONGAN, string="Pangkat/Golongan", readonly=True
    )
    pejabat_penilai_id = fields.Many2one("hr.employee.public", readonly=True)
    penilai_bawahan_ids = fields.One2many(
        "hr.employee.public", "pejabat_penilai_id", string="Rated Employees"
    )
    nip_pending = fields.Boolean(string="NI PPPK in process", readonly=True)
    tanggal_sk = fields.Date(string="SK Received On", readonly=True)
    is_pejabat_pembina_kepegawaian = fields.Boolean(
        string="Pejabat Pembina Kepegawaian", readonly=True
    )
    penilai_masalah = fields.Selection(
        PENILAI_MASALAH, string="Pejabat Penilai Issue", readonly=True
    )
