"""Rencana kinerja bulanan and the evaluation side of hr.skp (DOMAIN §2, §4).

PPPK Paruh Waktu (and everyone, when the company enables it) get monthly targets
derived from the SKP, evaluated monthly; the year's result is the mean of the
monthly capaian (``capaian_rata_rata``). PPPK and PPPK Paruh Waktu get a
``rekomendasi_perpanjangan`` from the annual predikat and rating perilaku.
"""

from datetime import date

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import rules
from .common import PREDIKAT
from .hr_skp_evaluasi import BULAN, PERIODE_MONTHS, period_bounds

REKOMENDASI = [
    ("diperpanjang", "Diperpanjang"),
    ("tidak_diperpanjang", "Tidak Diperpanjang"),
]
# months are divided among the year for these aspek; the others keep the SKP target
ASPEK_DIBAGI = ("kuantitas", "biaya")


class HrSkpRencanaBulanan(models.Model):
    _name = "hr.skp.rencana.bulanan"
    _description = "Rencana Kinerja Bulanan"
    _order = "skp_id, bulan, sequence, id"

    skp_id = fields.Many2one("hr.skp", required=True, index=True, ondelete="cascade")
    employee_id = fields.Many2one(related="skp_id.employee_id", store=True, index=True)
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    year = fields.Integer(related="skp_id.year", store=True)
    sequence = fields.Integer(default=10)
    bulan = fields.Selection(
        [(str(i), name) for i, name in enumerate(BULAN, start=1)],
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
            last = period_bounds("bulanan", skp.year, month)[1]
            if last < skp.date_start or first > skp.date_end:
                raise ValidationError(
                    self.env._(
                        "%(month)s lies outside the period of %(skp)s.",
                        month=BULAN[month - 1],
                        skp=skp.display_name,
                    )
                )

    def _check_can_edit(self):
        """The employee plans the months with the pejabat penilai while the SKP is
        being drawn up; once it is approved the monthly targets (the evaluation's
        targets) are changed by the pejabat penilai or HR only."""
        if self.env.su or self.env.user.has_group("hr_skp_asn.group_skp_pengelola"):
            return
        user = self.env.user
        for skp in self.skp_id:
            if user not in (skp.employee_id.user_id | skp.pejabat_penilai_id.user_id):
                raise AccessError(
                    self.env._(
                        "Only the employee, the pejabat penilai or HR plan the months "
                        "of %(skp)s.",
                        skp=skp.display_name,
                    )
                )
            if skp.state in ("selesai", "batal"):
                raise UserError(self.env._("%(skp)s is closed.", skp=skp.display_name))
            if skp.state == "disetujui" and skp.pejabat_penilai_id.user_id != user:
                raise UserError(
                    self.env._(
                        "%(skp)s is approved: its monthly targets are changed by the "
                        "pejabat penilai or HR.",
                        skp=skp.display_name,
                    )
                )

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
            line.write(
                {
                    "target_min": plan.target_min,
                    "target_max": plan.target_max,
                    "target_text": plan.target_text or line.indikator_id.target_text,
                }
            )


class HrSkp(models.Model):
    _inherit = "hr.skp"

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
    def _skp_open_fields(self):
        # the monthly plan stays editable on an approved SKP (it is not the SKP itself)
        return super()._skp_open_fields() | {"rencana_bulanan_ids"}

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
                if period_bounds("bulanan", skp.year, m)[1] >= skp.date_start
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

    def _generate_evaluasi(self, until=None):
        """Missing evaluations of approved SKP; with ``until``, only ended periods."""
        skps = self.filtered(lambda s: s.state in ("disetujui", "selesai"))
        if not skps:
            return self.env["hr.skp.evaluasi"]
        existing = {
            (ev.skp_id.id, ev.periode, ev.periode_ke)
            for ev in self.env["hr.skp.evaluasi"]
            .sudo()
            .search([("skp_id", "in", skps.ids)])
        }
        vals_list = []
        for skp in skps:
            periode = (
                "bulanan"
                if skp.rencana_bulanan_aktif
                else skp.company_id.skp_evaluasi_periode or "bulanan"
            )
            for periode_code in (periode, "tahunan"):
                count = 12 // PERIODE_MONTHS[periode_code]
                for ke in range(1, count + 1):
                    start, end = period_bounds(periode_code, skp.year, ke)
                    if end < skp.date_start or start > skp.date_end:
                        continue
                    if until and min(end, skp.date_end) >= until:
                        continue
                    if (skp.id, periode_code, ke) in existing:
                        continue
                    vals_list.append(
                        {"skp_id": skp.id, "periode": periode_code, "periode_ke": ke}
                    )
        # the periods the SKP gives, created by the system (callers check who acts)
        return self.env["hr.skp.evaluasi"].sudo().create(vals_list)

    def action_open_evaluasi(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "hr_skp_asn.hr_skp_evaluasi_action"
        )
        action["domain"] = [("skp_id", "=", self.id)]
        action["context"] = {"default_skp_id": self.id}
        return action
