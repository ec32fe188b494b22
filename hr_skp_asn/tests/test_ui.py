from odoo.tests import HttpCase, tagged

from .common import SkpCommon


@tagged("post_install", "-at_install")
class TestSkpUi(HttpCase, SkpCommon):
    """In headless Chromium: the employee submits, the superior approves."""

    def test_ajukan_then_setujui_in_the_browser(self):
        self.make_cascade()
        skp = self.make_child_skp(
            self.pelaksana, self.skp_kasubbag, "Tersusunnya arsip"
        )
        self.start_tour("/odoo", "hr_skp_ajukan_tour", login="pelaksana")
        self.assertEqual(skp.state, "diajukan")
        self.start_tour("/odoo", "hr_skp_setujui_tour", login="kasubbag")
        self.assertEqual(skp.state, "disetujui")
