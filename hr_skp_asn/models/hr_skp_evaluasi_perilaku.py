"""Umpan balik per BerAKHLAK value in one evaluation (DOMAIN §3)."""

from odoo import api, fields, models

from .common import (
    PERILAKU_ASPEK,
)


class HrSkpEvaluasiPerilaku(models.Model):
    _name = "hr.skp.evaluasi.perilaku"
    _description = "Umpan Balik Perilaku Kerja (BerAKHLAK)"
    _inherit = ["hr.skp.generated.line.mixin"]
    _order = "evaluasi_id, sequence, id"

    # the evaluation's workflow decides: only the umpan balik is written, by who
    # gives the evaluation's umpan balik
    _workflow_parent_field = "evaluasi_id"
    _workflow_user_fields = {"umpan_balik", "sequence"}
    _workflow_field_permissions = {"umpan_balik": "feedback"}

    # indexed by the UNIQUE(evaluasi_id, aspek) constraint below
    evaluasi_id = fields.Many2one("hr.skp.evaluasi", required=True, ondelete="cascade")
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

    def _generated_line_message(self, removing=False):
        if removing:
            return self.env._("The seven BerAKHLAK lines of an evaluation are kept.")
        return self.env._(
            "The perilaku lines are generated with the evaluation, one per "
            "BerAKHLAK value; they cannot be added."
        )

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "Only the umpan balik of a BerAKHLAK line is written; "
            "%(fields)s cannot be.",
            fields=labels,
        )
