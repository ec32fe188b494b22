"""Nine-box: the 3x3 kuadran kinerja of one unit and one period (DOMAIN §3.2).

Rating hasil kerja (rows) x rating perilaku (columns), each cell with the number
and the names of the unit's pegawai rated there. The unit's pegawai are counted as
for the pola distribusi (its staff and the leaders of its direct sub-units, the
leader excluded, each once); only evaluations whose two ratings are given count.
Read with the user's rights: a pejabat penilai sees the pegawai they may see.
"""

from odoo import api, fields, models

from .. import rules
from ..models.common import PERIODE, periode_label

NINEBOX_STATES = ("diajukan", "dinilai", "ditetapkan")


class HrSkpNinebox(models.TransientModel):
    _name = "hr.skp.ninebox"
    _description = "Nine-box Kinerja"

    department_id = fields.Many2one("hr.department", string="Unit Kerja", required=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    periode = fields.Selection(
        PERIODE,
        required=True,
        default=lambda self: self.env.company.skp_evaluasi_periode or "bulanan",
    )
    periode_ke = fields.Integer(string="Period Number", default=1)
    date_start = fields.Date(compute="_compute_dates")
    date_end = fields.Date(compute="_compute_dates")
    periode_label = fields.Char(compute="_compute_dates", string="Period")
    jumlah = fields.Integer(compute="_compute_grid", string="Pegawai Rated")
    grid_html = fields.Html(compute="_compute_grid", sanitize=False, string="Nine-box")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "hr.skp.evaluasi" and context.get(
            "active_ids"
        ):
            ev = self.env["hr.skp.evaluasi"].browse(context["active_ids"][:1])
            values.update(
                department_id=ev.department_id.id,
                year=ev.year,
                periode=ev.periode,
                periode_ke=ev.periode_ke or 1,
            )
        return values

    @api.depends("year", "periode", "periode_ke")
    def _compute_dates(self):
        for box in self:
            box.date_start = box.date_end = box.periode_label = False
            ke = box.periode_ke or 1
            if not (box.year and box.periode):
                continue
            if not 1 <= ke <= 12 // rules.PERIODE_MONTHS[box.periode]:
                continue
            box.date_start, box.date_end = rules.period_bounds(
                box.periode, box.year, ke
            )
            box.periode_label = periode_label(self.env, box.periode, ke, box.year)

    @api.depends("department_id", "date_start", "date_end")
    def _compute_grid(self):
        Org = self.env["hr.skp.capaian.organisasi"]
        for box in self:
            evaluations = Org._unit_evaluations(
                box.department_id,
                box.periode,
                box.date_start,
                box.date_end,
                NINEBOX_STATES,
            ).filtered(lambda e: e.rating_hasil_kerja and e.rating_perilaku)
            box.jumlah = len(evaluations)
            box.grid_html = Org._render_kuadran_html(evaluations)

    @api.model
    def _action_open(self, department, periode, year, periode_ke):
        """The nine-box of a unit and a period, in a dialog (without a unit, the
        dialog asks for one)."""
        if not department:
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Nine-box"),
                "res_model": self._name,
                "view_mode": "form",
                "target": "new",
                "context": {"default_periode": periode, "default_year": year},
            }
        box = self.create(
            {
                "department_id": department.id,
                "periode": periode,
                "year": year,
                "periode_ke": periode_ke or 1,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Nine-box"),
            "res_model": self._name,
            "res_id": box.id,
            "view_mode": "form",
            "target": "new",
        }
