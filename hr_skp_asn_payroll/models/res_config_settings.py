from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    skp_tpp_basis_source = fields.Selection(
        related="company_id.skp_tpp_basis_source", readonly=False
    )
    skp_tpp_kinerja_share = fields.Float(
        related="company_id.skp_tpp_kinerja_share", readonly=False
    )
    skp_tpp_disiplin_share = fields.Float(related="company_id.skp_tpp_disiplin_share")
    skp_tpp_predikat_month = fields.Selection(
        related="company_id.skp_tpp_predikat_month", readonly=False
    )
