from . import test_tpp_payslip
from . import test_rpc_batch
