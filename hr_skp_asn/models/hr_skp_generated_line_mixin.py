"""Lines generated with their evaluation (realisasi per indikator, umpan balik per
BerAKHLAK value): only the workflow adds or removes them; users write the fields
the workflow mixin lets them write."""

from odoo import api, models
from odoo.exceptions import UserError

from . import batch


class HrSkpGeneratedLineMixin(models.AbstractModel):
    _name = "hr.skp.generated.line.mixin"
    _inherit = ["hr.skp.workflow.mixin"]
    _description = "Lines Generated With Their Evaluation"

    def _generated_line_message(self, removing=False):
        """Why a user cannot add (or, ``removing``, remove) such a line."""
        raise NotImplementedError

    @api.model
    def _add_missing_default_values(self, values):
        return batch.add_missing_defaults(self, values, super())

    @api.model_create_multi
    def create(self, vals_list):
        if not self._workflow_trusted():
            raise UserError(self._generated_line_message())
        return super().create(vals_list)

    def write(self, vals):
        if not self._workflow_trusted():
            self._workflow_guard_write(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_generated_line(self):
        if not self._workflow_trusted():
            raise UserError(self._generated_line_message(removing=True))
