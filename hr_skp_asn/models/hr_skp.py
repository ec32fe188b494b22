import threading
from datetime import date, timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools.sql import create_index

from .. import rules
from . import batch
from .common import (
    ASPEK_DIBAGI,
    JENIS_JABATAN,
    JENJANG_FUNGSIONAL,
    PERSPEKTIF,
    PREDIKAT,
    REKOMENDASI,
    SKP_STATE,
    post_message,
    schedule_activity,
)

# Who-was-who snapshot taken when the SKP is set (ditetapkan): role -> field prefix
SNAPSHOT_ROLES = ("pegawai", "penilai", "atasan")
SNAPSHOT_ITEMS = ("nama", "nip", "pangkat", "jabatan", "unit")

# Who rates whom: taken from the employee record, changed by HR only.
PEOPLE_FIELDS = {"pejabat_penilai_id", "atasan_pejabat_penilai_id", "jenis_skp"}

# what the contract recommendation of a PPPK follows
REKOMENDASI_DEPENDS = (
    "employee_id.asn_status",
    "evaluasi_ids.state",
    "evaluasi_ids.predikat",
    "evaluasi_ids.rating_perilaku",
    "employee_id.evaluasi_ids.state",
    "employee_id.evaluasi_ids.predikat",
    "employee_id.evaluasi_ids.rating_perilaku",
    "company_id.skp_perpanjangan_min_predikat",
    "company_id.skp_perpanjangan_min_perilaku",
)
# Fields only the workflow actions write (never a plain write() by a user).
SYSTEM_FIELDS = (
    {
        "state",
        "tanggal_disetujui",
        "revisi_dari_id",
    }
    | {f"snap_{role}_{item}" for role in SNAPSHOT_ROLES for item in SNAPSHOT_ITEMS}
    | {
        "snap_pegawai_jenis_jabatan",
        "snap_pegawai_jenjang",
    }
)


OPEN = ("draft", "diajukan")
LIVE = ("draft", "diajukan", "disetujui")
ALL_STATES = tuple(key for key, _label in SKP_STATE)
PENILAI_OR_HR = ("penilai", "pengelola")
PENILAI = ("penilai", "admin")


