"""Capaian kinerja organisasi and pola distribusi (DOMAIN §3.3, SE MenPANRB 3/2023).

The unit's pegawai are those under its leader (SE MenPANRB 3/2023): the
department's own staff and the leaders (``manager_id``) of its direct sub-units,
the unit's own leader excluded, each counted once (``rules.pegawai_unit``). Their
evaluations counted are those of the same ``periode`` lying inside this record's
dates, in state ``dinilai`` or ``ditetapkan`` (rated by the pejabat penilai), one
per pegawai (a month split between two SKP counts once). The kalkulator on the
forms and ``check_distribusi`` count the same pegawai. The counting runs with the
caller's rights: pengelola and BKD admin see the whole unit, and so does the
leader above who sets it (as pejabat penilai or atasan of its pegawai).

The capaian is set by the leader of the organisation above the unit (for a unit
at the top, the instansi's pejabat pembina kepegawaian): ``penetap_id``. Their
user may set it; HR may enter it on their behalf, the record keeping for whom.
"""

import logging

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import rules
from .common import (
    PERIODE,
    PREDIKAT,
    PREDIKAT_ORGANISASI,
    RATING,
    periode_label,
    post_message,
    render_table,
)

_logger = logging.getLogger(__name__)

COUNTED_STATES = ("dinilai", "ditetapkan")
# set by action_tetapkan() / action_draft() only, never by a user's write()
SYSTEM_FIELDS = {"state", "override", "tanggal_ditetapkan", "ditetapkan_oleh_id"}


