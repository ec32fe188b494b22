from . import hr_skp_status_report
