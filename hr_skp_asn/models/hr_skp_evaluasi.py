"""Evaluasi kinerja (DOMAIN §3): periodic and annual evaluations of an SKP.

``hr.skp.evaluasi`` holds, per period, the realisasi per indikator (with bukti
dukung), the umpan balik per indikator and per BerAKHLAK aspek, the two ratings of
the pejabat penilai and the predikat (kuadran kinerja, ``rules.predikat_kinerja``).
The arithmetic lives in ``rules.py``; nothing here re-implements it.
"""

import threading
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import rules
from . import batch
from .common import (
    PERILAKU_ASPEK,
    PERIODE,
    PREDIKAT,
    PREDIKAT_ORGANISASI,
    RATING,
    evaluation_bounds,
    periode_label,
    post_message,
)

EVALUASI_STATE = [
    ("draft", "Draft"),
    ("diajukan", "Diajukan"),
    ("dinilai", "Dinilai"),
    ("ditetapkan", "Ditetapkan"),
]
RATING_FIELDS = ("rating_hasil_kerja", "rating_perilaku")
RATING_KEYS = tuple(key for key, _label in RATING)
PERIODE_KEYS = tuple(key for key, _label in PERIODE)
# periodic evaluations by preference when a month is asked for (get_skp_predikat)
PERIODE_PREFERENCE = ("bulanan", "triwulanan", "semesteran")
# fields only the workflow actions write (never a user's plain write()/create())
SYSTEM_FIELDS = {
    "state",
    "tanggal_diajukan",
    "tanggal_ditetapkan",
    "ditetapkan_oleh_id",
    "predikat_keberatan",
    "dibuka_kembali",
    "alasan_buka_kembali",
}
# what a user may write on an evaluation (each further checked by role and state)
USER_WRITE_FIELDS = {
    "rating_hasil_kerja",
    "rating_perilaku",
    "umpan_balik",
    "realisasi_ids",
    "perilaku_ids",
}
# ... and give when creating one (the dates only when they are the computed ones)
USER_CREATE_FIELDS = USER_WRITE_FIELDS | {
    "skp_id",
    "periode",
    "periode_ke",
    "date_start",
    "date_end",
}


