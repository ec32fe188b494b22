from odoo import api, models
from odoo.exceptions import AccessError


class HrSkpSettings(models.TransientModel):
    """The addon's settings for the BKD admin (group_skp_admin), who is no Odoo
    administrator and so cannot open res.config.settings: the SKP fields of their
    company, written through this form once their group is checked."""

    _name = "hr.skp.settings"
    _inherit = ["hr.skp.settings.mixin"]
    _description = "SKP Settings"

    def _check_skp_admin(self, company_ids):
        """Only the BKD admin, and only for the companies they work in."""
        user = self.env.user
        if not self.env.su and not user.has_group("hr_skp_asn.group_skp_admin"):
            raise AccessError(
                self.env._("Only the BKD admin can change the SKP settings.")
            )
        if not self.env.su and set(company_ids) - set(user.company_ids.ids):
            raise AccessError(
                self.env._("You can change the SKP settings of your companies only.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            vals.setdefault("company_id", self.env.company.id)
        self._check_skp_admin([vals["company_id"] for vals in vals_list])
        # checked: the company's SKP fields are written by the system
        return super(HrSkpSettings, self.sudo()).create(vals_list).sudo(False)

    def write(self, vals):
        companies = self.company_id.ids
        if vals.get("company_id"):
            companies.append(vals["company_id"])
        self._check_skp_admin(companies)
        return super(HrSkpSettings, self.sudo()).write(vals)

    def action_save(self):
        """The values are saved with the record; show the settings again."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_settings_action"
        )
