from odoo import api, fields, models
from odoo.exceptions import ValidationError

TPP_BASIS_SOURCE = [
    ("kelas_jabatan", "Kelas jabatan"),
    ("jabatan", "Jabatan"),
    ("contract", "Contract"),
]
TPP_PREDIKAT_MONTH = [
    ("same", "Same month"),
    ("previous", "Previous month"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    skp_tpp_basis_source = fields.Selection(
        TPP_BASIS_SOURCE,
        string="TPP Basis From",
        default="kelas_jabatan",
        required=True,
        help="Where a payslip finds the monthly TPP basis of an employee: the TPP "
        "basis table per kelas jabatan or per jabatan, or the amount on the contract.",
    )
    skp_tpp_kinerja_share = fields.Float(
        string="TPP Kinerja Share (%)",
        digits=(5, 2),
        default=60.0,
        required=True,
        help="Part of the TPP basis that follows the SKP predikat (typically 60%).",
    )
    skp_tpp_disiplin_share = fields.Float(
        string="TPP Disiplin Share (%)",
        digits=(5, 2),
        compute="_compute_skp_tpp_disiplin_share",
        help="The rest of the TPP basis, paid by the attendance rate the payroll "
        "officer enters (typically 40%).",
    )
    skp_tpp_predikat_month = fields.Selection(
        TPP_PREDIKAT_MONTH,
        string="Predikat Paying the Month",
        default="same",
        required=True,
        help="Which month's predikat pays a month's TPP: the same month, or the "
        "previous month for regions that pay after the evaluation.",
    )
    skp_tpp_basis_ids = fields.One2many(
        "hr.skp.tpp.basis", "company_id", string="TPP Basis Table"
    )

    @api.depends("skp_tpp_kinerja_share")
    def _compute_skp_tpp_disiplin_share(self):
        for company in self:
            company.skp_tpp_disiplin_share = 100.0 - company.skp_tpp_kinerja_share

    @api.constrains("skp_tpp_kinerja_share")
    def _check_skp_tpp_kinerja_share(self):
        for company in self:
            if not 0 <= company.skp_tpp_kinerja_share <= 100:
                raise ValidationError(
                    self.env._(
                        "The TPP kinerja share lies between 0 and 100 (got "
                        "%(share)s for %(company)s).",
                        share=company.skp_tpp_kinerja_share,
                        company=company.name,
                    )
                )
