import calendar
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .. import rules
from .common import (
    ASN_STATUS,
    JENIS_JABATAN,
    JENJANG_FUNGSIONAL,
    PANGKAT_GOLONGAN,
    PENILAI_MASALAH,
)
from .hr_skp_evaluasi import PERIODE_PREFERENCE


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    nip = fields.Char(
        string="NIP / NI PPPK",
        tracking=True,
        help="18 digits. PNS/CPNS: birth date, TMT CPNS, gender, sequence. "
        "PPPK: birth date, year first appointed, perjanjian kerja, gender, sequence.",
    )
    nip_pending = fields.Boolean(
        string="NI PPPK in process",
        compute="_compute_nip_pending",
        store=True,
        help="A PPPK whose NI PPPK has not been issued yet.",
    )
    asn_status = fields.Selection(ASN_STATUS, string="ASN Status", tracking=True)
    jenis_jabatan = fields.Selection(JENIS_JABATAN, tracking=True)
    jenjang_fungsional = fields.Selection(JENJANG_FUNGSIONAL, tracking=True)
    pangkat_golongan = fields.Selection(
        PANGKAT_GOLONGAN, string="Pangkat/Golongan", tracking=True
    )
    tanggal_sk = fields.Date(
        string="SK Received On",
        help="Date the employee received the SK (appointment decree); the SKP of a "
        "PPPK Paruh Waktu is due a number of days after it.",
    )
    pejabat_penilai_id = fields.Many2one(
        "hr.employee",
        compute="_compute_pejabat_penilai_id",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
        help="Direct superior who approves the SKP and rates the employee; "
        "defaults to the manager.",
    )
    is_pejabat_pembina_kepegawaian = fields.Boolean(
        string="Pejabat Pembina Kepegawaian",
        tracking=True,
        help="The kepala daerah (gubernur, bupati, wali kota) or minister heading the "
        "instansi: not an ASN, yet the lawful pejabat penilai at its top and the one "
        "who sets the instansi's capaian kinerja organisasi.",
    )
    penilai_bawahan_ids = fields.One2many(
        "hr.employee", "pejabat_penilai_id", string="Rated Employees"
    )
    penilai_masalah = fields.Selection(
        PENILAI_MASALAH,
        string="Pejabat Penilai Issue",
        compute="_compute_penilai_masalah",
        store=True,
        recursive=True,
    )
    skp_ids = fields.One2many("hr.skp", "employee_id", string="SKP")
    skp_count = fields.Integer(compute="_compute_skp_count", string="SKP Count")
    evaluasi_ids = fields.One2many("hr.skp.evaluasi", "employee_id")

    _sql_constraints = [
        ("nip_unique", "UNIQUE(nip)", "This NIP is already used by another employee."),
    ]

    @api.depends("parent_id")
    def _compute_pejabat_penilai_id(self):
        for employee in self:
            if employee.parent_id != employee:
                employee.pejabat_penilai_id = employee.parent_id

    @api.depends("nip", "asn_status")
    def _compute_nip_pending(self):
        for employee in self:
            employee.nip_pending = (
                employee.asn_status in ("pppk", "pppk_pw") and not employee.nip
            )

    @api.depends(
        "asn_status",
        "pejabat_penilai_id",
        "pejabat_penilai_id.active",
        "pejabat_penilai_id.asn_status",
        "pejabat_penilai_id.is_pejabat_pembina_kepegawaian",
        "pejabat_penilai_id.pejabat_penilai_id",
        "pejabat_penilai_id.penilai_masalah",
        "jenis_jabatan",
    )
    def _compute_penilai_masalah(self):
        for employee in self:
            employee.penilai_masalah = employee._penilai_masalah()

    def _penilai_masalah(self):
        """Why this employee's SKP would be blocked by their pejabat penilai."""
        self.ensure_one()
        penilai = self.pejabat_penilai_id
        if not self.asn_status or self.asn_status == "non_asn":
            return False
        if not penilai:
            # the head of the instansi (JPT at the top) is rated outside the addon
            return False if self.jenis_jabatan == "jpt" else "kosong"
        if penilai == self:
            return "diri_sendiri"
        if not penilai.active:
            return "tidak_aktif"
        if penilai.is_pejabat_pembina_kepegawaian:
            # the PPK (kepala daerah, minister) is not an ASN but the lawful
            # penilai at the top of the instansi (DOMAIN: Who)
            return False
        if not penilai.asn_status or penilai.asn_status == "non_asn":
            return "bukan_asn"
        seen = {self.id}
        current = penilai
        while current:
            if current.id in seen:
                return "melingkar"
            seen.add(current.id)
            current = current.pejabat_penilai_id
        return False

    def _compute_skp_count(self):
        counts = dict(
            self.env["hr.skp"]._read_group(
                [("employee_id", "in", self.ids)], ["employee_id"], ["__count"]
            )
        )
        for employee in self:
            employee.skp_count = counts.get(employee, 0)

    @api.constrains("nip", "asn_status")
    def _check_nip(self):
        for employee in self:
            if not employee.nip:
                if employee.asn_status in ("pns", "cpns"):
                    raise ValidationError(
                        self.env._(
                            "%(name)s is a PNS/CPNS and needs an 18-digit NIP.",
                            name=employee.name,
                        )
                    )
                continue
            errors = rules.nip_issues(employee.nip, employee.asn_status or "pns")
            if errors:
                raise ValidationError(
                    self.env._(
                        "NIP %(nip)s of %(name)s is not valid: %(reasons)s",
                        nip=employee.nip,
                        name=employee.name,
                        reasons=" ".join(
                            employee._nip_message(code, params)
                            for code, params in errors
                        ),
                    )
                )

    def _nip_message(self, code, params):
        """The translated message of a rules.nip_issues code (DOMAIN §5)."""
        return self.env._(rules.NIP_ERRORS[code], **params)

    @api.constrains("pejabat_penilai_id")
    def _check_pejabat_penilai(self):
        for employee in self:
            if employee.pejabat_penilai_id == employee:
                raise ValidationError(
                    self.env._(
                        "%(name)s cannot be their own pejabat penilai.",
                        name=employee.name,
                    )
                )

    @api.model
    def check_field_access_rights(self, operation, field_names):
        # hr asks whether the user is an HR officer for every column of every
        # read of an employee, as the superuser too (about 200 group checks per
        # employee read: a third of a portal page). The superuser reads the
        # fields it names without a check (hr's filter concerns reading all
        # fields of the model, field_names empty).
        if self.env.su and field_names:
            return field_names
        return super().check_field_access_rights(operation, field_names)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nip"):
                vals["nip"] = rules.parse_nip(vals["nip"])
        return super().create(vals_list)

    def write(self, vals):
        if {"pejabat_penilai_id", "department_id", "parent_id"} & set(vals):
            self._check_pengelola_scope(vals)
        if vals.get("nip"):
            vals["nip"] = rules.parse_nip(vals["nip"])
        res = super().write(vals)
        if "pejabat_penilai_id" in vals or "parent_id" in vals:
            self._skp_follow_pejabat_penilai()
        return res

    def _check_pengelola_scope(self, vals):
        """A pengelola kinerja changes who rates whom only inside the units they
        manage (the BKD admin and HR managers everywhere)."""
        user = self.env.user
        if (
            self.env.su
            or not user.has_group("hr_skp_asn.group_skp_pengelola")
            or user.has_group("hr_skp_asn.group_skp_admin")
            or user.has_group("hr.group_hr_manager")
        ):
            return
        departments = self.sudo().department_id
        if vals.get("department_id"):
            departments |= (
                self.env["hr.department"].sudo().browse(vals["department_id"])
            )
        outside = departments.filtered(lambda d: user not in d.skp_pengelola_all_ids)
        if outside or (self and not all(self.sudo().department_id)):
            raise AccessError(
                self.env._(
                    "As pengelola kinerja you change the pejabat penilai and the unit "
                    "only of employees of the units you manage (not %(units)s).",
                    units=", ".join(outside.mapped("name")) or "-",
                )
            )

    def _skp_follow_pejabat_penilai(self):
        """Open SKP (draft, diajukan) follow a corrected pejabat penilai."""
        open_skps = self.env["hr.skp"].search(
            [("employee_id", "in", self.ids), ("state", "in", ("draft", "diajukan"))]
        )
        for penilai, skps in open_skps.grouped(
            lambda s: s.employee_id.pejabat_penilai_id
        ).items():
            skps.filtered(lambda s, p=penilai: s.pejabat_penilai_id != p).write(
                {"pejabat_penilai_id": penilai.id}
            )
        # the atasan of the SKP of those rated by these employees follows as well
        rated_skps = self.env["hr.skp"].search(
            [
                ("pejabat_penilai_id", "in", self.ids),
                ("state", "in", ("draft", "diajukan")),
            ]
        )
        rated_skps._compute_atasan_pejabat_penilai_id()

    def action_open_skp(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id}
        return action

    # -------------------------------------------------- payroll / TPP API

    @api.model
    def _skp_empty_predikat(self):
        return {
            "predikat": False,
            "rating_hasil_kerja": False,
            "rating_perilaku": False,
            "skp_id": False,
            "evaluasi_id": False,
        }

    @api.model
    def _skp_check_period(self, year, month):
        if (
            isinstance(year, bool)
            or not isinstance(year, int)
            or not 1900 < year < 3000
        ):
            raise UserError(self.env._("The year must be a number such as 2025."))
        if month not in (None, False) and (
            isinstance(month, bool)
            or not isinstance(month, int)
            or not 1 <= month <= 12
        ):
            raise UserError(self.env._("The month must be a number from 1 to 12."))

    def _skp_predikat_map(self, year, month=None):
        """{employee_id: predikat dict} for these employees, constant number of queries.

        Only ``ditetapkan`` evaluations count. With a month: the periodic evaluation
        whose period contains it (bulanan preferred, then triwulanan, semesteran;
        of two SKP sharing the month, the one covering more of it); without: the
        employee's one annual evaluation of the year (DOMAIN §2: several SKP in a
        year give one annual predikat; the latest if older data gave two).
        """
        self._skp_check_period(year, month)
        # read as plain rows (a payroll run asks for every employee at once): the
        # same as a search of the evaluations as the superuser, without building a
        # record per evaluation
        Evaluasi = self.env["hr.skp.evaluasi"]
        columns = [
            "id",
            "employee_id",
            "skp_id",
            "periode",
            "date_start",
            "date_end",
            "predikat",
            "rating_hasil_kerja",
            "rating_perilaku",
        ]
        Evaluasi.flush_model(columns[1:] + ["state", "year"])
        if month:
            day = date(year, month, 1)
            period = SQL(
                "periode = ANY(%s) AND date_start <= %s AND date_end >= %s",
                list(PERIODE_PREFERENCE),
                day.replace(day=calendar.monthrange(year, month)[1]),
                day,
            )
        else:
            period = SQL("periode = 'tahunan'")
        rows = self.env.execute_query(
            SQL(
                "SELECT %s FROM %s WHERE employee_id = ANY(%s) AND state = 'ditetapkan'"
                " AND year = %s AND %s",
                SQL(", ").join(map(SQL.identifier, columns)),
                SQL.identifier(Evaluasi._table),
                self.ids,
                year,
                period,
            )
        )
        rank = {p: i for i, p in enumerate(PERIODE_PREFERENCE)}
        best = {}
        for row in rows:
            ev = dict(zip(columns, row, strict=True))
            # a month split between two SKP counts once: the evaluation covering
            # more of the period, the later one on a tie (DOMAIN §2)
            days = (ev["date_end"] - ev["date_start"]).days
            key = (-rank.get(ev["periode"], 0), days, ev["date_end"], ev["id"])
            current = best.get(ev["employee_id"])
            if current is None or key > current[0]:
                best[ev["employee_id"]] = (key, ev)
        result = {}
        for employee_id in self.ids:
            if employee_id in best:
                ev = best[employee_id][1]
                result[employee_id] = {
                    "predikat": ev["predikat"] or False,
                    "rating_hasil_kerja": ev["rating_hasil_kerja"] or False,
                    "rating_perilaku": ev["rating_perilaku"] or False,
                    "skp_id": ev["skp_id"] or False,
                    "evaluasi_id": ev["id"],
                }
            else:
                result[employee_id] = self._skp_empty_predikat()
        return result

    @api.model
    def _skp_payroll_access(self, own=None):
        """The payroll API reads every evaluation it is asked about: the BKD admin
        (``hr_skp_asn.group_skp_admin``), the HR managers / payroll officers
        (``hr.group_hr_manager``) and the superuser may call it; ``own`` (one
        employee) lets the employee ask about themself. Anyone else: AccessError,
        never a silent 0.0 cut by record rules."""
        user = self.env.user
        if (
            self.env.su
            or user.has_group("hr_skp_asn.group_skp_admin")
            or user.has_group("hr.group_hr_manager")
        ):
            return
        if own is not None and own.sudo().user_id == user:
            return
        raise AccessError(
            self.env._(
                "The SKP predikat and TPP factor of other employees are given to the "
                "BKD admin (group Administrator BKD, hr_skp_asn.group_skp_admin) and "
                "to payroll officers (group Employees / Administrator, "
                "hr.group_hr_manager) only; an employee may ask about themself."
            )
        )

    def _skp_one(self):
        if len(self) != 1:
            raise UserError(
                self.env._(
                    "Call this on exactly one employee (got %(count)s).",
                    count=len(self),
                )
            )
        return self

    @api.model
    def _skp_clean_nips(self, nips):
        """{nip as given: nip without spaces}; a UserError for anything else than a
        list of NIPs."""
        if isinstance(nips, str):
            nips = [nips]
        if nips in (None, False):
            nips = []
        if not isinstance(nips, list | tuple) or any(
            isinstance(nip, bool) or not isinstance(nip, str | int) for nip in nips
        ):
            raise UserError(
                self.env._(
                    "The NIPs are given as a list of strings, such as "
                    "['199307082019031004'] (got %(value)s).",
                    value=repr(nips)[:80],
                )
            )
        return {nip: rules.parse_nip(nip) for nip in nips}

    def get_skp_predikat(self, year, month=None):
        """The employee's set predikat for a month, or for the year (CONTRACT.md)."""
        self._skp_one()
        self._skp_payroll_access(own=self)
        self._skp_check_period(year, month)
        return self.sudo()._skp_predikat_map(year, month)[self.id]

    @api.model
    def get_skp_predikat_batch(self, nips, year, month=None):
        """{nip: predikat dict} for many NIPs at once (constant number of queries)."""
        self._skp_payroll_access()
        clean = self._skp_clean_nips(nips)
        self._skp_check_period(year, month)
        Employee = self.sudo().with_context(active_test=False)
        employees = Employee.search_fetch(
            [("nip", "in", list(set(clean.values())))], ["nip"]
        )
        by_nip = {employee.nip: employee.id for employee in employees}
        data = employees._skp_predikat_map(year, month)
        return {
            nip: dict(data[by_nip[value]])
            if value in by_nip
            else self._skp_empty_predikat()
            for nip, value in clean.items()
        }

    def get_tpp_kinerja_factor(self, year, month):
        """The kinerja factor of the TPP, 0.0-1.0, from the company's table (DOMAIN §4).

        No ditetapkan evaluation for the month -> 0.0 (the kinerja part is cut).
        """
        self._skp_one()
        self._skp_payroll_access(own=self)
        self._skp_check_period(year, month)
        employee = self.sudo()
        predikat = employee._skp_predikat_map(year, month)[self.id]["predikat"]
        table = (
            self.env["hr.skp.tpp.rule"]
            .sudo()
            ._get_percentages(employee.company_id)[employee.company_id.id]
        )
        return rules.tpp_kinerja_factor(predikat, table or None)

    @api.model
    def get_tpp_kinerja_factor_batch(self, nips, year, month):
        """{nip: factor} for many NIPs at once (constant number of queries)."""
        self._skp_payroll_access()
        clean = self._skp_clean_nips(nips)
        self._skp_check_period(year, month)
        Employee = self.sudo().with_context(active_test=False)
        employees = Employee.search_fetch(
            [("nip", "in", list(set(clean.values())))], ["nip", "company_id"]
        )
        by_nip = {employee.nip: employee for employee in employees}
        data = employees._skp_predikat_map(year, month)
        tables = (
            self.env["hr.skp.tpp.rule"].sudo()._get_percentages(employees.company_id)
        )
        result = {}
        for nip, value in clean.items():
            employee = by_nip.get(value)
            if not employee:
                result[nip] = 0.0
                continue
            table = tables.get(employee.company_id.id) or None
            result[nip] = rules.tpp_kinerja_factor(data[employee.id]["predikat"], table)
        return result