class HrSkpEvaluasi(models.Model):
    _name = "hr.skp.evaluasi"
    _description = "Evaluasi Kinerja Pegawai"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, date_start desc, periode, id desc"
    _mail_post_access = "read"

    skp_id = fields.Many2one(
        "hr.skp",
        string="SKP",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('state', 'in', ('disetujui', 'selesai'))]",
    )
    employee_id = fields.Many2one(
        related="skp_id.employee_id",
        store=True,
        index=True,
        string="Pegawai",
        precompute=True,
    )
    company_id = fields.Many2one(
        related="skp_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        related="skp_id.department_id",
        store=True,
        index=True,
        string="Unit Kerja",
        precompute=True,
    )
    pejabat_penilai_id = fields.Many2one(
        related="skp_id.pejabat_penilai_id", store=True, index=True, precompute=True
    )
    atasan_pejabat_penilai_id = fields.Many2one(
        related="skp_id.atasan_pejabat_penilai_id", store=True, precompute=True
    )
    pendekatan = fields.Selection(related="skp_id.pendekatan")
    year = fields.Integer(
        related="skp_id.year", store=True, index=True, precompute=True
    )
    periode = fields.Selection(
        PERIODE,
        required=True,
        default=lambda self: self.env.company.skp_evaluasi_periode or "bulanan",
        tracking=True,
    )
    periode_ke = fields.Integer(
        string="Period Number",
        default=1,
        help="Month (1-12), quarter (1-4) or semester (1-2) of the year.",
    )
    date_start = fields.Date(
        compute="_compute_dates",
        store=True,
        precompute=True,
        required=True,
        help="From the periode and period number, clipped to the SKP period.",
    )
    date_end = fields.Date(
        compute="_compute_dates",
        store=True,
        precompute=True,
        required=True,
        help="From the periode and period number, clipped to the SKP period.",
    )
    state = fields.Selection(
        EVALUASI_STATE,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    realisasi_ids = fields.One2many("hr.skp.realisasi", "evaluasi_id", copy=True)
    perilaku_ids = fields.One2many(
        "hr.skp.evaluasi.perilaku", "evaluasi_id", string="Umpan Balik Perilaku"
    )
    capaian = fields.Float(
        string="Capaian (%)",
        compute="_compute_capaian",
        store=True,
        digits=(16, 2),
        aggregator="avg",
        help="Mean capaian of the indikator that have a numeric realisasi.",
    )
    capaian_ada = fields.Boolean(compute="_compute_capaian", store=True)
    rating_hasil_kerja = fields.Selection(RATING, tracking=True, copy=False)
    rating_perilaku = fields.Selection(RATING, tracking=True, copy=False)
    predikat = fields.Selection(
        PREDIKAT,
        compute="_compute_predikat",
        store=True,
        tracking=True,
        index=True,
        string="Predikat Kinerja",
    )
    predikat_keberatan = fields.Selection(
        PREDIKAT,
        copy=False,
        readonly=True,
        string="Predikat after Keberatan",
        help="Set by an upheld keberatan; replaces the kuadran's predikat.",
    )
    umpan_balik = fields.Text(tracking=True)
    saran_rating_hasil_kerja = fields.Selection(
        RATING,
        compute="_compute_saran",
        string="Suggested Rating Hasil Kerja (periods)",
    )
    saran_rating_perilaku = fields.Selection(
        RATING, compute="_compute_saran", string="Suggested Rating Perilaku (periods)"
    )
    saran_rating_capaian = fields.Selection(
        RATING,
        compute="_compute_saran",
        string="Suggested Rating Hasil Kerja (capaian)",
        help="From the capaian formulas (pendekatan kuantitatif): a suggestion only.",
    )
    angka_kredit = fields.Float(
        compute="_compute_angka_kredit", store=True, digits=(16, 3)
    )
    is_pimpinan_unit = fields.Boolean(
        compute="_compute_is_pimpinan_unit",
        string="Unit Leader",
        help="The employee heads the unit: the rating hasil kerja follows the "
        "capaian kinerja organisasi.",
    )
    capaian_organisasi_id = fields.Many2one(
        "hr.skp.capaian.organisasi", compute="_compute_capaian_organisasi_id"
    )
    predikat_organisasi = fields.Selection(
        PREDIKAT_ORGANISASI, compute="_compute_capaian_organisasi_id"
    )
    distribusi_html = fields.Html(
        compute="_compute_distribusi_html",
        sanitize=False,
        string="Kalkulator Distribusi",
    )
    tanggal_diajukan = fields.Date(copy=False, readonly=True)
    tanggal_ditetapkan = fields.Date(copy=False, readonly=True)
    ditetapkan_oleh_id = fields.Many2one("res.users", copy=False, readonly=True)
    batas_keberatan = fields.Date(
        compute="_compute_batas_keberatan", store=True, string="Keberatan Until"
    )
    keberatan_ids = fields.One2many("hr.skp.keberatan", "evaluasi_id")
    keberatan_id = fields.Many2one(
        "hr.skp.keberatan", compute="_compute_keberatan_id", string="Latest Keberatan"
    )
    keberatan_alasan = fields.Text(compute="_compute_keberatan_id")
    keberatan_penjelasan = fields.Text(compute="_compute_keberatan_id")
    keberatan_keputusan = fields.Selection(
        [("diterima", "Diterima"), ("ditolak", "Ditolak")],
        compute="_compute_keberatan_id",
    )
    keberatan_catatan = fields.Text(compute="_compute_keberatan_id")
    dapat_keberatan = fields.Boolean(compute="_compute_dapat_keberatan")
    dibuka_kembali = fields.Boolean(
        string="Reopened by HR",
        copy=False,
        readonly=True,
        help="HR reopened this entry: the closing after the period does not apply.",
    )
    alasan_buka_kembali = fields.Text(copy=False, readonly=True)
    terkunci = fields.Boolean(
        compute="_compute_terkunci",
        string="Closed for the Employee",
        help="The employee's own entry closed some days after the period ended.",
    )
    is_pejabat_penilai = fields.Boolean(compute="_compute_user_role")
    is_pegawai = fields.Boolean(compute="_compute_user_role")
    is_atasan = fields.Boolean(compute="_compute_user_role")
    is_hr = fields.Boolean(compute="_compute_user_role")

    _sql_constraints = [
        (
            "periode_unique",
            "UNIQUE(skp_id, periode, date_start)",
            "There is already an evaluation of this SKP for this period.",
        ),
        (
            "date_order",
            "CHECK(date_start <= date_end)",
            "The evaluation period must start before it ends.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("skp_id", "periode", "periode_ke")
    def _compute_dates(self):
        for ev in self:
            bounds = evaluation_bounds(ev.skp_id, ev.periode, ev.periode_ke or 1)
            if bounds:
                ev.date_start, ev.date_end = bounds

    @api.depends(
        "realisasi_ids.capaian", "realisasi_ids.capaian_dihitung", "realisasi_ids"
    )
    def _compute_capaian(self):
        for ev in self:
            values = [
                line.capaian for line in ev.realisasi_ids if line.capaian_dihitung
            ]
            ev.capaian_ada = bool(values)
            ev.capaian = round(sum(values) / len(values), 2) if values else 0.0

    @api.depends("rating_hasil_kerja", "rating_perilaku", "predikat_keberatan")
    def _compute_predikat(self):
        for ev in self:
            if ev.predikat_keberatan:
                ev.predikat = ev.predikat_keberatan
            elif ev.rating_hasil_kerja and ev.rating_perilaku:
                ev.predikat = rules.predikat_kinerja(
                    ev.rating_hasil_kerja, ev.rating_perilaku
                )
            else:
                ev.predikat = False

    @api.depends(
        "periode",
        "skp_id.evaluasi_ids.rating_hasil_kerja",
        "skp_id.evaluasi_ids.rating_perilaku",
        "skp_id.evaluasi_ids.state",
        "realisasi_ids.capaian",
        "pendekatan",
    )
    def _compute_saran(self):
        for ev in self:
            ev.saran_rating_hasil_kerja = False
            ev.saran_rating_perilaku = False
            ev.saran_rating_capaian = False
            periodic = ev._periodic_evaluations()
            if ev.periode == "tahunan":
                rated = periodic.filtered(
                    lambda e: e.state in ("dinilai", "ditetapkan")
                )
                ev.saran_rating_hasil_kerja = (
                    rules.rating_suggestion_from_periods(
                        rated.mapped("rating_hasil_kerja")
                    )
                    or False
                )
                ev.saran_rating_perilaku = (
                    rules.rating_suggestion_from_periods(
                        rated.mapped("rating_perilaku")
                    )
                    or False
                )
            if ev.pendekatan == "kuantitatif":
                lines = ev.realisasi_ids.filtered("capaian_dihitung")
                if not lines and ev.periode == "tahunan":
                    lines = periodic.realisasi_ids.filtered("capaian_dihitung")
                ev.saran_rating_capaian = (
                    rules.rating_from_capaian(
                        [(line.capaian, line.jenis == "utama") for line in lines]
                    )
                    or False
                )

    @api.depends(
        "periode",
        "predikat",
        "date_start",
        "date_end",
        "skp_id.snap_pegawai_nama",
        "skp_id.snap_pegawai_jenis_jabatan",
        "skp_id.snap_pegawai_jenjang",
    )
    def _compute_angka_kredit(self):
        """Annual angka kredit from the jabatan as it was when the SKP was approved
        (its snapshot); the employee's current data only for an SKP without one. It
        never follows a later promotion."""
        for ev in self:
            skp = ev.skp_id
            if skp.snap_pegawai_nama:
                jenis = skp.snap_pegawai_jenis_jabatan
                jenjang = skp.snap_pegawai_jenjang
            else:
                jenis = ev.employee_id.jenis_jabatan
                jenjang = ev.employee_id.jenjang_fungsional
            if (
                ev.periode == "tahunan"
                and ev.predikat
                and jenis == "fungsional"
                and jenjang
                and ev.date_start
                and ev.date_end
            ):
                bulan = min(
                    12, max(1, rules.months_between(ev.date_start, ev.date_end))
                )
                ev.angka_kredit = rules.angka_kredit(ev.predikat, jenjang, bulan)
            else:
                ev.angka_kredit = 0.0

    @api.depends("employee_id", "department_id.manager_id")
    def _compute_is_pimpinan_unit(self):
        for ev in self:
            ev.is_pimpinan_unit = bool(
                ev.employee_id and ev.department_id.manager_id == ev.employee_id
            )

    @api.depends("department_id", "periode", "date_start", "date_end")
    def _compute_capaian_organisasi_id(self):
        found = self.env["hr.skp.capaian.organisasi"]
        if self.department_id:
            found = found.search(
                [
                    ("department_id", "in", self.department_id.ids),
                    ("periode", "in", list(set(self.mapped("periode")))),
                ],
                order="state, id desc",  # ditetapkan before draft
            )
        for ev in self:
            ev.capaian_organisasi_id = org = found.filtered(
                lambda c, ev=ev: (
                    c.department_id == ev.department_id
                    and c.periode == ev.periode
                    and ev.date_start
                    and c.date_start <= ev.date_start
                    and c.date_end >= ev.date_end
                )
            )[:1]
            ev.predikat_organisasi = org.predikat_organisasi

    @api.depends("capaian_organisasi_id")
    def _compute_distribusi_html(self):
        for ev in self:
            ev.distribusi_html = (
                ev.capaian_organisasi_id._render_distribusi_html()
                if ev.capaian_organisasi_id
                else False
            )

    @api.depends("tanggal_ditetapkan", "company_id.skp_keberatan_days")
    def _compute_batas_keberatan(self):
        for ev in self:
            days = ev.company_id.skp_keberatan_days or rules.KEBERATAN_HARI
            ev.batas_keberatan = (
                ev.tanggal_ditetapkan + timedelta(days=days)
                if ev.tanggal_ditetapkan
                else False
            )

    @api.depends(
        "keberatan_ids.alasan",
        "keberatan_ids.penjelasan_penilai",
        "keberatan_ids.keputusan",
        "keberatan_ids.catatan_keputusan",
    )
    def _compute_keberatan_id(self):
        for ev in self:
            ev.keberatan_id = keberatan = ev.keberatan_ids.sorted("id", reverse=True)[
                :1
            ]
            ev.keberatan_alasan = keberatan.alasan
            ev.keberatan_penjelasan = keberatan.penjelasan_penilai
            ev.keberatan_keputusan = keberatan.keputusan
            ev.keberatan_catatan = keberatan.catatan_keputusan

    @api.depends_context("uid")
    @api.depends("state", "batas_keberatan", "keberatan_ids")
    def _compute_dapat_keberatan(self):
        today = fields.Date.context_today(self)
        for ev in self:
            ev.dapat_keberatan = bool(
                ev.state == "ditetapkan"
                and ev.batas_keberatan
                and today <= ev.batas_keberatan
                and not ev.keberatan_ids
                and ev.employee_id.user_id == self.env.user
            )

    @api.depends("date_end", "company_id.skp_realisasi_lock_days", "dibuka_kembali")
    def _compute_terkunci(self):
        today = fields.Date.context_today(self)
        for ev in self:
            ev.terkunci = ev._closed_for_employee(today)

    @api.depends_context("uid")
    def _compute_user_role(self):
        user = self.env.user
        for ev in self:
            ev.is_pejabat_penilai = ev.pejabat_penilai_id.user_id == user
            ev.is_pegawai = ev.employee_id.user_id == user
            ev.is_atasan = ev.atasan_pejabat_penilai_id.user_id == user
            ev.is_hr = self._is_hr()

    @api.depends("employee_id", "periode", "periode_ke", "year", "date_start")
    def _compute_display_name(self):
        for ev in self:
            ev.display_name = self.env._(
                "Evaluasi %(periode)s - %(name)s",
                periode=ev._periode_label(),
                name=ev.employee_id.name or "",
            )

    def _periode_label(self):
        self.ensure_one()
        year = self.year or (self.date_start and self.date_start.year) or ""
        return periode_label(self.env, self.periode, self.periode_ke or 1, year)

    # --------------------------------------------------------------- constraints
    @api.constrains("periode", "periode_ke")
    def _check_periode_ke(self):
        for ev in self:
            max_ke = 12 // rules.PERIODE_MONTHS[ev.periode]
            if not 1 <= ev.periode_ke <= max_ke:
                raise ValidationError(
                    self.env._(
                        "Period number %(ke)s does not exist for a %(periode)s "
                        "evaluation (1 to %(max)s).",
                        ke=ev.periode_ke,
                        periode=dict(PERIODE)[ev.periode],
                        max=max_ke,
                    )
                )

    @api.constrains("skp_id", "date_start", "date_end", "periode")
    def _check_inside_skp(self):
        for ev in self:
            skp = ev.skp_id
            if not (skp.date_start <= ev.date_start <= ev.date_end <= skp.date_end):
                raise ValidationError(
                    self.env._(
                        "The evaluation period %(start)s – %(end)s lies outside the "
                        "period of %(skp)s (%(skp_start)s – %(skp_end)s).",
                        start=ev.date_start,
                        end=ev.date_end,
                        skp=skp.display_name,
                        skp_start=skp.date_start,
                        skp_end=skp.date_end,
                    )
                )
        domain = [
            ("skp_id", "in", self.skp_id.ids),
            ("id", "not in", self.ids),
        ]
        others = self.search(domain)
        for ev in self:
            clash = others.filtered(
                lambda o, ev=ev: (
                    o.skp_id == ev.skp_id
                    and o.periode == ev.periode
                    and o.date_start <= ev.date_end
                    and o.date_end >= ev.date_start
                )
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(skp)s already has an evaluation for this period "
                        "(%(other)s): one evaluation per SKP per period.",
                        skp=ev.skp_id.display_name,
                        other=clash[0].display_name,
                    )
                )

    # ---------------------------------------------------------------------- CRUD
    @api.model
    def _add_missing_default_values(self, values):
        return batch.add_missing_defaults(self, values, super())

    @api.model_create_multi
    def create(self, vals_list):
        system = self.env.su
        default_periode = self.env.company.skp_evaluasi_periode or "bulanan"
        skps = self.env["hr.skp"].browse(
            list({vals["skp_id"] for vals in vals_list if vals.get("skp_id")})
        )
        skp_by_id = {skp.id: skp for skp in skps}
        for vals in vals_list:
            self._check_rating_values(vals)
            if not system:
                self._check_user_vals(vals, create=True)
            skp = skp_by_id.get(vals.get("skp_id"))
            if skp and skp.state not in ("disetujui", "selesai"):
                raise UserError(
                    self.env._(
                        "%(skp)s is not approved: only an approved SKP is evaluated.",
                        skp=skp.display_name,
                    )
                )
            periode = vals.get("periode") or default_periode
            given = (
                fields.Date.to_date(vals.pop("date_start", False) or None),
                fields.Date.to_date(vals.pop("date_end", False) or None),
            )
            if given[0] and not vals.get("periode_ke"):
                vals["periode_ke"] = rules.periode_ke_of(periode, given[0])
            ke = vals.get("periode_ke") or 1
            if isinstance(ke, bool) or not isinstance(ke, int):
                raise UserError(self.env._("The period number is a whole number."))
            if not 1 <= ke <= 12 // rules.PERIODE_MONTHS[periode]:
                raise ValidationError(
                    self.env._(
                        "Period number %(ke)s does not exist for a %(periode)s "
                        "evaluation (1 to %(max)s).",
                        ke=ke,
                        periode=dict(PERIODE)[periode],
                        max=12 // rules.PERIODE_MONTHS[periode],
                    )
                )
            if not skp:
                continue
            self._check_given_dates(skp, periode, ke, given)
            taken = skp.evaluasi_ids.filtered(
                lambda e, p=periode, k=ke: e.periode == p and e.periode_ke == k
            )
            if taken:
                raise ValidationError(
                    self.env._(
                        "%(skp)s already has an evaluation for this period "
                        "(%(other)s): one evaluation per SKP per period.",
                        skp=skp.display_name,
                        other=taken[0].display_name,
                    )
                )
            if any(vals.get(f) for f in RATING_FIELDS) and not self._is_admin():
                raise AccessError(
                    self.env._(
                        "Ratings are given by the pejabat penilai once the "
                        "evaluation is diajukan."
                    )
                )
        evaluations = super().create(vals_list)
        if not system:
            evaluations._check_employee_can_enter()
            if evaluations.filtered("umpan_balik"):
                evaluations.filtered("umpan_balik")._check_can_give_feedback()
        # the lines are generated (one per indikator, one per BerAKHLAK value),
        # never given by the user: created by the system, in one go
        realisasi_vals, perilaku_vals = [], []
        for ev in evaluations:
            if not ev.realisasi_ids:
                realisasi_vals += ev._default_realisasi_vals()
            if not ev.perilaku_ids:
                perilaku_vals += ev._default_perilaku_vals()
        batch.system_create(self.env["hr.skp.realisasi"].sudo(), realisasi_vals)
        batch.system_create(self.env["hr.skp.evaluasi.perilaku"].sudo(), perilaku_vals)
        evaluations.filtered(lambda e: e.periode == "bulanan")._fill_from_catatan(
            only_empty=True
        )
        evaluations._subscribe_people()
        return evaluations

    @api.model
    def _check_given_dates(self, skp, periode, ke, given):
        """Dates given at creation must be the ones the periode gives (clipped to
        the SKP period): nobody chooses other dates."""
        if not any(given):
            return
        start, end = evaluation_bounds(skp, periode, ke)
        if (given[0] or start, given[1] or end) == (start, end):
            return
        first, last = given[0] or start, given[1] or end
        if not (skp.date_start <= first <= last <= skp.date_end):
            raise ValidationError(
                self.env._(
                    "The evaluation period %(start)s – %(end)s lies outside the "
                    "period of %(skp)s (%(skp_start)s – %(skp_end)s).",
                    start=first,
                    end=last,
                    skp=skp.display_name,
                    skp_start=skp.date_start,
                    skp_end=skp.date_end,
                )
            )
        raise UserError(
            self.env._(
                "The dates of an evaluation follow its periode and period number "
                "(%(label)s: %(start)s – %(end)s); other dates cannot be set.",
                label=periode_label(self.env, periode, ke, skp.year),
                start=start,
                end=end,
            )
        )

    def write(self, vals):
        self._check_rating_values(vals)
        if not self.env.su:
            self._check_user_vals(vals)
            changed = {f for f in vals if not f.startswith(("message_", "activity_"))}
            if changed:
                self._check_not_ditetapkan()
            if set(RATING_FIELDS) & changed:
                self._check_can_rate()
            if "umpan_balik" in changed:
                self._check_can_give_feedback()
        res = super().write(vals)
        if "rating_hasil_kerja" in vals and not self.env.su:
            self._check_rating_pimpinan()
        return res

    @api.model
    def _check_user_vals(self, vals, create=False):
        """A user writes the ratings, the umpan balik and the lines (each checked
        further); the status, its dates, the predikat and every computed value are
        the actions' and the system's (a context key cannot change that)."""
        allowed = USER_CREATE_FIELDS if create else USER_WRITE_FIELDS
        refused = set()
        for name, value in vals.items():
            if name in allowed or name.startswith(("message_", "activity_")):
                continue
            if create and (not value or (name == "state" and value == "draft")):
                continue  # a form sends the empty defaults
            refused.add(name)
        if refused:
            labels = sorted(
                self._fields[name].string if name in self._fields else name
                for name in refused
            )
            raise UserError(
                self.env._(
                    "%(fields)s of an evaluation cannot be written: they are set by "
                    "its actions (Submit, Rate, Set Predikat, Return, Reopen, "
                    "Keberatan) or computed.",
                    fields=", ".join(labels),
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        for ev in self:
            if ev.state != "draft":
                raise UserError(
                    self.env._(
                        "%(ev)s is %(state)s: only a draft evaluation can be deleted.",
                        ev=ev.display_name,
                        state=dict(EVALUASI_STATE)[ev.state],
                    )
                )
            if not self._is_hr() and ev.employee_id.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the employee or HR can delete %(ev)s.", ev=ev.display_name
                    )
                )

    def _default_realisasi_vals(self):
        """One realisasi line per indikator; bulanan targets from the rencana
        bulanan."""
        self.ensure_one()
        rencana = {}
        if self.periode == "bulanan":
            for line in self.skp_id.rencana_bulanan_ids.filtered(
                lambda r: r.bulan == str(self.date_start.month)
            ):
                rencana[line.indikator_id.id] = line
        vals_list = []
        for ind in self.skp_id.indikator_ids.sorted(
            lambda i: (i.rhk_id.sequence, i.rhk_id.id, i.sequence, i.id)
        ):
            plan = rencana.get(ind.id)
            vals_list.append(
                {
                    "evaluasi_id": self.id,
                    "indikator_id": ind.id,
                    "target_min": plan.target_min if plan else ind.target_min,
                    "target_max": plan.target_max if plan else ind.target_max,
                    "target_text": (plan.target_text if plan else False)
                    or ind.target_text,
                    "rencana_bulanan_id": plan.id if plan else False,
                }
            )
        return vals_list

    def _default_perilaku_vals(self):
        self.ensure_one()
        by_aspek = {line.aspek: line for line in self.skp_id.perilaku_ids}
        return [
            {
                "evaluasi_id": self.id,
                "aspek": key,
                "sequence": index,
                "perilaku_id": by_aspek[key].id if key in by_aspek else False,
            }
            for index, (key, _label) in enumerate(PERILAKU_ASPEK, start=1)
        ]

    def _subscribe_people(self):
        """The employee and the pejabat penilai follow, all evaluations in one go."""
        batch.subscribe_people(
            self,
            lambda ev: (
                ev.employee_id.user_id.partner_id
                | ev.pejabat_penilai_id.user_id.partner_id
            ),
        )

    # ------------------------------------------------------------------- checks
    def _check_not_ditetapkan(self):
        """A set (ditetapkan) evaluation and its lines no longer change; only a
        keberatan, decided by the atasan, changes its predikat."""
        for ev in self.filtered(lambda e: e.state == "ditetapkan"):
            raise UserError(
                self.env._(
                    "%(ev)s is ditetapkan and can no longer be changed; "
                    "a keberatan can change its predikat.",
                    ev=ev.display_name,
                )
            )

    def _is_admin(self):
        return self.env.su or self.env.user.has_group("hr_skp_asn.group_skp_admin")

    def _is_hr(self):
        return self.env.su or self.env.user.has_group("hr_skp_asn.group_skp_pengelola")

    @api.model
    def _check_rating_values(self, vals):
        """An unknown rating key is a user error, not a traceback."""
        for fname in RATING_FIELDS:
            value = vals.get(fname)
            if value and value not in RATING_KEYS:
                raise ValidationError(
                    self.env._(
                        "Unknown %(field)s %(value)s; use one of: %(keys)s.",
                        field=self._fields[fname].string,
                        value=repr(value),
                        keys=", ".join(RATING_KEYS),
                    )
                )
        if vals.get("periode") and vals["periode"] not in PERIODE_KEYS:
            raise ValidationError(
                self.env._(
                    "Unknown periode %(value)s; use one of: %(keys)s.",
                    value=repr(vals["periode"]),
                    keys=", ".join(PERIODE_KEYS),
                )
            )

    def _check_can_rate(self):
        """Ratings: by the pejabat penilai or the BKD admin, once diajukan."""
        user = self.env.user
        for ev in self:
            if ev.employee_id.user_id == user and not self._is_admin():
                raise AccessError(
                    self.env._(
                        "You cannot rate your own evaluation %(ev)s.",
                        ev=ev.display_name,
                    )
                )
            if ev.pejabat_penilai_id.user_id != user and not self._is_admin():
                raise AccessError(
                    self.env._(
                        "Only the pejabat penilai of %(ev)s (%(penilai)s) or the BKD "
                        "admin can give its ratings.",
                        ev=ev.display_name,
                        penilai=ev.pejabat_penilai_id.name or "-",
                    )
                )
            if ev.state not in ("diajukan", "dinilai"):
                raise UserError(
                    self.env._(
                        "%(ev)s is %(state)s: ratings are given once the evaluation "
                        "is diajukan and before it is ditetapkan.",
                        ev=ev.display_name,
                        state=dict(EVALUASI_STATE)[ev.state],
                    )
                )

    def _check_can_give_feedback(self):
        user = self.env.user
        for ev in self:
            if ev.pejabat_penilai_id.user_id != user and not self._is_hr():
                raise AccessError(
                    self.env._(
                        "The umpan balik of %(ev)s is given by its pejabat penilai.",
                        ev=ev.display_name,
                    )
                )

    def _check_rating_pimpinan(self):
        """The unit leader's rating hasil kerja follows the capaian organisasi
        (§3.1)."""
        for ev in self.filtered(lambda e: e.is_pimpinan_unit and e.rating_hasil_kerja):
            org = ev.capaian_organisasi_id
            if not org.predikat_organisasi:
                continue
            expected = rules.rating_from_capaian_organisasi(org.predikat_organisasi)
            if ev.rating_hasil_kerja != expected:
                raise UserError(
                    self.env._(
                        "%(name)s leads %(unit)s: the rating hasil kerja follows the "
                        "capaian kinerja organisasi (%(org)s), i.e. %(rating)s.",
                        name=ev.employee_id.name,
                        unit=ev.department_id.name,
                        org=dict(rules.PREDIKAT_ORGANISASI_SELECTION)[
                            org.predikat_organisasi
                        ],
                        rating=dict(RATING)[expected],
                    )
                )

    def _apply_rating_pimpinan(self):
        """Set the unit leader's rating hasil kerja from the capaian organisasi."""
        for ev in self.filtered(
            lambda e: e.is_pimpinan_unit and e.state != "ditetapkan"
        ):
            org = ev.capaian_organisasi_id
            if org.predikat_organisasi:
                rating = rules.rating_from_capaian_organisasi(org.predikat_organisasi)
                if ev.rating_hasil_kerja != rating:
                    ev.sudo().write({"rating_hasil_kerja": rating})
        return True

    def _closed_for_employee(self, today=None):
        """Whether the employee's own entry for this period has closed (§ settings)."""
        self.ensure_one()
        days = self.company_id.skp_realisasi_lock_days
        if not days or self.dibuka_kembali or not self.date_end:
            return False
        today = today or fields.Date.context_today(self)
        return today > self.date_end + timedelta(days=days)

    def _check_employee_can_enter(self):
        """The employee's own entries: draft only, and closed N days after the period.

        HR (pengelola, BKD admin) is never locked out and may backfill past periods.
        """
        if self._is_hr():
            return
        user = self.env.user
        for ev in self:
            if ev.employee_id.user_id != user:
                continue
            if ev.state != "draft":
                raise UserError(
                    self.env._(
                        "%(ev)s is %(state)s: your realisasi can only be changed while "
                        "it is a draft.",
                        ev=ev.display_name,
                        state=dict(EVALUASI_STATE)[ev.state],
                    )
                )
            if ev._closed_for_employee():
                raise UserError(
                    self.env._(
                        "The entry for %(ev)s closed %(days)s days after the period "
                        "ended. Ask HR (pengelola kinerja) to reopen it.",
                        ev=ev.display_name,
                        days=ev.company_id.skp_realisasi_lock_days,
                    )
                )

    def _check_state(self, allowed, action_label):
        for ev in self:
            if ev.state not in allowed:
                raise UserError(
                    self.env._(
                        "%(ev)s is %(state)s: it cannot be %(action)s.",
                        ev=ev.display_name,
                        state=dict(EVALUASI_STATE)[ev.state],
                        action=action_label,
                    )
                )

    def _check_is_penilai(self, action_label):
        user = self.env.user
        for ev in self:
            if ev.employee_id.user_id == user and not self.env.su:
                raise AccessError(
                    self.env._(
                        "You cannot %(action)s your own evaluation.",
                        action=action_label,
                    )
                )
            if ev.pejabat_penilai_id.user_id != user and not self._is_admin():
                raise AccessError(
                    self.env._(
                        "Only the pejabat penilai of %(ev)s (%(penilai)s) or the BKD "
                        "admin can %(action)s it.",
                        ev=ev.display_name,
                        penilai=ev.pejabat_penilai_id.name or "-",
                        action=action_label,
                    )
                )

    def _periodic_evaluations(self):
        """The periodic evaluations of the same SKP, oldest first."""
        self.ensure_one()
        return self.skp_id.evaluasi_ids.filtered(
            lambda e: e.periode != "tahunan" and e.id != self.id
        ).sorted(lambda e: (e.date_start, e.id))

    # ------------------------------------------------------------------- actions
    def action_ajukan(self):
        """draft -> diajukan, by the employee (or HR)."""
        self._check_state(("draft",), self.env._("submitted"))
        user = self.env.user
        today = fields.Date.context_today(self)
        for ev in self:
            if ev.employee_id.user_id != user and not self._is_hr():
                raise AccessError(
                    self.env._(
                        "Only the employee or HR can submit %(ev)s.", ev=ev.display_name
                    )
                )
            if ev.date_start > today:
                raise UserError(
                    self.env._(
                        "%(ev)s starts on %(date)s: it cannot be submitted before its "
                        "period has started.",
                        ev=ev.display_name,
                        date=ev.date_start,
                    )
                )
        self._check_employee_can_enter()
        self.sudo().write({"state": "diajukan", "tanggal_diajukan": today})
        batch.close_activities(self, ["hr_skp_asn.mail_act_evaluasi_realisasi"])
        # one activity per evaluation, one (queued) notification per penilai
        batch.schedule_activities(
            self.sudo(),
            "hr_skp_asn.mail_act_evaluasi_penilaian",
            lambda ev: ev.pejabat_penilai_id.user_id,
            lambda ev: self.env._("Please rate %(ev)s.", ev=ev.display_name),
            subject=self.env._("Evaluations to rate"),
            intro=self.env._("These evaluations were submitted for your rating:"),
        )
        return True

    def action_nilai(self):
        """diajukan -> dinilai: both ratings set by the pejabat penilai."""
        self._check_state(("diajukan",), self.env._("rated"))
        self._check_is_penilai(self.env._("rate"))
        self._apply_rating_pimpinan()
        for ev in self:
            if not (ev.rating_hasil_kerja and ev.rating_perilaku):
                raise UserError(
                    self.env._(
                        "%(ev)s needs the rating hasil kerja and the rating perilaku "
                        "before it is rated.",
                        ev=ev.display_name,
                    )
                )
        self.sudo().write({"state": "dinilai"})
        batch.close_activities(self, ["hr_skp_asn.mail_act_evaluasi_penilaian"])
        return True

    def action_tetapkan(self):
        """dinilai -> ditetapkan: the predikat is set; the keberatan window opens."""
        self._check_state(("dinilai",), self.env._("set"))
        self._check_is_penilai(self.env._("set"))
        self._check_rating_pimpinan()
        self.sudo().write(
            {
                "state": "ditetapkan",
                "tanggal_ditetapkan": fields.Date.context_today(self),
                "ditetapkan_oleh_id": self.env.user.id,
            }
        )
        # the chatter line of every evaluation in one insert; each employee
        # notified once for the batch, e-mail queued
        bodies = {
            ev.id: self.env._(
                "Predikat kinerja set: %(predikat)s. A keberatan can be filed "
                "until "
                "%(date)s.",
                predikat=dict(PREDIKAT).get(ev.predikat, "-"),
                date=ev.batas_keberatan,
            )
            for ev in self
        }
        author = self.env.user.partner_id
        self.sudo()._message_log_batch(
            bodies=bodies,
            author_id=author.id,
            email_from=author.email_formatted or author.name,
        )
        by_partner = defaultdict(lambda: self.browse())
        for ev in self:
            by_partner[ev.employee_id.user_id.partner_id] |= ev
        batch.notify_once(
            self.env,
            by_partner,
            subject=self.env._("Predikat kinerja set"),
            intro=self.env._(
                "The predikat kinerja of these evaluations is set; a keberatan can "
                "be filed within the window shown on each:"
            ),
        )
        return True

    def action_kembalikan(self, alasan=None):
        """diajukan/dinilai -> draft by the pejabat penilai, with a reason."""
        if not alasan:
            return self._open_alasan_wizard("kembalikan")
        self._check_state(("diajukan", "dinilai"), self.env._("returned"))
        self._check_is_penilai(self.env._("return"))
        self.sudo().write(
            {"state": "draft", "rating_hasil_kerja": False, "rating_perilaku": False}
        )
        self.sudo().activity_unlink(["hr_skp_asn.mail_act_evaluasi_penilaian"])
        for ev in self:
            post_message(
                ev,
                body=self.env._("Returned to the employee: %(reason)s", reason=alasan),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_buka_kembali(self, alasan=None):
        """HR reopens one person's entry (closed or submitted), with a reason."""
        if not alasan:
            return self._open_alasan_wizard("buka_kembali")
        if not self._is_hr():
            raise AccessError(
                self.env._("Only HR (pengelola kinerja) can reopen an entry.")
            )
        for ev in self:
            if ev.state == "ditetapkan" and not self._is_admin():
                raise AccessError(
                    self.env._(
                        "%(ev)s is ditetapkan: only the BKD admin can reopen it.",
                        ev=ev.display_name,
                    )
                )
        self.sudo().write(
            {
                "state": "draft",
                "dibuka_kembali": True,
                "alasan_buka_kembali": alasan,
                "rating_hasil_kerja": False,
                "rating_perilaku": False,
                "predikat_keberatan": False,
                "tanggal_ditetapkan": False,
                "ditetapkan_oleh_id": False,
            }
        )
        for ev in self:
            post_message(
                ev,
                body=self.env._("Entry reopened by HR: %(reason)s", reason=alasan),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_terapkan_saran(self):
        """Copy the suggested ratings into the ratings (the penilai may change them)."""
        self._check_is_penilai(self.env._("rate"))
        for ev in self:
            vals = {}
            hasil = (
                ev.saran_rating_capaian
                if ev.pendekatan == "kuantitatif" and ev.saran_rating_capaian
                else ev.saran_rating_hasil_kerja
            ) or ev.saran_rating_capaian
            if hasil and not ev.is_pimpinan_unit:
                vals["rating_hasil_kerja"] = hasil
            if ev.saran_rating_perilaku:
                vals["rating_perilaku"] = ev.saran_rating_perilaku
            if vals:
                ev.write(vals)
        self._apply_rating_pimpinan()
        return True

    def action_isi_dari_catatan(self):
        """Fill the realisasi from the catatan kinerja harian of the period."""
        for ev in self:
            if ev.employee_id.user_id != self.env.user and not self._is_hr():
                raise AccessError(
                    self.env._(
                        "Only the employee or HR can fill %(ev)s from the daily log.",
                        ev=ev.display_name,
                    )
                )
        self._check_employee_can_enter()
        self._check_state(("draft",), self.env._("filled from the daily log"))
        self._fill_from_catatan(only_empty=False)
        return True

    def _fill_from_catatan(self, only_empty=True):
        if not self:
            return
        logs = self.env["hr.skp.catatan.harian"].search(
            [
                ("skp_id", "in", self.skp_id.ids),
                ("tanggal", ">=", min(self.mapped("date_start"))),
                ("tanggal", "<=", max(self.mapped("date_end"))),
            ],
            order="tanggal, id",
        )
        logs_by_skp = defaultdict(list)
        for log in logs:
            logs_by_skp[log.skp_id.id].append(log.id)
        for ev in self:
            ev_logs = logs.browse(logs_by_skp[ev.skp_id.id]).filtered(
                lambda c, ev=ev: ev.date_start <= c.tanggal <= ev.date_end
            )
            for line in ev.realisasi_ids:
                mine = ev_logs.filtered(
                    lambda c, line=line: (
                        c.indikator_id == line.indikator_id
                        or (not c.indikator_id and c.rhk_id == line.rhk_id)
                    )
                )
                if not mine or (only_empty and line.realisasi_diisi):
                    continue
                vals = {
                    "realisasi_text": "\n".join(
                        f"{c.tanggal.strftime('%d/%m')}: {c.name}" for c in mine
                    ),
                }
                numeric = mine.filtered(
                    lambda c, line=line: c.indikator_id == line.indikator_id
                )
                if numeric:
                    vals["realisasi_value"] = sum(numeric.mapped("kuantitas"))
                line.sudo().write(vals)

    def action_open_keberatan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Keberatan"),
            "res_model": "hr.skp.keberatan",
            "view_mode": "form",
            "res_id": self.keberatan_id.id or False,
            "context": {"default_evaluasi_id": self.id},
        }

    def _open_alasan_wizard(self, mode):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reason"),
            "res_model": "hr.skp.evaluasi.alasan.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_evaluasi_ids": self.ids, "default_mode": mode},
        }

    # -------------------------------------------------------------------- crons
    @api.model
    def _cron_remind_realisasi(self):
        """Evaluations of every ended period (created when missing), and an activity
        for the employee whose realisasi is not submitted N days after the period.

        In committed batches of bounded size: a run killed halfway keeps what it
        did and the next run does only what is left."""
        today = fields.Date.context_today(self)
        skps = self.env["hr.skp"].search(
            [("state", "in", ("disetujui", "selesai")), ("year", ">=", today.year - 1)],
            order="id",
        )
        skps._generate_evaluasi(until=today, commit=True)
        for company in self.env["res.company"].search([]):
            days = company.skp_realisasi_reminder_days or 0
            late = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "draft"),
                    ("periode", "!=", "tahunan"),
                    ("date_end", "<", today - timedelta(days=days)),
                    ("employee_id.user_id", "!=", False),
                ],
                order="id",
            )
            self._schedule_once(
                late,
                "hr_skp_asn.mail_act_evaluasi_realisasi",
                lambda e: e.employee_id.user_id,
                lambda e: self.env._(
                    "Your realisasi for %(ev)s has not been submitted yet.",
                    ev=e.display_name,
                ),
                subject=self.env._("Realisasi to submit"),
                intro=self.env._("Your realisasi for these periods is not submitted:"),
            )
        return True

    @api.model
    def _cron_remind_penilaian(self):
        """Evaluations waiting for their pejabat penilai: an activity for the
        penilai."""
        today = fields.Date.context_today(self)
        for company in self.env["res.company"].search([]):
            days = company.skp_penilaian_reminder_days or 0
            since = [("tanggal_diajukan", "<=", today - timedelta(days=days))]
            if not days:  # no submission date counts as today
                since = ["|", ("tanggal_diajukan", "=", False), *since]
            waiting = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("diajukan", "dinilai")),
                    ("pejabat_penilai_id.user_id", "!=", False),
                    *since,
                ],
                order="id",
            )
            self._schedule_once(
                waiting,
                "hr_skp_asn.mail_act_evaluasi_penilaian",
                lambda e: e.pejabat_penilai_id.user_id,
                lambda e: self.env._(
                    "%(ev)s is waiting for your rating.", ev=e.display_name
                ),
                subject=self.env._("Evaluations to rate"),
                intro=self.env._("These evaluations are waiting for your rating:"),
            )
        return True

    @api.model
    def _schedule_once(
        self, records, xmlid, user_getter, note_getter, subject, intro, size=1000
    ):
        """Schedule an activity of type ``xmlid`` unless the user already has one;
        ``size`` records at a time (committed in a cron), each user notified once
        per batch."""
        if not records:
            return
        activity_type = self.env.ref(xmlid)
        ids = records.ids
        for start in range(0, len(ids), size):
            chunk = records.browse(ids[start : start + size])
            existing = {
                (act.res_id, act.user_id.id)
                for act in self.env["mail.activity"].search(
                    [
                        ("res_model", "=", records._name),
                        ("res_id", "in", chunk.ids),
                        ("activity_type_id", "=", activity_type.id),
                    ]
                )
            }
            batch.schedule_activities(
                chunk.filtered(
                    lambda r, existing=existing: (
                        user_getter(r) and (r.id, user_getter(r).id) not in existing
                    )
                ),
                xmlid,
                user_getter,
                note_getter,
                subject=subject,
                intro=intro,
            )
            if len(ids) > size:
                if not getattr(threading.current_thread(), "testing", False):
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                self.env.invalidate_all(flush=True)
