from odoo import models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def check(self, mode, values=None):
        """Bukti dukung follow their realisasi line: adding or removing one is a
        change of the line, refused once the evaluation is no longer open to the
        employee (the line's own write rules decide)."""
        res = super().check(mode, values=values)
        Realisasi = self.env["hr.skp.realisasi"]
        if mode in ("create", "write", "unlink") and not Realisasi._workflow_trusted():
            line_ids = set()
            if values and values.get("res_model") == "hr.skp.realisasi":
                line_ids.add(values.get("res_id"))
            if self:
                for attachment in self.sudo():
                    if attachment.res_model == "hr.skp.realisasi":
                        line_ids.add(attachment.res_id)
            line_ids.discard(False)
            line_ids.discard(None)
            if line_ids:
                lines = Realisasi.browse(line_ids).exists()
                lines._workflow_guard_write({"attachment_ids": True})
        return res
