import logging

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import post_message

_logger = logging.getLogger(__name__)

ASN_GENERATED = ("pns", "cpns", "pppk", "pppk_pw")


class HrSkpGenerate(models.Model):
    """Background job generating draft SKP for a unit tree or a jabatan from templates.

    Runs in batches from a cron (progress shown on the record); re-running skips every
    employee who already has an SKP for the year, so it is safe to start again.
    """

    _name = "hr.skp.generate"
    _description = "Generate SKP from Templates"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char(compute="_compute_name", store=True)
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    department_id = fields.Many2one(
        "hr.department", string="Unit Kerja", help="This unit and all its sub-units."
    )
    job_id = fields.Many2one("hr.job", string="Jabatan")
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Only These Employees",
        help="Chosen in Employees without an SKP; empty: everyone in the scope.",
    )
    asn_status = fields.Selection(
        [
            ("pns", "PNS"),
            ("cpns", "CPNS"),
            ("pppk", "PPPK"),
            ("pppk_pw", "PPPK Paruh Waktu"),
        ],
        string="ASN Status",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("antri", "Queued"),
            ("berjalan", "Running"),
            ("selesai", "Done"),
            ("gagal", "Failed"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    batch_size = fields.Integer(default=500)
    total = fields.Integer(readonly=True)
    processed = fields.Integer(readonly=True)
    created_count = fields.Integer(string="SKP Created", readonly=True)
    skipped_count = fields.Integer(string="Skipped (already had an SKP)", readonly=True)
    no_template_count = fields.Integer(string="Created Without Template", readonly=True)
    last_employee_id = fields.Integer(readonly=True)
    progress = fields.Float(compute="_compute_progress")
    date_done = fields.Datetime(readonly=True)
    skp_ids = fields.Many2many(
        "hr.skp",
        "hr_skp_generate_skp_rel",
        string="Generated SKP",
        readonly=True,
        copy=False,
    )
    skp_count = fields.Integer(compute="_compute_skp_count", string="SKP")
    error = fields.Text(readonly=True, help="Why the job stopped.")

    @api.depends("year", "department_id", "job_id", "employee_ids")
    def _compute_name(self):
        for job in self:
            scope = " / ".join(
                filter(None, [job.department_id.name, job.job_id.name])
            ) or self.env._("All units")
            if job.employee_ids:
                scope = self.env._(
                    "%(count)s chosen employees", count=len(job.employee_ids)
                )
            job.name = f"SKP {job.year} – {scope}"

    @api.depends("processed", "total")
    def _compute_progress(self):
        for job in self:
            job.progress = 100.0 * job.processed / job.total if job.total else 0.0

    @api.depends("skp_ids")
    def _compute_skp_count(self):
        for job in self:
            job.skp_count = len(job.skp_ids)

    def _employee_domain(self):
        self.ensure_one()
        domain = [
            ("company_id", "=", self.company_id.id),
            ("asn_status", "in", ASN_GENERATED),
        ]
        if self.department_id:
            domain.append(("department_id", "child_of", self.department_id.id))
        if self.job_id:
            domain.append(("job_id", "=", self.job_id.id))
        if self.asn_status:
            domain.append(("asn_status", "=", self.asn_status))
        if self.employee_ids:
            domain.append(("id", "in", self.employee_ids.ids))
        if not (self.env.su or self.env.user.has_group("hr_skp_asn.group_skp_admin")):
            # a pengelola kinerja generates for the units they manage, nothing else
            domain.append(("department_id.skp_pengelola_all_ids", "in", [self.env.uid]))
        return domain

    def action_start(self):
        for job in self:
            if job.state == "berjalan":
                raise UserError(
                    self.env._("%(name)s is already running.", name=job.name)
                )
            total = self.env["hr.employee"].search_count(job._employee_domain())
            job.write(
                {
                    "state": "antri",
                    "total": total,
                    "processed": 0,
                    "created_count": 0,
                    "skipped_count": 0,
                    "no_template_count": 0,
                    "last_employee_id": 0,
                    "date_done": False,
                    "error": False,
                }
            )
        self.env.ref("hr_skp_asn.ir_cron_skp_generate")._trigger()
        return True

    def _process_batch(self):
        """Generate the next batch; a constant number of queries per batch.

        Returns the number of employees still to process.
        """
        self.ensure_one()
        Employee = self.env["hr.employee"]
        Skp = self.env["hr.skp"]
        domain = self._employee_domain()
        employees = Employee.search(
            [*domain, ("id", ">", self.last_employee_id)],
            order="id",
            limit=self.batch_size,
        )
        if not employees:
            self.write({"state": "selesai", "date_done": fields.Datetime.now()})
            # one summary for the whole job (the SKP themselves get no chatter note)
            post_message(
                self,
                body=self.env._(
                    "Generation done: %(created)s SKP created, %(skipped)s skipped "
                    "(already had an SKP), %(no_template)s without a template.",
                    created=self.created_count,
                    skipped=self.skipped_count,
                    no_template=self.no_template_count,
                ),
            )
            return 0
        # who already has an SKP for the year (any overlapping, non-cancelled)
        having = {
            employee.id
            for [employee] in Skp._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "=", self.year),
                    ("state", "!=", "batal"),
                ],
                ["employee_id"],
            )
        }
        todo = employees.filtered(lambda e: e.id not in having)
        templates = {
            template.job_id.id: template
            for template in self.env["hr.skp.template"].search(
                [
                    ("job_id", "in", todo.job_id.ids),
                    ("company_id", "in", (False, self.company_id.id)),
                ]
            )
        }
        rhk_atasan = self.env["hr.skp.rhk"]._by_owner_and_name(
            todo.pejabat_penilai_id, self.year
        )
        vals_list = []
        no_template = 0
        for employee in todo:
            template = templates.get(employee.job_id.id)
            if template:
                vals_list.append(template._skp_values(employee, self.year, rhk_atasan))
            else:
                no_template += 1
                vals_list.append({"employee_id": employee.id, "year": self.year})
        created = Skp._generate(vals_list)
        created_ids = created.ids
        created.invalidate_recordset()  # what was created is not kept in memory
        processed = self.processed + len(employees)
        self.write(
            {
                "skp_ids": [Command.link(skp_id) for skp_id in created_ids],
                "state": "berjalan",
                "last_employee_id": employees[-1].id,
                "processed": processed,
                "created_count": self.created_count + len(vals_list),
                "skipped_count": self.skipped_count + len(employees) - len(todo),
                "no_template_count": self.no_template_count + no_template,
            }
        )
        # bounded memory: nothing of this batch stays in the cache
        self.env.invalidate_all(flush=True)
        return max(self.total - processed, 0)

    def action_open_skp(self):
        """The SKP this job created."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_action"
        )
        action.update(
            name=self.env._("SKP Created by %(job)s", job=self.name),
            domain=[("id", "in", self.skp_ids.ids)],
            context={"create": False},
        )
        return action

    def run_to_end(self):
        """Process every batch now (tests, scripts); the cron does the same in steps."""
        for job in self:
            if job.state == "draft":
                job.action_start()
            while job.state in ("antri", "berjalan"):
                job._process_batch()
        return True

    @api.model
    def _cron_process(self):
        """Process one batch of the oldest queued job and report progress. A job
        that fails stops with its reason and does not hold up the others."""
        job = self.search([("state", "in", ("antri", "berjalan"))], order="id", limit=1)
        if not job:
            return
        try:
            with self.env.cr.savepoint():
                job.with_user(job.create_uid).with_company(
                    job.company_id
                )._process_batch()
        except (UserError, ValidationError, AccessError) as error:
            job.write({"state": "gagal", "error": str(error)})
            post_message(
                job, body=self.env._("Generation stopped: %(error)s", error=str(error))
            )
        remaining = (
            max(job.total - job.processed, 1)
            if job.state in ("antri", "berjalan")
            else 0
        )
        others = self.search_count(
            [("state", "in", ("antri", "berjalan")), ("id", "!=", job.id)]
        )
        self.env["ir.cron"]._notify_progress(
            done=job.processed, remaining=remaining + others
        )
