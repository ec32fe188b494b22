from odoo.fields import Command
from odoo.tests import tagged

from .common import SkpCommon, make_nip


@tagged("post_install", "-at_install")
class TestSkpGenerate(SkpCommon):
    """SKP templates per jabatan and the background generation job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_cascade()
        cls.job = cls.env["hr.job"].create({"name": "Pengadministrasi Perkantoran"})
        cls.template = cls.env["hr.skp.template"].create(
            {
                "name": "Pengadministrasi Perkantoran",
                "job_id": cls.job.id,
                "rhk_ids": [
                    Command.create(
                        {
                            "name": "Tersusunnya administrasi surat",
                            "rhk_atasan_name": "Terlaksananya administrasi subbagian",
                            "indikator_ids": [
                                Command.create(
                                    {
                                        "name": "Jumlah surat",
                                        "target_min": 120,
                                        "satuan": "surat",
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
        cls.holders = cls.env["hr.employee"].create(
            [
                {
                    "name": f"PPPK PW {i}",
                    "job_id": cls.job.id,
                    "department_id": cls.subbag.id,
                    "parent_id": cls.kasubbag.id,
                    "asn_status": "pppk_pw",
                    "nip": make_nip("19950101", "2024", "01", i)[:8]
                    + "2024"
                    + "01"
                    + "1"
                    + f"{i:03d}",
                }
                for i in range(1, 8)
            ]
        )

    def test_generate_from_template_then_rerun_skips(self):
        self.make_skp(self.holders[0], rhk=[])  # already has one
        # a pengelola without an e-mail address: the job's summary still posts
        self.user_pengelola.partner_id.email = False
        job = (
            self.env["hr.skp.generate"]
            .with_user(self.user_pengelola)
            .create(
                {
                    "year": 2026,
                    "department_id": self.subbag.id,
                    "job_id": self.job.id,
                    "batch_size": 3,
                }
            )
        )
        job.action_start()
        self.assertEqual(job.total, 7)
        job._process_batch()
        self.assertEqual(job.state, "berjalan")
        self.assertAlmostEqual(job.progress, 3 / 7 * 100, places=2)
        job.run_to_end()
        self.assertEqual(job.state, "selesai")
        self.assertEqual(job.created_count, 6)
        self.assertEqual(job.skipped_count, 1)
        self.assertIn("6 SKP created", job.message_ids[0].body)
        skp = self.holders[1].skp_ids
        self.assertEqual(skp.state, "draft")
        self.assertEqual(skp.rhk_ids.name, "Tersusunnya administrasi surat")
        self.assertEqual(skp.rhk_ids.rhk_atasan_id, self.skp_kasubbag.rhk_ids)
        self.assertEqual(skp.rhk_ids.indikator_ids.target_min, 120)
        self.assertEqual(len(skp.perilaku_ids), 7)
        # re-running is safe: everybody is skipped
        job.action_start()
        job.run_to_end()
        self.assertEqual(job.created_count, 0)
        self.assertEqual(job.skipped_count, 7)

    def test_batch_query_count_flat(self):
        """Generation costs the same number of queries for 2 and 7 employees."""

        def queries(size):
            job = self.env["hr.skp.generate"].create(
                {"year": 2027, "job_id": self.job.id, "batch_size": size}
            )
            job.action_start()
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            job._process_batch()
            self.env.flush_all()
            count = self.cr.sql_log_count - before
            job.run_to_end()
            for skp in self.holders.skp_ids.filtered(lambda s: s.year == 2027):
                skp.unlink()
            return count

        small, large = queries(2), queries(7)
        # each SKP adds its own INSERTs (lines are inserted per record by the ORM),
        # but reading, checking and matching stay constant
        self.assertLess(large - small, 5 * 20)
