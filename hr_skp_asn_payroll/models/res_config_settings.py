from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    skp_tpp_basis_source = fields.Selection(
        related="company_id.skp_tpp_basis_source", readonly=False
    )
    skp_tpp_kinerja_share = fields.Float(
        related="company_id.skp_tpp_kinerja_share", readonly=False
    )
    skp_tpp_disiplin_share = fields.Float(
        string="TPP Disiplin Share (%)",
        digits=(5, 2),
        compute="_compute_skp_tpp_disiplin_share",
    )
    skp_tpp_predikat_month = fields.Selection(
        related="company_id.skp_tpp_predikat_month", readonly=False
    )

    @api.depends("skp_tpp_kinerja_share")
    def _compute_skp_tpp_disiplin_share(self):
        """The rest of the basis, shown while the kinerja share is typed."""
        for settings in self:
            settings.skp_tpp_disiplin_share = 100.0 - settings.skp_tpp_kinerja_share
