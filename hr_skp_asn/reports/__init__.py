from . import hr_skp_status_report
from . import hr_skp_documents
from . import report_rekap_xlsx
