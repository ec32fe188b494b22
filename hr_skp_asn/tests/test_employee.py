from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import SkpCommon, make_nip


@tagged("post_install", "-at_install")
class TestEmployeeAsn(SkpCommon):
    """ASN data on hr.employee (DOMAIN §5) and the pejabat penilai checks."""

    def test_nip_validated(self):
        for bad in (
            "12345",
            "19801301200501 1001",
            "198001012005013001",
            "198001012005011000",
        ):
            with self.subTest(nip=bad), self.assertRaises(ValidationError):
                self.pelaksana.nip = bad

    def test_nip_spaces_removed_and_unique(self):
        self.pelaksana.nip = "19900404 201503 2 004"
        self.assertEqual(self.pelaksana.nip, "199004042015032004")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.fungsional.nip = "199004042015032004"
            self.env.flush_all()

    def test_pns_needs_nip_pppk_may_wait(self):
        with self.assertRaises(ValidationError):
            self.pelaksana.nip = False
        self.assertTrue(self.pppk_pw.nip_pending)
        self.pppk_pw.nip = "199505052024011001"
        self.assertFalse(self.pppk_pw.nip_pending)

    def test_pejabat_penilai_defaults_to_manager(self):
        self.assertEqual(self.pelaksana.pejabat_penilai_id, self.kasubbag)

    def test_penilai_masalah(self):
        self.assertFalse(self.pelaksana.penilai_masalah)
        self.assertFalse(self.kadis.penilai_masalah)  # head of the instansi
        orphan = self.env["hr.employee"].create(
            {"name": "Tanpa Atasan", "asn_status": "pns", "nip": make_nip(seq=77)}
        )
        self.assertEqual(orphan.penilai_masalah, "kosong")
        non_asn = self.env["hr.employee"].create(
            {"name": "Honorer", "asn_status": "non_asn"}
        )
        orphan.pejabat_penilai_id = non_asn
        self.assertEqual(orphan.penilai_masalah, "bukan_asn")
        self.pelaksana.pejabat_penilai_id = self.fungsional
        self.fungsional.action_archive()
        self.assertEqual(self.pelaksana.penilai_masalah, "tidak_aktif")
        self.fungsional.action_unarchive()
        self.assertFalse(self.pelaksana.penilai_masalah)
        # a circle: the Kepala Dinas rated by the pelaksana
        self.kadis.pejabat_penilai_id = self.pelaksana
        self.assertEqual(self.pelaksana.penilai_masalah, "melingkar")

    def test_fix_penilai_in_one_action_open_skp_follow(self):
        skp = self.make_skp(self.pelaksana)
        wizard = (
            self.env["hr.skp.penilai.wizard"]
            .with_user(self.user_pengelola)
            .create(
                {
                    "employee_ids": [(6, 0, self.pelaksana.ids)],
                    "pejabat_penilai_id": self.kabid.id,
                }
            )
        )
        wizard.action_confirm()
        self.flush_tracking()
        self.assertEqual(self.pelaksana.pejabat_penilai_id, self.kabid)
        self.assertEqual(skp.pejabat_penilai_id, self.kabid)
        self.assertEqual(skp.atasan_pejabat_penilai_id, self.kadis)
        tracked = self.pelaksana.message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "pejabat_penilai_id"
        )
        self.assertTrue(tracked)

    def test_penilai_wizard_refuses_self(self):
        wizard = self.env["hr.skp.penilai.wizard"].create(
            {
                "employee_ids": [(6, 0, self.pelaksana.ids)],
                "pejabat_penilai_id": self.pelaksana.id,
            }
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_public_employee_fields_readable(self):
        """Non-HR users read ASN fields through hr.employee.public."""
        data = self.kasubbag.with_user(self.user_pelaksana).read(
            ["nip", "asn_status", "pangkat_golongan", "pejabat_penilai_id"]
        )
        self.assertEqual(data[0]["asn_status"], "pns")
