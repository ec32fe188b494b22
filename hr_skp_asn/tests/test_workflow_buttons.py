"""Every role sees exactly the buttons it may press (hr.skp.workflow.mixin).

The form view is loaded as the user (``get_views``), each header button's
``invisible`` expression is evaluated on the record as that user reads it; each
visible button then succeeds for that user and each hidden one is refused.
"""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_evaluasi import EvaluasiCommon

SKP_BUTTONS = {
    "action_ajukan": lambda r: r.action_ajukan(),
    "action_setujui": lambda r: r.action_setujui(),
    "action_kembalikan": lambda r: r.action_kembalikan(alasan="Lengkapi"),
    "action_buka_kembali": lambda r: r.action_buka_kembali(alasan="Perubahan"),
    "action_open_revisi_wizard": lambda r: r.action_revisi(date(2026, 6, 30), "Mutasi"),
    "action_selesai": lambda r: r.action_selesai(),
    "action_batal": lambda r: r.action_batal(),
    "action_draft": lambda r: r.action_draft(),
}
EVALUASI_BUTTONS = {
    "action_ajukan": lambda r: r.action_ajukan(),
    "action_isi_dari_catatan": lambda r: r.action_isi_dari_catatan(),
    "action_terapkan_saran": lambda r: r.action_terapkan_saran(),
    "action_nilai": lambda r: r.action_nilai(),
    "action_tetapkan": lambda r: r.action_tetapkan(),
    "action_kembalikan": lambda r: r.action_kembalikan(alasan="Lengkapi"),
    "action_buka_kembali": lambda r: r.action_buka_kembali(alasan="Dibuka"),
    "action_open_keberatan": lambda r: r.env["hr.skp.keberatan"].create(
        {"evaluasi_id": r.id, "alasan": "Mohon ditinjau"}
    ),
}


KEBERATAN_BUTTONS = {"action_putuskan": lambda r: r.action_putuskan()}
CAPAIAN_BUTTONS = {
    "action_tetapkan": lambda r: r.action_tetapkan(),
    "action_draft": lambda r: r.action_draft(),
}


class Rollback(Exception):
    pass


