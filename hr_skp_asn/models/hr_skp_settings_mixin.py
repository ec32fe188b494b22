from odoo import fields, models


class HrSkpSettingsMixin(models.AbstractModel):
    """The addon's company settings as writable fields of a settings form: one
    definition for Odoo's Settings (res.config.settings, Odoo administrators) and
    the BKD admin's own page (hr.skp.settings)."""

    _name = "hr.skp.settings.mixin"
    _description = "SKP Settings Fields"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    skp_pendekatan_default = fields.Selection(
        related="company_id.skp_pendekatan_default", readonly=False
    )
    skp_deadline_days = fields.Integer(
        related="company_id.skp_deadline_days", readonly=False
    )
    skp_pppk_pw_deadline_days = fields.Integer(
        related="company_id.skp_pppk_pw_deadline_days", readonly=False
    )
    skp_evaluasi_periode = fields.Selection(
        related="company_id.skp_evaluasi_periode", readonly=False
    )
    skp_rencana_bulanan_semua = fields.Boolean(
        related="company_id.skp_rencana_bulanan_semua", readonly=False
    )
    skp_realisasi_lock_days = fields.Integer(
        related="company_id.skp_realisasi_lock_days", readonly=False
    )
    skp_realisasi_reminder_days = fields.Integer(
        related="company_id.skp_realisasi_reminder_days", readonly=False
    )
    skp_penilaian_reminder_days = fields.Integer(
        related="company_id.skp_penilaian_reminder_days", readonly=False
    )
    skp_keberatan_days = fields.Integer(
        related="company_id.skp_keberatan_days", readonly=False
    )
    skp_distribusi_mayoritas = fields.Selection(
        related="company_id.skp_distribusi_mayoritas", readonly=False
    )
    skp_pppk_pw_evaluasi_periode = fields.Selection(
        related="company_id.skp_pppk_pw_evaluasi_periode", readonly=False
    )
    skp_distribusi_override = fields.Boolean(
        related="company_id.skp_distribusi_override", readonly=False
    )
    skp_perpanjangan_min_predikat = fields.Selection(
        related="company_id.skp_perpanjangan_min_predikat", readonly=False
    )
    skp_perpanjangan_min_perilaku = fields.Selection(
        related="company_id.skp_perpanjangan_min_perilaku", readonly=False
    )
