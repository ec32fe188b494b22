from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import rules
from .common import ASPEK, PERILAKU_ASPEK, PERSPEKTIF, target_label


class SkpLineMixin(models.AbstractModel):
    """Lines of an SKP follow its workflow: written by who may edit the SKP
    (``edit``: while draft or diajukan)."""

    _name = "hr.skp.line.mixin"
    _description = "SKP line (locked with its SKP)"
    _inherit = ["hr.skp.workflow.mixin"]

    _workflow_parent_field = "skp_id"
    _workflow_default_permission = "edit"
    #: the field tying a line to its parent; a line never moves to another one
    _line_parent_field = "skp_id"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self._workflow_trusted():
            records._workflow_check("edit")
        return records

    def write(self, vals):
        if not self._workflow_trusted():
            self._workflow_check_line_vals(vals)
            self._workflow_check_vals(vals)
            parent = self._line_parent_field
            if parent in vals and any(line[parent].id != vals[parent] for line in self):
                raise UserError(
                    self.env._("A line stays in its SKP; delete it and add a new one.")
                )
        return super().write(vals)

    def _workflow_check_line_vals(self, vals):
        """Hook: fields a line never changes (the BerAKHLAK value...)."""

    def unlink(self):
        if not self._workflow_trusted():
            self._workflow_check("edit")
        return super().unlink()


