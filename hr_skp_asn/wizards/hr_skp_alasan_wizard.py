from odoo import fields, models


class HrSkpAlasanWizard(models.TransientModel):
    """The reason for returning or reopening an SKP; it goes to the chatter."""

    _name = "hr.skp.alasan.wizard"
    _description = "SKP: Reason"

    skp_ids = fields.Many2many("hr.skp", string="SKP")
    mode = fields.Selection(
        [("kembalikan", "Return for revision"), ("buka_kembali", "Reopen")],
        required=True,
        default="kembalikan",
    )
    alasan = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "kembalikan":
            self.skp_ids.action_kembalikan(self.alasan)
        else:
            self.skp_ids.action_buka_kembali(self.alasan)
        return {"type": "ir.actions.act_window_close"}
