"""HR without dead ends, and to-dos that follow the record (issue 8, points 6-8)."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SkpCommon
from .common_evaluasi import EvaluasiCommon


def activity_types(record):
    return set(record.activity_ids.activity_type_id.get_external_id().values())


@tagged("post_install", "-at_install")
class TestSkpActivities(SkpCommon):
    """Approving closes *SKP Overdue* and *SKP Approval*; resubmitting closes
    *Revise your SKP*; cancelling removes them; notes are in the recipient's
    language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()

    def test_approval_and_resubmission_close_the_todos(self):
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        with freeze_time("2026-03-01"):
            self.env["hr.skp"]._cron_remind_unapproved()
        self.assertEqual(activity_types(skp), {"hr_skp_asn.mail_act_skp_late"})
        skp.with_user(self.user_pelaksana).action_ajukan()
        # the employee did their part: their overdue to-do is done; the penilai's
        # approval request is open
        self.assertEqual(activity_types(skp), {"hr_skp_asn.mail_act_skp_approval"})
        with freeze_time("2026-03-02"):
            self.env["hr.skp"]._cron_remind_unapproved()
        self.assertEqual(
            skp.activity_ids.filtered(
                lambda a: (
                    a.activity_type_id == self.env.ref("hr_skp_asn.mail_act_skp_late")
                )
            ).user_id,
            self.user_kasubbag,
        )
        skp.with_user(self.user_kasubbag).action_kembalikan("Target terlalu rendah")
        self.assertEqual(activity_types(skp), {"hr_skp_asn.mail_act_skp_revise"})
        revise = skp.activity_ids
        self.assertEqual(revise.user_id, self.user_pelaksana)
        self.assertIn("Target terlalu rendah", str(revise.note))
        skp.with_user(self.user_pelaksana).action_ajukan()
        self.assertFalse(revise.exists())
        self.assertEqual(activity_types(skp), {"hr_skp_asn.mail_act_skp_approval"})
        with freeze_time("2026-03-03"):
            self.env["hr.skp"]._cron_remind_unapproved()
        skp.with_user(self.user_kasubbag).action_setujui()
        self.assertFalse(skp.activity_ids)
        # done, not deleted: the history keeps them
        done = self.env["mail.message"].search(
            [("model", "=", "hr.skp"), ("res_id", "=", skp.id)]
        )
        self.assertTrue(done.mail_activity_type_id)

    def test_cancel_removes_the_todos(self):
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        skp.with_user(self.user_pelaksana).action_ajukan()
        self.assertTrue(skp.activity_ids)
        skp.with_user(self.user_pengelola).action_batal()
        self.assertFalse(skp.activity_ids)

    def test_activity_note_in_the_recipients_language(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_skp_asn"], ["id_ID"], overwrite=True
        )
        self.user_kasubbag.lang = "id_ID"
        self.user_pelaksana.lang = "en_US"
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        skp.with_user(self.user_pelaksana).action_ajukan()
        note = str(skp.activity_ids.note)
        self.assertIn("Mohon", note)
        self.assertNotIn("Please review", note)


@tagged("post_install", "-at_install")
class TestEvaluasiReminders(EvaluasiCommon):
    """No realisasi reminder for an SKP that is selesai or batal, nor for a period
    already evaluated."""

    def test_no_reminder_for_closed_skp_or_rated_period(self):
        self.env.company.skp_realisasi_reminder_days = 0
        realisasi = "hr_skp_asn.mail_act_evaluasi_realisasi"
        with freeze_time("2026-04-10"):
            self.Evaluasi._cron_remind_realisasi()
        months = self.skp.evaluasi_ids.filtered(lambda e: e.periode == "bulanan")
        jan, feb, mar = (
            months.filtered(lambda e, m=m: e.periode_ke == m) for m in (1, 2, 3)
        )
        self.assertEqual(activity_types(jan), {realisasi})
        # the annual evaluation is rated: no period of the SKP asks for realisasi
        (jan | feb | mar).activity_ids.unlink()
        tahunan = self.make_rated(self.skp, "sesuai", "sesuai", periode="tahunan")
        self.assertEqual(tahunan.state, "ditetapkan")
        with freeze_time("2026-04-11"):
            self.Evaluasi._cron_remind_realisasi()
        self.assertFalse((jan | feb | mar).activity_ids)

    def test_closing_the_skp_removes_and_stops_reminders(self):
        self.env.company.skp_realisasi_reminder_days = 0
        with freeze_time("2026-02-10"):
            self.Evaluasi._cron_remind_realisasi()
        jan = self.skp.evaluasi_ids.filtered(lambda e: e.periode_ke == 1)
        self.assertTrue(jan.activity_ids)
        self.skp.with_user(self.user_pengelola).action_selesai()
        self.assertFalse(jan.activity_ids)
        with freeze_time("2026-03-10"):
            self.Evaluasi._cron_remind_realisasi()
        self.assertFalse(self.skp.evaluasi_ids.activity_ids)


