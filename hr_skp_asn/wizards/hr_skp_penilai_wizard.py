from odoo import fields, models
from odoo.exceptions import UserError


class HrSkpPenilaiWizard(models.TransientModel):
    """Set the pejabat penilai of many employees in one action (tracked on each)."""

    _name = "hr.skp.penilai.wizard"
    _description = "Set Pejabat Penilai"

    employee_ids = fields.Many2many(
        "hr.employee",
        string="Pegawai",
        default=lambda self: (
            self.env.context.get("active_ids")
            if self.env.context.get("active_model") == "hr.employee"
            else False
        ),
    )
    pejabat_penilai_id = fields.Many2one("hr.employee", required=True)

    def action_confirm(self):
        self.ensure_one()
        if not self.employee_ids:
            raise UserError(self.env._("Choose the employees to correct."))
        if self.pejabat_penilai_id in self.employee_ids:
            raise UserError(
                self.env._(
                    "%(name)s cannot be their own pejabat penilai.",
                    name=self.pejabat_penilai_id.name,
                )
            )
        chain = self.env["hr.employee"]
        current = self.pejabat_penilai_id
        while current and current not in chain:
            chain |= current
            current = current.pejabat_penilai_id
        circular = self.employee_ids & chain
        if circular:
            raise UserError(
                self.env._(
                    "%(penilai)s is rated, directly or higher up, by %(names)s: "
                    "this would make a circle.",
                    penilai=self.pejabat_penilai_id.name,
                    names=", ".join(circular.mapped("name")),
                )
            )
        self.employee_ids.write({"pejabat_penilai_id": self.pejabat_penilai_id.id})
        return {"type": "ir.actions.act_window_close"}
