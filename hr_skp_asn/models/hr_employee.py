from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import rules
from .common import (
    ASN_STATUS,
    JENIS_JABATAN,
    JENJANG_FUNGSIONAL,
    PANGKAT_GOLONGAN,
    PENILAI_MASALAH,
)


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    nip = fields.Char(
        string="NIP / NI PPPK",
        size=18,
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
            errors = rules.validate_nip(employee.nip, employee.asn_status or "pns")
            if errors:
                raise ValidationError(
                    self.env._(
                        "NIP %(nip)s of %(name)s is not valid: %(reasons)s",
                        nip=employee.nip,
                        name=employee.name,
                        reasons="; ".join(message for _code, message in errors),
                    )
                )

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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("nip"):
                vals["nip"] = rules.parse_nip(vals["nip"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("nip"):
            vals["nip"] = rules.parse_nip(vals["nip"])
        res = super().write(vals)
        if "pejabat_penilai_id" in vals or "parent_id" in vals:
            self._skp_follow_pejabat_penilai()
        return res

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
