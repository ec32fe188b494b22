from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .common import ASPEK, PERSPEKTIF


class HrSkpTemplate(models.Model):
    """RHK, indikator and targets a superior sets once for every holder of a jabatan."""

    _name = "hr.skp.template"
    _description = "SKP Template per Jabatan"
    _inherit = ["mail.thread"]
    _order = "job_id, name"

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    job_id = fields.Many2one(
        "hr.job", string="Jabatan", required=True, index=True, tracking=True
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    pendekatan = fields.Selection(
        [("kualitatif", "Kualitatif"), ("kuantitatif", "Kuantitatif")],
        default="kualitatif",
        required=True,
    )
    rhk_ids = fields.One2many(
        "hr.skp.template.rhk", "template_id", string="RHK", copy=True
    )
    skema_pertanggungjawaban = fields.Text()
    konsekuensi = fields.Text()

    _sql_constraints = [
        (
            "job_company_unique",
            "UNIQUE(job_id, company_id)",
            "A jabatan has one SKP template per company.",
        ),
    ]

    def _skp_values(self, employee, year, rhk_atasan_by_name):
        """Values of a draft SKP for ``employee`` from this template.

        ``rhk_atasan_by_name`` maps (pejabat penilai id, RHK name) to the RHK of the
        superior's SKP for the year, so intervention links are set without a query.
        """
        self.ensure_one()
        penilai = employee.pejabat_penilai_id
        rhk_commands = []
        for line in self.rhk_ids:
            atasan = rhk_atasan_by_name.get(
                (penilai.id, (line.rhk_atasan_name or "").strip())
            )
            rhk_commands.append(
                fields.Command.create(
                    {
                        "sequence": line.sequence,
                        "jenis": line.jenis,
                        "name": line.name,
                        "perspektif": line.perspektif,
                        "rhk_atasan_id": atasan.id if atasan else False,
                        "indikator_ids": [
                            fields.Command.create(ind._indikator_values())
                            for ind in line.indikator_ids
                        ],
                    }
                )
            )
        return {
            "employee_id": employee.id,
            "year": year,
            "pendekatan": self.pendekatan,
            "skema_pertanggungjawaban": self.skema_pertanggungjawaban,
            "konsekuensi": self.konsekuensi,
            "rhk_ids": rhk_commands,
        }


class HrSkpTemplateRhk(models.Model):
    _name = "hr.skp.template.rhk"
    _description = "SKP Template RHK"
    _order = "template_id, jenis desc, sequence, id"

    template_id = fields.Many2one(
        "hr.skp.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    jenis = fields.Selection(
        [("utama", "Utama"), ("tambahan", "Tambahan")], required=True, default="utama"
    )
    name = fields.Text(string="Rencana Hasil Kerja", required=True)
    rhk_atasan_name = fields.Text(
        string="RHK Pimpinan (name)",
        help="When the pejabat penilai's SKP has an RHK with exactly this text, the "
        "generated RHK intervenes it.",
    )
    perspektif = fields.Selection(PERSPEKTIF)
    indikator_ids = fields.One2many(
        "hr.skp.template.indikator", "template_rhk_id", copy=True
    )


class HrSkpTemplateIndikator(models.Model):
    _name = "hr.skp.template.indikator"
    _description = "SKP Template Indikator"
    _order = "template_rhk_id, sequence, id"

    template_rhk_id = fields.Many2one(
        "hr.skp.template.rhk", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Indikator Kinerja Individu", required=True)
    aspek = fields.Selection(ASPEK, required=True, default="kuantitas")
    target_text = fields.Char(string="Target (text)")
    target_min = fields.Float(string="Target", digits=(16, 2))
    target_max = fields.Float(digits=(16, 2))
    satuan = fields.Char()
    polaritas = fields.Selection(
        [("maximize", "Higher is better"), ("minimize", "Lower is better")],
        required=True,
        default="maximize",
    )

    @api.constrains("target_min", "target_max")
    def _check_target(self):
        for ind in self:
            if ind.target_min < 0 or (
                ind.target_max and ind.target_max < ind.target_min
            ):
                raise ValidationError(
                    self.env._(
                        "The target of “%(name)s” is not a valid range.", name=ind.name
                    )
                )

    def _indikator_values(self):
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "name": self.name,
            "aspek": self.aspek,
            "target_text": self.target_text,
            "target_min": self.target_min,
            "target_max": self.target_max,
            "satuan": self.satuan,
            "polaritas": self.polaritas,
        }
