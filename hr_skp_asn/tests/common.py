from datetime import date

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

# marks an SKP made by leader_rhk() only to be intervened
LEADER_MARK = "SKP pimpinan (fixture)"


def make_nip(birth="19800101", tmt="200501", gender="1", seq=1):
    """A valid 18-digit NIP (DOMAIN §5): birth date, TMT CPNS, gender, sequence."""
    return f"{birth}{tmt}{gender}{seq:03d}"


class SkpCommon(TransactionCase):
    """An OPD with a cascade: Kepala Dinas (JPT) → Kepala Bidang (administrator) →
    Kepala Subbagian (pengawas) → pelaksana and fungsional, plus PPPK and PPPK PW."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.company = cls.env.company
        Department = cls.env["hr.department"]
        cls.dinas = Department.create({"name": "Dinas Uji"})
        cls.bidang = Department.create(
            {"name": "Bidang Uji", "parent_id": cls.dinas.id}
        )
        cls.subbag = Department.create(
            {"name": "Subbagian Uji", "parent_id": cls.bidang.id}
        )
        cls.other_dept = Department.create({"name": "Dinas Lain"})

        def user(login, groups="hr_skp_asn.group_skp_pegawai", **kw):
            return new_test_user(cls.env, login=login, groups=groups, **kw)

        cls.user_kadis = user("kadis")
        cls.user_kabid = user("kabid")
        cls.user_kasubbag = user("kasubbag")
        cls.user_pelaksana = user("pelaksana")
        cls.user_fungsional = user("fungsional")
        cls.user_other = user("other")
        cls.user_pengelola = user("pengelola", groups="hr_skp_asn.group_skp_pengelola")
        cls.user_admin_bkd = user("adminbkd", groups="hr_skp_asn.group_skp_admin")
        cls.user_portal = new_test_user(
            cls.env, login="portalpw", groups="base.group_portal"
        )
        cls.bidang.skp_pengelola_ids = [Command.link(cls.user_pengelola.id)]

        Employee = cls.env["hr.employee"]
        cls.kadis = Employee.create(
            {
                "name": "Kepala Dinas",
                "user_id": cls.user_kadis.id,
                "department_id": cls.dinas.id,
                "nip": make_nip("19700101", "199503", "1", 1),
                "asn_status": "pns",
                "jenis_jabatan": "jpt",
                "pangkat_golongan": "IV/c",
                "job_title": "Kepala Dinas",
            }
        )
        cls.kabid = Employee.create(
            {
                "name": "Kepala Bidang",
                "user_id": cls.user_kabid.id,
                "department_id": cls.bidang.id,
                "parent_id": cls.kadis.id,
                "nip": make_nip("19750202", "200003", "2", 2),
                "asn_status": "pns",
                "jenis_jabatan": "administrator",
                "pangkat_golongan": "IV/a",
                "job_title": "Kepala Bidang",
            }
        )
        cls.kasubbag = Employee.create(
            {
                "name": "Kepala Subbagian",
                "user_id": cls.user_kasubbag.id,
                "department_id": cls.subbag.id,
                "parent_id": cls.kabid.id,
                "nip": make_nip("19800303", "200501", "1", 3),
                "asn_status": "pns",
                "jenis_jabatan": "pengawas",
                "pangkat_golongan": "III/d",
                "job_title": "Kepala Subbagian",
            }
        )
        cls.pelaksana = Employee.create(
            {
                "name": "Pelaksana",
                "user_id": cls.user_pelaksana.id,
                "department_id": cls.subbag.id,
                "parent_id": cls.kasubbag.id,
                "nip": make_nip("19900404", "201503", "2", 4),
                "asn_status": "pns",
                "jenis_jabatan": "pelaksana",
                "pangkat_golongan": "III/a",
                "job_title": "Pengadministrasi Umum",
            }
        )
        cls.fungsional = Employee.create(
            {
                "name": "Pranata Komputer",
                "user_id": cls.user_fungsional.id,
                "department_id": cls.bidang.id,
                "parent_id": cls.kabid.id,
                "nip": make_nip("19880505", "201203", "1", 5),
                "asn_status": "pns",
                "jenis_jabatan": "fungsional",
                "jenjang_fungsional": "ahli_pertama",
                "pangkat_golongan": "III/b",
            }
        )
        cls.pppk_pw = Employee.create(
            {
                "name": "PPPK Paruh Waktu",
                "user_id": cls.user_portal.id,
                "department_id": cls.subbag.id,
                "parent_id": cls.kasubbag.id,
                "asn_status": "pppk_pw",
                "jenis_jabatan": "pelaksana",
                "pangkat_golongan": "V",
                "tanggal_sk": date(cls.YEAR, 3, 2),
            }
        )
        cls.other = Employee.create(
            {
                "name": "Pegawai Dinas Lain",
                "user_id": cls.user_other.id,
                "department_id": cls.other_dept.id,
                "nip": make_nip("19850606", "201001", "2", 6),
                "asn_status": "pns",
                "jenis_jabatan": "pelaksana",
            }
        )
        cls.flush_tracking()

    @classmethod
    def flush_tracking(cls):
        """Write pending tracking values (mail posts them at commit time)."""
        cls.env.flush_all()
        cls.cr.flush()
        cls.env.invalidate_all()

    # -------------------------------------------------------------- builders
    @classmethod
    def make_skp(cls, employee, rhk=None, **vals):
        """An SKP with RHK; ``rhk`` is a list of dicts (name, jenis, rhk_atasan_id,
        perspektif) each getting one indikator unless it says otherwise."""
        rhk = (
            rhk if rhk is not None else [{"name": f"Terwujudnya hasil {employee.name}"}]
        )
        lines = []
        for line in rhk:
            line = dict(line)
            indikator = line.pop(
                "indikator",
                [{"name": "Persentase penyelesaian", "target_min": 100, "satuan": "%"}],
            )
            line["indikator_ids"] = [Command.create(i) for i in indikator]
            lines.append(Command.create(line))
        cls.retire_leader_skp(employee)
        return cls.env["hr.skp"].create(
            {"employee_id": employee.id, "year": cls.YEAR, "rhk_ids": lines, **vals}
        )

    @classmethod
    def retire_leader_skp(cls, employee):
        """An SKP made only so that a subordinate's RHK has one to intervene
        (``leader_rhk``) makes room, cancelled by HR, for the one a test builds."""
        leader = cls.env["hr.skp"].search(
            [
                ("employee_id", "=", employee.id),
                ("year", "=", cls.YEAR),
                ("state", "!=", "batal"),
                ("konsekuensi", "=", LEADER_MARK),
            ]
        )
        if leader:
            leader.with_user(cls.user_admin_bkd).action_batal()

    @classmethod
    def leader_rhk(cls, employee):
        """An RHK of an approved SKP of the employee's pejabat penilai for the
        employee's RHK utama to intervene (DOMAIN §1), made through the workflow
        when the penilai has none; none for a JPT or without a pejabat penilai."""
        penilai = employee.pejabat_penilai_id
        if employee.jenis_jabatan == "jpt" or not penilai:
            return cls.env["hr.skp.rhk"]
        skp = cls.env["hr.skp"].search(
            [
                ("employee_id", "=", penilai.id),
                ("year", "=", cls.YEAR),
                ("state", "in", ("disetujui", "selesai")),
            ],
            limit=1,
        )
        if not skp:
            if penilai.jenis_jabatan == "jpt":
                skp = cls.make_jpt_skp(penilai)
            else:
                skp = cls.make_skp(
                    penilai,
                    rhk=[
                        {
                            "name": f"Terwujudnya hasil {penilai.name}",
                            "rhk_atasan_id": cls.leader_rhk(penilai).id,
                        }
                    ],
                )
            skp.write({"konsekuensi": LEADER_MARK})
            cls.approve(skp)
        return skp.rhk_ids.sorted("id")[:1]

    @classmethod
    def make_child_skp(cls, employee, leader_skp, name="Tersusunnya arsip", **vals):
        """A JA/JF SKP whose one RHK utama intervenes the leader's first RHK."""
        return cls.make_skp(
            employee,
            rhk=[{"name": name, "rhk_atasan_id": leader_skp.rhk_ids[0].id}],
            **vals,
        )

    @classmethod
    def make_jpt_skp(cls, employee):
        return cls.make_skp(
            employee,
            rhk=[
                {
                    "name": "Meningkatnya kepuasan layanan",
                    "perspektif": "penerima_layanan",
                },
                {"name": "Terselenggaranya tata kelola", "perspektif": "proses_bisnis"},
                {
                    "name": "Meningkatnya kompetensi SDM",
                    "perspektif": "penguatan_internal",
                },
                {"name": "Terealisasinya anggaran", "perspektif": "anggaran"},
            ],
        )

    @classmethod
    def approve(cls, skp):
        """Submit and approve as the people who do it."""
        skp.with_user(skp.employee_id.user_id or cls.user_admin_bkd).action_ajukan()
        approver = skp.pejabat_penilai_id.user_id or cls.user_admin_bkd
        skp.with_user(approver).action_setujui()
        return skp

    @classmethod
    def make_cascade(cls):
        """Approved SKP from the Kepala Dinas down to the Kepala Subbagian."""
        cls.skp_kadis = cls.make_jpt_skp(cls.kadis)
        cls.approve(cls.skp_kadis)
        cls.skp_kabid = cls.make_skp(
            cls.kabid,
            rhk=[
                {
                    "name": "Tersusunnya kebijakan bidang",
                    "rhk_atasan_id": cls.skp_kadis.rhk_ids[1].id,
                }
            ],
        )
        cls.approve(cls.skp_kabid)
        cls.skp_kasubbag = cls.make_skp(
            cls.kasubbag,
            rhk=[
                {
                    "name": "Terlaksananya administrasi subbagian",
                    "rhk_atasan_id": cls.skp_kabid.rhk_ids[0].id,
                }
            ],
        )
        cls.approve(cls.skp_kasubbag)
        cls.flush_tracking()
