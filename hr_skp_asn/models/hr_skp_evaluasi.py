"""Evaluasi kinerja (DOMAIN §3): periodic and annual evaluations of an SKP.

``hr.skp.evaluasi`` holds, per period, the realisasi per indikator (with bukti
dukung), the umpan balik per indikator and per BerAKHLAK aspek, the two ratings of
the pejabat penilai and the predikat (kuadran kinerja, ``rules.predikat_kinerja``).
The arithmetic lives in ``rules.py``; nothing here re-implements it.
"""

from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import rules
from . import batch
from .common import (
    ASPEK_DIBAGI,
    PERILAKU_ASPEK,
    PERIODE,
    PREDIKAT,
    PREDIKAT_ORGANISASI,
    RATING,
    evaluation_bounds,
    in_lang,
    periode_label,
    post_message,
    render_table,
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


NOT_SET = ("draft", "diajukan", "dinilai")
RATED = ("diajukan", "dinilai")
PENILAI = ("penilai", "admin")


class HrSkpEvaluasi(models.Model):
    _name = "hr.skp.evaluasi"
    _description = "Evaluasi Kinerja Pegawai"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.skp.workflow.mixin"]
    _order = "year desc, date_start desc, periode, id desc"
    _rec_names_search = ["employee_id.name", "employee_id.nip", "department_id.name"]
    _mail_post_access = "read"

    # who may do what (hr.skp.workflow.mixin); the BKD admin is a pengelola too.
    # The pejabat penilai's permissions are never theirs on their own evaluation.
    _workflow_permissions = {
        # realisasi and bukti dukung: the employee while the entry is open; the
        # pejabat penilai (correcting while rating) and HR until it is set
        "enter": [
            {"states": ("draft",), "roles": ("own",), "when": "_workflow_open"},
            {"states": NOT_SET, "roles": ("penilai", "pengelola")},
        ],
        "fill": [
            {"states": ("draft",), "roles": ("own",), "when": "_workflow_open"},
            {"states": ("draft",), "roles": ("pengelola",)},
        ],
        "ajukan": [
            {
                "states": ("draft",),
                "roles": ("own",),
                "when": "_workflow_open_started",
            },
            {
                "states": ("draft",),
                "roles": ("pengelola",),
                "when": "_workflow_started",
            },
        ],
        "delete": [{"states": ("draft",), "roles": ("own", "pengelola")}],
        "rate": [{"states": RATED, "roles": PENILAI, "not_own": True}],
        "nilai": [{"states": ("diajukan",), "roles": PENILAI, "not_own": True}],
        "tetapkan": [{"states": ("dinilai",), "roles": PENILAI, "not_own": True}],
        "return": [{"states": RATED, "roles": PENILAI, "not_own": True}],
        "feedback": [{"states": NOT_SET, "roles": ("penilai", "pengelola")}],
        "correct_target": [{"states": NOT_SET, "roles": ("pengelola",)}],
        "reopen": [
            {"states": RATED, "roles": ("pengelola",)},
            {"states": ("draft",), "roles": ("pengelola",), "when": "_workflow_closed"},
            {"states": ("ditetapkan",), "roles": ("admin",)},
        ],
        # filed by the employee (or for them by the BKD admin) within the window
        "keberatan": [
            {
                "states": ("ditetapkan",),
                "roles": ("own", "admin"),
                "when": "_workflow_keberatan_open",
            }
        ],
    }
    _workflow_system_fields = SYSTEM_FIELDS
    _workflow_user_fields = USER_WRITE_FIELDS
    _workflow_create_fields = USER_CREATE_FIELDS
    _workflow_field_permissions = {
        "rating_hasil_kerja": "rate",
        "rating_perilaku": "rate",
        "umpan_balik": "feedback",
    }
    _workflow_reason_actions = ("action_kembalikan", "action_buka_kembali")
    _workflow_labelled = ("ajukan", "fill", "nilai", "tetapkan", "return")
    _workflow_flags = {
        "is_own": "role:own",
        "is_penilai": "role:penilai",
        "is_pegawai": "role:own",
        "is_pejabat_penilai": "role:penilai",
        "is_atasan": "role:atasan",
        "is_hr": "role:pengelola",
        "can_enter": "enter",
        "can_fill": "fill",
        "can_ajukan": "ajukan",
        "can_rate": "rate",
        "can_nilai": "nilai",
        "can_tetapkan": "tetapkan",
        "can_return": "return",
        "can_feedback": "feedback",
        "can_correct_target": "correct_target",
        "can_reopen": "reopen",
        "can_keberatan": "keberatan",
        "dapat_keberatan": "keberatan",
    }

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
    rata_rata_aktif = fields.Boolean(
        compute="_compute_saran",
        string="Year Decided on the Average",
        help="PPPK Paruh Waktu and anyone on a rencana kinerja bulanan: the annual "
        "rating hasil kerja follows the average of the year's periods.",
    )
    rata_rata_dasar = fields.Selection(
        [("capaian", "Mean Capaian"), ("rating", "Mean of the Ratings")],
        compute="_compute_saran",
        string="Average Of",
    )
    rata_rata_nilai = fields.Float(
        compute="_compute_saran",
        digits=(16, 2),
        string="Average of the Periods",
        help="Mean capaian (%) of the rated periods, or the mean of their ratings "
        "(di atas 3, sesuai 2, di bawah 1).",
    )
    rata_rata_jumlah = fields.Integer(
        compute="_compute_saran", string="Periods Averaged"
    )
    rata_rata_periode = fields.Char(compute="_compute_saran", string="Averaged Periods")
    periode_tahun_html = fields.Html(
        compute="_compute_periode_tahun_html",
        sanitize=False,
        string="Periods of the Year",
        help="Every period of the year from every SKP of the employee, each "
        "calendar month counted once.",
    )
    angka_kredit = fields.Float(
        compute="_compute_angka_kredit", store=True, digits=(16, 3)
    )
    angka_kredit_bulan = fields.Integer(
        compute="_compute_angka_kredit",
        store=True,
        string="Angka Kredit Months",
        help="Calendar months this evaluation counts (each month once, even across "
        "two SKP).",
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
    dapat_keberatan = fields.Boolean(compute="_compute_workflow_flags")
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
    # what the current user may do (hr.skp.workflow.mixin)
    is_own = fields.Boolean(compute="_compute_workflow_flags")
    is_penilai = fields.Boolean(compute="_compute_workflow_flags")
    is_pejabat_penilai = fields.Boolean(compute="_compute_workflow_flags")
    is_pegawai = fields.Boolean(compute="_compute_workflow_flags")
    is_atasan = fields.Boolean(compute="_compute_workflow_flags")
    is_hr = fields.Boolean(compute="_compute_workflow_flags")
    can_enter = fields.Boolean(compute="_compute_workflow_flags")
    can_fill = fields.Boolean(compute="_compute_workflow_flags")
    can_ajukan = fields.Boolean(compute="_compute_workflow_flags")
    can_rate = fields.Boolean(compute="_compute_workflow_flags")
    can_nilai = fields.Boolean(compute="_compute_workflow_flags")
    can_tetapkan = fields.Boolean(compute="_compute_workflow_flags")
    can_return = fields.Boolean(compute="_compute_workflow_flags")
    can_feedback = fields.Boolean(compute="_compute_workflow_flags")
    can_correct_target = fields.Boolean(compute="_compute_workflow_flags")
    can_reopen = fields.Boolean(compute="_compute_workflow_flags")
    can_keberatan = fields.Boolean(compute="_compute_workflow_flags")

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
    @api.depends(
        "skp_id", "skp_id.date_start", "skp_id.date_end", "periode", "periode_ke"
    )
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
        "employee_id.evaluasi_ids.rating_hasil_kerja",
        "employee_id.evaluasi_ids.rating_perilaku",
        "employee_id.evaluasi_ids.state",
        "employee_id.evaluasi_ids.capaian",
        "realisasi_ids.capaian",
        "pendekatan",
    )
    def _compute_saran(self):
        for ev in self:
            ev.saran_rating_hasil_kerja = False
            ev.saran_rating_perilaku = False
            ev.saran_rating_capaian = False
            ev.rata_rata_aktif = False
            ev.rata_rata_dasar = False
            ev.rata_rata_nilai = 0.0
            ev.rata_rata_jumlah = 0
            ev.rata_rata_periode = False
            periodic = ev._periodic_evaluations()
            if ev.periode == "tahunan":
                rated = periodic.filtered(
                    lambda e: e.state in ("dinilai", "ditetapkan")
                )
                ev.saran_rating_perilaku = (
                    rules.rating_suggestion_from_periods(
                        rated.mapped("rating_perilaku")
                    )
                    or False
                )
                if ev._year_on_average():
                    ev._set_saran_rata_rata(rated)
                else:
                    ev.saran_rating_hasil_kerja = (
                        rules.rating_suggestion_from_periods(
                            rated.mapped("rating_hasil_kerja")
                        )
                        or False
                    )
            if ev.pendekatan == "kuantitatif":
                lines = ev.realisasi_ids.filtered("capaian_dihitung")
                if not lines and ev.periode == "tahunan":
                    lines = periodic.realisasi_ids.filtered("capaian_dihitung")
                ev.saran_rating_capaian = (
                    rules.rating_from_capaian_rhk(
                        [
                            (line.rhk_id.id, line.jenis == "utama", line.capaian)
                            for line in lines
                        ]
                    )
                    or False
                )

    def _year_on_average(self):
        """PPPK Paruh Waktu and anyone on a rencana kinerja bulanan: the year is
        decided on the average of its periods (DOMAIN §2)."""
        self.ensure_one()
        skp = self.skp_id
        return bool(
            skp.rencana_bulanan_aktif or skp.employee_id.asn_status == "pppk_pw"
        )

    def _set_saran_rata_rata(self, rated):
        """The annual suggestion from the average of the rated periods (DOMAIN
        §2, rules.saran_rata_rata), the average and the periods it came from."""
        self.ensure_one()
        self.rata_rata_aktif = True
        result = rules.saran_rata_rata(
            [
                (e.capaian if e.capaian_ada else None, e.rating_hasil_kerja)
                for e in rated
            ]
        )
        if not result:
            return
        self.saran_rating_hasil_kerja = result["rating"]
        self.rata_rata_dasar = result["dasar"]
        self.rata_rata_nilai = result["rata_rata"]
        self.rata_rata_jumlah = result["jumlah"]
        self.rata_rata_periode = ", ".join(e._periode_label() for e in rated)

    def _skp_tahun(self):
        """The employee's approved SKP of this evaluation's year, oldest first
        (read by the system: the annual evaluation weighs every period of the
        year, whoever rated it)."""
        self.ensure_one()
        return (
            self.employee_id.sudo()
            .skp_ids.filtered(
                lambda s: s.year == self.year and s.state in ("disetujui", "selesai")
            )
            .sorted(lambda s: (s.date_start, s.id))
        )

    def _bulan_milik(self, skps=None):
        """Calendar months of this evaluation's period that count for it: those
        its SKP covers more of than any other SKP of the year (DOMAIN §2, §4;
        rules.bulan_pemilik). For the annual evaluation, every month covered by
        one of the year's SKP."""
        self.ensure_one()
        skps = self._skp_tahun() if skps is None else skps
        if not skps or not self.date_start or not self.date_end:
            return []
        owner = rules.bulan_pemilik([(s.date_start, s.date_end) for s in skps])
        if self.periode == "tahunan":
            return sorted(owner)
        index = {skp.id: i for i, skp in enumerate(skps)}.get(self.skp_id.id)
        return sorted(
            month
            for month, owner_index in owner.items()
            if owner_index == index
            and (self.date_start.year, self.date_start.month)
            <= month
            <= (self.date_end.year, self.date_end.month)
        )

    def _counted_once(self, skps):
        """The periodic evaluations among these that own at least one calendar
        month (a month split between two SKP counts once)."""
        return self.filtered(lambda e: e._bulan_milik(skps))

    @api.depends("periode", "employee_id.evaluasi_ids.state")
    def _compute_periode_tahun_html(self):
        rating_labels = dict(RATING)
        predikat_labels = dict(PREDIKAT)
        state_labels = dict(EVALUASI_STATE)
        for ev in self:
            ev.periode_tahun_html = False
            if ev.periode != "tahunan":
                continue
            rows = []
            counted = ev._periodic_evaluations()
            # every period of every SKP of the year (read by the system, as
            # _periodic_evaluations), saying which one counts for its months
            every = (
                ev._skp_tahun()
                .evaluasi_ids.filtered(lambda e: e.periode != "tahunan")
                .sorted(lambda e: (e.date_start, e.id))
            )
            for period in every:
                rows.append(
                    [
                        period._periode_label(),
                        period.skp_id.display_name or "",
                        period.pejabat_penilai_id.name or "",
                        f"{period.capaian:.2f}%" if period.capaian_ada else "-",
                        rating_labels.get(period.rating_hasil_kerja, "-"),
                        predikat_labels.get(period.predikat, "-"),
                        state_labels.get(period.state, ""),
                        self.env._("Yes")
                        if period in counted
                        else self.env._("No (the month counts for the other SKP)"),
                    ]
                )
            if rows:
                ev.periode_tahun_html = render_table(
                    [
                        self.env._("Period"),
                        self.env._("SKP"),
                        self.env._("Pejabat Penilai"),
                        self.env._("Capaian"),
                        self.env._("Rating Hasil Kerja"),
                        self.env._("Predikat"),
                        self.env._("Status"),
                        self.env._("Counted"),
                    ],
                    rows,
                )

    @api.depends(
        "periode",
        "predikat",
        "date_start",
        "date_end",
        "skp_id.snap_pegawai_nama",
        "skp_id.snap_pegawai_jenis_jabatan",
        "skp_id.snap_pegawai_jenjang",
        "employee_id.skp_ids.date_start",
        "employee_id.skp_ids.date_end",
        "employee_id.skp_ids.state",
    )
    def _compute_angka_kredit(self):
        """Angka kredit (DOMAIN §4, PermenPANRB 1/2023; Peraturan BKN 3/2023 for a
        periodic predikat): pro rata n/12, n the calendar months the evaluation
        counts, each month once even across two SKP (the annual evaluation counts
        the months of all the year's SKP). From the jabatan as it was when the SKP
        was approved (its snapshot); the employee's current data only for an SKP
        without one. It never follows a later promotion."""
        for ev in self:
            skp = ev.skp_id
            if skp.snap_pegawai_nama:
                jenis = skp.snap_pegawai_jenis_jabatan
                jenjang = skp.snap_pegawai_jenjang
            else:
                jenis = ev.employee_id.jenis_jabatan
                jenjang = ev.employee_id.jenjang_fungsional
            ev.angka_kredit = 0.0
            ev.angka_kredit_bulan = 0
            if not (ev.predikat and jenis == "fungsional" and jenjang):
                continue
            bulan = min(12, len(ev._bulan_milik()))
            ev.angka_kredit_bulan = bulan
            if bulan:
                ev.angka_kredit = rules.angka_kredit(ev.predikat, jenjang, bulan)

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

    @api.depends("capaian_organisasi_id", "department_id", "periode", "date_start")
    def _compute_distribusi_html(self):
        """The kalkulator while rating (DOMAIN §3.3): the unit's capaian record's
        when it exists, else the five predikat organisasi side by side for the
        unit's pegawai of the period."""
        Org = self.env["hr.skp.capaian.organisasi"]
        for ev in self:
            if ev.capaian_organisasi_id:
                ev.distribusi_html = ev.capaian_organisasi_id._render_distribusi_html()
                continue
            ev.distribusi_html = False
            if not (ev.department_id and ev.date_start and ev.year):
                continue
            start, end = rules.period_bounds(ev.periode, ev.year, ev.periode_ke or 1)
            evaluations = Org._unit_evaluations(
                ev.department_id, ev.periode, start, end, states=None
            )
            ev.distribusi_html = Org._render_kalkulator_semua_html(
                rules.count_predikat(evaluations.mapped("predikat")),
                len(evaluations),
                ev.company_id,
            )

    def _angka_kredit_dokumen(self):
        """The angka kredit as documents print it: two decimals (DOMAIN §4)."""
        self.ensure_one()
        return rules.angka_kredit_dokumen(self.angka_kredit)

    def _satu_per_pegawai(self):
        """One evaluation per employee: the one covering more days of the period
        (a month split between two SKP counts once, for the later SKP on a tie),
        the latest when equal (DOMAIN §2, §3.3)."""
        best = {}
        for ev in self:
            days = (ev.date_end - ev.date_start).days if ev.date_start else 0
            key = (days, ev.date_start, ev.id)
            current = best.get(ev.employee_id.id)
            if current is None or key > current[0]:
                best[ev.employee_id.id] = (key, ev.id)
        keep = {value[1] for value in best.values()}
        return self.filtered(lambda e: e.id in keep)

    def action_open_ninebox(self):
        """The nine-box of this evaluation's unit and period (DOMAIN §3.2)."""
        ev = self[:1]
        return self.env["hr.skp.ninebox"]._action_open(
            ev.department_id,
            ev.periode or self.env.company.skp_evaluasi_periode,
            ev.year or fields.Date.context_today(self).year,
            ev.periode_ke or 1,
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

    def _workflow_keberatan_open(self):
        """The keberatan window is open and none was filed yet."""
        return bool(
            self.batas_keberatan
            and fields.Date.context_today(self) <= self.batas_keberatan
            and not self.keberatan_ids
        )

    def _workflow_open(self):
        """The employee's own entry is still open (not closed after the period)."""
        return not self._closed_for_employee()

    def _workflow_closed(self):
        return self._closed_for_employee()

    def _workflow_started(self):
        return self.date_start <= fields.Date.context_today(self)

    def _workflow_open_started(self):
        return self._workflow_open() and self._workflow_started()

    @api.depends("date_end", "company_id.skp_realisasi_lock_days", "dibuka_kembali")
    def _compute_terkunci(self):
        today = fields.Date.context_today(self)
        for ev in self:
            ev.terkunci = ev._closed_for_employee(today)

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
        trusted = self._workflow_trusted()
        default_periode = self.env.company.skp_evaluasi_periode or "bulanan"
        skps = self.env["hr.skp"].browse(
            list({vals["skp_id"] for vals in vals_list if vals.get("skp_id")})
        )
        skp_by_id = {skp.id: skp for skp in skps}
        for vals in vals_list:
            self._check_rating_values(vals)
            if not trusted:
                self._workflow_check_fields(vals, create=True)
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
            if any(vals.get(f) for f in RATING_FIELDS) and not trusted:
                raise AccessError(
                    self.env._(
                        "Ratings are given by the pejabat penilai once the "
                        "evaluation is diajukan."
                    )
                )
        evaluations = super().create(vals_list)
        if not trusted:
            evaluations._workflow_check("enter")
            evaluations.filtered("umpan_balik")._workflow_check("feedback")
        evaluations._generate_lines()
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
        trusted = self._workflow_trusted()
        if not trusted:
            self._workflow_check_fields(vals)
            if any(not self._workflow_technical(f) for f in vals):
                self._check_not_ditetapkan()
            self._workflow_check_vals(vals)
        res = super().write(vals)
        if "rating_hasil_kerja" in vals and not trusted:
            self._check_rating_pimpinan()
        return res

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "%(fields)s of an evaluation cannot be written: they are set by "
            "its actions (Submit, Rate, Set Predikat, Return, Reopen, "
            "Keberatan) or computed.",
            fields=labels,
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if not self._workflow_trusted():
            self._workflow_check("delete")

    @api.model
    def _generated_row(self, skp, periode, ke):
        """A new evaluation of period ``ke`` of ``skp``, as the system generates it
        (``batch.insert_rows``): the values create would store, its related and
        computed values included. Not rated yet: no predikat, so no angka kredit
        and no keberatan deadline; no realisasi, so no capaian."""
        start, end = evaluation_bounds(skp, periode, ke)
        return {
            "skp_id": skp.id,
            "periode": periode,
            "periode_ke": ke,
            "employee_id": skp.employee_id.id,
            "company_id": skp.company_id.id,
            "department_id": skp.department_id.id,
            "pejabat_penilai_id": skp.pejabat_penilai_id.id,
            "atasan_pejabat_penilai_id": skp.atasan_pejabat_penilai_id.id,
            "year": skp.year,
            "date_start": start,
            "date_end": end,
            "capaian": 0.0,
            "capaian_ada": False,
            "predikat": False,
            "angka_kredit": 0.0,
            "angka_kredit_bulan": 0,
            "batas_keberatan": False,
        }

    def _generate_lines(self):
        """What new evaluations get with them: one realisasi line per indikator and
        one perilaku line per BerAKHLAK value, never given by the user (inserted by
        the system in bulk, complete), the daily log's realisasi, and the employee
        and the pejabat penilai as followers."""
        # a copied evaluation brings its realisasi lines along
        without_realisasi = self.filtered(lambda ev: not ev.realisasi_ids)
        without_perilaku = self.filtered(lambda ev: not ev.perilaku_ids)
        # a capaian already set (generation gives it) stands for blank lines: not
        # recomputed because of them
        capaian = [self._fields["capaian"], self._fields["capaian_ada"]]
        settled = without_realisasi - self.env.records_to_compute(capaian[0])
        with self.env.protecting(capaian, settled):
            self.env["hr.skp.realisasi"]._workflow_insert(
                without_realisasi._default_realisasi_vals()
            )
        self.env["hr.skp.evaluasi.perilaku"]._workflow_insert(
            without_perilaku._default_perilaku_vals()
        )
        # the months' daily log feeds a quarter too (PPPK Paruh Waktu by quarter)
        self.filtered(
            lambda e: e.periode in ("bulanan", "triwulanan")
        )._fill_from_catatan(only_empty=True)
        self._subscribe_people()

    def _default_realisasi_vals(self):
        """One realisasi line per indikator of each evaluation; bulanan targets from
        the rencana bulanan; triwulanan targets from the quarter's months of it
        (kuantitas and biaya added up, the others kept: PPPK Paruh Waktu evaluated
        by quarter). Each SKP's indikator and rencana are read once."""
        Realisasi = self.env["hr.skp.realisasi"]
        by_skp = defaultdict(lambda: self.browse())
        for ev in self:
            by_skp[ev.skp_id] |= ev
        vals_list = []
        for skp, evaluations in by_skp.items():
            indikators = skp.indikator_ids.sorted(
                lambda i: (i.rhk_id.sequence, i.rhk_id.id, i.sequence, i.id)
            )
            rencana = defaultdict(dict)  # month (str) -> {indikator id: line}
            for line in skp.rencana_bulanan_ids:
                rencana[line.bulan][line.indikator_id.id] = line
            for ev in evaluations:
                vals_list += ev._realisasi_vals(indikators, rencana, Realisasi)
        return vals_list

    def _realisasi_vals(self, indikators, rencana, Realisasi):
        self.ensure_one()
        plans, kuartal = {}, defaultdict(list)
        if self.periode == "bulanan":
            plans = rencana.get(str(self.date_start.month), {})
        elif self.periode == "triwulanan":
            for month in range(self.date_start.month, self.date_end.month + 1):
                for ind_id, line in rencana.get(str(month), {}).items():
                    kuartal[ind_id].append(line)
        rows = Realisasi._generated_rows(self, indikators)
        vals_list = []
        for ind, row in zip(indikators, rows, strict=True):
            plan = plans.get(ind.id)
            months = kuartal.get(ind.id)
            if months and ind.aspek in ASPEK_DIBAGI:
                vals_list.append(
                    {
                        **row,
                        "target_min": round(sum(m.target_min for m in months), 2),
                        "target_max": round(sum(m.target_max for m in months), 2),
                        "target_text": ind.target_text,
                    }
                )
                continue
            vals_list.append(
                {
                    **row,
                    "target_min": plan.target_min if plan else ind.target_min,
                    "target_max": plan.target_max if plan else ind.target_max,
                    "target_text": (plan.target_text if plan else False)
                    or ind.target_text,
                    "rencana_bulanan_id": plan.id if plan else False,
                }
            )
        return vals_list

    def _default_perilaku_vals(self):
        """One perilaku line per BerAKHLAK value of each evaluation, linked to the
        SKP's expectation for it."""
        expectations = {}
        vals_list = []
        for ev in self:
            skp = ev.skp_id
            if skp.id not in expectations:
                expectations[skp.id] = {
                    line.aspek: line.id for line in skp.perilaku_ids
                }
            by_aspek = expectations[skp.id]
            vals_list += [
                {
                    "evaluasi_id": ev.id,
                    "company_id": ev.company_id.id,
                    "aspek": key,
                    "sequence": index,
                    "perilaku_id": by_aspek.get(key, False),
                }
                for index, (key, _label) in enumerate(PERILAKU_ASPEK, start=1)
            ]
        return vals_list

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
    def _workflow_check_lines_open(self):
        self._check_not_ditetapkan()

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
                    ev._workflow_write({"rating_hasil_kerja": rating})
        return True

    def _closed_for_employee(self, today=None):
        """Whether the employee's own entry for this period has closed (§ settings)."""
        self.ensure_one()
        days = self.company_id.skp_realisasi_lock_days
        if not days or self.dibuka_kembali or not self.date_end:
            return False
        today = today or fields.Date.context_today(self)
        return today > self.date_end + timedelta(days=days)

    def _workflow_refusal_entry(self, permission, verdict, roles):
        """Refusals of the entry: set, not started yet, closed, submitted."""
        _ = self.env._
        ev = self.display_name
        state = self._workflow_state_label()
        if (
            verdict == "state"
            and self.state == "ditetapkan"
            and permission
            in (
                "enter",
                "feedback",
                "correct_target",
            )
        ):
            return _(
                "%(ev)s is ditetapkan and can no longer be changed; "
                "a keberatan can change its predikat.",
                ev=ev,
            )
        if (
            verdict == "when"
            and permission in ("ajukan",)
            and self.date_start > (fields.Date.context_today(self))
        ):
            return _(
                "%(ev)s starts on %(date)s: it cannot be submitted before its "
                "period has started.",
                ev=ev,
                date=self.date_start,
            )
        if verdict == "when" and permission in ("enter", "fill", "ajukan"):
            return _(
                "The entry for %(ev)s closed %(days)s days after the period "
                "ended. Ask HR (pengelola kinerja) to reopen it.",
                ev=ev,
                days=self.company_id.skp_realisasi_lock_days,
            )
        if verdict == "state" and permission in ("enter", "fill") and "own" in roles:
            return _(
                "%(ev)s is %(state)s: your realisasi can only be changed while "
                "it is a draft.",
                ev=ev,
                state=state,
            )
        return False

    def _workflow_refusal(self, permission, verdict, roles):
        self.ensure_one()
        entry = self._workflow_refusal_entry(permission, verdict, roles)
        if entry:
            return entry
        _ = self.env._
        ev = self.display_name
        state = self._workflow_state_label()
        messages = {
            "enter": _(
                "Only the employee, the pejabat penilai or HR can enter "
                "the realisasi of %(ev)s.",
                ev=ev,
            ),
            "fill": _(
                "Only the employee or HR can fill %(ev)s from the daily log.", ev=ev
            ),
            "ajukan": _("Only the employee or HR can submit %(ev)s.", ev=ev),
            "delete": _("Only the employee or HR can delete %(ev)s.", ev=ev),
            "feedback": _(
                "The umpan balik of %(ev)s is given by its pejabat penilai.", ev=ev
            ),
            "correct_target": _(
                "The targets come from the SKP or its rencana bulanan; only HR "
                "(pengelola kinerja, BKD admin) corrects them."
            ),
            "keberatan": _("Only the employee evaluated can file a keberatan."),
        }
        if permission == "delete" and verdict == "state":
            return _(
                "%(ev)s is %(state)s: only a draft evaluation can be deleted.",
                ev=ev,
                state=state,
            )
        if permission == "rate":
            if verdict == "state":
                return _(
                    "%(ev)s is %(state)s: ratings are given once the evaluation "
                    "is diajukan and before it is ditetapkan.",
                    ev=ev,
                    state=state,
                )
            if "own" in roles:
                return _("You cannot rate your own evaluation %(ev)s.", ev=ev)
            return _(
                "Only the pejabat penilai of %(ev)s (%(penilai)s) or the BKD "
                "admin can give its ratings.",
                ev=ev,
                penilai=self.pejabat_penilai_id.name or "-",
            )
        if permission == "reopen":
            if verdict == "state" and self.state == "draft":
                return _("%(ev)s is open: there is nothing to reopen.", ev=ev)
            if self.state == "ditetapkan" and "pengelola" in roles:
                return _(
                    "%(ev)s is ditetapkan: only the BKD admin can reopen it.", ev=ev
                )
            return _("Only HR (pengelola kinerja) can reopen an entry.")
        if permission == "keberatan" and verdict == "state":
            return _(
                "%(ev)s is not ditetapkan yet: there is nothing to object to.", ev=ev
            )
        if permission in messages and verdict == "role":
            return messages[permission]
        return self._workflow_action_refusal(
            permission, verdict, roles
        ) or super()._workflow_refusal(permission, verdict, roles)

    def _workflow_action_message(self, kind, past, verb):
        _ = self.env._
        if kind == "state":
            return _(
                "%(ev)s is %(state)s: it cannot be %(action)s.",
                ev=self.display_name,
                state=self._workflow_state_label(),
                action=past,
            )
        if kind == "own":
            return _("You cannot %(action)s your own evaluation.", action=verb)
        return _(
            "Only the pejabat penilai of %(ev)s (%(penilai)s) or the BKD "
            "admin can %(action)s it.",
            ev=self.display_name,
            penilai=self.pejabat_penilai_id.name or "-",
            action=verb,
        )

    def _periodic_evaluations(self):
        """The periodic evaluations the year's result weighs, oldest first: for
        the annual evaluation, those of every SKP of the employee's year, each
        calendar month once (DOMAIN §2: several SKP in one year, one annual
        predikat); otherwise those of the same SKP."""
        self.ensure_one()
        if self.periode != "tahunan":
            return self.skp_id.evaluasi_ids.filtered(
                lambda e: e.periode != "tahunan" and e.id != self.id
            ).sorted(lambda e: (e.date_start, e.id))
        skps = self._skp_tahun()
        # read by the system: the annual evaluation (which the caller reads) weighs
        # periods rated by an earlier pejabat penilai too; only derived values
        # (the suggestion, the average, the list of periods) are shown
        periodic = skps.evaluasi_ids.filtered(lambda e: e.periode != "tahunan")
        return periodic._counted_once(skps).sorted(lambda e: (e.date_start, e.id))

    # ------------------------------------------------------------------- actions
    def action_ajukan(self):
        """draft -> diajukan, by the employee (or HR)."""
        self._workflow_check("ajukan")
        today = fields.Date.context_today(self)
        self._workflow_write({"state": "diajukan", "tanggal_diajukan": today})
        batch.close_activities(self, ["hr_skp_asn.mail_act_evaluasi_realisasi"])
        # one activity per evaluation (its note in the penilai's language), one
        # (queued) notification per penilai
        batch.schedule_activities(
            self.sudo(),
            "hr_skp_asn.mail_act_evaluasi_penilaian",
            lambda ev: ev.pejabat_penilai_id.user_id,
            lambda ev: ev.env._("Please rate %(ev)s.", ev=ev.display_name),
            subject=self.env._("Evaluations to rate"),
            intro=self.env._("These evaluations were submitted for your rating:"),
        )
        return True

    def action_nilai(self):
        """diajukan -> dinilai: both ratings set by the pejabat penilai."""
        self._workflow_check("nilai")
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
        self._workflow_write({"state": "dinilai"})
        batch.close_activities(self, ["hr_skp_asn.mail_act_evaluasi_penilaian"])
        return True

    def action_tetapkan(self):
        """dinilai -> ditetapkan: the predikat is set; the keberatan window opens."""
        self._workflow_check("tetapkan")
        self._check_rating_pimpinan()
        self._workflow_write(
            {
                "state": "ditetapkan",
                "tanggal_ditetapkan": fields.Date.context_today(self),
                "ditetapkan_oleh_id": self.env.user.id,
            }
        )
        # the chatter line of every evaluation in one insert, each written in its
        # employee's language; each employee notified once for the batch, e-mail
        # queued
        bodies = {}
        for ev in self:
            env = in_lang(ev, ev.employee_id.user_id).env
            predikat = dict(self._fields["predikat"]._description_selection(env))
            bodies[ev.id] = env._(
                "Predikat kinerja set: %(predikat)s. A keberatan can be filed "
                "until "
                "%(date)s.",
                predikat=predikat.get(ev.predikat, "-"),
                date=ev.batas_keberatan,
            )
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
        self._workflow_check("return")
        if not alasan:
            return self._workflow_ask_reason("action_kembalikan")
        self._workflow_write(
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
        self._workflow_check("reopen")
        if not alasan:
            return self._workflow_ask_reason("action_buka_kembali")
        self._workflow_write(
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
        self._workflow_check("rate")
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
        self._workflow_check("fill")
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
        if not logs:
            return
        logs_by_skp = defaultdict(list)
        for log in logs:
            logs_by_skp[log.skp_id.id].append(log.id)
        for ev in self.filtered(lambda e: e.skp_id.id in logs_by_skp):
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
                line._workflow_write(vals)

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

    def _cron_remind_realisasi(self):
        """Evaluations of every ended period (created when missing), and an activity
        for the employee whose realisasi is not submitted N days after the period.
        Not for an SKP that is closed (selesai) or cancelled, nor for a period that
        a later evaluation of the same SKP has already rated.

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
            candidates = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "draft"),
                    ("periode", "!=", "tahunan"),
                    ("date_end", "<", today - timedelta(days=days)),
                    ("employee_id.user_id", "!=", False),
                    ("skp_id.state", "=", "disetujui"),
                ],
                order="id",
            )
            rated = defaultdict(list)  # skp id -> periods rated (dinilai/ditetapkan)
            for ev in self.search(
                [
                    ("skp_id", "in", candidates.skp_id.ids),
                    ("state", "in", ("dinilai", "ditetapkan")),
                ]
            ):
                rated[ev.skp_id.id].append((ev.date_start, ev.date_end))
            late = candidates.filtered(
                lambda e, rated=rated: (
                    not any(
                        start <= e.date_start and e.date_end <= end
                        for start, end in rated[e.skp_id.id]
                    )
                )
            )
            batch.schedule_once(
                late,
                "hr_skp_asn.mail_act_evaluasi_realisasi",
                lambda e: e.employee_id.user_id,
                lambda e: e.env._(
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
        penilai (not on a cancelled SKP)."""
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
                    ("skp_id.state", "!=", "batal"),
                    *since,
                ],
                order="id",
            )
            batch.schedule_once(
                waiting,
                "hr_skp_asn.mail_act_evaluasi_penilaian",
                lambda e: e.pejabat_penilai_id.user_id,
                lambda e: e.env._(
                    "%(ev)s is waiting for your rating.", ev=e.display_name
                ),
                subject=self.env._("Evaluations to rate"),
                intro=self.env._("These evaluations are waiting for your rating:"),
            )
        return True
