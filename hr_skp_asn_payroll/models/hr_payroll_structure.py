from odoo import fields, models


class HrPayrollStructure(models.Model):
    _inherit = "hr.payroll.structure"

    tpp_asn = fields.Boolean(
        string="TPP ASN",
        help="Payslips of this structure get the TPP values of hr_skp_asn_payroll "
        "(basis, shares, kinerja factor from the SKP predikat) in their salary rules, "
        "as current_contract.tpp, and payroll officers compute them.",
    )
