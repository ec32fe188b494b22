from odoo import api, fields, models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    skp_pengelola_ids = fields.Many2many(
        "res.users",
        "hr_department_skp_pengelola_rel",
        "department_id",
        "user_id",
        string="Pengelola Kinerja",
        groups="hr_skp_asn.group_skp_admin",
        help="HR staff who manage the performance of this unit and its sub-units "
        "(set by the BKD admin: it decides what they see).",
    )
    skp_pengelola_all_ids = fields.Many2many(
        "res.users",
        "hr_department_skp_pengelola_all_rel",
        "department_id",
        "user_id",
        string="Pengelola Kinerja (with parent units)",
        compute="_compute_skp_pengelola_all_ids",
        store=True,
        recursive=True,
    )

    @api.depends("skp_pengelola_ids", "parent_id.skp_pengelola_all_ids")
    def _compute_skp_pengelola_all_ids(self):
        for department in self:
            department.skp_pengelola_all_ids = (
                department.skp_pengelola_ids
                | department.parent_id.skp_pengelola_all_ids
            )
