from odoo import fields, models


class HrSkpEvaluasiAlasanWizard(models.TransientModel):
    _name = "hr.skp.evaluasi.alasan.wizard"
    _description = "Reason for Returning or Reopening an Evaluation"

    evaluasi_ids = fields.Many2many("hr.skp.evaluasi", required=True)
    mode = fields.Selection(
        [("kembalikan", "Return to the Employee"), ("buka_kembali", "Reopen (HR)")],
        required=True,
    )
    alasan = fields.Text(string="Reason", required=True)

    def action_confirm(self):
        self.ensure_one()
        if self.mode == "kembalikan":
            self.evaluasi_ids.action_kembalikan(alasan=self.alasan)
        else:
            self.evaluasi_ids.action_buka_kembali(alasan=self.alasan)
        return {"type": "ir.actions.act_window_close"}
