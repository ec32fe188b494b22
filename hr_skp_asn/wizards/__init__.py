from . import hr_skp_alasan_wizard
from . import hr_skp_revisi_wizard
from . import hr_skp_penilai_wizard
