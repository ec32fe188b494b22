"""Catatan harian: the employee's daily log, feeding the month's realisasi (§2)."""

import calendar
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .. import rules


class HrSkpCatatanHarian(models.Model):
    _name = "hr.skp.catatan.harian"
    _description = "Catatan Kinerja Harian"
    _inherit = ["hr.skp.workflow.mixin"]
    _order = "tanggal desc, id desc"

    # written by the employee (or HR): the SKP's ``log`` permission
    _workflow_parent_field = "skp_id"

    def _default_employee(self):
        return self.env.user.employee_id

    employee_id = fields.Many2one(
        related="skp_id.employee_id", store=True, index=True, string="Pegawai"
    )
    skp_id = fields.Many2one(
        "hr.skp",
        string="SKP",
        required=True,
        index=True,
        ondelete="cascade",
        domain="[('state', 'in', ('disetujui', 'selesai')), "
        "('employee_id.user_id', '=', uid)]",
    )
    company_id = fields.Many2one(related="skp_id.company_id", store=True)
    tanggal = fields.Date(
        required=True, default=fields.Date.context_today, index=True, string="Date"
    )
    rhk_id = fields.Many2one(
        "hr.skp.rhk",
        string="RHK",
        required=True,
        ondelete="cascade",
        domain="[('skp_id', '=', skp_id)]",
    )
    indikator_id = fields.Many2one(
        "hr.skp.indikator",
        ondelete="set null",
        domain="[('rhk_id', '=', rhk_id)]",
    )
    name = fields.Text(string="Kegiatan", required=True)
    kuantitas = fields.Float(digits=(16, 2))
    satuan = fields.Char(related="indikator_id.satuan")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hr_skp_catatan_harian_attachment_rel",
        "catatan_id",
        "attachment_id",
        string="Bukti Dukung",
    )

    @api.constrains("skp_id", "tanggal", "rhk_id", "indikator_id", "kuantitas")
    def _check_catatan(self):
        for log in self:
            skp = log.skp_id
            if skp.state not in ("disetujui", "selesai"):
                raise ValidationError(
                    self.env._("%(skp)s is not approved.", skp=skp.display_name)
                )
            if not skp.date_start <= log.tanggal <= skp.date_end:
                raise ValidationError(
                    self.env._(
                        "%(date)s lies outside the period of %(skp)s.",
                        date=log.tanggal,
                        skp=skp.display_name,
                    )
                )
            if log.rhk_id.skp_id != skp or (
                log.indikator_id and log.indikator_id.rhk_id != log.rhk_id
            ):
                raise ValidationError(
                    self.env._(
                        "The RHK or indikator is not part of %(skp)s.",
                        skp=skp.display_name,
                    )
                )
            if log.kuantitas < 0:
                raise ValidationError(self.env._("A quantity cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        logs = super().create(vals_list)
        logs._check_owner()
        logs._check_period_open()
        return logs

    def write(self, vals):
        self._check_owner()
        self._check_period_open()
        res = super().write(vals)
        if {"tanggal", "skp_id"} & set(vals):
            self._check_owner()
            self._check_period_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_check_open(self):
        self._check_owner()
        self._check_period_open()

    def _check_owner(self):
        """The daily log is the employee's own record of work (or HR's backfill):
        the pejabat penilai reads it but does not write it."""
        self._workflow_check("log")

    def _check_period_open(self):
        """The employee's log of a closed month (not reopened) is read-only."""
        roles = self._workflow_roles()
        mine = self.filtered(lambda c: roles[c.id] & {"own", "pengelola"} == {"own"})
        if not mine or self._workflow_is_superuser():
            return
        evaluations = self.env["hr.skp.evaluasi"].search(
            [
                ("skp_id", "in", mine.skp_id.ids),
                ("periode", "!=", "tahunan"),
            ]
        )
        for log in mine:
            ev = evaluations.filtered(
                lambda e, log=log: (
                    e.skp_id == log.skp_id and e.date_start <= log.tanggal <= e.date_end
                )
            )
            if ev:
                ev._workflow_check("enter")
                continue
            days = log.company_id.skp_realisasi_lock_days
            month_end = log.tanggal.replace(
                day=calendar.monthrange(log.tanggal.year, log.tanggal.month)[1]
            )
            if days and fields.Date.context_today(self) > month_end + timedelta(
                days=days
            ):
                month = f"{rules.BULAN[log.tanggal.month - 1]} {log.tanggal.year}"
                raise UserError(
                    self.env._(
                        "The entries for %(month)s closed %(days)s days after the "
                        "month ended. Ask HR to reopen them.",
                        month=month,
                        days=days,
                    )
                )
