from odoo import models


class ResConfigSettings(models.TransientModel):
    """Odoo's Settings show the SKP settings (the fields: hr.skp.settings.mixin) to
    Odoo administrators; the BKD admin has their own page (hr.skp.settings)."""

    _name = "res.config.settings"
    _inherit = ["res.config.settings", "hr.skp.settings.mixin"]
