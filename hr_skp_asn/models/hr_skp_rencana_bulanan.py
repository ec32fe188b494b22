"""Rencana kinerja bulanan and the evaluation side of hr.skp (DOMAIN §2, §4).

PPPK Paruh Waktu (and everyone, when the company enables it) get monthly targets
derived from the SKP, evaluated monthly; the year's result is the mean of the
monthly capaian (``capaian_rata_rata``). PPPK and PPPK Paruh Waktu get a
``rekomendasi_perpanjangan`` from the annual predikat and rating perilaku.
"""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import rules


class HrSkpRencanaBulanan(models.Model):
    _name = "hr.skp.rencana.bulanan"
    _description = "Rencana Kinerja Bulanan"
    _inherit = ["hr.skp.workflow.mixin"]
    _order = "skp_id, bulan, sequence, id"

    # the SKP's ``plan_months`` permission: planned with the pejabat penilai while
    # the SKP is drawn up; once approved changed by the pejabat penilai or HR
    _workflow_parent_field = "skp_id"

    skp_id = fields.Many2one("hr.skp", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    year = fields.Integer(related="skp_id.year", store=True)
    sequence = fields.Integer(default=10)
    bulan = fields.Selection(
        [(str(i), name) for i, name in enumerate(rules.BULAN, start=1)],
        string="Month",
        required=True,
    )
    indikator_id = fields.Many2one(
        "hr.skp.indikator",
        required=True,
        ondelete="cascade",
        domain="[('skp_id', '=', skp_id)]",
    )
    rhk_id = fields.Many2one(related="indikator_id.rhk_id", store=True, string="RHK")
    aspek = fields.Selection(related="indikator_id.aspek")
    satuan = fields.Char(related="indikator_id.satuan")
    name = fields.Text(
        string="Rencana Aksi", help="What is to be done and produced this month."
    )
    target_text = fields.Char(string="Target (text)")
    target_min = fields.Float(string="Target", digits=(16, 2))
    target_max = fields.Float(digits=(16, 2))

    _sql_constraints = [
        (
            "bulan_indikator_unique",
            "UNIQUE(skp_id, bulan, indikator_id)",
            "One monthly target per indikator and month.",
        ),
    ]

    @api.constrains("target_min", "target_max", "indikator_id", "skp_id", "bulan")
    def _check_target(self):
        for line in self:
            if line.target_min < 0 or line.target_max < 0:
                raise ValidationError(
                    self.env._("A monthly target cannot be negative.")
                )
            if line.target_max and line.target_max < line.target_min:
                raise ValidationError(
                    self.env._("The monthly target range ends below its start.")
                )
            if line.indikator_id.skp_id != line.skp_id:
                raise ValidationError(
                    self.env._(
                        "The indikator is not part of %(skp)s.",
                        skp=line.skp_id.display_name,
                    )
                )
            month = int(line.bulan)
            skp = line.skp_id
            first = date(skp.year, month, 1)
            last = rules.period_bounds("bulanan", skp.year, month)[1]
            if last < skp.date_start or first > skp.date_end:
                raise ValidationError(
                    self.env._(
                        "%(month)s lies outside the period of %(skp)s.",
                        month=rules.BULAN[month - 1],
                        skp=skp.display_name,
                    )
                )

    def _check_can_edit(self):
        if not self._workflow_trusted():
            self._workflow_check("plan_months")

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_can_edit()
        return lines

    def write(self, vals):
        self._check_can_edit()
        res = super().write(vals)
        if {"target_text", "target_min", "target_max"} & set(vals):
            self._sync_open_realisasi()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_check(self):
        self._check_can_edit()

    def _sync_open_realisasi(self):
        """A corrected monthly target reaches the month's evaluation while it is
        not rated yet (draft, diajukan); a rated one keeps its targets."""
        lines = (
            self.env["hr.skp.realisasi"]
            .sudo()
            .search(
                [
                    ("rencana_bulanan_id", "in", self.ids),
                    ("evaluasi_id.state", "in", ("draft", "diajukan")),
                ]
            )
        )
        for line in lines:
            plan = line.rencana_bulanan_id
            line._workflow_write(
                {
                    "target_min": plan.target_min,
                    "target_max": plan.target_max,
                    "target_text": plan.target_text or line.indikator_id.target_text,
                }
            )
