from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    skp_pendekatan_default = fields.Selection(
        [("kualitatif", "Kualitatif"), ("kuantitatif", "Kuantitatif")],
        string="Default SKP Pendekatan",
        default="kualitatif",
    )
    skp_deadline_days = fields.Integer(
        string="SKP Due (days after period start)",
        default=31,
        help="An SKP not approved this many days after its period starts is late.",
    )
    skp_pppk_pw_deadline_days = fields.Integer(
        string="PPPK Paruh Waktu SKP Due (days after SK)",
        default=10,
        help="PPPK Paruh Waktu sign their SKP at the latest 10 days after receiving "
        "the SK (KepmenPANRB 16/2025).",
    )