class HrSkpRhk(models.Model):
    _name = "hr.skp.rhk"
    _description = "Rencana Hasil Kerja (RHK)"
    _inherit = ["hr.skp.line.mixin"]
    _order = "skp_id, jenis desc, sequence, id"

    skp_id = fields.Many2one("hr.skp", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    year = fields.Integer(related="skp_id.year", store=True)
    skp_state = fields.Selection(related="skp_id.state", string="SKP Status")
    pejabat_penilai_id = fields.Many2one(related="skp_id.pejabat_penilai_id")
    jenis = fields.Selection(
        [("utama", "Utama"), ("tambahan", "Tambahan")], required=True, default="utama"
    )
    name = fields.Text(string="Rencana Hasil Kerja", required=True)
    rhk_atasan_id = fields.Many2one(
        "hr.skp.rhk",
        string="RHK Pimpinan yang Diintervensi",
        index=True,
        ondelete="restrict",
        domain="[('skp_id.employee_id', '=', pejabat_penilai_id), "
        "('year', '=', year), ('skp_state', '!=', 'batal')]",
    )
    rhk_atasan_hint = fields.Char(
        compute="_compute_rhk_atasan_hint",
        string="Why No RHK Pimpinan",
        help="Why the list of the leader's RHK to intervene is empty.",
    )
    rhk_atasan_skp_state = fields.Selection(
        related="rhk_atasan_id.skp_id.state", string="Status SKP Pimpinan"
    )
    rhk_bawahan_ids = fields.One2many(
        "hr.skp.rhk", "rhk_atasan_id", string="RHK Bawahan yang Mengintervensi"
    )
    bawahan_employee_ids = fields.Many2many(
        "hr.employee",
        compute="_compute_bawahan",
        string="Pegawai yang Berperan",
    )
    bawahan_count = fields.Integer(compute="_compute_bawahan", string="Jumlah Peran")
    perspektif = fields.Selection(PERSPEKTIF)
    penugasan_dari = fields.Char(help="Who assigned this RHK tambahan.")
    indikator_ids = fields.One2many(
        "hr.skp.indikator", "rhk_id", string="Indikator Kinerja Individu", copy=True
    )
    is_activity_phrase = fields.Boolean(
        compute="_compute_is_activity_phrase",
        string="Reads Like an Activity",
    )

    @api.model
    def _by_owner_and_name(self, employees, year):
        """The RHK of the (non-cancelled) SKP of ``employees`` for ``year``, by
        (employee id, RHK name): a subordinate's RHK finds the leader's RHK it
        intervenes by its name, for many employees in one query."""
        return {
            (rhk.employee_id.id, (rhk.name or "").strip()): rhk
            for rhk in self.search(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "=", year),
                    ("skp_state", "!=", "batal"),
                ]
            )
        }

    @api.depends("pejabat_penilai_id", "year", "rhk_atasan_id", "skp_id.jenis_skp")
    def _compute_rhk_atasan_hint(self):
        """When there is no leader's RHK to choose: the pejabat penilai is missing,
        or has no SKP with RHK for the year yet (one query for the batch)."""
        needing = self.filtered(
            lambda r: not r.rhk_atasan_id and r.skp_id.jenis_skp == "ja_jf"
        )
        having = {
            (employee.id, year)
            for employee, year in self._read_group(
                [
                    ("employee_id", "in", needing.pejabat_penilai_id.ids),
                    ("year", "in", list(set(needing.mapped("year")))),
                    ("skp_state", "!=", "batal"),
                ],
                ["employee_id", "year"],
            )
        }
        for rhk in self:
            penilai = rhk.pejabat_penilai_id
            hint = False
            if rhk not in needing:
                pass
            elif not penilai:
                hint = self.env._(
                    "The employee has no pejabat penilai yet: HR sets it in the "
                    "employee's Data ASN, then the leader's RHK can be chosen."
                )
            elif (penilai.id, rhk.year) not in having:
                hint = self.env._(
                    "%(penilai)s has no SKP with RHK for %(year)s yet, so there is no "
                    "RHK pimpinan to choose. As soon as they start theirs (a draft is "
                    "enough), their RHK appear here and you can draft against them.",
                    penilai=penilai.name,
                    year=rhk.year,
                )
            rhk.rhk_atasan_hint = hint

    @api.depends("rhk_bawahan_ids.skp_id.state", "rhk_bawahan_ids.employee_id")
    def _compute_bawahan(self):
        for rhk in self:
            # as the user: a leader sees who carries each RHK, nobody sees more
            children = rhk.rhk_bawahan_ids.filtered(lambda r: r.skp_id.state != "batal")
            rhk.bawahan_employee_ids = children.employee_id
            rhk.bawahan_count = len(children)

    @api.depends("name")
    def _compute_is_activity_phrase(self):
        for rhk in self:
            rhk.is_activity_phrase = bool(rhk.name) and rules.is_activity_phrase(
                rhk.name
            )

    @api.depends("name", "skp_id.state", "employee_id")
    def _compute_display_name(self):
        labels = dict(
            self.env["hr.skp"]._fields["state"]._description_selection(self.env)
        )
        for rhk in self:
            name = (rhk.name or "").strip().splitlines()[0] if rhk.name else ""
            state = rhk.sudo().skp_id.state
            if self.env.context.get("rhk_show_owner"):
                name = f"{rhk.sudo().employee_id.name}: {name}"
            if state and state not in ("disetujui", "selesai"):
                name = f"{name} ({labels[state]})"
            rhk.display_name = name

    @api.onchange("name")
    def _onchange_name_activity(self):
        if self.name and rules.is_activity_phrase(self.name):
            return {
                "warning": {
                    "title": self.env._("RHK reads like an activity"),
                    "message": self.env._(
                        "An RHK states a result, not an activity: write "
                        "“Tersusunnya laporan …” rather than “Menyusun laporan …”."
                    ),
                    "type": "notification",
                }
            }

    @api.constrains("rhk_atasan_id", "skp_id")
    def _check_rhk_atasan(self):
        """JA/JF intervene an RHK of their pejabat penilai's SKP of the same year."""
        for rhk in self.filtered("rhk_atasan_id"):
            atasan = rhk.rhk_atasan_id.sudo()
            skp = rhk.skp_id
            if atasan.skp_id.employee_id != skp.pejabat_penilai_id:
                raise ValidationError(
                    self.env._(
                        "The RHK “%(rhk)s” intervenes “%(atasan)s”, which is not "
                        "in the "
                        "SKP of the pejabat penilai %(penilai)s.",
                        rhk=rhk.name,
                        atasan=atasan.name,
                        penilai=skp.pejabat_penilai_id.name or "-",
                    )
                )
            if atasan.skp_id.year != skp.year:
                raise ValidationError(
                    self.env._(
                        "The intervened RHK “%(atasan)s” belongs to %(year)s, not to "
                        "%(skp_year)s.",
                        atasan=atasan.name,
                        year=atasan.skp_id.year,
                        skp_year=skp.year,
                    )
                )
            if atasan.skp_id.state == "batal":
                raise ValidationError(
                    self.env._(
                        "The intervened RHK “%(atasan)s” is in a cancelled SKP.",
                        atasan=atasan.name,
                    )
                )

    @api.constrains("jenis", "perspektif", "skp_id")
    def _check_perspektif(self):
        for rhk in self:
            if (
                rhk.skp_id.jenis_skp == "jpt"
                and rhk.jenis == "utama"
                and not rhk.perspektif
            ):
                raise ValidationError(
                    self.env._(
                        "The RHK utama “%(rhk)s” of a JPT SKP needs its perspektif.",
                        rhk=rhk.name,
                    )
                )

    def action_open_bawahan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("RHK yang mengintervensi"),
            "res_model": "hr.skp.rhk",
            "view_mode": "list,form",
            "domain": [("rhk_atasan_id", "=", self.id)],
            "context": {"create": False},
        }


