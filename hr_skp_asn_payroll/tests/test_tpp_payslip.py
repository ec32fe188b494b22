import polib
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_path

from .common import BASIS_KELAS_9, TppPayrollCommon

KINERJA = BASIS_KELAS_9 * 0.6  # Rp 3.000.000 before the predikat
DISIPLIN = BASIS_KELAS_9 * 0.4  # Rp 2.000.000 before the attendance rate


@tagged("post_install", "-at_install")
@freeze_time("2027-01-05")
class TestTppPayslip(TppPayrollCommon):
    """Real payslips of the TPP ASN structure: one test per row of the default TPP
    kinerja table, and the cases without a predikat."""

    def assert_tpp(self, predikat, label, kinerja_total, rate):
        employee = self.make_tpp_employee(f"Pegawai {label}", predikat)
        payslip = self.make_payslip(employee, rate=90.0)
        payslip.compute_sheet()
        lines = self.lines(payslip)
        self.assertEqual(payslip.state, "verify")
        self.assertEqual(
            lines["TPP_KINERJA"],
            (
                f"TPP Kinerja (predikat {label}, January 2026)",
                KINERJA,
                rate,
                kinerja_total,
            ),
        )
        self.assertEqual(
            lines["TPP_DISIPLIN"], ("TPP Disiplin", DISIPLIN, 90.0, 1_800_000.0)
        )
        self.assertEqual(lines["TPP_TOTAL"][3], kinerja_total + 1_800_000.0)
        return payslip

    def test_sangat_baik_pays_100(self):
        self.assert_tpp("sangat_baik", "Sangat Baik", 3_000_000.0, 100.0)

    def test_baik_pays_100(self):
        self.assert_tpp("baik", "Baik", 3_000_000.0, 100.0)

    def test_butuh_perbaikan_pays_80(self):
        self.assert_tpp("butuh_perbaikan", "Butuh Perbaikan", 2_400_000.0, 80.0)

    def test_kurang_pays_60(self):
        self.assert_tpp("kurang", "Kurang/Misconduct", 1_800_000.0, 60.0)

    def test_sangat_kurang_pays_40(self):
        self.assert_tpp("sangat_kurang", "Sangat Kurang", 1_200_000.0, 40.0)

    def test_no_ditetapkan_evaluation_cuts_the_kinerja_part(self):
        nothing = self.make_tpp_employee("Tanpa Evaluasi")
        not_set = self.make_tpp_employee("Belum Ditetapkan", "baik", state="dinilai")
        for employee in nothing | not_set:
            payslip = self.make_payslip(employee)
            payslip.compute_sheet()
            lines = self.lines(payslip)
            self.assertEqual(
                lines["TPP_KINERJA"],
                (
                    "TPP Kinerja cut: no ditetapkan SKP evaluation for January 2026",
                    KINERJA,
                    0.0,
                    0.0,
                ),
            )
            self.assertEqual(lines["TPP_TOTAL"][3], DISIPLIN)

    def test_indonesian_reason_on_the_payslip(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"]._load_module_terms(
            ["hr_skp_asn", "hr_skp_asn_payroll"], ["id_ID"], overwrite=True
        )
        employee = self.make_tpp_employee("Pegawai Indonesia")
        payslip = self.make_payslip(employee).with_context(lang="id_ID")
        payslip.compute_sheet()
        self.assertEqual(
            self.lines(payslip)["TPP_KINERJA"][0],
            "TPP Kinerja dipotong: belum ada evaluasi SKP yang ditetapkan untuk "
            "Januari 2026",
        )

    def test_previous_month_predikat_pays(self):
        employee = self.make_tpp_employee("Pegawai Februari", "butuh_perbaikan")
        february = self.make_payslip(employee, month=2)
        february.compute_sheet()
        self.assertEqual(self.lines(february)["TPP_KINERJA"][3], 0.0)
        self.company.skp_tpp_predikat_month = "previous"
        february.compute_sheet()
        self.assertEqual(
            self.lines(february)["TPP_KINERJA"],
            (
                "TPP Kinerja (predikat Butuh Perbaikan, January 2026)",
                KINERJA,
                80.0,
                2_400_000.0,
            ),
        )

    def test_region_table_split_and_basis(self):
        """A region's own table, a 70/30 split, a basis per jabatan, then on the
        contract."""
        employee = self.make_tpp_employee("Pegawai Daerah", "butuh_perbaikan")
        self.company.skp_tpp_rule_ids.filtered(
            lambda r: r.predikat == "butuh_perbaikan"
        ).persentase = 50
        self.company.skp_tpp_kinerja_share = 70
        self.assertEqual(self.company.skp_tpp_disiplin_share, 30)
        self.env["hr.skp.tpp.basis"].create(
            {"job_id": self.job.id, "amount": 6_000_000}
        )
        self.company.skp_tpp_basis_source = "jabatan"
        payslip = self.make_payslip(employee, rate=100.0)
        payslip.compute_sheet()
        lines = self.lines(payslip)
        self.assertEqual(lines["TPP_KINERJA"][1:], (4_200_000.0, 50.0, 2_100_000.0))
        self.assertEqual(lines["TPP_DISIPLIN"][1:], (1_800_000.0, 100.0, 1_800_000.0))
        self.assertEqual(lines["TPP_TOTAL"][3], 3_900_000.0)

        self.company.skp_tpp_basis_source = "contract"
        with self.assertRaisesRegex(UserError, "No TPP basis for: Pegawai Daerah"):
            payslip.compute_sheet()
        employee.contract_id.tpp_basis = 1_000_000
        payslip.compute_sheet()
        self.assertEqual(self.lines(payslip)["TPP_TOTAL"][3], 350_000.0 + 300_000.0)

    def test_kelas_from_the_contract_and_missing_basis(self):
        employee = self.make_tpp_employee("Pegawai Kelas 7", "baik")
        self.assertEqual(employee.contract_id.kelas_jabatan, 9)
        employee.contract_id.kelas_jabatan = 7
        payslip = self.make_payslip(employee)
        payslip.compute_sheet()
        self.assertEqual(self.lines(payslip)["TPP_KINERJA"][3], 2_100_000.0)
        employee.contract_id.kelas_jabatan = 4
        with self.assertRaisesRegex(
            UserError, r"No TPP basis for: Pegawai Kelas 7 \(kelas jabatan 4\)"
        ):
            payslip.compute_sheet()

    def test_attendance_rate_is_checked(self):
        employee = self.make_tpp_employee("Pegawai Disiplin", "baik")
        payslip = self.make_payslip(employee, rate=120.0)
        with self.assertRaisesRegex(UserError, "from 0 to 100"):
            payslip.compute_sheet()
        payslip.input_line_ids.unlink()
        with self.assertRaisesRegex(UserError, "TPP_DISIPLIN"):
            payslip.compute_sheet()

    def test_batch_reads_the_predikat_in_bounded_queries(self):
        """The SKP part of a batch costs the same for 2 and for 8 payslips."""
        employees = [
            self.make_tpp_employee(f"Pegawai Batch {i}", predikat)
            for i, predikat in enumerate(
                ["baik", "kurang", None, "sangat_baik", "baik", None, "baik", "kurang"]
            )
        ]
        slips = self.env["hr.payslip"]
        for employee in employees:
            slips |= self.make_payslip(employee)
        slips[:2]._skp_tpp_prefetch()  # warm-up (groups, selection labels)
        counts = []
        for batch in (slips[:2], slips):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch._skp_tpp_prefetch()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        slips.compute_sheet()
        self.assertEqual(
            [self.lines(s)["TPP_KINERJA"][3] for s in slips],
            [3e6, 1.8e6, 0.0, 3e6, 3e6, 0.0, 3e6, 1.8e6],
        )

    def test_payroll_officer_computes_a_batch_with_the_wizard(self):
        """The officer (OCA payroll group, no SKP group, not an HR manager) creates
        the month's batch, generates the payslips and gets the TPP lines."""
        baik = self.make_tpp_employee("Pegawai Baik", "baik")
        kurang = self.make_tpp_employee("Pegawai Kurang", "kurang")
        none = self.make_tpp_employee("Pegawai Tanpa")
        officer = self.env(user=self.user_payroll)
        run = officer["hr.payslip.run"].create(
            {
                "name": "TPP Januari 2026",
                "date_start": self.d(1),
                "date_end": self.d(1, 31),
                "struct_id": self.structure.id,
            }
        )
        wizard = officer["hr.payslip.employees"].create(
            {"employee_ids": [(6, 0, (baik | kurang | none).ids)]}
        )
        wizard.with_context(active_id=run.id).compute_sheet()
        totals = {
            slip.employee_id.name: self.lines(slip)["TPP_KINERJA"][3]
            for slip in run.slip_ids
        }
        self.assertEqual(
            totals,
            {"Pegawai Baik": 3e6, "Pegawai Kurang": 1.8e6, "Pegawai Tanpa": 0.0},
        )
        # the attendance rate starts at 100%
        self.assertEqual(set(run.slip_ids.input_line_ids.mapped("amount")), {100.0})
        # the officer reads no SKP of their own
        with self.assertRaises(AccessError):
            officer["hr.employee"].get_skp_predikat_batch([baik.nip], 2026, 1)

    def test_others_cannot_compute(self):
        employee = self.make_tpp_employee("Pegawai Rahasia", "baik")
        payslip = self.make_payslip(employee)
        pegawai = new_test_user(
            self.env, login="pegawai_lain", groups="hr_skp_asn.group_skp_pegawai"
        )
        with self.assertRaises(AccessError):
            payslip.with_user(pegawai).compute_sheet()
        with self.assertRaises(AccessError):
            payslip.with_user(pegawai)._skp_tpp_prefetch()


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_every_entry_of_id_po_is_translated(self):
        po = polib.pofile(file_path("hr_skp_asn_payroll/i18n/id.po"))
        self.assertEqual(po.metadata.get("Language"), "id")
        self.assertEqual([e.msgid for e in po if not e.msgstr.strip()], [])


