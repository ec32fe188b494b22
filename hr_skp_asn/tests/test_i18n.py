import ast
import glob
import os
import re

import polib

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.misc import file_path

from .common import SkpCommon

LANG = "id_ID"
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]+\)[sdrif]|%[sdrif]|%%|\{[^{}]*\}")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


@tagged("post_install", "-at_install")
class TestI18n(SkpCommon):
    """An Indonesian user sees the addon in Indonesian (i18n/id.po)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang(LANG)
        cls.env["ir.module.module"]._load_module_terms(
            ["hr_skp_asn"], [LANG], overwrite=True
        )
        cls.env_id = cls.env(context=dict(cls.env.context, lang=LANG))

    def test_po_file_is_complete_and_keeps_placeholders(self):
        po = polib.pofile(file_path("hr_skp_asn/i18n/id.po"))
        self.assertEqual(po.metadata.get("Language"), "id")
        self.assertIn("nplurals=1", po.metadata.get("Plural-Forms", ""))
        self.assertGreater(len(po), 500)
        for entry in po:
            with self.subTest(msgid=entry.msgid):
                self.assertTrue(entry.msgstr.strip(), "untranslated")
                self.assertFalse(entry.obsolete or entry.fuzzy)
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(entry.msgid)),
                    sorted(PLACEHOLDER.findall(entry.msgstr)),
                )
                self.assertEqual(
                    sorted(TAG.findall(entry.msgid)), sorted(TAG.findall(entry.msgstr))
                )

    def test_every_code_message_is_in_the_po_file(self):
        """Every _()/_lt() message of the Python code has its Indonesian entry
        (re-export i18n/id.po when code adds one)."""
        po = polib.pofile(file_path("hr_skp_asn/i18n/id.po"))
        translated = {entry.msgid for entry in po if entry.msgstr.strip()}
        addon = os.path.dirname(file_path("hr_skp_asn/__manifest__.py"))
        missing = []
        for path in glob.glob(os.path.join(addon, "**", "*.py"), recursive=True):
            if os.sep + "tests" + os.sep in path:
                continue
            with open(path, encoding="utf-8") as source:
                tree = ast.parse(source.read())
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                func = node.func
                name = (
                    func.attr
                    if isinstance(func, ast.Attribute)
                    else getattr(func, "id", None)
                )
                first = node.args[0]
                if (
                    name in ("_", "_lt")
                    and isinstance(first, ast.Constant)
                    and isinstance(first.value, str)
                    and first.value not in translated
                ):
                    missing.append(f"{os.path.relpath(path, addon)}:{node.lineno}")
        self.assertEqual(missing, [], "messages without an Indonesian translation")

    def test_menu(self):
        menu = self.env_id.ref("hr_skp_asn.menu_skp_my")
        self.assertEqual(menu.name, "SKP Saya")
        self.assertEqual(self.env.ref("hr_skp_asn.menu_skp_my").name, "My SKP")
        self.assertEqual(
            self.env_id.ref("hr_skp_asn.menu_skp_missing").name,
            "Pegawai Belum Memiliki SKP",
        )

    def test_field_labels_and_selection(self):
        fields_id = self.env_id["hr.skp"].fields_get(
            ["state", "pejabat_penilai_id", "evaluasi_count"],
            ["string", "selection"],
        )
        self.assertEqual(fields_id["pejabat_penilai_id"]["string"], "Pejabat Penilai")
        self.assertEqual(fields_id["state"]["string"], "Status")
        self.assertEqual(fields_id["evaluasi_count"]["string"], "Jumlah Evaluasi")
        states = dict(fields_id["state"]["selection"])
        self.assertEqual(states["diajukan"], "Diajukan")
        self.assertEqual(states["draft"], "Draf")
        help_id = self.env_id["hr.employee"].fields_get(
            ["pejabat_penilai_id"], ["help"]
        )
        self.assertIn("Atasan langsung", help_id["pejabat_penilai_id"]["help"])

    def test_form_buttons(self):
        arch = self.env_id["hr.skp"].get_view(
            self.env.ref("hr_skp_asn.hr_skp_view_form").id, "form"
        )["arch"]
        self.assertIn('string="Ajukan"', arch)
        self.assertIn('string="Setujui"', arch)
        self.assertIn('string="Kembalikan untuk Perbaikan"', arch)
        self.assertNotIn('string="Submit"', arch)

    def test_user_error_in_indonesian(self):
        skp = self.make_skp(self.fungsional, rhk=[])
        with self.assertRaises(UserError) as caught:
            skp.with_context(lang=LANG).with_user(self.user_fungsional).action_ajukan()
        name = skp.with_context(lang=LANG).display_name
        self.assertEqual(
            str(caught.exception),
            f"{name} belum dapat diajukan. Masih diperlukan: "
            "sekurang-kurangnya satu RHK utama.",
        )

    def test_state_and_action_errors_in_indonesian(self):
        skp = self.make_jpt_skp(self.kadis)
        as_kadis = skp.with_context(lang=LANG).with_user(self.user_kadis)
        as_kadis.action_ajukan()
        with self.assertRaises(AccessError) as caught:
            as_kadis.action_setujui()
        self.assertEqual(
            str(caught.exception),
            "Anda tidak dapat melakukan persetujuan atas SKP Anda sendiri: hal ini "
            "merupakan kewenangan pejabat penilai Anda.",
        )
        skp.with_user(self.user_admin_bkd).action_setujui()
        with self.assertRaises(UserError) as caught:
            as_kadis.action_ajukan()
        self.assertIn(
            "berstatus Disetujui: pengajuan tidak dapat dilakukan.",
            str(caught.exception),
        )
