from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_job import check_kelas_jabatan


class HrContract(models.Model):
    _inherit = "hr.contract"

    kelas_jabatan = fields.Integer(
        compute="_compute_kelas_jabatan",
        store=True,
        readonly=False,
        help="Kelas jabatan (1-17) of this contract, from its job position by default.",
    )
    tpp_basis = fields.Monetary(
        string="TPP Basis",
        tracking=True,
        help="Monthly TPP basis of this contract, used when the company takes the "
        "basis from the contract (TPP ASN settings).",
    )

    @api.depends("job_id.kelas_jabatan")
    def _compute_kelas_jabatan(self):
        for contract in self:
            contract.kelas_jabatan = contract.job_id.kelas_jabatan

    @api.constrains("kelas_jabatan", "tpp_basis")
    def _check_tpp_values(self):
        for contract in self:
            check_kelas_jabatan(self.env, contract.kelas_jabatan)
            if contract.tpp_basis < 0:
                raise ValidationError(
                    self.env._(
                        "The TPP basis of %(contract)s cannot be negative.",
                        contract=contract.display_name,
                    )
                )
