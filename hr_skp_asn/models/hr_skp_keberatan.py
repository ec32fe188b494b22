"""Keberatan (DOMAIN §3.5, PP 30/2019 Pasal 59).

The pegawai objects to a ditetapkan predikat within the window (company setting,
default 14 days); the pejabat penilai explains; the atasan pejabat penilai (or the
BKD admin) decides, and that decision is final. An upheld (``diterima``) keberatan
sets the evaluation's predikat; the old one stays in this record and in the
evaluation's tracking history.
"""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .. import rules
from .common import (
    PREDIKAT,
    RATING,
    in_lang,
    post_message,
    schedule_activity,
)

KEBERATAN_STATE = [("diajukan", "Diajukan"), ("diputus", "Diputus")]
KEPUTUSAN = [
    ("diterima", "Diterima (predikat changed)"),
    ("ditolak", "Ditolak (upheld)"),
]
PREDIKAT_KEYS = tuple(key for key, _label in PREDIKAT)
# what users write on a keberatan (each checked by role below); the rest (state,
# dates, the predikat and ratings before) is set by create() and action_putuskan()
DECISION_FIELDS = {
    "keputusan",
    "predikat_baru",
    "rating_hasil_kerja_baru",
    "rating_perilaku_baru",
    "catatan_keputusan",
}
USER_FIELDS = {"alasan", "penjelasan_penilai"} | DECISION_FIELDS
# set when it is filed and decided, never by a user's write()
SYSTEM_FIELDS = {
    "evaluasi_id",
    "tanggal",
    "predikat_lama",
    "rating_hasil_kerja_lama",
    "rating_perilaku_lama",
    "tanggal_putusan",
    "state",
}


