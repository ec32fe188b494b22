from odoo import api, fields, models

from .. import rules
from .common import PREDIKAT, RATING

PERIODE_SETTING = [
    ("bulanan", "Bulanan"),
    ("triwulanan", "Triwulanan"),
    ("semesteran", "Semesteran"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    skp_pendekatan_default = fields.Selection(
        [("kualitatif", "Kualitatif"), ("kuantitatif", "Kuantitatif")],
        string="Default SKP Pendekatan",
        default="kualitatif",
    )
    skp_deadline_days = fields.Integer(
        string="SKP Due (days after period start)",
        default=31,
        help="An SKP not approved this many days after its period starts is late.",
    )
    skp_pppk_pw_deadline_days = fields.Integer(
        string="PPPK Paruh Waktu SKP Due (days after SK)",
        default=10,
        help="PPPK Paruh Waktu sign their SKP at the latest 10 days after receiving "
        "the SK (KepmenPANRB 16/2025).",
    )

    skp_evaluasi_periode = fields.Selection(
        PERIODE_SETTING,
        string="Periodic Evaluation",
        default="bulanan",
        required=True,
        help="Default period of the periodic evaluations (the annual one always "
        "exists).",
    )
    skp_rencana_bulanan_semua = fields.Boolean(
        string="Rencana Kinerja Bulanan for Everyone",
        help="PPPK Paruh Waktu always have a monthly plan; tick to give one to every "
        "employee of the company.",
    )
    skp_realisasi_lock_days = fields.Integer(
        string="Close Own Entry (days after period end)",
        default=0,
        help="An employee can no longer change their own realisasi this many days "
        "after the period ends. 0: never closed. HR is never locked out.",
    )
    skp_realisasi_reminder_days = fields.Integer(
        string="Remind Realisasi (days after period end)",
        default=5,
    )
    skp_penilaian_reminder_days = fields.Integer(
        string="Remind Pejabat Penilai (days after submission)",
        default=3,
    )
    skp_keberatan_days = fields.Integer(
        string="Keberatan Window (days)",
        default=rules.KEBERATAN_HARI,
        help="Days after the predikat is set during which the employee may object "
        "(PP 30/2019 Pasal 59: 14 days).",
    )
    skp_distribusi_mayoritas = fields.Selection(
        [
            ("terbanyak", "More than any other predikat"),
            ("lebih_dari_separuh", "More than half of the unit"),
        ],
        string="Pola Distribusi: Reading of 'Most'",
        default="terbanyak",
        required=True,
        help="SE MenPANRB 3/2023: 'sebagian besar' (most) pegawai have the leading "
        "predikat. By default it has more pegawai than any other predikat (a tie is "
        "not most); the instansi may require more than half of the unit instead.",
    )
    skp_pppk_pw_evaluasi_periode = fields.Selection(
        [("bulanan", "Bulanan"), ("triwulanan", "Triwulanan")],
        string="PPPK Paruh Waktu Periodic Evaluation",
        default="bulanan",
        required=True,
        help="Monthly, with the rencana kinerja bulanan (default), or quarterly "
        "(KepmenPANRB 16/2025), the months' targets and daily log feeding the "
        "quarter. The year is decided on the average of the periods.",
    )
    skp_distribusi_override = fields.Boolean(
        string="Allow an Unlawful Distribution with a Reason",
        help="Capaian organisasi can be set although the pola distribusi is not "
        "followed, when a written reason is given.",
    )
    skp_perpanjangan_min_predikat = fields.Selection(
        PREDIKAT,
        string="Perpanjangan: Minimum Predikat",
        default="baik",
        required=True,
    )
    skp_perpanjangan_min_perilaku = fields.Selection(
        RATING,
        string="Perpanjangan: Minimum Rating Perilaku",
        default="sesuai",
        required=True,
    )
    skp_tpp_rule_ids = fields.One2many(
        "hr.skp.tpp.rule", "company_id", string="TPP Kinerja Table"
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._skp_create_default_tpp_rules()
        return companies

    @api.model
    def _skp_init_tpp_rules(self):
        """Install hook (data XML): the default table for every existing company."""
        return self.search([])._skp_create_default_tpp_rules()

    def _skp_create_default_tpp_rules(self):
        """Give every company (new ones included) the default TPP kinerja table."""
        companies = self
        existing = {
            (rule.company_id.id, rule.predikat)
            for rule in self.env["hr.skp.tpp.rule"]
            .sudo()
            .search([("company_id", "in", companies.ids)])
        }
        vals_list = [
            {"company_id": company.id, "predikat": predikat, "persentase": persen}
            for company in companies
            for predikat, persen in rules.DEFAULT_TPP_PERSENTASE.items()
            if (company.id, predikat) not in existing
        ]
        self.env["hr.skp.tpp.rule"].sudo().create(vals_list)
        return True