class HrSkp(models.Model):
    _name = "hr.skp"
    _description = "Sasaran Kinerja Pegawai (SKP)"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "hr.skp.workflow.mixin",
    ]
    _order = "year desc, date_start desc, id desc"
    _mail_post_access = "read"
    _rec_names_search = ["employee_id.name", "employee_id.nip", "department_id.name"]

    # who may do what (hr.skp.workflow.mixin); the BKD admin is a pengelola too
    _workflow_permissions = {
        # the plan itself (and its lines) while it is drawn up
        "edit": [{"states": OPEN, "roles": ("own", "penilai", "pengelola")}],
        "ajukan": [{"states": ("draft",), "roles": ("own", "pengelola")}],
        # the pejabat penilai's (or the BKD admin's), never on one's own SKP
        "approve": [{"states": ("diajukan",), "roles": PENILAI, "not_own": True}],
        "return": [{"states": ("diajukan",), "roles": PENILAI, "not_own": True}],
        "reopen": [{"states": ("disetujui",), "roles": PENILAI, "not_own": True}],
        "revise": [{"states": LIVE, "roles": PENILAI_OR_HR}],
        "cancel": [
            {"states": ("draft",), "roles": ("own", "penilai", "pengelola")},
            {"states": ("diajukan", "disetujui"), "roles": PENILAI_OR_HR},
        ],
        "close": [{"states": ("disetujui",), "roles": PENILAI_OR_HR}],
        "reset": [{"states": ("batal",), "roles": ("own", "penilai", "pengelola")}],
        # who rates whom other than the employee record says
        "people": [{"states": ALL_STATES, "roles": ("pengelola",)}],
        # the evaluations and the monthly plan of the SKP
        "plan": [{"states": ALL_STATES, "roles": ("own", "penilai", "pengelola")}],
        "plan_months": [
            {"states": OPEN, "roles": ("own", "penilai", "pengelola")},
            {"states": ("disetujui",), "roles": PENILAI_OR_HR},
            {"states": ("selesai", "batal"), "roles": ("pengelola",)},
        ],
        # the daily log (catatan kinerja harian)
        "log": [{"states": ALL_STATES, "roles": ("own", "pengelola")}],
    }
    _workflow_system_fields = SYSTEM_FIELDS
    _workflow_default_permission = "edit"
    _workflow_field_permissions = {"rencana_bulanan_ids": None}
    _workflow_reason_actions = ("action_kembalikan", "action_buka_kembali")
    _workflow_labelled = (
        "ajukan",
        "approve",
        "return",
        "reopen",
        "revise",
        "cancel",
        "close",
        "reset",
    )
    _workflow_flags = {
        "is_own": "role:own",
        "is_penilai": "role:penilai",
        "is_pegawai": "role:own",
        "is_pejabat_penilai": "role:penilai",
        "can_edit": "edit",
        "can_ajukan": "ajukan",
        "can_approve": "approve",
        "can_return": "return",
        "can_reopen": "reopen",
        "can_revise": "revise",
        "can_cancel": "cancel",
        "can_close": "close",
        "can_reset": "reset",
        "can_plan": "plan",
        "can_plan_months": "plan_months",
    }

    employee_id = fields.Many2one(
        "hr.employee",
        string="Pegawai",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        default=lambda self: self._default_employee_id(),
        domain="[('company_id', 'in', allowed_company_ids), "
        "('asn_status', 'not in', [False, 'non_asn'])]",
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="Pegawai User")
    company_id = fields.Many2one(
        related="employee_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        "hr.department",
        compute="_compute_department_id",
        store=True,
        index=True,
        string="Unit Kerja",
    )
    asn_status = fields.Selection(related="employee_id.asn_status", store=True)
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        index=True,
        tracking=True,
    )
    date_start = fields.Date(
        string="Periode Mulai",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    date_end = fields.Date(
        string="Periode Selesai",
        compute="_compute_dates",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
    )
    pejabat_penilai_id = fields.Many2one(
        "hr.employee",
        compute="_compute_pejabat_penilai_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
    )
    # the lists show the name kept here: one employee read less for 80 rows
    pejabat_penilai_name = fields.Char(
        related="pejabat_penilai_id.name",
        store=True,
        precompute=True,
        string="Pejabat Penilai Name",
    )
    atasan_pejabat_penilai_id = fields.Many2one(
        "hr.employee",
        compute="_compute_atasan_pejabat_penilai_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    jenis_skp = fields.Selection(
        [("jpt", "JPT"), ("ja_jf", "JA/JF")],
        string="Jenis SKP",
        compute="_compute_jenis_skp",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    pendekatan = fields.Selection(
        [("kualitatif", "Kualitatif"), ("kuantitatif", "Kuantitatif")],
        required=True,
        default=lambda self: self.env.company.skp_pendekatan_default or "kualitatif",
        tracking=True,
    )
    state = fields.Selection(
        SKP_STATE, default="draft", required=True, tracking=True, copy=False, index=True
    )
    rhk_ids = fields.One2many(
        "hr.skp.rhk", "skp_id", string="Rencana Hasil Kerja", copy=True
    )
    indikator_ids = fields.One2many("hr.skp.indikator", "skp_id")
    perilaku_ids = fields.One2many(
        "hr.skp.perilaku", "skp_id", string="Perilaku Kerja", copy=True
    )
    dukungan_ids = fields.One2many(
        "hr.skp.dukungan", "skp_id", string="Dukungan Sumber Daya (lines)", copy=True
    )
    dukungan_sumber_daya = fields.Text(
        compute="_compute_dukungan_sumber_daya",
        store=True,
    )
    skema_pertanggungjawaban = fields.Text()
    konsekuensi = fields.Text()
    alasan_revisi = fields.Text(copy=False, tracking=True)
    revisi_dari_id = fields.Many2one("hr.skp", copy=False, readonly=True)
    tanggal_disetujui = fields.Date(copy=False, readonly=True, string="Ditetapkan Pada")
    deadline = fields.Date(
        string="Batas Penetapan",
        compute="_compute_deadline",
        store=True,
        help="Date by which the SKP should be approved.",
    )
    terlambat = fields.Boolean(compute="_compute_terlambat", search="_search_terlambat")
    rhk_count = fields.Integer(compute="_compute_rhk_count")
    rhk_perspektif_missing = fields.Char(compute="_compute_rhk_perspektif_missing")
    # what the current user may do (hr.skp.workflow.mixin)
    is_own = fields.Boolean(compute="_compute_workflow_flags")
    is_penilai = fields.Boolean(compute="_compute_workflow_flags")
    is_pejabat_penilai = fields.Boolean(compute="_compute_workflow_flags")
    is_pegawai = fields.Boolean(compute="_compute_workflow_flags")
    can_edit = fields.Boolean(compute="_compute_workflow_flags")
    can_ajukan = fields.Boolean(compute="_compute_workflow_flags")
    can_approve = fields.Boolean(compute="_compute_workflow_flags")
    can_return = fields.Boolean(compute="_compute_workflow_flags")
    can_reopen = fields.Boolean(compute="_compute_workflow_flags")
    can_revise = fields.Boolean(compute="_compute_workflow_flags")
    can_cancel = fields.Boolean(compute="_compute_workflow_flags")
    can_close = fields.Boolean(compute="_compute_workflow_flags")
    can_reset = fields.Boolean(compute="_compute_workflow_flags")
    can_plan = fields.Boolean(compute="_compute_workflow_flags")
    can_plan_months = fields.Boolean(compute="_compute_workflow_flags")
    can_print_matriks = fields.Boolean(
        compute="_compute_can_print_matriks",
        help="The SKP has RHK that other SKP intervene (a leader's SKP).",
    )

    # who was who, frozen on approval
    snap_pegawai_nama = fields.Char(readonly=True, copy=False)
    snap_pegawai_nip = fields.Char(readonly=True, copy=False)
    snap_pegawai_pangkat = fields.Char(readonly=True, copy=False)
    snap_pegawai_jabatan = fields.Char(readonly=True, copy=False)
    snap_pegawai_unit = fields.Char(readonly=True, copy=False)
    snap_penilai_nama = fields.Char(readonly=True, copy=False)
    snap_penilai_nip = fields.Char(readonly=True, copy=False)
    snap_penilai_pangkat = fields.Char(readonly=True, copy=False)
    snap_penilai_jabatan = fields.Char(readonly=True, copy=False)
    snap_penilai_unit = fields.Char(readonly=True, copy=False)
    snap_atasan_nama = fields.Char(readonly=True, copy=False)
    snap_atasan_nip = fields.Char(readonly=True, copy=False)
    snap_atasan_pangkat = fields.Char(readonly=True, copy=False)
    snap_atasan_jabatan = fields.Char(readonly=True, copy=False)
    snap_atasan_unit = fields.Char(readonly=True, copy=False)
    # the pegawai's jabatan as keys, for the angka kredit of pejabat fungsional
    snap_pegawai_jenis_jabatan = fields.Selection(
        JENIS_JABATAN, readonly=True, copy=False
    )
    snap_pegawai_jenjang = fields.Selection(
        JENJANG_FUNGSIONAL,
        string="Snap Pegawai Jenjang Fungsional",
        readonly=True,
        copy=False,
    )

    _sql_constraints = [
        (
            "date_order",
            "CHECK(date_start <= date_end)",
            "The SKP period must start before it ends.",
        ),
    ]

    # ------------------------------------------------------------------ defaults
    @api.model
    def _default_employee_id(self):
        """An employee starting an SKP starts their own (HR picks another)."""
        return self.env.user.employee_id.filtered(
            lambda e: e.company_id in self.env.companies
        )

    @api.model
    def _search_display_name(self, operator, value):
        """Find an SKP by employee name, NIP, unit or year ("2026")."""
        domain = super()._search_display_name(operator, value)
        if (
            operator in ("ilike", "=", "=ilike")
            and isinstance(value, str)
            and value.strip().isdigit()
            and len(value.strip()) == 4
        ):
            domain = expression.OR([domain, [("year", "=", int(value))]])
        return domain

    # ------------------------------------------------------------------ computes
    @api.depends("employee_id")
    def _compute_department_id(self):
        for skp in self:
            if skp.state in ("draft", "diajukan") or not skp.department_id:
                skp.department_id = skp.employee_id.department_id

    @api.depends("year")
    def _compute_dates(self):
        for skp in self:
            if not skp.year:
                continue
            start, end = rules.period_bounds("tahunan", skp.year, 1)
            if not skp.date_start or skp.date_start.year != skp.year:
                skp.date_start = start
            if not skp.date_end or skp.date_end.year != skp.year:
                skp.date_end = end

    @api.depends("employee_id")
    def _compute_pejabat_penilai_id(self):
        for skp in self:
            if skp.state in ("draft", "diajukan") or not skp.pejabat_penilai_id:
                skp.pejabat_penilai_id = skp.employee_id.pejabat_penilai_id

    @api.depends("pejabat_penilai_id")
    def _compute_atasan_pejabat_penilai_id(self):
        for skp in self:
            if skp.state in ("draft", "diajukan") or not skp.atasan_pejabat_penilai_id:
                skp.atasan_pejabat_penilai_id = (
                    skp.pejabat_penilai_id.pejabat_penilai_id
                )

    @api.depends("employee_id")
    def _compute_jenis_skp(self):
        for skp in self:
            if not skp.jenis_skp or skp.state == "draft":
                skp.jenis_skp = self._jenis_skp_of(skp.employee_id)

    @api.model
    def _jenis_skp_of(self, employee):
        """The SKP form of an employee: JPT for a pimpinan tinggi, else JA/JF."""
        return "jpt" if employee.jenis_jabatan == "jpt" else "ja_jf"

    @api.depends("dukungan_ids.kategori", "dukungan_ids.name")
    def _compute_dukungan_sumber_daya(self):
        labels = dict(
            self.env["hr.skp.dukungan"]
            ._fields["kategori"]
            ._description_selection(self.env)
        )
        for skp in self:
            skp.dukungan_sumber_daya = (
                "\n".join(
                    f"{labels.get(line.kategori, '')}: {line.name}"
                    for line in skp.dukungan_ids
                )
                or False
            )

    @api.depends("date_start", "employee_id.asn_status", "employee_id.tanggal_sk")
    def _compute_deadline(self):
        for skp in self:
            skp.deadline = self._deadline_of(
                skp.employee_id, skp.company_id or self.env.company, skp.date_start
            )

    @api.model
    def _deadline_of(self, employee, company, date_start):
        """When the SKP of ``employee`` starting on ``date_start`` is due: some days
        after the start (a PPPK Paruh Waktu's: after their SK, when later)."""
        if employee.asn_status == "pppk_pw" and employee.tanggal_sk:
            start = max(employee.tanggal_sk, date_start or employee.tanggal_sk)
            return start + timedelta(days=company.skp_pppk_pw_deadline_days)
        if date_start:
            return date_start + timedelta(days=company.skp_deadline_days)
        return False

    def _compute_terlambat(self):
        today = fields.Date.context_today(self)
        for skp in self:
            skp.terlambat = bool(
                skp.deadline
                and skp.deadline < today
                and skp.state in ("draft", "diajukan")
            )

    def _search_terlambat(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported"))
        late = [
            ("deadline", "<", fields.Date.context_today(self)),
            ("state", "in", ("draft", "diajukan")),
        ]
        if (operator == "=") == value:
            return late
        return ["!", "&", *late]

    def _compute_rhk_count(self):
        for skp in self:
            skp.rhk_count = len(skp.rhk_ids)

    @api.depends("rhk_ids.perspektif", "jenis_skp")
    def _compute_rhk_perspektif_missing(self):
        labels = dict(PERSPEKTIF)
        for skp in self:
            if skp.jenis_skp != "jpt":
                skp.rhk_perspektif_missing = False
                continue
            present = set(skp.rhk_ids.mapped("perspektif"))
            missing = [labels[key] for key, _label in PERSPEKTIF if key not in present]
            skp.rhk_perspektif_missing = ", ".join(missing) or False

    def _compute_can_print_matriks(self):
        """Only a leader's SKP has a Matriks Peran dan Hasil: RHK of other SKP
        intervene its RHK (counted in one query)."""
        groups = (
            self.env["hr.skp.rhk"]
            .sudo()
            ._read_group(
                [
                    ("rhk_atasan_id.skp_id", "in", self.ids),
                    ("skp_id.state", "!=", "batal"),
                ],
                ["rhk_atasan_id"],
            )
        )
        intervened = {rhk.skp_id.id for (rhk,) in groups}
        for skp in self:
            skp.can_print_matriks = skp.id in intervened

    def init(self):
        # the lists' default order (_order): the first 80 read from an index
        create_index(
            self.env.cr,
            "hr_skp_list_order_index",
            self._table,
            ["year DESC", "date_start DESC", "id DESC"],
        )

    @api.depends("employee_id", "year", "date_start", "date_end")
    def _compute_display_name(self):
        for skp in self:
            name = skp.employee_id.name or self.env._("New SKP")
            period = str(skp.year or "")
            if (
                skp.date_start
                and skp.date_end
                and (
                    (skp.date_start.month, skp.date_start.day) != (1, 1)
                    or (skp.date_end.month, skp.date_end.day) != (12, 31)
                )
            ):
                period = "%s–%s" % (
                    skp.date_start.strftime("%d/%m/%Y"),
                    skp.date_end.strftime("%d/%m/%Y"),
                )
            skp.display_name = self.env._(
                "SKP %(year)s - %(name)s", year=period, name=name
            )

    # --------------------------------------------------------------- constraints
    @api.constrains("year", "date_start", "date_end")
    def _check_period_in_year(self):
        for skp in self:
            if (
                skp.date_start.year != skp.year
                or skp.date_end.year != skp.year
                or skp.date_start > skp.date_end
            ):
                raise ValidationError(
                    self.env._(
                        "The period of %(skp)s (%(start)s – %(end)s) must lie within "
                        "the year %(year)s, from January to December.",
                        skp=skp.display_name,
                        start=skp.date_start,
                        end=skp.date_end,
                        year=skp.year,
                    )
                )

    @api.constrains("employee_id", "date_start", "date_end", "state")
    def _check_overlap(self):
        """One non-cancelled SKP per employee per period (one query for the batch)."""
        skps = self.filtered(lambda s: s.state != "batal")
        if not skps:
            return
        self.flush_model(["employee_id", "date_start", "date_end", "state"])
        self.env.cr.execute(
            """
            SELECT a.id, b.id
              FROM hr_skp a
              JOIN hr_skp b
                ON b.employee_id = a.employee_id
               AND b.id <> a.id
               AND b.state <> 'batal'
               AND b.date_start <= a.date_end
               AND a.date_start <= b.date_end
             WHERE a.id IN %s
             LIMIT 1
            """,
            [tuple(skps.ids)],
        )
        row = self.env.cr.fetchone()
        if row:
            skp, other = self.browse(row[0]), self.browse(row[1])
            raise ValidationError(
                self.env._(
                    "%(employee)s already has an SKP for this period (%(other)s). "
                    "End or cancel it first, or make a revision.",
                    employee=skp.sudo().employee_id.name,
                    other=other.sudo().display_name,
                )
            )

    @api.constrains("employee_id", "pejabat_penilai_id")
    def _check_not_own_penilai(self):
        for skp in self:
            if skp.pejabat_penilai_id and skp.pejabat_penilai_id == skp.employee_id:
                raise ValidationError(
                    self.env._("An employee cannot be their own pejabat penilai.")
                )

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        perilaku = self.env["hr.skp.perilaku"]._default_lines()
        trusted = self._workflow_trusted()
        for vals in vals_list:
            if not trusted and SYSTEM_FIELDS & self._workflow_refused_fields(
                vals, create=True
            ):
                raise UserError(
                    self.env._("A new SKP starts as a draft; use its actions.")
                )
            if not any(cmd[0] == 0 for cmd in vals.get("perilaku_ids") or []):
                vals["perilaku_ids"] = perilaku
        skps = super().create(vals_list)
        if not trusted:
            skps._check_people_by_hr()
        skps._subscribe_people()
        return skps

    @api.model
    def _generate(self, vals_list):
        """Draft SKP the system makes by the hundred (templates, ``create`` values
        with their RHK and indikator as ``Command.create``): inserted in bulk with
        their RHK, indikator and BerAKHLAK lines (``batch.insert_rows``), without a
        chatter note each, the employee and the pejabat penilai following. A new
        SKP takes its unit, its people and its dates from its employee and its
        year, and has no evaluation yet. As the acting user: their rights and the
        record rules apply."""
        perilaku = self.env["hr.skp.perilaku"]._default_lines()
        employees = self.env["hr.employee"].browse(
            [vals["employee_id"] for vals in vals_list]
        )
        rows, lines = [], []
        for vals, employee in zip(vals_list, employees, strict=True):
            row = dict(vals)
            lines.append((row.pop("rhk_ids", None) or [], perilaku))
            start, end = rules.period_bounds("tahunan", row["year"], 1)
            penilai = employee.pejabat_penilai_id
            company = employee.company_id
            pppk = employee.asn_status in ("pppk", "pppk_pw")
            rekomendasi = self._rekomendasi_of(pppk, False, company)[0]
            row.update(
                company_id=company.id,
                department_id=employee.department_id.id,
                asn_status=employee.asn_status,
                date_start=start,
                date_end=end,
                pejabat_penilai_id=penilai.id,
                pejabat_penilai_name=penilai.name,
                atasan_pejabat_penilai_id=penilai.pejabat_penilai_id.id,
                jenis_skp=self._jenis_skp_of(employee),
                dukungan_sumber_daya=False,
                deadline=self._deadline_of(employee, company, start),
                capaian_rata_rata=0.0,
                rekomendasi_perpanjangan=rekomendasi,
            )
            rows.append(row)
        skps = batch.insert_rows(self.with_context(**batch.SYSTEM_CREATE_CONTEXT), rows)
        skps._insert_generated_lines(lines)
        skps._subscribe_people()
        return skps

    def _insert_generated_lines(self, lines):
        """The RHK with their indikator and the BerAKHLAK lines of these new SKP,
        given as ``Command.create`` (``lines``: (rhk commands, perilaku commands)
        per SKP), inserted with the values they take from their SKP and RHK
        (``batch.insert_rows``): a few statements for a whole batch."""
        rhk_rows, indikator_lists, perilaku_rows = [], [], []
        for skp, (rhk_commands, perilaku_commands) in zip(self, lines, strict=True):
            common = {"skp_id": skp.id, "company_id": skp.company_id.id}
            for command, _id, vals in perilaku_commands:
                assert command == Command.CREATE, command
                perilaku_rows.append({**vals, **common})
            for command, _id, vals in rhk_commands:
                assert command == Command.CREATE, command
                vals = dict(vals)
                indikator_lists.append(
                    [ind_vals for _cmd, _id, ind_vals in vals.pop("indikator_ids", [])]
                )
                rhk_rows.append(
                    {
                        **vals,
                        **common,
                        "employee_id": skp.employee_id.id,
                        "year": skp.year,
                    }
                )
        self.env["hr.skp.perilaku"]._workflow_insert(perilaku_rows)
        rhks = self.env["hr.skp.rhk"]._workflow_insert(rhk_rows)
        self.env["hr.skp.indikator"]._workflow_insert(
            [
                {
                    **ind_vals,
                    "rhk_id": rhk_id,
                    "skp_id": rhk["skp_id"],
                    "employee_id": rhk["employee_id"],
                    "company_id": rhk["company_id"],
                }
                for rhk_id, rhk, indikators in zip(
                    rhks.ids, rhk_rows, indikator_lists, strict=True
                )
                for ind_vals in indikators
            ]
        )

    def write(self, vals):
        self.check_access("write")
        trusted = self._workflow_trusted()
        if not trusted:
            computed = self._workflow_refused_fields(vals)
            if SYSTEM_FIELDS & computed:
                raise UserError(
                    self.env._(
                        "The status of an SKP changes only through its actions "
                        "(Submit, Approve, Return, Reopen, Revise, Cancel)."
                    )
                )
            if computed:
                raise UserError(
                    self.env._(
                        "These values are computed and cannot be written: %(fields)s.",
                        fields=", ".join(sorted(computed)),
                    )
                )
            if "employee_id" in vals and any(
                skp.employee_id.id != vals["employee_id"] for skp in self
            ):
                raise UserError(
                    self.env._(
                        "An SKP stays with its employee; create a new SKP instead."
                    )
                )
            self._workflow_check_vals(vals)
        res = super().write(vals)
        if not trusted and PEOPLE_FIELDS & set(vals):
            self._check_people_by_hr()
        if {"employee_id", "pejabat_penilai_id"} & set(vals):
            self._subscribe_people()
        return res

    def _check_people_by_hr(self):
        """Who rates whom comes from the employee record: only HR sets an SKP's
        pejabat penilai, atasan or jenis SKP to something else."""
        by_hr = self._workflow_allowed("people")
        for skp in self.filtered(lambda s: not by_hr[s.id]):
            employee = skp.employee_id
            penilai = employee.pejabat_penilai_id
            expected = {
                "pejabat_penilai_id": penilai,
                "atasan_pejabat_penilai_id": penilai.pejabat_penilai_id,
                "jenis_skp": "jpt" if employee.jenis_jabatan == "jpt" else "ja_jf",
            }
            wrong = [name for name, value in expected.items() if skp[name] != value]
            if wrong:
                raise UserError(
                    self.env._(
                        "The pejabat penilai, the atasan and the jenis SKP come from "
                        "the employee's data (Data ASN); only HR can set others on "
                        "%(skp)s.",
                        skp=skp.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(skp.state not in ("draft", "batal") for skp in self):
            raise UserError(
                self.env._(
                    "Only a draft or cancelled SKP can be deleted; cancel it instead."
                )
            )

    def _workflow_action_message(self, kind, past, verb):
        _ = self.env._
        if kind == "state":
            return _(
                "%(skp)s is %(state)s: it cannot be %(action)s.",
                skp=self.display_name,
                state=self._workflow_state_label(),
                action=past,
            )
        if kind == "own":
            return _(
                "You cannot %(action)s your own SKP: this is for your pejabat penilai.",
                action=verb,
            )
        return _(
            "Only the pejabat penilai of %(skp)s (%(penilai)s) can %(action)s it.",
            skp=self.display_name,
            penilai=self.pejabat_penilai_id.name or "-",
            action=verb,
        )

    def _workflow_refusal(self, permission, verdict, roles):
        self.ensure_one()
        _ = self.env._
        state = self._workflow_state_label()
        if permission == "edit" and verdict == "state":
            # approved SKP are read-only: a change needs a revision or a reopening
            return _(
                "%(skp)s is %(state)s and can no longer be changed. "
                "Reopen it with a reason or make a revision.",
                skp=self.display_name,
                state=state,
            )
        if permission == "ajukan" and verdict != "state":
            return _(
                "Only the employee or HR can submit %(skp)s.", skp=self.display_name
            )
        action = self._workflow_action_refusal(permission, verdict, roles)
        if action:
            return action
        if permission == "plan_months":
            if self.state in ("selesai", "batal") and roles & {"own", "penilai"}:
                return _("%(skp)s is closed.", skp=self.display_name)
            if self.state == "disetujui" and "own" in roles:
                return _(
                    "%(skp)s is approved: its monthly targets are changed by the "
                    "pejabat penilai or HR.",
                    skp=self.display_name,
                )
            return _(
                "Only the employee, the pejabat penilai or HR plan the months "
                "of %(skp)s.",
                skp=self.display_name,
            )
        if permission == "log":
            return _(
                "Only %(name)s (or HR) writes this daily log.",
                name=self.sudo().employee_id.name,
            )
        if permission == "plan":
            return _(
                "Only the employee, the pejabat penilai or HR can do this for %(skp)s.",
                skp=self.display_name,
            )
        return super()._workflow_refusal(permission, verdict, roles)

    def _workflow_write(self, vals):
        """The trusted write of the actions; the to-dos follow a status change."""
        res = super()._workflow_write(vals)
        if "state" in vals:
            self._update_activities()
        return res

    def _update_activities(self):
        """To-dos follow the status: done ones are marked done, those that no longer
        apply are removed. Submitted: the employee's *Revise your SKP* and *SKP
        Overdue* are done; approved or closed: *SKP Approval* too; back to draft: the
        approval request goes; cancelled: everything goes. A closed or cancelled SKP
        asks for no more realisasi."""
        revise, late, approval = (
            "hr_skp_asn.mail_act_skp_revise",
            "hr_skp_asn.mail_act_skp_late",
            "hr_skp_asn.mail_act_skp_approval",
        )
        skps = self.sudo()
        by_state = {
            "diajukan": ([revise, late], []),
            "disetujui": ([revise, late, approval], []),
            "selesai": ([revise, late, approval], []),
            "draft": ([], [approval, late]),
            "batal": ([], [revise, late, approval]),
        }
        for state, (done, gone) in by_state.items():
            records = skps.filtered(lambda s, state=state: s.state == state)
            if records and done:
                batch.close_activities(records, done)
            if records and gone:
                records.activity_unlink(gone)
        closed = skps.filtered(lambda s: s.state in ("selesai", "batal"))
        if closed:
            closed.evaluasi_ids.filtered(lambda e: e.state == "draft").activity_unlink(
                ["hr_skp_asn.mail_act_evaluasi_realisasi"]
            )

    def _post_note(self, body):
        """A note in the chatter by the acting user (see common.post_message)."""
        return post_message(self, body=body, subtype_xmlid="mail.mt_note")

    def _subscribe_people(self):
        """The employee and the pejabat penilai follow, all SKP in one go."""
        batch.subscribe_people(
            self,
            lambda skp: (
                skp.employee_id.user_id.partner_id
                | skp.pejabat_penilai_id.user_id.partner_id
            ),
        )

    # ------------------------------------------------------------------- helpers
    def _check_complete(self):
        """What an SKP needs before it is submitted (DOMAIN §1)."""
        for skp in self:
            errors = []
            utama = skp.rhk_ids.filtered(lambda r: r.jenis == "utama")
            if not utama:
                errors.append(self.env._("at least one RHK utama"))
            for rhk in skp.rhk_ids.filtered(lambda r: not r.indikator_ids):
                errors.append(
                    self.env._(
                        "an indikator kinerja for the RHK “%(rhk)s”", rhk=rhk.name
                    )
                )
            if skp.jenis_skp == "jpt" and skp.rhk_perspektif_missing:
                errors.append(
                    self.env._(
                        "RHK for every perspektif (missing: %(missing)s)",
                        missing=skp.rhk_perspektif_missing,
                    )
                )
            if skp.jenis_skp == "ja_jf":
                if not skp.pejabat_penilai_id:
                    errors.append(self.env._("a pejabat penilai"))
                for rhk in utama.filtered(lambda r: not r.rhk_atasan_id):
                    errors.append(
                        self.env._(
                            "the RHK pimpinan intervened by “%(rhk)s”", rhk=rhk.name
                        )
                    )
            if errors:
                raise UserError(
                    self.env._(
                        "%(skp)s cannot be submitted yet. It still needs: %(missing)s.",
                        skp=skp.display_name,
                        missing="; ".join(errors),
                    )
                )

    def _check_intervensi_approved(self):
        """On approval the intervened RHK must stand in an approved SKP (DOMAIN §1)."""
        for skp in self.filtered(lambda s: s.jenis_skp == "ja_jf"):
            pending = skp.rhk_ids.filtered(
                lambda r: (
                    r.rhk_atasan_id
                    and r.rhk_atasan_id.sudo().skp_id.state
                    not in ("disetujui", "selesai")
                )
            )
            if pending:
                raise UserError(
                    self.env._(
                        "%(skp)s intervenes RHK of an SKP that is not approved yet "
                        "(%(rhk)s). The superior's SKP must be approved first.",
                        skp=skp.display_name,
                        rhk=", ".join(pending.mapped("rhk_atasan_id.name")),
                    )
                )

    def _snapshot_values(self):
        """Who was who: the facts printed documents show for this SKP."""
        self.ensure_one()
        pangkat = dict(
            self.env["hr.employee"]
            ._fields["pangkat_golongan"]
            ._description_selection(self.env)
        )
        values = {}
        people = {
            "pegawai": self.employee_id,
            "penilai": self.pejabat_penilai_id,
            "atasan": self.atasan_pejabat_penilai_id,
        }
        for role, employee in people.items():
            employee = employee.sudo()
            values.update(
                {
                    f"snap_{role}_nama": employee.name or False,
                    f"snap_{role}_nip": employee.nip or False,
                    f"snap_{role}_pangkat": pangkat.get(
                        employee.pangkat_golongan, False
                    ),
                    f"snap_{role}_jabatan": employee.job_title
                    or employee.job_id.name
                    or False,
                    f"snap_{role}_unit": employee.department_id.complete_name or False,
                }
            )
        values["snap_pegawai_jenis_jabatan"] = self.employee_id.jenis_jabatan or False
        values["snap_pegawai_jenjang"] = self.employee_id.jenjang_fungsional or False
        return values

    def get_orang(self, role):
        """Who was who for documents: the snapshot once set, today's data before."""
        self.ensure_one()
        if self.tanggal_disetujui:
            return {item: self[f"snap_{role}_{item}"] for item in SNAPSHOT_ITEMS}
        values = self._snapshot_values()
        return {item: values[f"snap_{role}_{item}"] for item in SNAPSHOT_ITEMS}

    # ------------------------------------------------------------------- actions
    def action_ajukan(self):
        """draft -> diajukan, by the employee or HR."""
        self._workflow_check("ajukan")
        self._check_complete()
        self._workflow_write({"state": "diajukan"})
        # one activity per SKP, one (queued) notification per pejabat penilai
        batch.schedule_activities(
            self.sudo(),
            "hr_skp_asn.mail_act_skp_approval",
            lambda skp: skp.pejabat_penilai_id.user_id,
            lambda skp: skp.env._(
                "Please review and approve the SKP of %(name)s.",
                name=skp.employee_id.name,
            ),
            subject=self.env._("SKP to approve"),
            intro=self.env._("These SKP were submitted for your approval:"),
        )
        return True

    def action_setujui(self):
        """diajukan -> disetujui by the pejabat penilai (or the BKD admin)."""
        self._workflow_check("approve")
        self._check_complete()
        self._check_intervensi_approved()
        # who was who on each SKP, then the status of all in one write: the
        # to-dos of a batch close in one go (batch.close_activities)
        for skp in self:
            skp._workflow_write(skp._snapshot_values())
        self._workflow_write(
            {"state": "disetujui", "tanggal_disetujui": fields.Date.context_today(self)}
        )
        return True

    def action_kembalikan(self, alasan=None):
        """diajukan -> draft with a reason kept in the chatter."""
        self._workflow_check("return")
        if not alasan:
            return self._workflow_ask_reason("action_kembalikan")
        self._workflow_write({"state": "draft"})
        for skp in self:
            skp._post_note(
                self.env._("SKP returned for revision: %(reason)s", reason=alasan)
            )
            if skp.employee_id.user_id:
                schedule_activity(
                    skp,
                    "hr_skp_asn.mail_act_skp_revise",
                    skp.employee_id.user_id,
                    note=alasan,
                )
        return True

    def action_buka_kembali(self, alasan=None):
        """disetujui -> draft: reopen an approved SKP, with a reason (history kept)."""
        self._workflow_check("reopen")
        if not alasan:
            return self._workflow_ask_reason("action_buka_kembali")
        self._workflow_write({"state": "draft", "alasan_revisi": alasan})
        for skp in self:
            skp._post_note(
                self.env._("Approved SKP reopened: %(reason)s", reason=alasan)
            )
        return True

    def action_batal(self):
        self._workflow_check("cancel")
        self._workflow_write({"state": "batal"})
        return True

    def action_selesai(self):
        self._workflow_check("close")
        self._workflow_write({"state": "selesai"})
        return True

    def action_draft(self):
        self._workflow_check("reset")
        self._workflow_write({"state": "draft"})
        return True

    def action_revisi(self, date_end, alasan, date_start=None):
        """Mid-year change (mutasi, promotion, resources not delivered): the current SKP
        ends on ``date_end`` and a new draft, copied from it, starts the next day.
        Returns the new SKP's id."""
        self.ensure_one()
        self._workflow_check("revise")
        if not alasan:
            raise UserError(self.env._("A revision needs a reason."))
        try:
            date_end = fields.Date.to_date(date_end)
            date_start = fields.Date.to_date(date_start) if date_start else None
        except (TypeError, ValueError) as error:
            raise UserError(
                self.env._("A revision date is a date such as 2026-06-30.")
            ) from error
        if not date_end or not (self.date_start <= date_end < self.date_end):
            raise UserError(
                self.env._(
                    "The revision date must lie within the SKP period and before its "
                    "end (%(start)s – %(end)s).",
                    start=self.date_start,
                    end=self.date_end,
                )
            )
        # one annual evaluation per employee and year (DOMAIN §2): the new SKP's,
        # once approved; the old SKP's draft one (generated lines only) goes, and
        # so do its draft periods after the revision date (the new SKP's now)
        drop = self.evaluasi_ids.filtered(
            lambda e: (
                e.state == "draft"
                and (e.periode == "tahunan" or e.date_start > date_end)
            )
        )
        with drop._workflow_trust():
            drop.sudo().unlink()
        new_start = date_start or date_end + timedelta(days=1)
        old_end = self.date_end
        self._workflow_write({"date_end": date_end, "alasan_revisi": alasan})
        with self._workflow_trust():
            new = self.sudo().copy(
                {
                    "date_start": new_start,
                    "date_end": old_end,
                    "revisi_dari_id": self.id,
                    "alasan_revisi": alasan,
                    "pejabat_penilai_id": self.employee_id.pejabat_penilai_id.id,
                }
            )
        self._post_note(
            self.env._(
                "Revised: this SKP ends on %(date)s; continued in %(new)s. "
                "Reason: %(reason)s",
                date=date_end,
                new=new.display_name,
                reason=alasan,
            )
        )
        return new.id

    def action_open_matriks(self):
        """Matriks Pembagian Peran dan Hasil of this (leader's) SKP."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Matriks Peran dan Hasil"),
            "res_model": "hr.skp.rhk",
            "view_mode": "list",
            "views": [
                (self.env.ref("hr_skp_asn.hr_skp_rhk_view_list_matriks").id, "list")
            ],
            "domain": [("skp_id", "=", self.id)],
            "context": {"create": False},
        }

    def action_open_revisi_wizard(self):
        self._workflow_check("revise")
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.skp.revisi.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_id": self.id},
        }

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for skp in self:
            skp.access_url = f"/my/skp/{skp.id}"
        return res

    @api.model
    def _cron_remind_unapproved(self):
        """SKP not approved by the deadline: an activity for whoever must act now
        (the employee on a draft, the pejabat penilai on a submitted SKP)."""
        late = self.search(
            [
                ("deadline", "<", fields.Date.context_today(self)),
                ("state", "in", ("draft", "diajukan")),
            ]
        )
        batch.schedule_once(
            late,
            "hr_skp_asn.mail_act_skp_late",
            lambda skp: (
                skp.employee_id.user_id
                if skp.state == "draft"
                else skp.pejabat_penilai_id.user_id
            ),
            lambda skp: skp.env._("The SKP was due by %(date)s.", date=skp.deadline),
            subject=self.env._("SKP past their deadline"),
            intro=self.env._("These SKP are past their deadline:"),
        )
        return True

    # ------------------------------------------------ evaluation side (DOMAIN §2, §4)
    evaluasi_ids = fields.One2many("hr.skp.evaluasi", "skp_id")
    evaluasi_count = fields.Integer(compute="_compute_evaluasi_count")
    rencana_bulanan_ids = fields.One2many(
        "hr.skp.rencana.bulanan", "skp_id", string="Rencana Kinerja Bulanan"
    )
    rencana_bulanan_aktif = fields.Boolean(
        compute="_compute_rencana_bulanan_aktif",
        string="Monthly Plan",
        help="PPPK Paruh Waktu, or everyone when the company enables it.",
    )
    capaian_rata_rata = fields.Float(
        string="Capaian Rata-rata (%)",
        compute="_compute_capaian_rata_rata",
        store=True,
        digits=(16, 2),
        help="Mean of the capaian of the monthly evaluations that are rated "
        "(dinilai or ditetapkan).",
    )
    predikat_tahunan = fields.Selection(
        PREDIKAT, compute="_compute_evaluasi_tahunan_id"
    )
    evaluasi_tahunan_id = fields.Many2one(
        "hr.skp.evaluasi",
        compute="_compute_evaluasi_tahunan_id",
    )
    rekomendasi_perpanjangan = fields.Selection(
        REKOMENDASI,
        compute="_compute_rekomendasi_perpanjangan",
        store=True,
        tracking=True,
        help="PPPK and PPPK Paruh Waktu: advice from the annual predikat and rating "
        "perilaku (thresholds in the settings).",
    )
    rekomendasi_alasan = fields.Char(
        compute="_compute_rekomendasi_alasan", string="Reason"
    )

    def _compute_evaluasi_count(self):
        counts = dict(
            self.env["hr.skp.evaluasi"]._read_group(
                [("skp_id", "in", self.ids)], ["skp_id"], ["__count"]
            )
        )
        for skp in self:
            skp.evaluasi_count = counts.get(skp, 0)

    @api.depends("employee_id.asn_status", "company_id.skp_rencana_bulanan_semua")
    def _compute_rencana_bulanan_aktif(self):
        for skp in self:
            skp.rencana_bulanan_aktif = (
                skp.employee_id.asn_status == "pppk_pw"
                or skp.company_id.skp_rencana_bulanan_semua
            )

    @api.depends(
        "evaluasi_ids.capaian", "evaluasi_ids.state", "evaluasi_ids.capaian_ada"
    )
    def _compute_capaian_rata_rata(self):
        for skp in self:
            values = [
                ev.capaian
                for ev in skp.evaluasi_ids
                if ev.periode == "bulanan"
                and ev.state in ("dinilai", "ditetapkan")
                and ev.capaian_ada
            ]
            skp.capaian_rata_rata = (
                round(sum(values) / len(values), 2) if values else 0.0
            )

    def _tahunan_of_year(self):
        """The employee's annual evaluation of the SKP's year, whichever of the
        year's SKP it belongs to (DOMAIN §2: one annual predikat per year); a set
        one before a draft, the latest first."""
        self.ensure_one()
        return (
            self.employee_id.sudo()
            .evaluasi_ids.filtered(
                lambda e: (
                    e.periode == "tahunan"
                    and e.year == self.year
                    and e.skp_id.state != "batal"
                )
            )
            .sorted(
                lambda e: (e.state == "ditetapkan", e._origin.id or 0), reverse=True
            )[:1]
        )

    @api.depends(
        "evaluasi_ids.state",
        "evaluasi_ids.periode",
        "evaluasi_ids.predikat",
        "employee_id.evaluasi_ids.state",
        "employee_id.evaluasi_ids.predikat",
    )
    def _compute_evaluasi_tahunan_id(self):
        for skp in self:
            tahunan = skp._tahunan_of_year()
            skp.evaluasi_tahunan_id = tahunan.id
            skp.predikat_tahunan = tahunan.predikat

    @api.depends(*REKOMENDASI_DEPENDS)
    def _compute_rekomendasi_perpanjangan(self):
        for skp in self:
            skp.rekomendasi_perpanjangan = skp._rekomendasi()[0]

    @api.depends(*REKOMENDASI_DEPENDS)
    def _compute_rekomendasi_alasan(self):
        # not stored: the reason reads in the reader's language
        for skp in self:
            skp.rekomendasi_alasan = skp._rekomendasi()[1]

    def _rekomendasi(self):
        self.ensure_one()
        pppk = self.employee_id.asn_status in ("pppk", "pppk_pw")
        # the employee's one annual result of the year, built on the average of the
        # periods for PPPK Paruh Waktu (DOMAIN §2, §4)
        tahunan = pppk and self._tahunan_of_year().filtered(
            lambda e: e.state == "ditetapkan"
        )
        return self._rekomendasi_of(pppk, tahunan, self.company_id)

    @api.model
    def _rekomendasi_of(self, pppk, tahunan, company):
        """(recommendation, reason) on extending a PPPK's contract from their set
        annual evaluation ``tahunan`` (none for other ASN)."""
        if not pppk:
            return False, False
        if not tahunan:
            return False, self.env._("No annual evaluation is set yet.")
        key, reason = rules.rekomendasi_perpanjangan(
            tahunan.predikat,
            tahunan.rating_perilaku,
            company.skp_perpanjangan_min_predikat or "baik",
            company.skp_perpanjangan_min_perilaku or "sesuai",
        )
        return key, self._rekomendasi_reason_label(reason)

    @api.model
    def _rekomendasi_reason_label(self, code):
        _ = self.env._
        labels = {
            "memenuhi": _("The predikat and the rating perilaku meet the thresholds."),
            "predikat_missing": _("There is no annual predikat."),
            "perilaku_missing": _("There is no rating perilaku."),
            "predikat_below_min": _("The predikat is below the threshold."),
            "perilaku_below_min": _("The rating perilaku is below the threshold."),
            "predikat_and_perilaku_below_min": _(
                "Both the predikat and the rating perilaku are below the thresholds."
            ),
        }
        return labels.get(code, rules.REKOMENDASI_REASONS.get(code, code))

    # ------------------------------------------------------------------- actions
    def action_generate_rencana_bulanan(self):
        """Derive the monthly targets of the SKP's months from its indikator (editable).

        Kuantitas and biaya targets are divided among the months of the period
        (rounded to 2 decimals); kualitas and waktu keep the SKP target. Only the
        missing months are added, from the SKP's own targets.
        """
        self._workflow_check("plan")
        vals_list = []
        existing = {
            (line.skp_id.id, line.bulan, line.indikator_id.id)
            for line in self.rencana_bulanan_ids
        }
        for skp in self:
            if skp.state == "batal":
                raise UserError(
                    self.env._("%(skp)s is cancelled.", skp=skp.display_name)
                )
            months = [
                m
                for m in range(1, 13)
                if rules.period_bounds("bulanan", skp.year, m)[1] >= skp.date_start
                and date(skp.year, m, 1) <= skp.date_end
            ]
            for ind in skp.indikator_ids:
                for month in months:
                    if (skp.id, str(month), ind.id) in existing:
                        continue
                    divide = ind.aspek in ASPEK_DIBAGI
                    vals_list.append(
                        {
                            "skp_id": skp.id,
                            "bulan": str(month),
                            "indikator_id": ind.id,
                            "sequence": ind.sequence,
                            "name": ind.rhk_id.name,
                            "target_text": ind.target_text,
                            "target_min": round(ind.target_min / len(months), 2)
                            if divide
                            else ind.target_min,
                            "target_max": round(ind.target_max / len(months), 2)
                            if divide and ind.target_max
                            else ind.target_max,
                        }
                    )
        self.env["hr.skp.rencana.bulanan"]._workflow_create(vals_list)
        return True

    def action_generate_evaluasi(self):
        """Create the periodic evaluations (company setting) and the annual one."""
        for skp in self:
            if skp.state not in ("disetujui", "selesai"):
                raise UserError(
                    self.env._(
                        "%(skp)s is not approved: only an approved SKP is evaluated.",
                        skp=skp.display_name,
                    )
                )
        self._workflow_check("plan")
        self._generate_evaluasi()
        return True

    def _generate_evaluasi(self, until=None, batch_size=100, commit=False):
        """Missing evaluations of approved SKP; with ``until``, only ended periods.

        Works through the SKP ``batch_size`` at a time, the cache emptied after
        each batch, so memory stays bounded however many SKP there are. With
        ``commit`` (crons, scripts; never in tests) every batch is committed: a run
        killed halfway keeps what it made, and the next run creates only what is
        still missing (no duplicate, nothing lost). Returns the new evaluations."""
        Evaluasi = self.env["hr.skp.evaluasi"].sudo()
        created = []
        ids = self.ids
        size = batch_size or len(ids) or 1
        for start in range(0, len(ids), size):
            created += (
                self.browse(ids[start : start + size])
                ._generate_evaluasi_batch(until)
                .ids
            )
            if len(ids) > size:
                if commit and not getattr(threading.current_thread(), "testing", False):
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                self.env.invalidate_all(flush=True)
        return Evaluasi.browse(created)

    def _generate_evaluasi_batch(self, until):
        skps = self.filtered(lambda s: s.state in ("disetujui", "selesai"))
        if not skps:
            return self.env["hr.skp.evaluasi"]
        existing = {
            (skp.id, periode, ke)
            for skp, periode, ke in self.env["hr.skp.evaluasi"]
            .sudo()
            ._read_group(
                [("skp_id", "in", skps.ids)], ["skp_id", "periode", "periode_ke"]
            )
        }
        Evaluasi = self.env["hr.skp.evaluasi"]
        rows = []
        later = skps._skp_later_in_year()
        for skp in skps:
            periode = skp._periode_evaluasi()
            # one annual evaluation per employee and year: the last SKP's, rated
            # by the last pejabat penilai (DOMAIN §2)
            codes = (periode,) if skp.id in later else (periode, "tahunan")
            for periode_code in codes:
                count = 12 // rules.PERIODE_MONTHS[periode_code]
                for ke in range(1, count + 1):
                    start, end = rules.period_bounds(periode_code, skp.year, ke)
                    if end < skp.date_start or start > skp.date_end:
                        continue
                    if until and min(end, skp.date_end) >= until:
                        continue
                    if (skp.id, periode_code, ke) in existing:
                        continue
                    rows.append(Evaluasi._generated_row(skp, periode_code, ke))
        # the periods the SKP gives, inserted by the system complete, without a
        # chatter note each (callers check who acts), then their lines
        evaluations = Evaluasi._workflow_insert(rows)
        evaluations._generate_lines()
        return evaluations

    def _periode_evaluasi(self):
        """The SKP's periodic evaluation: PPPK Paruh Waktu by the company's choice
        (monthly with the rencana bulanan, or quarterly: KepmenPANRB 16/2025);
        others on a rencana bulanan monthly; else the company's period."""
        self.ensure_one()
        company = self.company_id
        if self.employee_id.asn_status == "pppk_pw":
            return company.skp_pppk_pw_evaluasi_periode or "bulanan"
        if self.rencana_bulanan_aktif:
            return "bulanan"
        return company.skp_evaluasi_periode or "bulanan"

    def _skp_later_in_year(self):
        """Ids of these SKP followed by a later SKP of the same employee in the same
        year (not cancelled): they get no annual evaluation of their own."""
        if not self:
            return set()
        others = self.sudo().search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("year", "in", list(set(self.mapped("year")))),
                ("state", "!=", "batal"),
            ]
        )
        # the last SKP of each employee and year (by start, then id)
        last = {}
        for other in others:
            key = (other.employee_id.id, other.year)
            if key not in last or (other.date_start, other.id) > last[key]:
                last[key] = (other.date_start, other.id)
        return {
            skp.id
            for skp in self
            if last.get((skp.employee_id.id, skp.year), (skp.date_start, skp.id))
            > (skp.date_start, skp.id)
        }

    def action_open_evaluasi(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_evaluasi_action"
        )
        action["domain"] = [("skp_id", "=", self.id)]
        action["context"] = {"default_skp_id": self.id}
        return action

    def action_copy_next_year(self):
        """A draft SKP for the next year from this one: its RHK with their indikator
        and targets, the perilaku expectations and the lampiran. An RHK keeps the
        leader's RHK it intervenes when the pejabat penilai's SKP for that year has
        one of the same name, else the link is left empty to choose again. Created as
        the user: only who may create the employee's SKP can copy it."""
        new_skps = self.browse()
        leaders = self.employee_id.pejabat_penilai_id
        leader_rhk = {  # the leaders' RHK of each next year: one query per year
            year + 1: self.env["hr.skp.rhk"]._by_owner_and_name(leaders, year + 1)
            for year in set(self.mapped("year"))
        }
        for skp in self:
            year = skp.year + 1
            employee = skp.employee_id
            penilai = employee.pejabat_penilai_id
            rhk_commands = []
            for rhk in skp.rhk_ids:
                atasan = leader_rhk[year].get(
                    (penilai.id, (rhk.rhk_atasan_id.name or "").strip())
                )
                [vals] = rhk.copy_data(
                    {
                        "rhk_atasan_id": atasan.id
                        if atasan and rhk.rhk_atasan_id
                        else False
                    }
                )
                vals.pop("skp_id", None)
                rhk_commands.append(Command.create(vals))
            new = skp.copy(
                {
                    "year": year,
                    "date_start": date(year, 1, 1),
                    "date_end": date(year, 12, 31),
                    "pejabat_penilai_id": penilai.id,
                    "atasan_pejabat_penilai_id": penilai.pejabat_penilai_id.id,
                    "jenis_skp": "jpt" if employee.jenis_jabatan == "jpt" else "ja_jf",
                    "rhk_ids": rhk_commands,
                }
            )
            new._post_note(self.env._("Copied from %(skp)s.", skp=skp.display_name))
            new_skps |= new
        if len(new_skps) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "hr.skp",
                "res_id": new_skps.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_action"
        )
        action["domain"] = [("id", "in", new_skps.ids)]
        return action


class HrSkpDukungan(models.Model):
    _name = "hr.skp.dukungan"
    _description = "SKP Lampiran: Dukungan Sumber Daya"
    _inherit = ["hr.skp.line.mixin"]
    _order = "skp_id, sequence, id"

    skp_id = fields.Many2one("hr.skp", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    kategori = fields.Selection(
        [
            ("sdm", "Sumber Daya Manusia"),
            ("anggaran", "Anggaran"),
            ("peralatan", "Peralatan Kerja"),
            ("pendampingan", "Pendampingan Pimpinan"),
            ("sarana", "Sarana dan Prasarana"),
        ],
        required=True,
        default="sdm",
    )
    name = fields.Char(string="Description", required=True)
