"""TPP ASN on OCA payroll payslips.

A payslip whose structure is marked ``tpp_asn`` gets ``current_contract.tpp`` in its
salary rules: the basis (from the company's TPP basis table or the contract), the
kinerja and disiplin parts, the kinerja factor of the SKP predikat (hr_skp_asn's payroll
API, ``get_tpp_kinerja_factor``) and the line name telling why. The predikat of every
payslip computed together is read in one batch per month, not per employee.
"""

from collections import defaultdict
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import format_date

from odoo.addons.payroll.models.base_browsable import BaseBrowsableObject

TPP_DISIPLIN_INPUT = "TPP_DISIPLIN"
CONTEXT_KEY = "skp_tpp_data"


class HrPayslip(models.Model):
    _inherit = "hr.payslip"

    # ------------------------------------------------------------ payroll hooks

    def compute_sheet(self):
        payslips = self
        if not self.env.context.get("lang"):
            # an integration that names no language gets the user's own, as the
            # web client sends it: line names and months in Indonesian
            payslips = self.with_context(lang=self.env.user.lang)
        tpp_slips = payslips._skp_tpp_slips()
        if tpp_slips:
            payslips = payslips.with_context(
                **{CONTEXT_KEY: tpp_slips._skp_tpp_prefetch()}
            )
        return super(HrPayslip, payslips).compute_sheet()

    @api.model
    def get_inputs(self, contracts, date_from, date_to):
        """The attendance rate of the TPP disiplin starts at 100%: the payroll officer
        lowers it for the employees the attendance records say so."""
        res = super().get_inputs(contracts, date_from, date_to)
        if not self:
            # OCA's batch wizard asks the model, which knows no structure: the inputs
            # of the TPP structures of the contracts, as a payslip would list them
            have = {(line["contract_id"], line["code"]) for line in res}
            for contract in contracts:
                structures = contract.struct_id.get_structure_with_parents()
                if not any(structures.mapped("tpp_asn")):
                    continue
                for rule_input in structures.get_all_rules().input_ids:
                    if (contract.id, rule_input.code) not in have:
                        have.add((contract.id, rule_input.code))
                        res.append(
                            {
                                "name": rule_input.name,
                                "code": rule_input.code,
                                "contract_id": contract.id,
                            }
                        )
        for line in res:
            if line.get("code") == TPP_DISIPLIN_INPUT:
                line.setdefault("amount", 100.0)
        return res

    def get_current_contract_dict(self, contract, contracts):
        res = super().get_current_contract_dict(contract, contracts)
        data = self.env.context.get(CONTEXT_KEY, {}).get(self.id)
        if data is None and self._skp_tpp_slips():
            # computed outside compute_sheet (one payslip): the same batch code
            data = self._skp_tpp_prefetch()[self.id]
        if data is not None:
            basis = data["basis"][contract.id]
            res["tpp"] = BaseBrowsableObject(
                {
                    "basis": basis,
                    "kinerja_share": data["kinerja_share"],
                    "disiplin_share": data["disiplin_share"],
                    "kinerja_amount": basis * data["kinerja_share"] / 100.0,
                    "disiplin_amount": basis * data["disiplin_share"] / 100.0,
                    "kinerja_factor": data["factor"],
                    "kinerja_name": data["kinerja_name"],
                    "predikat": data["predikat"],
                }
            )
        return res

    # ------------------------------------------------------------ TPP values

    def _skp_tpp_slips(self):
        """The payslips computed with a TPP ASN structure."""
        return self.filtered(
            lambda slip: any(
                (slip.struct_id or slip.contract_id.struct_id)
                .get_structure_with_parents()
                .mapped("tpp_asn")
            )
        )

    def _skp_tpp_month(self):
        """(year, month) whose predikat pays this payslip (company setting)."""
        self.ensure_one()
        day = self.date_from
        if self.company_id.skp_tpp_predikat_month == "previous":
            day -= relativedelta(months=1)
        return day.year, day.month

    def _skp_tpp_prefetch(self):
        """{payslip id: TPP values} for these payslips, with a number of queries
        that does not grow with the number of payslips (one predikat batch per
        month). Only for a user who may compute them: the SKP data is then read as
        the superuser through hr_skp_asn's payroll API."""
        self.check_access("write")
        self._skp_tpp_check_inputs()
        months = {slip.id: slip._skp_tpp_month() for slip in self}
        kinerja = self._skp_tpp_kinerja(months)
        tables = self.env["hr.skp.tpp.basis"]._get_tables(self.company_id)
        labels = dict(
            self.env["hr.skp.evaluasi"]
            ._fields["predikat"]
            ._description_selection(self.env)
        )
        result = {}
        missing = []
        for slip in self:
            company = slip.company_id
            year, month = months[slip.id]
            predikat, factor = kinerja[slip.employee_id.id, year, month]
            period = format_date(
                self.env,
                date(year, month, 1),
                lang_code=self.env.lang or "en_US",
                date_format="MMMM y",
            )
            if predikat:
                name = self.env._(
                    "TPP Kinerja (predikat %(predikat)s, %(month)s)",
                    predikat=labels.get(predikat, predikat),
                    month=period,
                )
            else:
                name = self.env._(
                    "TPP Kinerja cut: no ditetapkan SKP evaluation for %(month)s",
                    month=period,
                )
            basis = {}
            # the contract of the payslip (prefetched with the others), else OCA's
            # contracts of the period
            for contract in slip.contract_id or slip._get_employee_contracts():
                amount, key = self._skp_tpp_basis(contract, tables[company.id])
                if not amount:
                    missing.append(f"{slip.employee_id.name} ({key})")
                basis[contract.id] = amount
            result[slip.id] = {
                "basis": basis,
                "kinerja_share": company.skp_tpp_kinerja_share,
                "disiplin_share": company.skp_tpp_disiplin_share,
                "factor": factor,
                "predikat": predikat or "",
                "kinerja_name": name,
            }
        if missing:
            raise UserError(
                self.env._(
                    "No TPP basis for: %(missing)s. Fill the TPP basis table (Payroll "
                    "> Configuration > TPP Basis) or the contract, as the TPP ASN "
                    "settings say.",
                    missing=", ".join(missing),
                )
            )
        return result

    def _skp_tpp_kinerja(self, months):
        """{(employee id, year, month): (predikat, factor)}: one batch per month
        through hr_skp_asn's public payroll API (called as the superuser after the
        access check of the caller)."""
        Employee = self.env["hr.employee"].sudo()
        by_month = defaultdict(lambda: self.env["hr.employee"])
        for slip in self:
            by_month[months[slip.id]] |= slip.employee_id
        result = {}
        for (year, month), employees in by_month.items():
            with_nip = employees.filtered("nip")
            nips = with_nip.mapped("nip")
            predikat = nips and Employee.get_skp_predikat_batch(nips, year, month)
            factors = nips and Employee.get_tpp_kinerja_factor_batch(nips, year, month)
            for employee in with_nip:
                result[employee.id, year, month] = (
                    predikat[employee.nip]["predikat"],
                    factors[employee.nip],
                )
            # a PPPK whose NI PPPK is not issued yet: asked one by one
            for employee in (employees - with_nip).sudo():
                result[employee.id, year, month] = (
                    employee.get_skp_predikat(year, month)["predikat"],
                    employee.get_tpp_kinerja_factor(year, month),
                )
        return result

    @api.model
    def _skp_tpp_basis(self, contract, table):
        """(monthly TPP basis of the contract or 0.0, what it was looked up by)."""
        source = contract.company_id.skp_tpp_basis_source
        if source == "contract":
            return contract.tpp_basis, contract.display_name
        if source == "jabatan":
            job = contract.job_id or contract.employee_id.job_id
            return table["jabatan"].get(job.id, 0.0), job.name or self.env._(
                "no jabatan"
            )
        kelas = contract.kelas_jabatan
        return table["kelas_jabatan"].get(kelas, 0.0), self.env._(
            "kelas jabatan %(kelas)s", kelas=kelas or "-"
        )

    def _skp_tpp_check_inputs(self):
        without = self.filtered(
            lambda slip: TPP_DISIPLIN_INPUT not in slip.input_line_ids.mapped("code")
        )
        if without:
            raise UserError(
                self.env._(
                    "Enter the attendance rate of the TPP disiplin (input %(code)s, "
                    "0-100%%) on the payslips of: %(employees)s.",
                    code=TPP_DISIPLIN_INPUT,
                    employees=", ".join(without.employee_id.mapped("name")),
                )
            )
        for line in self.input_line_ids:
            if line.code == TPP_DISIPLIN_INPUT and not 0 <= line.amount <= 100:
                raise UserError(
                    self.env._(
                        "The attendance rate of the TPP disiplin of %(employee)s is "
                        "%(rate)s: enter a percentage from 0 to 100.",
                        employee=line.payslip_id.employee_id.name,
                        rate=line.amount,
                    )
                )
