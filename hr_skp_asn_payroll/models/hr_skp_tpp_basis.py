"""The monthly TPP basis per kelas jabatan or per jabatan, one table per company."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .hr_job import check_kelas_jabatan


class HrSkpTppBasis(models.Model):
    _name = "hr.skp.tpp.basis"
    _description = "TPP Basis per Kelas Jabatan or Jabatan"
    _order = "company_id, kelas_jabatan desc, job_id, id"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    kelas_jabatan = fields.Integer(help="Kelas jabatan 1-17; empty on a jabatan line.")
    job_id = fields.Many2one(
        "hr.job",
        string="Jabatan",
        index=True,
        domain="[('company_id', 'in', (company_id, False))]",
        help="The job position; empty on a kelas jabatan line.",
    )
    amount = fields.Monetary(
        string="Monthly TPP Basis",
        required=True,
        help="The whole monthly TPP of the jabatan before the kinerja/disiplin split.",
    )

    _sql_constraints = [
        (
            "kelas_unique",
            "UNIQUE(company_id, kelas_jabatan)",
            "Each kelas jabatan appears once in a company's TPP basis table.",
        ),
        (
            "job_unique",
            "UNIQUE(company_id, job_id)",
            "Each jabatan appears once in a company's TPP basis table.",
        ),
    ]

    @api.depends("kelas_jabatan", "job_id", "amount")
    def _compute_display_name(self):
        for line in self:
            key = (
                line.job_id.name
                if line.job_id
                else self.env._("Kelas %(kelas)s", kelas=line.kelas_jabatan)
            )
            line.display_name = f"{key}: {line.amount:,.0f}"

    @api.constrains("kelas_jabatan", "job_id", "amount")
    def _check_line(self):
        for line in self:
            if bool(line.job_id) == bool(line.kelas_jabatan):
                raise ValidationError(
                    self.env._(
                        "A TPP basis line is for one kelas jabatan or for one jabatan, "
                        "not both and not neither."
                    )
                )
            check_kelas_jabatan(self.env, line.kelas_jabatan)
            if line.amount < 0:
                raise ValidationError(self.env._("A TPP basis cannot be negative."))

    @api.model
    def _get_tables(self, companies):
        """{company_id: {"kelas_jabatan": {kelas: amount}, "jabatan": {job_id:
        amount}}} in one query."""
        tables = {
            company.id: {"kelas_jabatan": {}, "jabatan": {}} for company in companies
        }
        for line in self.search_fetch(
            [("company_id", "in", companies.ids)],
            ["company_id", "kelas_jabatan", "job_id", "amount"],
        ):
            table = tables[line.company_id.id]
            if line.job_id:
                table["jabatan"][line.job_id.id] = line.amount
            else:
                table["kelas_jabatan"][line.kelas_jabatan] = line.amount
        return tables
