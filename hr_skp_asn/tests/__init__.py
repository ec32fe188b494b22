from . import test_rules
from . import test_employee
from . import test_skp_workflow
from . import test_skp_access
from . import test_skp_generate
from . import test_skp_status
