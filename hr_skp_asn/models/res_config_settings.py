from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    skp_pendekatan_default = fields.Selection(
        related="company_id.skp_pendekatan_default", readonly=False
    )
    skp_deadline_days = fields.Integer(
        related="company_id.skp_deadline_days", readonly=False
    )
    skp_pppk_pw_deadline_days = fields.Integer(
        related="company_id.skp_pppk_pw_deadline_days", readonly=False
    )