class HrSkpKeberatan(models.Model):
    _name = "hr.skp.keberatan"
    _description = "Keberatan atas Hasil Evaluasi Kinerja"
    _inherit = ["mail.thread", "mail.activity.mixin", "hr.skp.workflow.mixin"]
    _order = "id desc"
    _mail_post_access = "read"

    # who may do what (hr.skp.workflow.mixin): the pegawai objects, the pejabat
    # penilai explains, the atasan pejabat penilai (or the BKD admin) decides
    _workflow_permissions = {
        "alasan": [{"states": ("diajukan",), "roles": ("own", "admin")}],
        "explain": [{"states": ("diajukan",), "roles": ("penilai", "admin")}],
        "decide": [{"states": ("diajukan",), "roles": ("atasan", "admin")}],
    }
    _workflow_system_fields = SYSTEM_FIELDS
    _workflow_user_fields = USER_FIELDS
    _workflow_create_fields = {"evaluasi_id"}
    _workflow_field_permissions = dict(
        {"alasan": "alasan", "penjelasan_penilai": "explain"},
        **dict.fromkeys(DECISION_FIELDS, "decide"),
    )
    _workflow_flags = {
        "is_own": "role:own",
        "is_penilai": "role:penilai",
        "can_explain": "explain",
        "can_decide": "decide",
    }

    evaluasi_id = fields.Many2one(
        "hr.skp.evaluasi",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', '=', 'ditetapkan')]",
    )
    employee_id = fields.Many2one(
        related="evaluasi_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="evaluasi_id.company_id", store=True)
    skp_id = fields.Many2one(related="evaluasi_id.skp_id", store=True)
    pejabat_penilai_id = fields.Many2one(
        related="evaluasi_id.pejabat_penilai_id", store=True
    )
    atasan_pejabat_penilai_id = fields.Many2one(
        related="evaluasi_id.atasan_pejabat_penilai_id", store=True
    )
    tanggal = fields.Date(
        string="Filed On", default=fields.Date.context_today, readonly=True, copy=False
    )
    alasan = fields.Text(string="Alasan Keberatan", required=True, tracking=True)
    penjelasan_penilai = fields.Text(string="Penjelasan Pejabat Penilai", tracking=True)
    predikat_lama = fields.Selection(PREDIKAT, string="Predikat Before", readonly=True)
    rating_hasil_kerja_lama = fields.Selection(RATING, readonly=True)
    rating_perilaku_lama = fields.Selection(RATING, readonly=True)
    keputusan = fields.Selection(KEPUTUSAN, tracking=True)
    rating_hasil_kerja_baru = fields.Selection(
        RATING, help="Optional: the atasan's new rating hasil kerja."
    )
    rating_perilaku_baru = fields.Selection(
        RATING, help="Optional: the atasan's new rating perilaku."
    )
    predikat_baru = fields.Selection(
        PREDIKAT,
        tracking=True,
        help="The predikat after an upheld keberatan; computed from the new ratings "
        "when they are given.",
    )
    catatan_keputusan = fields.Text(string="Keputusan Atasan Pejabat Penilai")
    tanggal_putusan = fields.Date(readonly=True, copy=False)
    state = fields.Selection(
        KEBERATAN_STATE, default="diajukan", required=True, tracking=True, copy=False
    )
    # what the current user may do (hr.skp.workflow.mixin)
    is_own = fields.Boolean(compute="_compute_workflow_flags")
    is_penilai = fields.Boolean(compute="_compute_workflow_flags")
    can_explain = fields.Boolean(compute="_compute_workflow_flags")
    can_decide = fields.Boolean(compute="_compute_workflow_flags")

    def _predikat_from_new_ratings(self):
        self.ensure_one()
        if not (self.rating_hasil_kerja_baru or self.rating_perilaku_baru):
            return False
        hasil = self.rating_hasil_kerja_baru or self.rating_hasil_kerja_lama
        perilaku = self.rating_perilaku_baru or self.rating_perilaku_lama
        if hasil and perilaku:
            return rules.predikat_kinerja(hasil, perilaku)
        return False

    @api.onchange("rating_hasil_kerja_baru", "rating_perilaku_baru")
    def _onchange_rating_baru(self):
        predikat = self._predikat_from_new_ratings()
        if predikat:
            self.predikat_baru = predikat

    @api.depends("evaluasi_id")
    def _compute_display_name(self):
        for keberatan in self:
            keberatan.display_name = self.env._(
                "Keberatan - %(ev)s", ev=keberatan.evaluasi_id.display_name or ""
            )

    # ---------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        today = fields.Date.context_today(self)
        trusted = self._workflow_trusted()
        for vals in vals_list:
            self._check_keys(vals)
            if not trusted:
                self._workflow_check_fields(vals, create=True)
            evaluasi = self.env["hr.skp.evaluasi"].browse(vals.get("evaluasi_id"))
            roles = evaluasi._workflow_roles().get(evaluasi.id, set())
            if not evaluasi.exists():
                raise UserError(self.env._("A keberatan needs an evaluation."))
            if evaluasi.state != "ditetapkan":
                raise UserError(
                    self.env._(
                        "%(ev)s is not ditetapkan yet: there is nothing to object to.",
                        ev=evaluasi.display_name,
                    )
                )
            if not trusted and not roles & {"own", "admin"}:
                raise AccessError(
                    self.env._("Only the employee evaluated can file a keberatan.")
                )
            if evaluasi.batas_keberatan and today > evaluasi.batas_keberatan:
                raise UserError(
                    self.env._(
                        "The keberatan window of %(ev)s closed on %(date)s.",
                        ev=evaluasi.display_name,
                        date=evaluasi.batas_keberatan,
                    )
                )
            if evaluasi.keberatan_ids:
                raise UserError(
                    self.env._(
                        "A keberatan was already filed against %(ev)s.",
                        ev=evaluasi.display_name,
                    )
                )
            if not (vals.get("alasan") or "").strip():
                raise UserError(self.env._("A keberatan needs its reasons."))
            if (
                {"keputusan", "predikat_baru", "penjelasan_penilai"} & set(vals)
                and not trusted
                and "admin" not in roles
            ):
                raise AccessError(
                    self.env._(
                        "The explanation and the decision come later, from the penilai "
                        "and the atasan."
                    )
                )
            vals.update(
                predikat_lama=evaluasi.predikat,
                rating_hasil_kerja_lama=evaluasi.rating_hasil_kerja,
                rating_perilaku_lama=evaluasi.rating_perilaku,
                state="diajukan",
                tanggal=today,
            )
        records = super().create(vals_list)
        for keberatan in records:
            ev = keberatan.evaluasi_id
            people = ev.sudo()  # followers, after the checks (a portal user files too)
            partners = (
                people.employee_id.user_id.partner_id
                | people.pejabat_penilai_id.user_id.partner_id
                | people.atasan_pejabat_penilai_id.user_id.partner_id
            )
            keberatan.sudo().message_subscribe(partner_ids=partners.ids)
            if people.pejabat_penilai_id.user_id:
                schedule_activity(
                    keberatan,
                    "hr_skp_asn.mail_act_keberatan_penjelasan",
                    people.pejabat_penilai_id.user_id,
                )
            for decider in keberatan.sudo()._decision_users():
                schedule_activity(
                    keberatan, "hr_skp_asn.mail_act_keberatan_putusan", decider
                )
            post_message(
                ev,
                body=self.env._("Keberatan filed: %(reason)s", reason=keberatan.alasan),
                subtype_xmlid="mail.mt_note",
            )
        return records

    def _decision_users(self):
        """Who decides: the atasan pejabat penilai; without one (or without a user),
        the BKD admins (group_skp_admin) of the company."""
        self.ensure_one()
        atasan = self.atasan_pejabat_penilai_id.user_id
        if atasan:
            return atasan
        company = self.company_id or self.env.company
        return (
            self.env.ref("hr_skp_asn.group_skp_admin")
            .sudo()
            .users.filtered(lambda u: not u.share and company in u.company_ids)
        )

    def write(self, vals):
        self._check_keys(vals)
        if not self._workflow_trusted():
            self._workflow_guard_write(vals)
        res = super().write(vals)
        if "penjelasan_penilai" in vals:
            self.sudo().activity_feedback(["hr_skp_asn.mail_act_keberatan_penjelasan"])
        return res

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "%(fields)s of a keberatan cannot be written: the status, the "
            "dates and the result before are set when it is filed and "
            "decided.",
            fields=labels,
        )

    def _workflow_refusal(self, permission, verdict, roles):
        self.ensure_one()
        _ = self.env._
        if verdict == "state":
            return _("The keberatan is decided: the decision is final.")
        if permission == "alasan":
            return _("Only the employee writes the reasons.")
        if permission == "explain":
            return _("The explanation is written by the pejabat penilai.")
        return _(
            "Only the atasan pejabat penilai (%(name)s) or the BKD admin can "
            "decide this keberatan.",
            name=self.atasan_pejabat_penilai_id.name or "-",
        )

    @api.model
    def _check_keys(self, vals):
        for fname, keys in (
            ("predikat_baru", PREDIKAT_KEYS),
            ("keputusan", ("diterima", "ditolak")),
            ("rating_hasil_kerja_baru", ("di_atas", "sesuai", "di_bawah")),
            ("rating_perilaku_baru", ("di_atas", "sesuai", "di_bawah")),
        ):
            if vals.get(fname) and vals[fname] not in keys:
                raise ValidationError(
                    self.env._(
                        "Unknown %(field)s %(value)s; use one of: %(keys)s.",
                        field=fname,
                        value=repr(vals[fname]),
                        keys=", ".join(keys),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_never_decided(self):
        if any(k.state == "diputus" for k in self) and not self._workflow_trusted():
            raise UserError(self.env._("A decided keberatan is kept."))

    # ------------------------------------------------------------------- actions
    def action_putuskan(self):
        """The atasan pejabat penilai decides; a ``diterima`` decision sets the
        predikat."""
        for keberatan in self:
            if keberatan.state != "diajukan":
                raise UserError(self.env._("This keberatan is already decided."))
            keberatan._workflow_check("decide")
            if not keberatan.keputusan:
                raise UserError(
                    self.env._("Choose the decision first (diterima or ditolak).")
                )
            computed = keberatan._predikat_from_new_ratings()
            if keberatan.keputusan == "diterima" and computed:
                keberatan.predikat_baru = computed
            if keberatan.keputusan == "diterima" and not keberatan.predikat_baru:
                raise UserError(
                    self.env._(
                        "An upheld keberatan needs the new predikat (or new ratings)."
                    )
                )
            ev = keberatan.evaluasi_id
            if keberatan.keputusan == "diterima":
                vals = {"predikat_keberatan": keberatan.predikat_baru}
                if keberatan.rating_hasil_kerja_baru:
                    vals["rating_hasil_kerja"] = keberatan.rating_hasil_kerja_baru
                if keberatan.rating_perilaku_baru:
                    vals["rating_perilaku"] = keberatan.rating_perilaku_baru
                # the atasan's final decision, checked above: written as the
                # system (a unit leader's rating may differ from the unit's)
                ev._workflow_write(vals)
            keberatan._workflow_write(
                {"state": "diputus", "tanggal_putusan": fields.Date.context_today(self)}
            )
            # written to the employee: in their language
            env = in_lang(ev, ev.employee_id.user_id).env
            labels = dict(ev._fields["predikat"]._description_selection(env))
            keputusan = dict(self._fields["keputusan"]._description_selection(env))
            post_message(
                ev,
                body=env._(
                    "Keberatan decided (%(keputusan)s): predikat %(old)s → %(new)s.",
                    keputusan=keputusan[keberatan.keputusan],
                    old=labels.get(keberatan.predikat_lama, "-"),
                    new=labels.get(ev.predikat, "-"),
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=ev.employee_id.user_id.partner_id.ids,
            )
        self.sudo().activity_feedback(
            [
                "hr_skp_asn.mail_act_keberatan_putusan",
                "hr_skp_asn.mail_act_keberatan_penjelasan",
            ]
        )
        return True