@tagged("post_install", "-at_install")
class TestSkpStart(SkpCommon):
    """Starting an SKP: the own employee by default, ASN employees only, the
    leader's RHK list explains itself when empty, copy to the next year."""

    def test_employee_starts_their_own_skp(self):
        form = Form(self.env["hr.skp"].with_user(self.user_pelaksana))
        self.assertEqual(form.employee_id, self.pelaksana)
        domain = self.env["hr.skp"]._fields["employee_id"].domain
        self.assertIn("asn_status", domain)
        non_asn = self.env["hr.employee"].create(
            {"name": "Tenaga Honorer", "asn_status": "non_asn"}
        )
        offered = self.env["hr.employee"].search(
            [
                ("company_id", "in", self.env.companies.ids),
                ("asn_status", "not in", [False, "non_asn"]),
            ]
        )
        self.assertIn(self.pelaksana, offered)
        self.assertNotIn(non_asn, offered)

    def test_empty_rhk_pimpinan_list_says_why(self):
        skp = self.make_skp(self.pelaksana, rhk=[{"name": "Tersusunnya arsip"}])
        rhk = skp.rhk_ids.with_user(self.user_pelaksana)
        self.assertIn("Kepala Subbagian", rhk.rhk_atasan_hint)
        self.assertIn("2026", rhk.rhk_atasan_hint)
        # the leader starts a draft: their RHK can be chosen at once
        self.make_skp(self.kasubbag, rhk=[{"name": "Terlaksananya administrasi"}])
        rhk.invalidate_recordset()
        self.assertFalse(rhk.rhk_atasan_hint)

    def test_copy_to_next_year(self):
        self.make_cascade()
        skp = self.approve(
            self.make_skp(
                self.pelaksana,
                rhk=[
                    {
                        "name": "Tersusunnya arsip",
                        "rhk_atasan_id": self.skp_kasubbag.rhk_ids[0].id,
                    },
                    {
                        "name": "Terlaksananya piket",
                        "jenis": "tambahan",
                        "indikator": [
                            {"name": "Jumlah piket", "target_min": 4, "satuan": "kali"}
                        ],
                    },
                ],
            )
        )
        skp.perilaku_ids[0].ekspektasi_khusus = "Ramah"
        # the leader's SKP for next year keeps one RHK under the same name
        self.make_skp(
            self.kasubbag,
            year=2027,
            rhk=[{"name": "Terlaksananya administrasi subbagian"}],
        )
        action = skp.with_user(self.user_pelaksana).action_copy_next_year()
        new = self.env["hr.skp"].browse(action["res_id"])
        self.assertEqual((new.year, new.state), (2027, "draft"))
        self.assertEqual(new.date_start, date(2027, 1, 1))
        self.assertEqual(
            new.rhk_ids.mapped("name"), ["Tersusunnya arsip", "Terlaksananya piket"]
        )
        self.assertEqual(new.rhk_ids[0].rhk_atasan_id.skp_id.year, 2027)
        self.assertEqual(
            new.rhk_ids[0].rhk_atasan_id.name, "Terlaksananya administrasi subbagian"
        )
        self.assertEqual(new.rhk_ids[1].indikator_ids.target_min, 4)
        self.assertEqual(new.perilaku_ids[0].ekspektasi_khusus, "Ramah")
        self.assertEqual(skp.state, "disetujui")

    def test_copy_clears_an_intervensi_without_match(self):
        self.make_cascade()
        skp = self.make_child_skp(self.pelaksana, self.skp_kasubbag)
        action = skp.with_user(self.user_pelaksana).action_copy_next_year()
        new = self.env["hr.skp"].browse(action["res_id"])
        self.assertFalse(new.rhk_ids.rhk_atasan_id)
        self.assertTrue(new.rhk_ids.rhk_atasan_hint)
        with self.assertRaisesRegex(Exception, "already has an SKP"):
            skp.with_user(self.user_pelaksana).action_copy_next_year()
        with self.assertRaises(AccessError):
            skp.with_user(self.user_other).action_copy_next_year()

    def test_search_skp_and_evaluations(self):
        self.make_cascade()
        Skp = self.env["hr.skp"]
        self.assertEqual(
            Skp.search([("display_name", "ilike", "Kepala Bidang")]), self.skp_kabid
        )
        self.assertIn(self.skp_kabid, Skp.search([("display_name", "ilike", "2026")]))
        names = [name for _id, name in Skp.name_search("Kepala Subbagian")]
        self.assertEqual(names, [self.skp_kasubbag.display_name])
        # evaluations by SKP, employee or unit
        Evaluasi = self.env["hr.skp.evaluasi"]
        self.skp_kabid._generate_evaluasi()
        self.skp_kasubbag._generate_evaluasi()
        by_skp = Evaluasi.search([("skp_id", "ilike", "Kepala Bidang")])
        self.assertTrue(by_skp)
        self.assertEqual(by_skp.skp_id, self.skp_kabid)
        by_unit = Evaluasi.search([("display_name", "ilike", "Subbagian Uji")])
        self.assertEqual(by_unit.skp_id, self.skp_kasubbag)

    def test_years_without_thousands_separator(self):
        self.make_cascade()
        groups = self.env["hr.skp"].web_read_group(
            [], ["__count"], ["date_start:year"]
        )["groups"]
        self.assertIn("2026", [g["date_start:year"] for g in groups])
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("hr_skp_asn.report_skp_matriks", self.skp_kadis.ids)[0]
            .decode()
        )
        self.assertIn("TAHUN 2026", html)
        self.assertNotIn("2,026", html)