class HrSkpIndikator(models.Model):
    _name = "hr.skp.indikator"
    _description = "Indikator Kinerja Individu"
    _inherit = ["hr.skp.line.mixin"]
    _order = "rhk_id, sequence, id"
    _line_parent_field = "rhk_id"

    rhk_id = fields.Many2one(
        "hr.skp.rhk", required=True, ondelete="cascade", index=True
    )
    skp_id = fields.Many2one(related="rhk_id.skp_id", store=True, index=True)
    employee_id = fields.Many2one(related="rhk_id.employee_id", store=True)
    company_id = fields.Many2one(related="rhk_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Indikator Kinerja Individu", required=True)
    aspek = fields.Selection(ASPEK, required=True, default="kuantitas")
    target_text = fields.Char(string="Target (text)")
    target_min = fields.Float(string="Target", digits=(16, 2))
    target_max = fields.Float(digits=(16, 2), help="Upper bound of a range target.")
    satuan = fields.Char()
    polaritas = fields.Selection(
        [("maximize", "Higher is better"), ("minimize", "Lower is better")],
        required=True,
        default="maximize",
    )
    maksimal = fields.Boolean(
        string="Target Is the Maximum",
        help="The target is already the maximum attainable (e.g. 100% bebas temuan).",
    )
    target_display = fields.Char(compute="_compute_target_display", string="Target ")

    @api.depends("target_text", "target_min", "target_max", "satuan")
    def _compute_target_display(self):
        for ind in self:
            ind.target_display = target_label(ind)

    @api.constrains("target_min", "target_max")
    def _check_target(self):
        for ind in self:
            if ind.target_min < 0 or ind.target_max < 0:
                raise ValidationError(
                    self.env._(
                        "The target of “%(name)s” cannot be negative.", name=ind.name
                    )
                )
            if ind.target_max and ind.target_max < ind.target_min:
                raise ValidationError(
                    self.env._(
                        "The target range of “%(name)s” ends (%(max)s) below its start "
                        "(%(min)s).",
                        name=ind.name,
                        max=ind.target_max,
                        min=ind.target_min,
                    )
                )


class HrSkpPerilaku(models.Model):
    _name = "hr.skp.perilaku"
    _description = "Perilaku Kerja (BerAKHLAK)"
    _inherit = ["hr.skp.line.mixin"]
    _order = "skp_id, sequence, id"

    # indexed by the UNIQUE(skp_id, aspek) constraint below
    skp_id = fields.Many2one("hr.skp", required=True, ondelete="cascade")
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    aspek = fields.Selection(PERILAKU_ASPEK, required=True)
    panduan = fields.Text(string="Panduan Perilaku")
    ekspektasi_khusus = fields.Text(string="Ekspektasi Khusus Pimpinan")

    _sql_constraints = [
        (
            "aspek_unique",
            "UNIQUE(skp_id, aspek)",
            "Each BerAKHLAK value appears once per SKP.",
        ),
    ]

    @api.model
    def _default_lines(self):
        """The 7 BerAKHLAK values with their standard panduan (SE MenPANRB 20/2021)."""
        return [
            fields.Command.create({"sequence": index, "aspek": key, "panduan": panduan})
            for index, (key, _label, panduan) in enumerate(rules.BERAKHLAK, start=1)
        ]

    def _workflow_check_line_vals(self, vals):
        if "aspek" in vals:
            raise ValidationError(self.env._("The BerAKHLAK value of a line is fixed."))