@tagged("post_install", "-at_install")
class TestTppSettings(TransactionCase):
    def test_settings_and_basis_table(self):
        company = self.env.company
        self.assertEqual(
            (
                company.skp_tpp_kinerja_share,
                company.skp_tpp_disiplin_share,
                company.skp_tpp_predikat_month,
                company.skp_tpp_basis_source,
            ),
            (60.0, 40.0, "same", "kelas_jabatan"),
        )
        with Form(self.env["res.config.settings"]) as settings:
            settings.skp_tpp_kinerja_share = 70
            settings.skp_tpp_predikat_month = "previous"
            settings.skp_tpp_basis_source = "jabatan"
            self.assertEqual(settings.skp_tpp_disiplin_share, 30)
        self.assertEqual(company.skp_tpp_kinerja_share, 70)
        self.assertEqual(company.skp_tpp_predikat_month, "previous")
        self.assertEqual(company.skp_tpp_basis_source, "jabatan")
        with self.assertRaises(ValidationError):
            company.skp_tpp_kinerja_share = 120

        Basis = self.env["hr.skp.tpp.basis"]
        job = self.env["hr.job"].create(
            {"name": "Pranata Komputer", "kelas_jabatan": 8}
        )
        line = Basis.create({"kelas_jabatan": 8, "amount": 4_000_000})
        self.assertEqual(line.display_name, "Kelas 8: 4,000,000")
        for vals in (
            {"amount": 1},  # neither
            {"kelas_jabatan": 3, "job_id": job.id, "amount": 1},  # both
            {"kelas_jabatan": 18, "amount": 1},
            {"kelas_jabatan": 3, "amount": -1},
        ):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                Basis.create(vals)
        with self.assertRaises(ValidationError):
            job.kelas_jabatan = 20
