"""Umpan balik per BerAKHLAK value in one evaluation (DOMAIN §3)."""

from odoo import api, fields, models
from odoo.exceptions import UserError

from . import batch
from .common import (
    PERILAKU_ASPEK,
)


class HrSkpEvaluasiPerilaku(models.Model):
    _name = "hr.skp.evaluasi.perilaku"
    _description = "Umpan Balik Perilaku Kerja (BerAKHLAK)"
    _order = "evaluasi_id, sequence, id"

    evaluasi_id = fields.Many2one(
        "hr.skp.evaluasi", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(
        related="evaluasi_id.company_id", store=True, precompute=True
    )
    sequence = fields.Integer(default=10)
    perilaku_id = fields.Many2one("hr.skp.perilaku", ondelete="set null")
    aspek = fields.Selection(PERILAKU_ASPEK, required=True)
    panduan = fields.Text(related="perilaku_id.panduan")
    ekspektasi_khusus = fields.Text(related="perilaku_id.ekspektasi_khusus")
    umpan_balik = fields.Text()

    _sql_constraints = [
        (
            "aspek_unique",
            "UNIQUE(evaluasi_id, aspek)",
            "Each BerAKHLAK value appears once per evaluation.",
        ),
    ]

    @api.model
    def _add_missing_default_values(self, values):
        return batch.add_missing_defaults(self, values, super())

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise UserError(
                self.env._(
                    "The perilaku lines are generated with the evaluation, one per "
                    "BerAKHLAK value; they cannot be added."
                )
            )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_check(self):
        if not self.env.su:
            raise UserError(
                self.env._("The seven BerAKHLAK lines of an evaluation are kept.")
            )

    def write(self, vals):
        if not self.env.su:
            refused = {f for f in vals if f not in ("umpan_balik", "sequence")} - {
                f for f in vals if f.startswith("message_")
            }
            if refused:
                raise UserError(
                    self.env._(
                        "Only the umpan balik of a BerAKHLAK line is written; "
                        "%(fields)s cannot be.",
                        fields=", ".join(sorted(refused)),
                    )
                )
            self.evaluasi_id._check_not_ditetapkan()
            self.evaluasi_id._check_can_give_feedback()
        return super().write(vals)