class HrSkpCapaianOrganisasi(models.Model):
    _name = "hr.skp.capaian.organisasi"
    _description = "Capaian Kinerja Organisasi"
    _inherit = ["mail.thread", "hr.skp.workflow.mixin"]
    _order = "date_start desc, department_id, id desc"

    # who may do what (hr.skp.workflow.mixin): the unit's pengelola kinerja and
    # the BKD admin set the unit's predikat; it changes again only after a reset
    # the leader above who sets the unit's capaian (SE MenPANRB 3/2023)
    _workflow_role_paths = {"penetap": "penetap_id"}
    _workflow_unit_path = "department_id"
    _workflow_permissions = {
        "edit": [{"states": ("draft",), "roles": ("pengelola", "penetap")}],
        "set": [{"states": ("draft",), "roles": ("pengelola", "penetap")}],
        "reset": [{"states": ("ditetapkan",), "roles": ("pengelola",)}],
    }
    _workflow_system_fields = SYSTEM_FIELDS
    _workflow_create_fields = {"date_start", "date_end"}
    _workflow_default_permission = "edit"
    _workflow_flags = {"can_set": "set", "can_reset": "reset"}

    department_id = fields.Many2one(
        "hr.department", required=True, index=True, tracking=True, string="Unit Kerja"
    )
    company_id = fields.Many2one(
        related="department_id.company_id", store=True, index=True
    )
    pimpinan_id = fields.Many2one(
        related="department_id.manager_id", string="Pimpinan Unit"
    )
    penetap_id = fields.Many2one(
        "hr.employee",
        string="Set by (Leader Above)",
        compute="_compute_penetap_id",
        store=True,
        readonly=False,
        tracking=True,
        help="SE MenPANRB 3/2023: the capaian kinerja organisasi of a unit is set by "
        "the leader of the organisation above it (for the instansi, its pejabat "
        "pembina kepegawaian). Their user may set it; HR may enter it on their "
        "behalf.",
    )
    mayoritas = fields.Selection(
        related="company_id.skp_distribusi_mayoritas", string="Reading of 'Most'"
    )
    year = fields.Integer(
        required=True, default=lambda self: fields.Date.context_today(self).year
    )
    periode = fields.Selection(
        PERIODE,
        required=True,
        default=lambda self: self.env.company.skp_evaluasi_periode or "bulanan",
    )
    periode_ke = fields.Integer(string="Period Number", default=1)
    date_start = fields.Date(
        compute="_compute_dates", store=True, precompute=True, required=True
    )
    date_end = fields.Date(
        compute="_compute_dates", store=True, precompute=True, required=True
    )
    predikat_organisasi = fields.Selection(
        PREDIKAT_ORGANISASI, required=True, tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("ditetapkan", "Ditetapkan")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    alasan_override = fields.Text(
        string="Reason for an Unlawful Distribution",
        tracking=True,
        help="Needed to set a distribution that does not follow the pola distribusi, "
        "when the company allows it.",
    )
    override = fields.Boolean(
        string="Set Despite the Pola Distribusi", readonly=True, copy=False
    )
    override_allowed = fields.Boolean(
        related="company_id.skp_distribusi_override",
        string="Override Allowed",
        help="The company allows setting an unlawful distribution with a reason.",
    )
    tanggal_ditetapkan = fields.Date(readonly=True, copy=False)
    ditetapkan_oleh_id = fields.Many2one("res.users", readonly=True, copy=False)
    # what the current user may do (hr.skp.workflow.mixin)
    can_set = fields.Boolean(compute="_compute_workflow_flags")
    can_reset = fields.Boolean(compute="_compute_workflow_flags")
    evaluasi_ids = fields.Many2many(
        "hr.skp.evaluasi", compute="_compute_distribusi", string="Evaluations Counted"
    )
    jumlah_pegawai = fields.Integer(
        compute="_compute_distribusi", string="Pegawai Rated"
    )
    count_sangat_baik = fields.Integer(
        compute="_compute_distribusi", string="Sangat Baik"
    )
    count_baik = fields.Integer(compute="_compute_distribusi", string="Baik")
    count_butuh_perbaikan = fields.Integer(
        compute="_compute_distribusi", string="Butuh Perbaikan"
    )
    count_kurang = fields.Integer(
        compute="_compute_distribusi", string="Kurang/Misconduct"
    )
    count_sangat_kurang = fields.Integer(
        compute="_compute_distribusi", string="Sangat Kurang"
    )
    sesuai_pola = fields.Boolean(compute="_compute_distribusi", string="Lawful")
    pelanggaran = fields.Text(compute="_compute_distribusi", string="Violations")
    distribusi_html = fields.Html(
        compute="_compute_distribusi", sanitize=False, string="Distribusi"
    )
    kuadran_html = fields.Html(
        compute="_compute_distribusi", sanitize=False, string="Nine-box"
    )

    _sql_constraints = [
        (
            "periode_unique",
            "UNIQUE(department_id, periode, date_start)",
            "The unit already has a capaian kinerja organisasi for this period.",
        ),
        (
            "date_order",
            "CHECK(date_start <= date_end)",
            "The period must start before it ends.",
        ),
    ]

    @api.depends("year", "periode", "periode_ke")
    def _compute_dates(self):
        for org in self:
            if not org.year or not org.periode:
                continue
            max_ke = 12 // rules.PERIODE_MONTHS[org.periode]
            if 1 <= (org.periode_ke or 1) <= max_ke:
                org.date_start, org.date_end = rules.period_bounds(
                    org.periode, org.year, org.periode_ke or 1
                )

    @api.depends("department_id.parent_id.manager_id", "department_id.company_id")
    def _compute_penetap_id(self):
        """The leader of the organisation above; for a unit at the top, the
        company's pejabat pembina kepegawaian (DOMAIN §3.3)."""
        tops = self.department_id.filtered(lambda d: not d.parent_id)
        ppk = {}
        if tops:
            for employee in (
                self.env["hr.employee"]
                .sudo()
                .search(
                    [
                        ("is_pejabat_pembina_kepegawaian", "=", True),
                        ("company_id", "in", tops.company_id.ids),
                    ],
                    order="id",
                )
            ):
                ppk.setdefault(employee.company_id.id, employee.id)
        for org in self:
            department = org.department_id
            if department.parent_id:
                org.penetap_id = department.parent_id.manager_id
            else:
                org.penetap_id = ppk.get(department.company_id.id, False)

    @api.depends("department_id", "periode", "periode_ke", "year")
    def _compute_display_name(self):
        for org in self:
            org.display_name = self.env._(
                "Capaian Organisasi %(unit)s - %(periode)s",
                unit=org.department_id.name or "",
                periode=periode_label(
                    self.env, org.periode, org.periode_ke or 1, org.year or ""
                ),
            )

    def _evaluations(self, states=COUNTED_STATES):
        """The unit's rated evaluations of the period: one per pegawai of the unit
        (own staff and leaders of direct sub-units), the unit head excluded."""
        self.ensure_one()
        return self._unit_evaluations(
            self.department_id, self.periode, self.date_start, self.date_end, states
        )

    @api.model
    def _unit_evaluations(
        self, department, periode, date_start, date_end, states=COUNTED_STATES
    ):
        """Evaluations of the unit's pegawai for a period (DOMAIN §3.3, SE MenPANRB
        3/2023): the unit's own staff and the leaders of its direct sub-units, the
        unit's leader excluded, one evaluation per pegawai (``rules.pegawai_unit``;
        a month split between two SKP counts once, for the SKP covering more of
        it). Works whether or not the unit has a capaian record (the kalkulator
        while rating, the nine-box). ``states`` None: every state."""
        Evaluasi = self.env["hr.skp.evaluasi"]
        if not (department and periode and date_start and date_end):
            return Evaluasi
        sub_leaders = (
            self.env["hr.department"]
            .sudo()
            .search([("parent_id", "=", department.id)])
            .manager_id
        )
        domain = [
            ("periode", "=", periode),
            ("date_start", ">=", date_start),
            ("date_end", "<=", date_end),
            "|",
            ("department_id", "=", department.id),
            ("employee_id", "in", sub_leaders.ids),
        ]
        if states:
            domain.append(("state", "in", list(states)))
        evaluations = Evaluasi.search(domain)
        staff = evaluations.filtered(lambda e: e.department_id == department)
        pegawai = set(
            rules.pegawai_unit(
                staff.employee_id.ids, sub_leaders.ids, department.manager_id.id
            )
        )
        return evaluations.filtered(
            lambda e: e.employee_id.id in pegawai
        )._satu_per_pegawai()

    @api.depends(
        "department_id", "periode", "date_start", "date_end", "predikat_organisasi"
    )
    def _compute_distribusi(self):
        for org in self:
            evaluations = org._evaluations()
            predikat_list = evaluations.mapped("predikat")
            counts = rules.count_predikat(predikat_list)
            org.evaluasi_ids = evaluations
            org.jumlah_pegawai = sum(counts.values())
            for key, _label in PREDIKAT:
                org[f"count_{key}"] = counts[key]
            violations = org._violations(counts) if org.predikat_organisasi else []
            org.sesuai_pola = not violations
            org.pelanggaran = "\n".join(v["message"] for v in violations) or False
            org.distribusi_html = org._render_distribusi_html(counts, violations)
            org.kuadran_html = org._render_kuadran_html(evaluations)

    def _mayoritas(self):
        """How the company reads "most" (DOMAIN §3.3; SE MenPANRB 3/2023)."""
        company = self.company_id or self.env.company
        return company.skp_distribusi_mayoritas or "terbanyak"

    def _violations(self, counts):
        """rules.check_distribusi_counts, its messages translated (DOMAIN §3.3)."""
        self.ensure_one()
        result = []
        for violation in rules.check_distribusi_counts(
            self.predikat_organisasi, counts, self._mayoritas()
        ):
            # the English text is marked for export in rules.py (VIOLATION_MESSAGES)
            template = rules.VIOLATION_MESSAGES[violation["code"]]
            params = violation["params"]
            message = self.env._(template, **params)
            result.append(dict(violation, message=message))
        return result

    def _render_distribusi_html(self, counts=None, violations=None):
        """Counts per predikat beside the allowed numbers (kalkulator distribusi).

        Evaluations still ``diajukan`` whose ratings are already entered are shown
        as *in progress* and counted in the allowed numbers and the check shown
        here: the pejabat penilai sees where the ratings being given lead.
        ``check_distribusi()`` and ``action_tetapkan()`` count only the rated ones.
        """
        self.ensure_one()
        if not self.predikat_organisasi:
            return False
        if counts is None:
            counts = rules.count_predikat(self._evaluations().mapped("predikat"))
        progress = rules.count_predikat(
            self._evaluations(states=("diajukan",)).mapped("predikat")
        )
        n_progress = sum(progress.values())
        total = {key: counts[key] + progress[key] for key, _label in PREDIKAT}
        n = sum(total.values())
        kalkulator = rules.kalkulator_distribusi(
            self.predikat_organisasi, n, self._mayoritas()
        )
        if violations is None or n_progress:
            violations = self._violations(total)
        rows = []
        for key, label in PREDIKAT:
            bounds = kalkulator[key]
            ok = bounds["min"] <= total[key] <= bounds["max"]
            pct = f"{total[key] * 100 / n:.1f}%" if n else "-"
            row = [label, str(counts[key])]
            if n_progress:
                row.append(str(progress[key]))
            row += [
                pct,
                f"{bounds['min']} – {bounds['max']}",
                Markup('<td class="%s">%s</td>')
                % ("text-success" if ok else "text-danger", "✔" if ok else "✘"),
            ]
            rows.append(row)
        header = [self.env._("Predikat"), self.env._("Current")]
        if n_progress:
            header.append(self.env._("In progress (diajukan)"))
        header += [self.env._("Share"), self.env._("Allowed (N = %(n)s)", n=n), ""]
        html = render_table(header, rows)
        status = (
            Markup('<p class="text-success">%s</p>')
            % self.env._("The distribution follows the pola distribusi.")
            if not violations
            else Markup('<ul class="text-danger">%s</ul>')
            % Markup("").join(
                Markup("<li>%s</li>") % escape(v["message"]) for v in violations
            )
        )
        if n_progress:
            status = (
                Markup('<p class="text-info">%s</p>')
                % self.env._(
                    "%(count)s evaluations in progress (diajukan, ratings entered) "
                    "are counted here as if rated; the unit's predikat is set on the "
                    "rated ones (dinilai, ditetapkan) only.",
                    count=n_progress,
                )
                + status
            )
        note = Markup('<p class="text-muted small">%s</p>') % kalkulator["note"]
        return html + status + note

    @api.model
    def _render_kalkulator_semua_html(self, counts, n, company=None):
        """The kalkulator before the unit's capaian exists (DOMAIN §3.3): for the
        unit's N pegawai, the allowed numbers of each predikat under each of the
        five predikat organisasi, side by side, beside the predikat given so far."""
        mayoritas = (company or self.env.company).skp_distribusi_mayoritas or (
            "terbanyak"
        )
        calcs = [
            rules.kalkulator_distribusi(org, n, mayoritas)
            for org, _label in PREDIKAT_ORGANISASI
        ]
        header = [self.env._("Predikat"), self.env._("Given so far")] + [
            self.env._("If %(org)s", org=label) for _key, label in PREDIKAT_ORGANISASI
        ]
        rows = []
        for key, label in PREDIKAT:
            row = [label, str(counts[key])]
            for calc in calcs:
                bounds = calc[key]
                row.append(
                    f"{bounds['min']} – {bounds['max']}" if calc["feasible"] else "–"
                )
            rows.append(row)
        note = Markup('<p class="text-muted small">%s</p>') % self.env._(
            "The unit's capaian kinerja organisasi for this period is not set yet: "
            "the allowed number of pegawai per predikat for each predikat "
            "organisasi it may get (N = %(n)s pegawai of the unit: its staff and "
            "the leaders of its direct sub-units, the leader excluded; SE MenPANRB "
            "3/2023). A dash: no lawful distribution for a unit of this size.",
            n=n,
        )
        return render_table(header, rows) + note

    def _render_kuadran_html(self, evaluations):
        """Nine-box: the 3x3 kuadran kinerja, rating hasil kerja (rows) x rating
        perilaku (columns), with the number and the names of the pegawai in each
        cell (DOMAIN §3.2)."""
        counts = {}
        names = {}
        for ev in evaluations:
            key = (ev.rating_hasil_kerja, ev.rating_perilaku)
            counts[key] = counts.get(key, 0) + 1
            names.setdefault(key, []).append(ev.employee_id.name or "")
        rating_labels = dict(RATING)
        predikat_labels = dict(PREDIKAT)
        columns = ("di_bawah", "sesuai", "di_atas")
        header = [self.env._("Hasil kerja \\ Perilaku")] + [
            rating_labels[c] for c in columns
        ]
        rows = []
        for hasil in ("di_atas", "sesuai", "di_bawah"):
            row = [rating_labels[hasil]]
            for perilaku in columns:
                predikat = rules.predikat_kinerja(hasil, perilaku)
                people = Markup("").join(
                    Markup('<div class="small">%s</div>') % name
                    for name in sorted(names.get((hasil, perilaku), []))
                )
                row.append(
                    Markup(
                        '<td class="o_skp_kuadran_%s"><strong>%s</strong> – %s%s</td>'
                    )
                    % (
                        predikat,
                        counts.get((hasil, perilaku), 0),
                        predikat_labels[predikat],
                        people,
                    )
                )
            rows.append(row)
        return render_table(header, rows)

    # --------------------------------------------------------------- public API
    def check_distribusi(self):
        """Violations of the pola distribusi (DOMAIN §3.3).

        A list of ``{'code', 'message', 'params'}`` (messages translated).

        Empty when the distribution is lawful. On several records, the
        violations of all of them.
        """
        result = []
        for org in self:
            counts = rules.count_predikat(org._evaluations().mapped("predikat"))
            result += org._violations(counts)
        return result

    @api.model
    def get_kalkulator_distribusi(self, predikat_organisasi, n, mayoritas=None):
        """Allowed number of pegawai per predikat for a unit of ``n`` (DOMAIN §3.3,
        SE MenPANRB 3/2023); ``mayoritas`` defaults to the company's reading of
        "most"."""
        if predikat_organisasi not in dict(PREDIKAT_ORGANISASI):
            raise ValidationError(
                self.env._(
                    "Unknown predikat organisasi %(value)s.",
                    value=repr(predikat_organisasi),
                )
            )
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValidationError(self.env._("N must be a whole number, 0 or more."))
        mayoritas = mayoritas or self.env.company.skp_distribusi_mayoritas
        if mayoritas not in rules.MAYORITAS:
            raise ValidationError(
                self.env._(
                    "Unknown reading of 'most' %(value)s; use one of: %(keys)s.",
                    value=repr(mayoritas),
                    keys=", ".join(rules.MAYORITAS),
                )
            )
        return rules.kalkulator_distribusi(predikat_organisasi, n, mayoritas)

    def action_tetapkan(self):
        """Set the unit's predikat; refuses an unlawful distribution unless
        overridden."""
        self._workflow_check("set")
        for org in self:
            violations = org.check_distribusi()
            override = False
            if violations:
                if not org.company_id.skp_distribusi_override:
                    raise UserError(
                        self.env._(
                            "The distribution of predikat in %(unit)s does not follow "
                            "the pola distribusi:\n%(violations)s\n"
                            "Correct the predikat of the evaluations, or ask the BKD "
                            "admin to allow an unlawful distribution with a reason "
                            "(SKP / Kinerja → Konfigurasi → Settings).",
                            unit=org.department_id.name,
                            violations="\n".join(v["message"] for v in violations),
                        )
                    )
                if not (org.alasan_override or "").strip():
                    raise UserError(
                        self.env._(
                            "The distribution of predikat in %(unit)s does not follow "
                            "the pola distribusi; write the reason to set it anyway:"
                            "\n%(violations)s",
                            unit=org.department_id.name,
                            violations="\n".join(v["message"] for v in violations),
                        )
                    )
                override = True
            org._workflow_write(
                {
                    "state": "ditetapkan",
                    "override": override,
                    "tanggal_ditetapkan": fields.Date.context_today(self),
                    "ditetapkan_oleh_id": self.env.user.id,
                }
            )
            if org.penetap_id and org.penetap_id.user_id != self.env.user:
                post_message(
                    org,
                    body=self.env._(
                        "Entered by %(user)s on behalf of %(penetap)s.",
                        user=self.env.user.name,
                        penetap=org.penetap_id.name,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            if override:
                post_message(
                    org,
                    body=self.env._(
                        "Set despite the pola distribusi. Reason: %(reason)s",
                        reason=org.alasan_override,
                    ),
                    subtype_xmlid="mail.mt_note",
                )
            org._pimpinan_evaluations()._apply_rating_pimpinan()
        return True

    def action_draft(self):
        self._workflow_check("reset")
        self._workflow_write(
            {
                "state": "draft",
                "override": False,
                "tanggal_ditetapkan": False,
                "ditetapkan_oleh_id": False,
            }
        )
        return True

    def _pimpinan_evaluations(self):
        evaluations = self.env["hr.skp.evaluasi"]
        for org in self.filtered("department_id.manager_id"):
            evaluations |= self.env["hr.skp.evaluasi"].search(
                [
                    ("department_id", "=", org.department_id.id),
                    ("employee_id", "=", org.department_id.manager_id.id),
                    ("periode", "=", org.periode),
                    ("date_start", ">=", org.date_start),
                    ("date_end", "<=", org.date_end),
                ]
            )
        return evaluations

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "%(fields)s of a capaian kinerja organisasi cannot be written: "
            "they are set by Set / Reset to Draft or computed.",
            fields=labels,
        )

    def _workflow_refusal(self, permission, verdict, roles):
        self.ensure_one()
        if verdict == "state" and self.state == "ditetapkan":
            if permission == "set":
                return self.env._(
                    "%(org)s is already ditetapkan.", org=self.display_name
                )
            return self.env._(
                "%(org)s is ditetapkan: reset it to draft to change it.",
                org=self.display_name,
            )
        return super()._workflow_refusal(permission, verdict, roles)

    def write(self, vals):
        if not self._workflow_trusted():
            self._workflow_guard_write(vals)
        res = super().write(vals)
        if "predikat_organisasi" in vals:
            self._pimpinan_evaluations()._apply_rating_pimpinan()
        return res

    @api.model_create_multi
    def create(self, vals_list):
        trusted = self._workflow_trusted()
        for vals in vals_list:
            if not trusted:
                self._workflow_check_fields(vals, create=True)
            periode = vals.get("periode") or self.env.company.skp_evaluasi_periode
            given = (
                fields.Date.to_date(vals.pop("date_start", False) or None),
                fields.Date.to_date(vals.pop("date_end", False) or None),
            )
            if given[0] and not vals.get("periode_ke"):
                vals["periode_ke"] = rules.periode_ke_of(periode, given[0])
            ke = vals.get("periode_ke") or 1
            year = vals.get("year") or fields.Date.context_today(self).year
            if (
                periode not in rules.PERIODE_MONTHS
                or not 1 <= ke <= 12 // rules.PERIODE_MONTHS[periode]
            ):
                raise ValidationError(
                    self.env._("Period number %(ke)s does not exist.", ke=ke)
                )
            start, end = rules.period_bounds(periode, year, ke)
            if any(given) and (given[0] or start, given[1] or end) != (start, end):
                raise UserError(
                    self.env._(
                        "The dates follow the periode and period number "
                        "(%(start)s – %(end)s); other dates cannot be set.",
                        start=start,
                        end=end,
                    )
                )
        records = super().create(vals_list)
        records._pimpinan_evaluations()._apply_rating_pimpinan()
        return records

    def action_open_ninebox(self):
        """The nine-box of this unit and period (DOMAIN §3.2)."""
        self.ensure_one()
        return self.env["hr.skp.ninebox"]._action_open(
            self.department_id, self.periode, self.year, self.periode_ke
        )

    def action_open_evaluasi(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluations"),
            "res_model": "hr.skp.evaluasi",
            "view_mode": "list,pivot,form",
            "domain": [("id", "in", self._evaluations().ids)],
            "context": {
                "pivot_row_groupby": ["rating_hasil_kerja"],
                "pivot_column_groupby": ["rating_perilaku"],
            },
        }
