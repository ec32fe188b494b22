import threading
from datetime import date, timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

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
)

# Who-was-who snapshot taken when the SKP is set (ditetapkan): role -> field prefix
SNAPSHOT_ROLES = ("pegawai", "penilai", "atasan")
SNAPSHOT_ITEMS = ("nama", "nip", "pangkat", "jabatan", "unit")

# Who rates whom: taken from the employee record, changed by HR only.
PEOPLE_FIELDS = {"pejabat_penilai_id", "atasan_pejabat_penilai_id", "jenis_skp"}

# Fields only the workflow actions write (never a plain write() by a user).
WORKFLOW_FIELDS = (
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


class HrSkp(models.Model):
    _name = "hr.skp"
    _description = "Sasaran Kinerja Pegawai (SKP)"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "year desc, date_start desc, id desc"
    _mail_post_access = "read"

    employee_id = fields.Many2one(
        "hr.employee",
        string="Pegawai",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        domain="[('company_id', 'in', allowed_company_ids)]",
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
    is_pejabat_penilai = fields.Boolean(compute="_compute_user_role")
    is_pegawai = fields.Boolean(compute="_compute_user_role")

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

    # ------------------------------------------------------------------ computes
    @api.depends("employee_id")
    def _compute_department_id(self):
        for skp in self:
            if skp.state in ("draft", "diajukan") or not skp.department_id:
                skp.department_id = skp.employee_id.department_id

    @api.depends("year")
    def _compute_dates(self):
        for skp in self:
            if skp.year and (not skp.date_start or skp.date_start.year != skp.year):
                skp.date_start = date(skp.year, 1, 1)
            if skp.year and (not skp.date_end or skp.date_end.year != skp.year):
                skp.date_end = date(skp.year, 12, 31)

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
                skp.jenis_skp = (
                    "jpt" if skp.employee_id.jenis_jabatan == "jpt" else "ja_jf"
                )

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
            company = skp.company_id or self.env.company
            employee = skp.employee_id
            if employee.asn_status == "pppk_pw" and employee.tanggal_sk:
                start = max(employee.tanggal_sk, skp.date_start or employee.tanggal_sk)
                skp.deadline = start + timedelta(days=company.skp_pppk_pw_deadline_days)
            elif skp.date_start:
                skp.deadline = skp.date_start + timedelta(
                    days=company.skp_deadline_days
                )
            else:
                skp.deadline = False

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

    @api.depends_context("uid")
    def _compute_user_role(self):
        user = self.env.user
        for skp in self:
            skp.is_pejabat_penilai = skp.pejabat_penilai_id.user_id == user
            skp.is_pegawai = skp.employee_id.user_id == user

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
        workflow = self.env.su
        for vals in vals_list:
            if not workflow and WORKFLOW_FIELDS & {
                f for f, v in vals.items() if v and not (f == "state" and v == "draft")
            }:
                raise UserError(
                    self.env._("A new SKP starts as a draft; use its actions.")
                )
            if not any(cmd[0] == 0 for cmd in vals.get("perilaku_ids") or []):
                vals["perilaku_ids"] = perilaku
        skps = super().create(vals_list)
        if not workflow:
            skps._check_people_by_hr()
        skps._subscribe_people()
        return skps

    def write(self, vals):
        self.check_access("write")
        workflow = self.env.su
        if not workflow:
            if WORKFLOW_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "The status of an SKP changes only through its actions "
                        "(Submit, Approve, Return, Reopen, Revise, Cancel)."
                    )
                )
            computed = {
                name
                for name in vals
                if self._fields[name].compute and self._fields[name].readonly
            }
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
        content = (
            {f for f in vals if not f.startswith(("message_", "activity_"))}
            - WORKFLOW_FIELDS
            - self._skp_open_fields()
        )
        if content and not workflow:
            self._check_editable()
        res = super().write(vals)
        if not workflow and PEOPLE_FIELDS & set(vals):
            self._check_people_by_hr()
        if {"employee_id", "pejabat_penilai_id"} & set(vals):
            self._subscribe_people()
        return res

    def _check_people_by_hr(self):
        """Who rates whom comes from the employee record: only HR sets an SKP's
        pejabat penilai, atasan or jenis SKP to something else."""
        if self._is_skp_hr():
            return
        for skp in self:
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

    def _check_editable(self):
        """Approved SKP are read-only: a change needs a revision or a reopening."""
        for skp in self:
            if skp.state not in ("draft", "diajukan"):
                raise UserError(
                    self.env._(
                        "%(skp)s is %(state)s and can no longer be changed. "
                        "Reopen it with a reason or make a revision.",
                        skp=skp.display_name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[skp.state],
                    )
                )

    def _workflow_write(self, vals):
        """The actions' own writes of the status and the snapshot, once the action
        has checked who may act (a context key would not do: any RPC caller can
        send one)."""
        return self.sudo().write(vals)

    @api.model
    def _skp_open_fields(self):
        """Fields that stay writable on an approved SKP: the monthly plan (it is not
        the SKP itself)."""
        return {"rencana_bulanan_ids"}

    def _check_editable_lines(self):
        if not self.env.su:
            self._check_editable()

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
    def _is_skp_admin(self):
        return self.env.user.has_group("hr_skp_asn.group_skp_admin") or self.env.su

    def _is_skp_hr(self):
        return self.env.user.has_group("hr_skp_asn.group_skp_pengelola") or self.env.su

    def _check_is_penilai(self, action_label):
        """Only the pejabat penilai (or the BKD admin) acts; never on one's own SKP."""
        user = self.env.user
        for skp in self:
            if skp.employee_id.user_id == user and not self.env.su:
                raise AccessError(
                    self.env._(
                        "You cannot %(action)s your own SKP: this is for your pejabat "
                        "penilai.",
                        action=action_label,
                    )
                )
            if skp.pejabat_penilai_id.user_id != user and not self._is_skp_admin():
                raise AccessError(
                    self.env._(
                        "Only the pejabat penilai of %(skp)s (%(penilai)s) can "
                        "%(action)s it.",
                        skp=skp.display_name,
                        penilai=skp.pejabat_penilai_id.name or "-",
                        action=action_label,
                    )
                )

    def _check_state(self, allowed, action_label):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for skp in self:
            if skp.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(skp)s is %(state)s: it cannot be %(action)s.",
                        skp=skp.display_name,
                        state=labels[skp.state],
                        action=action_label,
                    )
                )

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
        self._check_state(("draft",), self.env._("submitted"))
        user = self.env.user
        for skp in self:
            if skp.employee_id.user_id != user and not self._is_skp_hr():
                raise AccessError(
                    self.env._(
                        "Only the employee or HR can submit %(skp)s.",
                        skp=skp.display_name,
                    )
                )
        self._check_complete()
        self._workflow_write({"state": "diajukan"})
        # one activity per SKP, one (queued) notification per pejabat penilai
        batch.schedule_activities(
            self.sudo(),
            "hr_skp_asn.mail_act_skp_approval",
            lambda skp: skp.pejabat_penilai_id.user_id,
            lambda skp: self.env._(
                "Please review and approve the SKP of %(name)s.",
                name=skp.employee_id.name,
            ),
            subject=self.env._("SKP to approve"),
            intro=self.env._("These SKP were submitted for your approval:"),
        )
        return True

    def action_setujui(self):
        """diajukan -> disetujui by the pejabat penilai (or the BKD admin)."""
        self._check_state(("diajukan",), self.env._("approved"))
        self._check_is_penilai(self.env._("approve"))
        self._check_complete()
        self._check_intervensi_approved()
        today = fields.Date.context_today(self)
        for skp in self:
            skp._workflow_write(
                dict(skp._snapshot_values(), state="disetujui", tanggal_disetujui=today)
            )
        batch.close_activities(self, ["hr_skp_asn.mail_act_skp_approval"])
        return True

    def action_kembalikan(self, alasan=None):
        """diajukan -> draft with a reason kept in the chatter."""
        if not alasan:
            return self._open_alasan_wizard("kembalikan")
        self._check_state(("diajukan",), self.env._("returned"))
        self._check_is_penilai(self.env._("return"))
        self._workflow_write({"state": "draft"})
        for skp in self:
            skp._post_note(
                self.env._("SKP returned for revision: %(reason)s", reason=alasan)
            )
            if skp.employee_id.user_id:
                skp.sudo().activity_schedule(
                    "mail.mail_activity_data_todo",
                    user_id=skp.employee_id.user_id.id,
                    summary=self.env._("Revise your SKP"),
                    note=alasan,
                )
        self.sudo().activity_unlink(["hr_skp_asn.mail_act_skp_approval"])
        return True

    def action_buka_kembali(self, alasan=None):
        """disetujui -> draft: reopen an approved SKP, with a reason (history kept)."""
        if not alasan:
            return self._open_alasan_wizard("buka_kembali")
        self._check_state(("disetujui",), self.env._("reopened"))
        self._check_is_penilai(self.env._("reopen"))
        self._workflow_write({"state": "draft", "alasan_revisi": alasan})
        for skp in self:
            skp._post_note(
                self.env._("Approved SKP reopened: %(reason)s", reason=alasan)
            )
        return True

    def action_batal(self):
        self._check_state(("draft", "diajukan", "disetujui"), self.env._("cancelled"))
        for skp in self:
            if skp.state != "draft" and not self._is_skp_hr():
                self._check_is_penilai(self.env._("cancel"))
            elif skp.employee_id.user_id != self.env.user and not self._is_skp_hr():
                self._check_is_penilai(self.env._("cancel"))
        self._workflow_write({"state": "batal"})
        self.sudo().activity_unlink(["hr_skp_asn.mail_act_skp_approval"])
        return True

    def action_selesai(self):
        self._check_state(("disetujui",), self.env._("closed"))
        if not self._is_skp_hr():
            self._check_is_penilai(self.env._("close"))
        self._workflow_write({"state": "selesai"})
        return True

    def action_draft(self):
        self._check_state(("batal",), self.env._("reset to draft"))
        for skp in self:
            if skp.employee_id.user_id != self.env.user and not self._is_skp_hr():
                self._check_is_penilai(self.env._("reset"))
        self._workflow_write({"state": "draft"})
        return True

    def action_revisi(self, date_end, alasan, date_start=None):
        """Mid-year change (mutasi, promotion, resources not delivered): the current SKP
        ends on ``date_end`` and a new draft, copied from it, starts the next day.
        Returns the new SKP's id."""
        self.ensure_one()
        self._check_state(("draft", "diajukan", "disetujui"), self.env._("revised"))
        if not alasan:
            raise UserError(self.env._("A revision needs a reason."))
        if not self._is_skp_hr():
            self._check_is_penilai(self.env._("revise"))
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
        new_start = date_start or date_end + timedelta(days=1)
        old_end = self.date_end
        self.sudo().write({"date_end": date_end, "alasan_revisi": alasan})
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

    def _open_alasan_wizard(self, mode):
        return {
            "type": "ir.actions.act_window",
            "res_model": "hr.skp.alasan.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_skp_ids": self.ids, "default_mode": mode},
        }

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
        """SKP not approved by the deadline: an activity for whoever must act."""
        late = self.search(
            [
                ("deadline", "<", fields.Date.context_today(self)),
                ("state", "in", ("draft", "diajukan")),
            ]
        )
        activity_type = self.env.ref("hr_skp_asn.mail_act_skp_late")
        existing = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", "hr.skp"),
                    ("res_id", "in", late.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        batch.schedule_activities(
            late.filtered(lambda s: s.id not in existing),
            "hr_skp_asn.mail_act_skp_late",
            lambda skp: (
                skp.employee_id.user_id
                if skp.state == "draft"
                else skp.pejabat_penilai_id.user_id
            ),
            lambda skp: self.env._("The SKP was due by %(date)s.", date=skp.deadline),
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
        compute="_compute_rekomendasi_perpanjangan", store=True, string="Reason"
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

    @api.depends("evaluasi_ids.state", "evaluasi_ids.periode", "evaluasi_ids.predikat")
    def _compute_evaluasi_tahunan_id(self):
        for skp in self:
            skp.evaluasi_tahunan_id = skp.evaluasi_ids.filtered(
                lambda e: e.periode == "tahunan"
            ).sorted(lambda e: (e.state == "ditetapkan", e.id), reverse=True)[:1]
            skp.predikat_tahunan = skp.evaluasi_tahunan_id.predikat

    @api.depends(
        "employee_id.asn_status",
        "evaluasi_ids.state",
        "evaluasi_ids.predikat",
        "evaluasi_ids.rating_perilaku",
        "company_id.skp_perpanjangan_min_predikat",
        "company_id.skp_perpanjangan_min_perilaku",
    )
    def _compute_rekomendasi_perpanjangan(self):
        for skp in self:
            skp.rekomendasi_perpanjangan = False
            skp.rekomendasi_alasan = False
            if skp.employee_id.asn_status not in ("pppk", "pppk_pw"):
                continue
            tahunan = skp.evaluasi_ids.filtered(
                lambda e: e.periode == "tahunan" and e.state == "ditetapkan"
            ).sorted("id", reverse=True)[:1]
            if not tahunan:
                skp.rekomendasi_alasan = self.env._("No annual evaluation is set yet.")
                continue
            company = skp.company_id
            key, reason = rules.rekomendasi_perpanjangan(
                tahunan.predikat,
                tahunan.rating_perilaku,
                company.skp_perpanjangan_min_predikat or "baik",
                company.skp_perpanjangan_min_perilaku or "sesuai",
            )
            skp.rekomendasi_perpanjangan = key
            skp.rekomendasi_alasan = self._rekomendasi_reason_label(reason)

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

    def _check_can_plan(self):
        """The employee, the pejabat penilai or HR act on the SKP's evaluation."""
        if self._is_skp_hr():
            return
        user = self.env.user
        for skp in self:
            if user not in (skp.employee_id.user_id | skp.pejabat_penilai_id.user_id):
                raise AccessError(
                    self.env._(
                        "Only the employee, the pejabat penilai or HR can do this "
                        "for %(skp)s.",
                        skp=skp.display_name,
                    )
                )

    @api.model
    # ------------------------------------------------------------------- actions
    def action_generate_rencana_bulanan(self):
        """Derive the monthly targets of the SKP's months from its indikator (editable).

        Kuantitas and biaya targets are divided among the months of the period
        (rounded to 2 decimals); kualitas and waktu keep the SKP target. Only the
        missing months are added, from the SKP's own targets.
        """
        self._check_can_plan()
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
        self.env["hr.skp.rencana.bulanan"].sudo().create(vals_list)
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
        self._check_can_plan()
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
        vals_list = []
        for skp in skps:
            periode = (
                "bulanan"
                if skp.rencana_bulanan_aktif
                else skp.company_id.skp_evaluasi_periode or "bulanan"
            )
            for periode_code in (periode, "tahunan"):
                count = 12 // rules.PERIODE_MONTHS[periode_code]
                for ke in range(1, count + 1):
                    start, end = rules.period_bounds(periode_code, skp.year, ke)
                    if end < skp.date_start or start > skp.date_end:
                        continue
                    if until and min(end, skp.date_end) >= until:
                        continue
                    if (skp.id, periode_code, ke) in existing:
                        continue
                    vals_list.append(
                        {"skp_id": skp.id, "periode": periode_code, "periode_ke": ke}
                    )
        # the periods the SKP gives, created by the system (callers check who acts),
        # without a chatter note each
        return batch.system_create(self.env["hr.skp.evaluasi"].sudo(), vals_list)

    def action_open_evaluasi(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_evaluasi_action"
        )
        action["domain"] = [("skp_id", "=", self.id)]
        action["context"] = {"default_skp_id": self.id}
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
