from odoo import api, fields, models


class HrSkpRevisiWizard(models.TransientModel):
    """Mid-year change: end the current SKP on a date, continue in a new one."""

    _name = "hr.skp.revisi.wizard"
    _description = "SKP: Revision"

    skp_id = fields.Many2one("hr.skp", required=True)
    date_end = fields.Date(string="Current SKP Ends On", required=True)
    alasan = fields.Selection(
        [
            ("mutasi", "Mutasi"),
            ("promosi", "Promosi / pengangkatan jabatan baru"),
            ("sumber_daya", "Dukungan sumber daya tidak terpenuhi"),
            ("lainnya", "Lainnya"),
        ],
        required=True,
        default="mutasi",
    )
    keterangan = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "date_end" in fields_list and not values.get("date_end"):
            values["date_end"] = fields.Date.context_today(self)
        return values

    def action_confirm(self):
        self.ensure_one()
        label = dict(self._fields["alasan"]._description_selection(self.env))[
            self.alasan
        ]
        new_id = self.skp_id.action_revisi(self.date_end, f"{label}: {self.keterangan}")
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.skp",
            "res_id": new_id,
            "view_mode": "form",
        }
