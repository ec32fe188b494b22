from odoo import fields, models
from odoo.exceptions import UserError


class HrSkpAlasanWizard(models.TransientModel):
    """The reason for every action "with a reason" (return, reopen...) of an SKP or
    an evaluation (as base_tier_validation's comment wizard): the action runs with
    it, as the user, and keeps it in the chatter."""

    _name = "hr.skp.alasan.wizard"
    _description = "Reason for an SKP or Evaluation Action"

    res_model = fields.Char(required=True, readonly=True)
    res_ids = fields.Json(required=True, readonly=True)
    action = fields.Char(required=True, readonly=True)
    alasan = fields.Text(string="Reason", required=True)

    def action_confirm(self):
        self.ensure_one()
        Model = self.env[self.res_model]
        if self.action not in getattr(Model, "_workflow_reason_actions", ()):
            raise UserError(
                self.env._(
                    "%(action)s is not an action with a reason.", action=self.action
                )
            )
        records = Model.browse(self.res_ids).exists()
        getattr(records, self.action)(alasan=self.alasan)
        return {"type": "ir.actions.act_window_close"}
