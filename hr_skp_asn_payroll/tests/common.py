from freezegun import freeze_time

from odoo.fields import Command
from odoo.tests import new_test_user

from odoo.addons.hr_skp_asn.tests.common import make_nip
from odoo.addons.hr_skp_asn.tests.common_evaluasi import EvaluasiCommon

#: The default TPP kinerja table of hr_skp_asn (rules.DEFAULT_TPP_PERSENTASE), as a
#: region reads it: predikat -> (rating hasil kerja, rating perilaku, % paid).
DEFAULT_TABLE = {
    "sangat_baik": ("di_atas", "di_atas", 100),
    "baik": ("sesuai", "sesuai", 100),
    "butuh_perbaikan": ("di_bawah", "sesuai", 80),
    "kurang": ("sesuai", "di_bawah", 60),
    "sangat_kurang": ("di_bawah", "di_bawah", 40),
}
BASIS_KELAS_9 = 5_000_000.0


class TppPayrollCommon(EvaluasiCommon):
    """hr_skp_asn's OPD with a TPP basis table (kelas 9: Rp 5.000.000), one job of
    kelas 9, the payroll officer and helpers for employees with a TPP ASN contract,
    a rated January and payslips. Built at a date when January 2026 can be set."""

    @classmethod
    def setUpClass(cls):
        with freeze_time("2027-01-05"):
            super().setUpClass()
            cls.structure = cls.env.ref("hr_skp_asn_payroll.structure_tpp_asn")
            cls.job = cls.env["hr.job"].create(
                {"name": "Analis Kebijakan Ahli Pertama", "kelas_jabatan": 9}
            )
            cls.env["hr.skp.tpp.basis"].create(
                [
                    {"kelas_jabatan": 9, "amount": BASIS_KELAS_9},
                    {"kelas_jabatan": 7, "amount": 3_500_000},
                ]
            )
            cls.user_payroll = new_test_user(
                cls.env,
                login="bendahara",
                groups="payroll.group_payroll_user",
            )
            cls.seq = 300

    @classmethod
    def make_tpp_employee(cls, name, predikat=None, state="ditetapkan", **contract):
        """An employee of the Subbagian with an open TPP ASN contract (kelas 9) and,
        with ``predikat``, a January evaluation rated to give it."""
        cls.seq += 1
        employee = cls.env["hr.employee"].create(
            {
                "name": name,
                "asn_status": "pns",
                "nip": make_nip("19910101", "201601", "1", cls.seq),
                "department_id": cls.subbag.id,
                "parent_id": cls.kasubbag.id,
                "job_id": cls.job.id,
            }
        )
        cls.env["hr.contract"].create(
            {
                "name": f"Kontrak {name}",
                "employee_id": employee.id,
                "job_id": cls.job.id,
                "date_start": "2026-01-01",
                "wage": 3_000_000,
                "struct_id": cls.structure.id,
                "state": "open",
                **contract,
            }
        )
        if predikat:
            hasil, perilaku, _persen = DEFAULT_TABLE[predikat]
            with freeze_time("2027-01-05"):
                skp = cls.make_approved_skp(employee)
                cls.make_rated(skp, hasil, perilaku, state=state)
        return employee

    @classmethod
    def make_payslip(cls, employee, month=1, rate=100.0, run=None):
        contract = employee.contract_id
        last = {1: 31, 2: 28}.get(month, 30)
        return cls.env["hr.payslip"].create(
            {
                "employee_id": employee.id,
                "contract_id": contract.id,
                "struct_id": cls.structure.id,
                "date_from": cls.d(month),
                "date_to": cls.d(month, last),
                "payslip_run_id": run and run.id,
                "input_line_ids": [
                    Command.create(
                        {
                            "name": "Attendance rate",
                            "code": "TPP_DISIPLIN",
                            "amount": rate,
                            "contract_id": contract.id,
                        }
                    )
                ],
            }
        )

    @staticmethod
    def lines(payslip):
        """{code: (name, amount, rate, total)} as the payslip shows them."""
        return {
            line.code: (line.name, line.amount, line.rate, line.total)
            for line in payslip.line_ids
        }
