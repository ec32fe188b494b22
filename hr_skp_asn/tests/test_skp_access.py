from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import SkpCommon


@tagged("post_install", "-at_install")
class TestSkpAccess(SkpCommon):
    """Row access by rules: own, pejabat penilai, pengelola tree, BKD, company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()
        cls.skp_pelaksana = cls.make_child_skp(
            cls.pelaksana, cls.skp_kasubbag, "Tersusunnya arsip"
        )
        cls.skp_other = cls.make_skp(cls.other)

    def visible(self, user):
        return self.env["hr.skp"].with_user(user).search([])

    def test_employee_sees_own_and_superior_only(self):
        skps = self.visible(self.user_pelaksana)
        self.assertIn(self.skp_pelaksana, skps)
        self.assertIn(self.skp_kasubbag, skps)  # to intervene its RHK
        self.assertNotIn(self.skp_other, skps)
        self.assertNotIn(self.skp_kadis, skps)
        with self.assertRaises(AccessError):
            self.skp_other.with_user(self.user_pelaksana).read(["state"])
        # reads the superior's RHK but cannot change them
        self.skp_kasubbag.rhk_ids.with_user(self.user_pelaksana).read(["name"])
        with self.assertRaises(AccessError):
            self.skp_kasubbag.with_user(self.user_pelaksana).write({"konsekuensi": "x"})

    def test_pejabat_penilai_sees_subordinates(self):
        skps = self.visible(self.user_kasubbag)
        self.assertIn(self.skp_pelaksana, skps)
        self.assertNotIn(self.skp_other, skps)
        # the atasan pejabat penilai sees two levels down
        self.assertIn(self.skp_pelaksana, self.visible(self.user_kabid))

    def test_pengelola_sees_department_tree(self):
        skps = self.visible(self.user_pengelola)
        self.assertIn(self.skp_pelaksana, skps)  # Subbagian is under Bidang
        self.assertIn(self.skp_kabid, skps)
        self.assertNotIn(self.skp_kadis, skps)  # Dinas is above the Bidang
        self.assertNotIn(self.skp_other, skps)

    def test_bkd_admin_sees_all(self):
        skps = self.visible(self.user_admin_bkd)
        self.assertIn(self.skp_other, skps)
        self.assertIn(self.skp_kadis, skps)

    def test_employee_cannot_create_for_another(self):
        with self.assertRaises(AccessError):
            self.env["hr.skp"].with_user(self.user_pelaksana).create(
                {"employee_id": self.fungsional.id, "year": 2027}
            )

    def test_portal_user_reads_own_only(self):
        own = self.make_skp(self.pppk_pw)
        skps = self.visible(self.user_portal)
        self.assertEqual(skps, own)
        with self.assertRaises(AccessError):
            own.with_user(self.user_portal).write({"konsekuensi": "x"})

    def test_multi_company_isolation(self):
        company_b = self.env["res.company"].create({"name": "Pemda Lain"})
        employee_b = self.env["hr.employee"].create(
            {"name": "Pegawai B", "company_id": company_b.id, "asn_status": "non_asn"}
        )
        skp_b = (
            self.env["hr.skp"]
            .with_company(company_b)
            .create({"employee_id": employee_b.id, "year": 2026})
        )
        self.assertNotIn(skp_b, self.visible(self.user_admin_bkd))
