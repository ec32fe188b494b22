from . import res_company
from . import res_config_settings
from . import hr_job
from . import hr_contract
from . import hr_payroll_structure
from . import hr_skp_tpp_basis
from . import hr_payslip
