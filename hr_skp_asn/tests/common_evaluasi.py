from datetime import date

from .common import SkpCommon


class EvaluasiCommon(SkpCommon):
    """The lead's OPD plus approved SKP for the pelaksana (kuantitatif, two indikator:
    higher-is-better 85 and lower-is-better range 7-8 bulan) and helpers to build
    rated evaluations quickly."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Evaluasi = cls.env["hr.skp.evaluasi"]
        cls.skp = cls.make_approved_skp(
            cls.pelaksana,
            pendekatan="kuantitatif",
            indikator=[
                {
                    "name": "Persentase dokumen selesai",
                    "target_min": 85,
                    "satuan": "%",
                    "aspek": "kualitas",
                },
                {
                    "name": "Waktu penyelesaian",
                    "target_min": 7,
                    "target_max": 8,
                    "satuan": "bulan",
                    "aspek": "waktu",
                    "polaritas": "minimize",
                },
            ],
        )

    @classmethod
    def make_approved_skp(cls, employee, indikator=None, **vals):
        """An SKP with one RHK (intervening the pejabat penilai's, see leader_rhk),
        submitted and approved by the people who do it."""
        indikator = indikator or [
            {"name": "Jumlah laporan", "target_min": 12, "satuan": "laporan"}
        ]
        skp = cls.make_skp(
            employee,
            rhk=[
                {
                    "name": f"Tersusunnya hasil kerja {employee.name}",
                    "rhk_atasan_id": cls.leader_rhk(employee).id,
                    "indikator": indikator,
                }
            ],
            **vals,
        )
        return cls.approve(skp)

    @classmethod
    def make_evaluasi(cls, skp, periode="bulanan", ke=1, **vals):
        return cls.env["hr.skp.evaluasi"].create(
            {"skp_id": skp.id, "periode": periode, "periode_ke": ke, **vals}
        )

    @classmethod
    def make_rated(
        cls, skp, hasil, perilaku, periode="bulanan", ke=1, state="ditetapkan"
    ):
        """An evaluation rated by the BKD admin and brought to ``state``."""
        ev = cls.make_evaluasi(skp, periode, ke)
        admin = ev.with_user(cls.user_admin_bkd)
        admin.action_ajukan()
        admin.write({"rating_hasil_kerja": hasil, "rating_perilaku": perilaku})
        if state in ("dinilai", "ditetapkan"):
            admin.action_nilai()
        if state == "ditetapkan":
            admin.action_tetapkan()
        return ev

    @staticmethod
    def d(month, day=1, year=None):
        return date(year or SkpCommon.YEAR, month, day)