@tagged("post_install", "-at_install")
class TestWorkflowButtons(EvaluasiCommon):
    def form_buttons(self, record, user):
        """{button name: visible} of the form's header, as ``user`` sees it."""
        record = record.with_user(user)
        arch = record.get_views([(False, "form")])["views"]["form"]["arch"]
        buttons = etree.fromstring(arch).xpath("//header/button")
        names = {
            name
            for button in buttons
            for name in _names(button.get("invisible") or "")
            if name in record._fields
        }
        values = record.read(sorted(names))[0] if names else {}
        return {
            button.get("string")
            if button.get("type") == "action"
            else button.get("name"): not safe_eval(
                button.get("invisible") or "False", values
            )
            for button in buttons
        }

    def assert_buttons(self, record, user, expected, actions):
        shown = self.form_buttons(record, user)
        visible = {name for name, on in shown.items() if on and name in actions}
        self.assertEqual(visible, set(expected), f"{user.login} on {record.state}")
        for name, call in actions.items():
            with self.subTest(user=user.login, state=record.state, button=name):
                if name in visible:
                    self.run_and_rollback(call, record.with_user(user))
                else:
                    with self.assertRaises(UserError):
                        call(record.with_user(user))
                    self.env.invalidate_all()
        return shown

    def run_and_rollback(self, call, record):
        """Press the button, then undo it (the next check starts from here)."""
        with self.assertRaises(Rollback), self.env.cr.savepoint():
            call(record)
            record.env.flush_all()
            raise Rollback
        self.env.invalidate_all()

    # ----------------------------------------------------------------- SKP
    def test_skp_buttons_per_role_and_state(self):
        self.make_cascade()
        self.skp.with_user(self.user_admin_bkd).action_batal()
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        nobody = ()
        check = self.assert_buttons
        check(skp, self.user_pelaksana, ("action_ajukan", "action_batal"), SKP_BUTTONS)
        check(
            skp,
            self.user_kasubbag,
            ("action_open_revisi_wizard", "action_batal"),
            SKP_BUTTONS,
        )
        check(skp, self.user_kabid, nobody, SKP_BUTTONS)
        skp.with_user(self.user_pelaksana).action_ajukan()
        # the employee on their own submitted SKP: no Approve, no Return
        check(skp, self.user_pelaksana, nobody, SKP_BUTTONS)
        penilai = (
            "action_setujui",
            "action_kembalikan",
            "action_open_revisi_wizard",
            "action_batal",
        )
        check(skp, self.user_kasubbag, penilai, SKP_BUTTONS)
        check(skp, self.user_admin_bkd, penilai, SKP_BUTTONS)
        check(
            skp,
            self.user_pengelola,
            ("action_open_revisi_wizard", "action_batal"),
            SKP_BUTTONS,
        )
        skp.with_user(self.user_kasubbag).action_setujui()
        check(skp, self.user_pelaksana, nobody, SKP_BUTTONS)
        check(
            skp,
            self.user_kasubbag,
            (
                "action_buka_kembali",
                "action_open_revisi_wizard",
                "action_selesai",
                "action_batal",
            ),
            SKP_BUTTONS,
        )
        check(
            skp,
            self.user_pengelola,
            ("action_open_revisi_wizard", "action_selesai", "action_batal"),
            SKP_BUTTONS,
        )
        skp.with_user(self.user_kasubbag).action_batal()
        check(skp, self.user_pelaksana, ("action_draft",), SKP_BUTTONS)
        check(skp, self.user_kabid, nobody, SKP_BUTTONS)

    def test_print_matriks_only_on_intervened_skp(self):
        self.make_cascade()
        self.skp.with_user(self.user_admin_bkd).action_batal()
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        self.assertFalse(self.form_buttons(skp, self.user_pelaksana)["Print Matriks"])
        self.assertTrue(
            self.form_buttons(self.skp_kasubbag, self.user_kasubbag)["Print Matriks"]
        )

    def test_skp_fields_readonly_once_approved(self):
        skp = self.skp.with_user(self.user_pelaksana)
        self.assertFalse(skp.can_edit)
        self.assertTrue(skp.is_own)
        self.assertFalse(skp.is_penilai)
        self.assertTrue(self.skp.with_user(self.user_kasubbag).is_penilai)

    # ----------------------------------------------------------- evaluation
    @freeze_time("2026-02-05")
    def test_evaluasi_buttons_per_role_and_state(self):
        ev = self.make_evaluasi(self.skp, "bulanan", 1)
        nobody = ()
        check = self.assert_buttons
        employee = ("action_ajukan", "action_isi_dari_catatan")
        check(ev, self.user_pelaksana, employee, EVALUASI_BUTTONS)
        check(ev, self.user_pengelola, employee, EVALUASI_BUTTONS)
        check(ev, self.user_kasubbag, nobody, EVALUASI_BUTTONS)
        ev.with_user(self.user_pelaksana).action_ajukan()
        ev.with_user(self.user_kasubbag).write(
            {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"}
        )
        # the employee on their own submitted evaluation: no Rate, no Return
        check(ev, self.user_pelaksana, nobody, EVALUASI_BUTTONS)
        rating = ("action_terapkan_saran", "action_nilai", "action_kembalikan")
        check(ev, self.user_kasubbag, rating, EVALUASI_BUTTONS)
        check(
            ev,
            self.user_admin_bkd,
            (*rating, "action_buka_kembali"),
            EVALUASI_BUTTONS,
        )
        check(ev, self.user_pengelola, ("action_buka_kembali",), EVALUASI_BUTTONS)
        check(ev, self.user_kabid, nobody, EVALUASI_BUTTONS)
        ev.with_user(self.user_kasubbag).action_nilai()
        check(
            ev,
            self.user_kasubbag,
            ("action_terapkan_saran", "action_tetapkan", "action_kembalikan"),
            EVALUASI_BUTTONS,
        )
        check(ev, self.user_pelaksana, nobody, EVALUASI_BUTTONS)
        ev.with_user(self.user_kasubbag).action_tetapkan()
        check(ev, self.user_pelaksana, ("action_open_keberatan",), EVALUASI_BUTTONS)
        check(ev, self.user_kasubbag, nobody, EVALUASI_BUTTONS)
        check(ev, self.user_pengelola, nobody, EVALUASI_BUTTONS)
        check(
            ev,
            self.user_admin_bkd,
            ("action_buka_kembali", "action_open_keberatan"),
            EVALUASI_BUTTONS,
        )

    @freeze_time("2026-02-05")
    def test_rating_fields_readonly_for_the_employee(self):
        ev = self.make_evaluasi(self.skp, "bulanan", 1)
        ev.with_user(self.user_pelaksana).action_ajukan()
        mine = ev.with_user(self.user_pelaksana)
        self.assertTrue(mine.is_own)
        self.assertFalse(mine.can_rate)
        self.assertFalse(mine.can_enter)
        self.assertFalse(mine.can_feedback)
        arch = etree.fromstring(
            mine.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        for fname in ("rating_hasil_kerja", "rating_perilaku"):
            readonly = arch.xpath(f"//field[@name='{fname}']")[0].get("readonly")
            self.assertIn("can_rate", readonly)
        penilai = ev.with_user(self.user_kasubbag)
        self.assertTrue(penilai.can_rate)
        self.assertTrue(penilai.is_penilai)

    # ------------------------------------------------------- keberatan, unit
    @freeze_time("2026-02-05")
    def test_keberatan_decided_by_the_atasan_only(self):
        ev = self.make_rated(self.skp, "di_bawah", "sesuai")
        keberatan = (
            self.env["hr.skp.keberatan"]
            .with_user(self.user_pelaksana)
            .create({"evaluasi_id": ev.id, "alasan": "Target sudah tercapai"})
        )
        keberatan.with_user(self.user_kabid).keputusan = "ditolak"
        check = self.assert_buttons
        check(keberatan, self.user_pelaksana, (), KEBERATAN_BUTTONS)
        check(keberatan, self.user_kasubbag, (), KEBERATAN_BUTTONS)
        check(keberatan, self.user_kabid, ("action_putuskan",), KEBERATAN_BUTTONS)
        check(keberatan, self.user_admin_bkd, ("action_putuskan",), KEBERATAN_BUTTONS)
        self.assertTrue(keberatan.with_user(self.user_kasubbag).can_explain)
        self.assertFalse(keberatan.with_user(self.user_pelaksana).can_explain)

    def test_capaian_set_by_the_units_pengelola(self):
        org = self.env["hr.skp.capaian.organisasi"].create(
            {
                "department_id": self.subbag.id,
                "year": self.YEAR,
                "periode": "bulanan",
                "periode_ke": 6,
                "predikat_organisasi": "baik",
            }
        )
        check = self.assert_buttons
        check(org, self.user_pengelola, ("action_tetapkan",), CAPAIAN_BUTTONS)
        check(org, self.user_admin_bkd, ("action_tetapkan",), CAPAIAN_BUTTONS)
        org.with_user(self.user_pengelola).action_tetapkan()
        check(org, self.user_pengelola, ("action_draft",), CAPAIAN_BUTTONS)
        check(org, self.user_pelaksana, (), CAPAIAN_BUTTONS)


def _names(expression):
    """The identifiers of a view expression."""
    word, names = "", set()
    for char in expression + " ":
        if char.isalnum() or char == "_":
            word += char
        else:
            if word and not word[0].isdigit():
                names.add(word)
            word = ""
    return names
