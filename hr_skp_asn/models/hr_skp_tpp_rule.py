"""TPP kinerja table per company (DOMAIN §4); the payroll API is on hr.employee."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .common import PREDIKAT


class HrSkpTppRule(models.Model):
    _name = "hr.skp.tpp.rule"
    _description = "TPP Kinerja Percentage per Predikat"
    _order = "company_id, persentase desc, id"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    predikat = fields.Selection(PREDIKAT, required=True)
    persentase = fields.Float(
        string="Percentage (%)",
        digits=(5, 2),
        required=True,
        help="Share of the TPP kinerja part paid for this predikat (0-100).",
    )

    _sql_constraints = [
        (
            "predikat_unique",
            "UNIQUE(company_id, predikat)",
            "Each predikat appears once in a company's TPP table.",
        ),
        (
            "persentase_range",
            "CHECK(persentase >= 0 AND persentase <= 100)",
            "A TPP percentage lies between 0 and 100.",
        ),
    ]

    @api.depends("predikat", "persentase")
    def _compute_display_name(self):
        labels = dict(PREDIKAT)
        for rule in self:
            rule.display_name = f"{labels.get(rule.predikat, '')}: {rule.persentase:g}%"

    @api.constrains("persentase")
    def _check_persentase(self):
        for rule in self:
            if not 0 <= rule.persentase <= 100:
                raise ValidationError(
                    self.env._("A TPP percentage lies between 0 and 100.")
                )

    @api.model
    def _get_percentages(self, companies):
        """{company_id: {predikat: persentase}} in one query."""
        table = {company.id: {} for company in companies}
        for rule in self.search_fetch(
            [("company_id", "in", companies.ids)],
            ["company_id", "predikat", "persentase"],
        ):
            table[rule.company_id.id][rule.predikat] = rule.persentase
        return table
