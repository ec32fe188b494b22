from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import SkpCommon
from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
class TestSkpIntegrity(SkpCommon):
    """Nobody gets round the workflow: no status by write, no private context key,
    no moving lines, no choosing one's own approver (PermenPANRB 6/2022: the SKP is
    set by the pejabat penilai)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()
        cls.skp = cls.make_child_skp(
            cls.pelaksana, cls.skp_kasubbag, "Tersusunnya arsip"
        )

    def test_context_key_does_not_open_the_lock(self):
        """A context key any RPC caller can send changes nothing."""
        as_user = self.skp_kasubbag.with_user(self.user_kasubbag)
        for key in ("skp_workflow", "skp_bypass_lock", "skp_evaluasi_system"):
            with self.assertRaises(UserError):
                as_user.with_context(**{key: True}).write({"konsekuensi": "x"})
            with self.assertRaises(UserError):
                self.skp.with_user(self.user_pelaksana).with_context(
                    **{key: True}
                ).write({"state": "disetujui"})

    def test_computed_fields_not_writable(self):
        with self.assertRaisesRegex(UserError, "computed"):
            self.skp.with_user(self.user_pelaksana).write({"deadline": "2030-01-01"})

    def test_employee_cannot_choose_the_approver(self):
        skp = self.skp.with_user(self.user_pelaksana)
        for vals in (
            {"pejabat_penilai_id": self.fungsional.id},
            {"jenis_skp": "jpt"},
            {"atasan_pejabat_penilai_id": self.fungsional.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "only HR"):
                skp.write(vals)
        with self.assertRaisesRegex(UserError, "only HR"):
            self.env["hr.skp"].with_user(self.user_fungsional).create(
                {
                    "employee_id": self.fungsional.id,
                    "year": 2027,
                    "pejabat_penilai_id": self.pelaksana.id,
                }
            )
        # HR may set another pejabat penilai (e.g. a Plt.)
        self.skp.with_user(self.user_pengelola).write(
            {
                "pejabat_penilai_id": self.kabid.id,
                "atasan_pejabat_penilai_id": self.kadis.id,
            }
        )
        self.assertEqual(self.skp.pejabat_penilai_id, self.kabid)

    def test_skp_stays_with_its_employee(self):
        with self.assertRaisesRegex(UserError, "stays with its employee"):
            self.skp.with_user(self.user_pelaksana).write(
                {"employee_id": self.fungsional.id}
            )

    def test_lines_do_not_move_into_an_approved_skp(self):
        draft_2027 = self.make_skp(
            self.kasubbag, rhk=[{"name": "Tersedianya data"}], year=2027
        )
        rhk = draft_2027.rhk_ids.with_user(self.user_kasubbag)
        with self.assertRaisesRegex(UserError, "stays in its SKP"):
            rhk.write({"skp_id": self.skp_kasubbag.id})
        with self.assertRaisesRegex(UserError, "stays in its SKP"):
            rhk.indikator_ids.write({"rhk_id": self.skp_kasubbag.rhk_ids.id})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.env["hr.skp.rhk"].with_user(self.user_kasubbag).create(
                {"skp_id": self.skp_kasubbag.id, "name": "Tersisipnya RHK"}
            )
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.skp_kasubbag.with_user(self.user_kasubbag).write(
                {"rhk_ids": [Command.create({"name": "Tersisipnya RHK"})]}
            )

    def test_atasan_reads_but_does_not_write(self):
        """The atasan pejabat penilai reads two levels down; the penilai writes."""
        as_atasan = self.skp.with_user(self.user_kabid)
        as_atasan.read(["state"])
        with self.assertRaises(AccessError):
            as_atasan.write({"konsekuensi": "x"})
        with self.assertRaises(AccessError):
            self.skp.rhk_ids.with_user(self.user_kabid).unlink()

    def test_only_employee_or_hr_submit(self):
        with self.assertRaises(AccessError):
            self.skp.with_user(self.user_kasubbag).action_ajukan()
        self.skp.with_user(self.user_pengelola).action_ajukan()
        self.assertEqual(self.skp.state, "diajukan")

    def test_revision_date_must_be_a_date(self):
        with self.assertRaisesRegex(UserError, "a date such as"):
            self.skp_kasubbag.with_user(self.user_kabid).action_revisi("besok", "x")

    def test_deadline_reminder_for_the_right_person(self):
        """SKP not approved by the deadline: the employee (draft) or the pejabat
        penilai (diajukan) gets an activity, once."""
        late_type = self.env.ref("hr_skp_asn.mail_act_skp_late")
        submitted = self.make_child_skp(
            self.fungsional, self.skp_kabid, "Tersedianya aplikasi"
        )
        submitted.with_user(self.user_fungsional).action_ajukan()
        with freeze_time("2026-03-01"):
            self.env["hr.skp"]._cron_remind_unapproved()
            self.env["hr.skp"]._cron_remind_unapproved()
        draft_activity = self.skp.activity_ids.filtered(
            lambda a: a.activity_type_id == late_type
        )
        self.assertEqual(draft_activity.user_id, self.user_pelaksana)
        submitted_activity = submitted.activity_ids.filtered(
            lambda a: a.activity_type_id == late_type
        )
        self.assertEqual(submitted_activity.user_id, self.user_kabid)
        self.assertFalse(
            self.skp_kasubbag.activity_ids.filtered(
                lambda a: a.activity_type_id == late_type
            )
        )


@tagged("post_install", "-at_install")
class TestSkpGenerateScope(SkpCommon):
    """A pengelola generates for the units they manage; a failing job stops with
    its reason and does not hold up the queue."""

    def test_pengelola_scope_and_failure_does_not_block(self):
        Generate = self.env["hr.skp.generate"]
        job = Generate.with_user(self.user_pengelola).create({"year": 2026})
        job.action_start()
        # the Bidang tree: Kepala Bidang, fungsional, Kepala Subbagian, pelaksana,
        # PPPK PW
        self.assertEqual(job.total, 5)
        job.run_to_end()
        self.assertEqual(
            set(self.env["hr.skp"].search([("year", "=", 2026)]).employee_id.ids),
            {
                self.kabid.id,
                self.fungsional.id,
                self.kasubbag.id,
                self.pelaksana.id,
                self.pppk_pw.id,
            },
        )
        # a JPT template without perspektif makes the job fail with its reason
        jpt_job = self.env["hr.job"].create({"name": "Kepala Dinas Uji"})
        self.kadis.job_id = jpt_job
        self.env["hr.skp.template"].create(
            {
                "name": "Kepala Dinas",
                "job_id": jpt_job.id,
                "rhk_ids": [Command.create({"name": "Meningkatnya layanan"})],
            }
        )
        failing = Generate.create({"year": 2026, "job_id": jpt_job.id})
        other = Generate.create({"year": 2027, "department_id": self.subbag.id})
        failing.action_start()
        other.action_start()
        Generate._cron_process()
        self.assertEqual(failing.state, "gagal")
        self.assertIn("perspektif", failing.error)
        Generate._cron_process()
        Generate._cron_process()
        self.assertEqual(other.state, "selesai")
        self.assertEqual(other.created_count, 3)


@tagged("post_install", "-at_install")
class TestPenilaiWizardCircle(SkpCommon):
    def test_wizard_refuses_a_circle(self):
        wizard = (
            self.env["hr.skp.penilai.wizard"]
            .with_user(self.user_pengelola)
            .create(
                {
                    "employee_ids": [Command.set(self.kabid.ids)],
                    "pejabat_penilai_id": self.pelaksana.id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "circle"):
            wizard.action_confirm()


@tagged("post_install", "-at_install")
class TestPengelolaScope(SkpCommon):
    """A pengelola kinerja acts inside the units the BKD admin gave them."""

    def test_pengelola_cannot_widen_or_reach_outside(self):
        with self.assertRaises(AccessError):
            self.other_dept.with_user(self.user_pengelola).write(
                {"skp_pengelola_ids": [Command.link(self.user_pengelola.id)]}
            )
        with self.assertRaisesRegex(AccessError, "units you manage"):
            self.other.with_user(self.user_pengelola).write(
                {"pejabat_penilai_id": self.kabid.id}
            )
        with self.assertRaisesRegex(AccessError, "units you manage"):
            self.pelaksana.with_user(self.user_pengelola).write(
                {"department_id": self.other_dept.id}
            )
        # inside their tree they fix it
        self.pelaksana.with_user(self.user_pengelola).write(
            {"pejabat_penilai_id": self.kabid.id}
        )
        self.assertEqual(self.pelaksana.pejabat_penilai_id, self.kabid)


@tagged("post_install", "-at_install")
class TestEvidenceAndLog(EvaluasiCommon):
    """The daily log is the employee's; bukti dukung follow their realisasi line."""

    def test_penilai_does_not_write_the_daily_log(self):
        Log = self.env["hr.skp.catatan.harian"]
        vals = {
            "skp_id": self.skp.id,
            "rhk_id": self.skp.rhk_ids.id,
            "tanggal": self.d(4, 3),
            "name": "Dokumen",
            "kuantitas": 5,
        }
        with self.assertRaisesRegex(AccessError, "writes this daily log"):
            Log.with_user(self.user_kasubbag).create(dict(vals))
        log = Log.with_user(self.user_pelaksana).create(dict(vals))
        with self.assertRaisesRegex(AccessError, "writes this daily log"):
            log.with_user(self.user_kasubbag).write({"kuantitas": 500})

    def test_no_evidence_added_to_a_set_evaluation(self):
        with freeze_time("2026-02-05"):
            ev = self.make_evaluasi(self.skp, "bulanan", 1)
            ev.with_user(self.user_pelaksana).action_ajukan()
            penilai = ev.with_user(self.user_kasubbag)
            penilai.write({"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"})
            penilai.action_nilai()
            penilai.action_tetapkan()
        line = ev.realisasi_ids[0]
        with self.assertRaisesRegex(UserError, "ditetapkan"):
            self.env["ir.attachment"].with_user(self.user_pelaksana).create(
                {
                    "name": "bukti.pdf",
                    "res_model": "hr.skp.realisasi",
                    "res_id": line.id,
                    "raw": b"%PDF-1.4",
                }
            )
