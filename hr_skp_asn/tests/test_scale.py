"""Query counts that do not grow with the number of records (issue: scale).

Each batch method and batch action runs once on 2 records to learn its count, then
on 3× as many under ``assertQueryCount`` of that same count: a query per record
would fail it. The people differ per record (one pegawai each, one pejabat penilai),
as at month-end.
"""

from datetime import timedelta

from odoo.fields import Command
from odoo.tests import new_test_user, tagged

from ..models import batch
from ..models.common import PERILAKU_ASPEK
from .common import make_nip
from .common_evaluasi import EvaluasiCommon


@tagged("post_install", "-at_install")
class TestScaleQueryCount(EvaluasiCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = cls.env["hr.employee"]
        for k in range(8):
            user = new_test_user(
                cls.env,
                login=f"staf{k}",
                groups="base.group_portal" if k % 2 else "hr_skp_asn.group_skp_pegawai",
            )
            cls.staff |= cls.env["hr.employee"].create(
                {
                    "name": f"Staf {k}",
                    "user_id": user.id,
                    "department_id": cls.subbag.id,
                    "parent_id": cls.kasubbag.id,
                    "nip": make_nip("19910101", "201603", "1", 100 + k),
                    "asn_status": "pns",
                    "jenis_jabatan": "pelaksana",
                }
            )
        cls.skps = cls.env["hr.skp"]
        for employee in cls.staff:
            cls.skps |= cls.make_approved_skp(employee)
        cls.flush_tracking()

    def count_queries(self, fn):
        """Queries of ``fn``, its pending writes and its tracking included (as
        assertQueryCount counts them)."""
        self.env.flush_all()
        self.cr.flush()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        fn()
        self.env.flush_all()
        self.cr.flush()
        return self.cr.sql_log_count - before

    def assertFlat(self, run, small, large, tracked=0):
        """``run(records)`` on ``large`` costs no more queries than on ``small``,
        but for the status history Odoo's tracking writes on each record
        (``tracked`` queries a record: its message and its tracking value)."""
        expected = self.count_queries(lambda: run(small))
        self.env.invalidate_all()
        with self.assertQueryCount(expected + tracked * (len(large) - len(small))):
            run(large)
        return expected

    def assertComputedAsOrm(self, records):
        """The stored computed and related values of ``records``, inserted in bulk
        (``batch.insert_rows``), are what the ORM computes for them."""
        self.assertTrue(records)
        fnames = [
            name
            for name, field in records._fields.items()
            if field.store and field.compute
        ]
        self.env.flush_all()
        records.invalidate_recordset()
        inserted = records.read(fnames, load=None)
        for fname in fnames:
            self.env.add_to_compute(records._fields[fname], records)
        records._recompute_recordset(fnames)
        self.assertEqual(records.read(fnames, load=None), inserted)

    def monthly(self, skps, month):
        return self.env["hr.skp.evaluasi"].create(
            [
                {"skp_id": skp.id, "periode": "bulanan", "periode_ke": month}
                for skp in skps
            ]
        )

    def test_generate_evaluasi_flat(self):
        """The year's evaluations (13 per SKP, with their lines): same queries for
        2 SKP as for 6."""
        count = self.assertFlat(
            lambda skps: skps._generate_evaluasi(), self.skps[:2], self.skps[2:8]
        )
        self.assertLess(count, 80)
        evs = self.env["hr.skp.evaluasi"].search([("skp_id", "in", self.skps.ids)])
        self.assertEqual(len(evs), 13 * 8)
        # system-made: no "created" note, the pegawai and the penilai follow
        ev = evs[0]
        self.assertFalse(ev.message_ids)
        self.assertEqual(
            ev.message_partner_ids,
            ev.employee_id.user_id.partner_id | self.user_kasubbag.partner_id,
        )
        self.assertEqual(len(ev.realisasi_ids), 1)
        self.assertEqual(len(ev.perilaku_ids), 7)
        # the evaluations and their lines, inserted in bulk, hold what the ORM
        # would have computed
        self.assertComputedAsOrm(evs)
        self.assertComputedAsOrm(evs.realisasi_ids)
        self.assertComputedAsOrm(evs.perilaku_ids)
        self.assertEqual(
            ev.realisasi_ids.indikator_id, ev.skp_id.indikator_ids, "one per indikator"
        )
        self.assertEqual(ev.realisasi_ids.employee_id, ev.employee_id)

    def test_insert_rows_refuses_incomplete_rows(self):
        """A row without a stored computed value is refused, not left empty."""
        ev = self.monthly(self.skps[:1], 1)
        Perilaku = self.env["hr.skp.evaluasi.perilaku"]
        with self.assertRaisesRegex(ValueError, "company_id"):
            batch.insert_rows(
                Perilaku, [{"evaluasi_id": ev.id, "aspek": PERILAKU_ASPEK[0][0]}]
            )

    def test_generate_evaluasi_batches_resume(self):
        """In batches, a second run creates only what is missing."""
        first = self.skps[:3]._generate_evaluasi(batch_size=2)
        self.assertEqual(len(first), 3 * 13)
        again = self.skps._generate_evaluasi(batch_size=2)
        self.assertEqual(len(again), 5 * 13)
        self.assertFalse(self.skps._generate_evaluasi(batch_size=2))

    def test_evaluasi_actions_flat(self):
        """Month-end: submit, rate, set many evaluations of different pegawai."""
        evs = self.monthly(self.skps, 1)
        small, large = evs[:2], evs[2:8]
        admin = self.user_admin_bkd
        self.assertFlat(
            lambda e: e.with_user(admin).action_ajukan(), small, large, tracked=2
        )
        evs.with_user(admin).write(
            {"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"}
        )
        self.assertFlat(
            lambda e: e.with_user(admin).action_nilai(), small, large, tracked=2
        )
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.skp.evaluasi"), ("res_id", "in", evs.ids)]
        )
        self.assertFalse(activities, "rated: the rating activities are closed")
        # action_tetapkan tells each pegawai (a different one per evaluation
        # here): one queued notification each; each more record costs no more
        # than 10 queries (its notification and its status history)
        first = self.count_queries(lambda: small.with_user(admin).action_tetapkan())
        more = self.count_queries(lambda: large.with_user(admin).action_tetapkan())
        self.assertLessEqual((more - first) / (len(large) - len(small)), 10)
        self.assertEqual(set(evs.mapped("state")), {"ditetapkan"})
        notes = evs[0].message_ids.filtered(lambda m: "Predikat kinerja set" in m.body)
        self.assertEqual(len(notes), 1)
        mails = self.env["mail.mail"].search(
            [("recipient_ids", "in", evs[0].employee_id.user_id.partner_id.ids)]
        )
        self.assertTrue(mails)
        self.assertEqual(set(mails.mapped("state")), {"outgoing"}, "queued")

    def test_tetapkan_one_pegawai_flat(self):
        """The months of one pegawai set at once: one notification for all, the
        queries do not grow with the months."""
        evs = self.env["hr.skp.evaluasi"]
        for month in range(1, 9):
            evs |= self.monthly(self.skps[0], month)
        admin = evs.with_user(self.user_admin_bkd)
        admin.action_ajukan()
        admin.write({"rating_hasil_kerja": "sesuai", "rating_perilaku": "sesuai"})
        admin.action_nilai()
        partner = self.staff[0].user_id.partner_id
        before = self.env["mail.message"].search_count(
            [("partner_ids", "in", partner.ids)]
        )
        self.assertFlat(
            lambda e: e.with_user(self.user_admin_bkd).action_tetapkan(),
            evs[:2],
            evs[2:],
            tracked=2,
        )
        after = self.env["mail.message"].search_count(
            [("partner_ids", "in", partner.ids)]
        )
        self.assertEqual(after - before, 2, "one notification per batch")

    def test_ajukan_notifies_penilai_once(self):
        evs = self.monthly(self.skps, 2)
        before = self.env["mail.message"].search_count(
            [("partner_ids", "in", self.user_kasubbag.partner_id.ids)]
        )
        evs.with_user(self.user_admin_bkd).action_ajukan()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "hr.skp.evaluasi"), ("res_id", "in", evs.ids)]
        )
        self.assertEqual(len(activities), len(evs))
        self.assertEqual(activities.user_id, self.user_kasubbag)
        messages = self.env["mail.message"].search(
            [("partner_ids", "in", self.user_kasubbag.partner_id.ids)]
        )
        self.assertEqual(len(messages) - before, 1, "one notification for the batch")
        mails = self.env["mail.mail"].search([("mail_message_id", "in", messages.ids)])
        self.assertTrue(all(mail.state == "outgoing" for mail in mails), "queued")

    def make_next_year_skps(self):
        leader = self.make_skp(self.kasubbag, year=self.YEAR + 1)
        skps = self.env["hr.skp"]
        for employee in self.staff:
            skps |= self.make_skp(
                employee,
                rhk=[
                    {"name": "Tersusunnya arsip", "rhk_atasan_id": leader.rhk_ids[0].id}
                ],
                year=self.YEAR + 1,
            )
        return skps

    def test_skp_ajukan_flat(self):
        skps = self.make_next_year_skps()
        self.assertFlat(
            lambda s: s.with_user(self.user_admin_bkd).action_ajukan(),
            skps[:2],
            skps[2:8],
            tracked=2,
        )
        self.assertEqual(set(skps.mapped("state")), {"diajukan"})

    def test_skp_setujui_batch(self):
        """Approving many SKP at once: the approval to-dos go in one step, the
        who-was-who snapshot is kept on each, a few queries a record (the snapshot
        and the status history)."""
        self.skps.write({"state": "batal"})  # room for a new SKP of the year
        skps = self.env["hr.skp"]
        for employee in self.staff:
            skps |= self.make_skp(
                employee,
                rhk=[
                    {
                        "name": "Tersusunnya arsip",
                        "rhk_atasan_id": self.leader_rhk(employee).id,
                    }
                ],
            )
        skps.with_user(self.user_admin_bkd).action_ajukan()
        approval = self.env.ref("hr_skp_asn.mail_act_skp_approval")
        self.assertEqual(
            len(skps.activity_ids.filtered(lambda a: a.activity_type_id == approval)),
            len(skps),
        )
        small = self.count_queries(
            lambda: skps[:2].with_user(self.user_admin_bkd).action_setujui()
        )
        large = self.count_queries(
            lambda: skps[2:8].with_user(self.user_admin_bkd).action_setujui()
        )
        self.assertLessEqual((large - small) / 4, 4, (small, large))
        self.assertEqual(set(skps.mapped("state")), {"disetujui"})
        self.assertFalse(
            skps.activity_ids.filtered(lambda a: a.activity_type_id == approval)
        )
        for skp in skps:
            self.assertEqual(skp.snap_pegawai_nama, skp.employee_id.name)

    def test_generated_skp_computed_as_orm(self):
        """SKP the job generates, inserted in bulk, hold what the ORM computes for
        them: a PPPK Paruh Waktu's deadline runs from their SK, their contract
        recommendation waits for an annual evaluation."""
        people = self.pppk_pw | self.fungsional
        job = self.env["hr.skp.generate"].create(
            {"year": self.YEAR, "employee_ids": [Command.set(people.ids)]}
        )
        job.run_to_end()
        created = job.skp_ids
        self.assertEqual(created.employee_id, people)
        self.assertFalse(created.message_ids)
        self.assertComputedAsOrm(created)
        skp_pw = created.filtered(lambda s: s.employee_id == self.pppk_pw)
        self.assertEqual(
            skp_pw.deadline,
            self.pppk_pw.tanggal_sk
            + timedelta(days=skp_pw.company_id.skp_pppk_pw_deadline_days),
        )
        self.assertTrue(skp_pw.rekomendasi_alasan)
        self.assertEqual(skp_pw.department_id, self.pppk_pw.department_id)
        self.assertEqual(skp_pw.pejabat_penilai_id, self.kasubbag)
        self.assertEqual(len(skp_pw.perilaku_ids), 7)

    def test_generation_job_flat(self):
        """The generation job's batch: same queries for 2 employees as for 6; the
        SKP get no chatter note, the job one summary."""
        job_id = self.env["hr.job"].create({"name": "Pelaksana Skala"})
        self.staff.job_id = job_id
        self.env["hr.skp.template"].create(
            {
                "name": "Skala",
                "job_id": job_id.id,
                "rhk_ids": [
                    Command.create(
                        {
                            "name": "Tersusunnya laporan",
                            "indikator_ids": [
                                Command.create({"name": "Jumlah laporan"})
                            ],
                        }
                    )
                ],
            }
        )

        def run():
            job = self.env["hr.skp.generate"].create(
                {"year": self.YEAR + 1, "job_id": job_id.id, "batch_size": 50}
            )
            job.action_start()
            return job

        other = self.staff[2:8]
        for employee in other:
            self.make_skp(employee, year=self.YEAR + 1)
        job_small = run()  # the 6 others already have one: 2 created
        small = self.count_queries(job_small._process_batch)
        self.assertEqual(job_small.created_count, 2)
        self.env["hr.skp"].search(
            [("employee_id", "in", other.ids), ("year", "=", self.YEAR + 1)]
        ).unlink()
        job_large = run()  # the 2 have one now: 6 created
        with self.assertQueryCount(small):
            job_large._process_batch()

        self.assertEqual(job_large.created_count, 6)
        created = self.env["hr.skp"].search(
            [("employee_id", "in", other.ids), ("year", "=", self.YEAR + 1)]
        )
        self.assertEqual(len(created), 6)
        self.assertFalse(created.message_ids)
        # their lines, inserted in bulk, hold what the ORM would have computed
        self.assertEqual(created.rhk_ids.mapped("name"), ["Tersusunnya laporan"] * 6)
        self.assertEqual(len(created.indikator_ids), 6)
        self.assertEqual(len(created.perilaku_ids), 6 * 7)
        self.assertComputedAsOrm(created.rhk_ids)
        self.assertComputedAsOrm(created.indikator_ids)
        self.assertComputedAsOrm(created.perilaku_ids)
        job_large._process_batch()
        self.assertEqual(job_large.state, "selesai")
        self.assertIn("6 SKP created", job_large.message_ids[0].body)
