"""Realisasi of one indikator in one evaluation, with its bukti dukung (DOMAIN §2-3)."""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import rules
from .common import (
    is_value,
)

# what the realisasi line's users write: the employee and the penilai ...
REALISASI_ENTRY_FIELDS = {
    "realisasi_text",
    "realisasi_value",
    "realisasi_diisi",
    "attachment_ids",
    "sequence",
}
# ... the targets: HR only (otherwise from the SKP or the rencana bulanan)
REALISASI_TARGET_FIELDS = {"target_text", "target_min", "target_max"}
# the capaian of a line without realisasi (a new line): nothing computed yet
CAPAIAN_KOSONG = {
    "capaian": 0.0,
    "capaian_dihitung": False,
    "kategori_capaian": False,
    "nilai_capaian": 0.0,
}


class HrSkpRealisasi(models.Model):
    _name = "hr.skp.realisasi"
    _description = "Realisasi Indikator Kinerja"
    _inherit = ["hr.skp.generated.line.mixin"]
    _order = "evaluasi_id, sequence, id"

    # the evaluation's workflow decides (hr.skp.workflow.mixin): the employee
    # enters realisasi and bukti dukung while the entry is open, the pejabat penilai
    # may correct them while rating; the umpan balik is the pejabat penilai's (or
    # HR's); the targets come from the SKP or the rencana bulanan and only HR
    # corrects them; the rest belongs to the indikator or is computed
    _workflow_parent_field = "evaluasi_id"
    _workflow_user_fields = (
        REALISASI_ENTRY_FIELDS | REALISASI_TARGET_FIELDS | {"umpan_balik"}
    )
    _workflow_field_permissions = dict(
        dict.fromkeys(REALISASI_ENTRY_FIELDS - {"sequence"}, "enter"),
        umpan_balik="feedback",
        **dict.fromkeys(REALISASI_TARGET_FIELDS, "correct_target"),
    )

    # indexed by the UNIQUE(evaluasi_id, indikator_id) constraint below
    evaluasi_id = fields.Many2one("hr.skp.evaluasi", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    skp_id = fields.Many2one(
        related="evaluasi_id.skp_id", store=True, index=True, precompute=True
    )
    employee_id = fields.Many2one(
        related="evaluasi_id.employee_id", store=True, precompute=True
    )
    company_id = fields.Many2one(
        related="evaluasi_id.company_id", store=True, precompute=True
    )
    state = fields.Selection(related="evaluasi_id.state")
    indikator_id = fields.Many2one(
        "hr.skp.indikator",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('skp_id', '=', skp_id)]",
    )
    rhk_id = fields.Many2one(
        related="indikator_id.rhk_id", store=True, string="RHK", precompute=True
    )
    jenis = fields.Selection(
        related="indikator_id.rhk_id.jenis", store=True, precompute=True
    )
    aspek = fields.Selection(related="indikator_id.aspek")
    polaritas = fields.Selection(related="indikator_id.polaritas")
    satuan = fields.Char(related="indikator_id.satuan")
    rencana_bulanan_id = fields.Many2one("hr.skp.rencana.bulanan", ondelete="set null")
    target_text = fields.Char(string="Target (text)")
    target_min = fields.Float(string="Target", digits=(16, 2))
    target_max = fields.Float(digits=(16, 2))
    realisasi_text = fields.Text(string="Realisasi")
    realisasi_value = fields.Float(string="Realisasi (value)", digits=(16, 2))
    realisasi_diisi = fields.Boolean(
        string="Value Entered",
        help="A numeric realisasi was entered (0 is a value too).",
    )
    capaian = fields.Float(
        string="Capaian (%)",
        compute="_compute_capaian",
        store=True,
        precompute=True,
        digits=(16, 2),
    )
    capaian_dihitung = fields.Boolean(
        compute="_compute_capaian", store=True, precompute=True
    )
    kategori_capaian = fields.Selection(
        [(k, rules.KATEGORI_CAPAIAN_LABELS[k]) for k in rules.KATEGORI_CAPAIAN],
        compute="_compute_capaian",
        store=True,
        precompute=True,
    )
    nilai_capaian = fields.Float(
        compute="_compute_capaian", store=True, precompute=True, digits=(16, 2)
    )
    umpan_balik = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "hr_skp_realisasi_attachment_rel",
        "realisasi_id",
        "attachment_id",
        string="Bukti Dukung",
    )
    bukti_count = fields.Integer(compute="_compute_bukti_count")

    @api.depends(
        "realisasi_value",
        "realisasi_diisi",
        "target_min",
        "target_max",
        "indikator_id.polaritas",
        "indikator_id.maksimal",
    )
    def _compute_capaian(self):
        for line in self:
            line.update(CAPAIAN_KOSONG)
            if not line.realisasi_diisi or line.target_min <= 0:
                continue
            try:
                capaian = rules.capaian_iki(
                    line.realisasi_value,
                    line.target_min,
                    line.target_max or None,
                    line.indikator_id.polaritas or "maximize",
                    line.indikator_id.maksimal,
                )
                kategori, nilai = rules.nilai_capaian_iki(
                    capaian, line.indikator_id.maksimal
                )
            except ValueError:
                continue  # _check_realisasi says why
            line.capaian = capaian
            line.capaian_dihitung = True
            line.kategori_capaian = kategori
            line.nilai_capaian = nilai

    def _compute_bukti_count(self):
        for line in self:
            line.bukti_count = len(line.attachment_ids)

    @api.constrains("realisasi_value", "target_min", "target_max")
    def _check_realisasi(self):
        for line in self:
            if line.realisasi_value < 0:
                raise ValidationError(
                    self.env._(
                        "The realisasi of “%(ind)s” cannot be negative (%(value)s).",
                        ind=line.indikator_id.name,
                        value=line.realisasi_value,
                    )
                )
            if line.target_min < 0 or line.target_max < 0:
                raise ValidationError(
                    self.env._(
                        "The target of “%(ind)s” cannot be negative.",
                        ind=line.indikator_id.name,
                    )
                )
            if line.target_max and line.target_max < line.target_min:
                raise ValidationError(
                    self.env._(
                        "The target range of “%(ind)s” ends below its start.",
                        ind=line.indikator_id.name,
                    )
                )

    @api.constrains("indikator_id", "evaluasi_id")
    def _check_indikator(self):
        for line in self:
            if line.indikator_id.skp_id != line.evaluasi_id.skp_id:
                raise ValidationError(
                    self.env._(
                        "The indikator “%(ind)s” is not part of %(skp)s.",
                        ind=line.indikator_id.name,
                        skp=line.evaluasi_id.skp_id.display_name,
                    )
                )

    _sql_constraints = [
        (
            "indikator_unique",
            "UNIQUE(evaluasi_id, indikator_id)",
            "Each indikator appears once in an evaluation.",
        ),
    ]

    def _generated_line_message(self, removing=False):
        if removing:
            return self.env._(
                "The realisasi lines of an evaluation are one per indikator of the "
                "SKP; none can be removed (leave the realisasi empty instead)."
            )
        return self.env._(
            "The realisasi lines are generated with the evaluation, one per "
            "indikator of the SKP; they cannot be added."
        )

    @api.model
    def _generated_rows(self, evaluation, indikators):
        """The new lines of ``evaluation``, one per indikator in that order: the
        values they take from the evaluation and the indikator (related fields)
        and their empty capaian, complete for ``batch.insert_rows``."""
        common = {
            "evaluasi_id": evaluation.id,
            "skp_id": evaluation.skp_id.id,
            "employee_id": evaluation.employee_id.id,
            "company_id": evaluation.company_id.id,
            **CAPAIAN_KOSONG,
        }
        return [
            {
                **common,
                "indikator_id": ind.id,
                "rhk_id": ind.rhk_id.id,
                "jenis": ind.rhk_id.jenis,
            }
            for ind in indikators
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if is_value(vals.get("realisasi_value")):
                vals.setdefault("realisasi_diisi", True)
        return super().create(vals_list)

    def write(self, vals):
        if is_value(vals.get("realisasi_value")) and "realisasi_diisi" not in vals:
            vals = dict(vals, realisasi_diisi=True)
        return super().write(vals)

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "%(fields)s of a realisasi line cannot be written: the line "
            "belongs to its indikator and its capaian is computed.",
            fields=labels,
        )