@tagged("post_install", "-at_install")
class TestHrNoDeadEnds(SkpCommon):
    """Employees without an SKP get one from their row; a generation job links to
    what it created; the BKD admin has their own settings; the capaian form says
    how an unlawful distribution can be allowed."""

    def test_create_skp_from_employees_without_one(self):
        Report = self.env["hr.skp.status.report"].with_user(self.user_pengelola)
        rows = Report.search(
            [("year", "=", 2026), ("employee_id", "=", self.pelaksana.id)]
        )
        self.assertEqual(rows.state, "belum_ada")
        action = rows.action_generate_skp()
        skp = self.env["hr.skp"].search([("employee_id", "=", self.pelaksana.id)])
        self.assertEqual((skp.year, skp.state), (2026, "draft"))
        self.assertEqual((action["res_model"], action["res_id"]), ("hr.skp", skp.id))
        job = self.env["hr.skp.generate"].search([("skp_ids", "in", skp.ids)])
        self.assertEqual(job.employee_ids, self.pelaksana)
        self.assertEqual((job.state, job.skp_count), ("selesai", 1))
        self.assertEqual(
            job.with_user(self.user_pengelola).action_open_skp()["domain"],
            [("id", "in", skp.ids)],
        )
        # rows that have an SKP: a clear refusal
        rows.invalidate_recordset()
        with self.assertRaisesRegex(UserError, "already have an SKP"):
            Report.search(
                [("year", "=", 2026), ("employee_id", "=", self.pelaksana.id)]
            ).action_generate_skp()
        # two employees: the job opens, linking both
        rows = Report.search(
            [
                ("year", "=", 2026),
                ("employee_id", "in", (self.kasubbag | self.fungsional).ids),
            ]
        )
        action = rows.action_generate_skp()
        job = self.env["hr.skp.generate"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "hr.skp.generate")
        self.assertEqual(job.skp_ids.employee_id, self.kasubbag | self.fungsional)

    def test_generation_form_refreshes_and_links(self):
        arch = self.env["hr.skp.generate"].get_view(view_type="form")["arch"]
        self.assertIn('widget="skp_generate_progress"', arch)
        self.assertIn('name="action_open_skp"', arch)

    def test_bkd_admin_reaches_the_settings(self):
        Settings = self.env["hr.skp.settings"].with_user(self.user_admin_bkd)
        with Form(Settings) as form:
            self.assertEqual(form.skp_deadline_days, 31)
            form.skp_deadline_days = 45
            form.skp_distribusi_override = True
        self.assertEqual(self.company.skp_deadline_days, 45)
        self.assertTrue(self.company.skp_distribusi_override)
        menu = self.env.ref("hr_skp_asn.menu_skp_settings")
        self.assertIn(
            menu.id,
            self.env["ir.ui.menu"].with_user(self.user_admin_bkd)._visible_menu_ids(),
        )
        with self.assertRaises(AccessError):
            self.env["hr.skp.settings"].with_user(self.user_pengelola).create(
                {"skp_deadline_days": 1}
            )
        self.assertEqual(self.company.skp_deadline_days, 45)

    def test_capaian_override_reason_only_when_allowed(self):
        arch = self.env["hr.skp.capaian.organisasi"].get_view(view_type="form")["arch"]
        self.assertIn(
            "not alasan_override and (sesuai_pola or not override_allowed)", arch
        )
        self.assertIn("Konfigurasi", arch)
        self.company.skp_distribusi_override = False
        Org = self.env["hr.skp.capaian.organisasi"]
        self.assertFalse(Org.new({"department_id": self.bidang.id}).override_allowed)
        self.company.skp_distribusi_override = True
        self.assertTrue(Org.new({"department_id": self.bidang.id}).override_allowed)
