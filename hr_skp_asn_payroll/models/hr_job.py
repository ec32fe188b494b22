from odoo import api, fields, models
from odoo.exceptions import ValidationError


def check_kelas_jabatan(env, kelas):
    """Kelas jabatan 1-17 (0: not set)."""
    if not 0 <= kelas <= 17:
        raise ValidationError(
            env._("A kelas jabatan lies between 1 and 17 (got %(kelas)s).", kelas=kelas)
        )


class HrJob(models.Model):
    _inherit = "hr.job"

    kelas_jabatan = fields.Integer(
        help="Kelas jabatan (1-17) from the region's evaluasi jabatan; the TPP basis "
        "table may be set per kelas. 0: not set.",
    )

    @api.constrains("kelas_jabatan")
    def _check_kelas_jabatan(self):
        for job in self:
            check_kelas_jabatan(self.env, job.kelas_jabatan)
