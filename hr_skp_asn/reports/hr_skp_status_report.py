from odoo import Command, fields, models, tools
from odoo.exceptions import UserError

from ..models.common import ASN_STATUS


class HrSkpStatusReport(models.Model):
    """One row per ASN employee and year: the SKP status, or "missing", and lateness.

    A SQL view, so the dashboard counts 16,000 employees in one query.
    """

    _name = "hr.skp.status.report"
    _description = "SKP Status per Employee"
    _auto = False
    _order = "year desc, department_id, employee_id"

    employee_id = fields.Many2one("hr.employee", string="Pegawai", readonly=True)
    department_id = fields.Many2one("hr.department", string="Unit Kerja", readonly=True)
    job_id = fields.Many2one("hr.job", string="Jabatan", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    pejabat_penilai_id = fields.Many2one("hr.employee", readonly=True)
    asn_status = fields.Selection(ASN_STATUS, string="ASN Status", readonly=True)
    year = fields.Integer(readonly=True)
    skp_id = fields.Many2one("hr.skp", string="SKP", readonly=True)
    state = fields.Selection(
        [
            ("belum_ada", "Missing"),
            ("draft", "Draft"),
            ("diajukan", "Diajukan"),
            ("disetujui", "Disetujui"),
            ("selesai", "Selesai"),
        ],
        string="Status",
        readonly=True,
    )
    deadline = fields.Date(string="Batas Penetapan", readonly=True)
    terlambat = fields.Boolean(string="Late", readonly=True)
    count = fields.Integer(string="Employees", readonly=True, aggregator="sum")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
            WITH years AS (
                SELECT DISTINCT year FROM hr_skp
                 UNION
                SELECT EXTRACT(YEAR FROM CURRENT_DATE)::int
            ), latest AS (
                SELECT DISTINCT ON (s.employee_id, s.year)
                       s.id, s.employee_id, s.year, s.state, s.deadline
                  FROM hr_skp s
                 WHERE s.state <> 'batal'
                 ORDER BY s.employee_id, s.year, s.date_start DESC, s.id DESC
            )
            SELECT
                e.id * 10000 + y.year AS id,
                e.id AS employee_id,
                e.department_id,
                e.job_id,
                e.company_id,
                e.pejabat_penilai_id,
                e.asn_status,
                y.year,
                l.id AS skp_id,
                COALESCE(l.state, 'belum_ada') AS state,
                d.deadline,
                (COALESCE(l.state, 'belum_ada') IN ('belum_ada', 'draft', 'diajukan')
                 AND d.deadline < CURRENT_DATE) AS terlambat,
                1 AS count
              FROM hr_employee e
              JOIN res_company c ON c.id = e.company_id
             CROSS JOIN years y
              LEFT JOIN latest l ON l.employee_id = e.id AND l.year = y.year
             CROSS JOIN LATERAL (
                SELECT COALESCE(
                    l.deadline,
                    CASE
                        WHEN e.asn_status = 'pppk_pw' AND e.tanggal_sk IS NOT NULL
                        THEN GREATEST(e.tanggal_sk, make_date(y.year, 1, 1))
                             + COALESCE(c.skp_pppk_pw_deadline_days, 10)
                        ELSE make_date(y.year, 1, 1) + COALESCE(c.skp_deadline_days, 31)
                    END
                ) AS deadline
             ) d
             WHERE e.active
               AND e.asn_status IN ('pns', 'cpns', 'pppk', 'pppk_pw')
            )
            """
        )

    def action_generate_skp(self):
        """The selected employees without an SKP get their draft SKP, from the
        template of their jabatan when there is one: one generation job per year and
        company, run at once for a selection that fits in one batch (else queued).
        Opens the SKP when there is one, else the job(s), which link to what they
        created."""
        rows = self.filtered(lambda row: row.state == "belum_ada")
        if not rows:
            raise UserError(
                self.env._(
                    "The selected employees already have an SKP for the year: "
                    "choose rows with the status Missing."
                )
            )
        Job = self.env["hr.skp.generate"]
        jobs = Job.create(
            [
                {
                    "year": year,
                    "company_id": company.id,
                    "employee_ids": [Command.set(group.employee_id.ids)],
                }
                for (year, company), group in rows.grouped(
                    lambda row: (row.year, row.company_id)
                ).items()
            ]
        )
        now = jobs.filtered(lambda job: len(job.employee_ids) <= job.batch_size)
        now.run_to_end()
        (jobs - now).action_start()
        if len(jobs) == 1 and jobs.state == "selesai" and len(jobs.skp_ids) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.skp",
                "res_id": jobs.skp_ids.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_generate_action"
        )
        if len(jobs) == 1:
            action.update(res_id=jobs.id, view_mode="form", views=[(False, "form")])
        else:
            action["domain"] = [("id", "in", jobs.ids)]
        return action
