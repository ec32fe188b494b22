"""`make bench [N=...]`: a synthetic instansi of N employees, measured (issue: scale).

Builds, in a throw-away database on the embedded PostgreSQL (or the one PG* name), N
employees in a tree of 49 units (~10% PPPK Paruh Waktu), cascading approved SKP (3 RHK,
5 indikator) and the year's evaluations rated and ditetapkan, all through the addon's
own batch API (hr.skp.generate, _generate_evaluasi, the workflow actions); then times
what a province does at scale and writes bench/results.md (a Markdown table with the
targets, met / not met) and bench/results.json (one number per key; null when a
measurement does not apply yet, e.g. a report or portal route not installed).

The OCA peer (hr_appraisal_oca 18.0, from PyPI, installed --no-deps into the
virtualenv by the bench only) gets the same N in the same database for the list and
group-by comparisons. The portal load runs against Odoo in --workers mode on
127.0.0.1 only, bounded in time and in number of requests; with --replica, the same
load runs with a streaming replica of the embedded cluster (--db_replica_host/port).

Run through tools/bench.sh (it starts PostgreSQL and sets the paths).
"""

import argparse
import contextlib
import http.cookiejar
import itertools
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xmlrpc.client
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_REQUIREMENT = "odoo-addon-hr_appraisal_oca>=18.0,<18.1"
PASSWORD = "bench-pw-1"  # throw-away database on 127.0.0.1 only
YEAR = date.today().year - 1  # a whole ended year: every period can be closed

# key, label, unit, target text, check(value, results) -> bool
TARGETS = [
    ("n", "Employees", "", "", None),
    ("generation_s", "SKP generation", "s", "", None),
    ("generation_rows", "SKP rows (SKP and lines)", "", "", None),
    (
        "generation_rows_per_s",
        "SKP generation rate",
        "rows/s",
        "≥ 0.3 × limit",
        lambda v, r: v >= 0.3 * r["limit_rows_per_s"],
    ),
    ("evaluasi_generation_s", "Year's evaluations generation", "s", "", None),
    ("evaluasi_rows", "Evaluation rows (evaluations and lines)", "", "", None),
    (
        "evaluasi_rows_per_s",
        "Evaluation generation rate",
        "rows/s",
        "≥ 0.3 × limit",
        lambda v, r: v >= 0.3 * r["limit_rows_per_s"],
    ),
    ("limit_rows_per_s", "Limit: execute_values of the same rows", "rows/s", "", None),
    (
        "ajukan_queries_per_record",
        "Evaluation action_ajukan (batch)",
        "queries/record",
        "≤ 10",
        lambda v, r: v <= 10,
    ),
    (
        "tetapkan_queries_per_record",
        "Evaluation action_tetapkan (batch)",
        "queries/record",
        "≤ 10",
        lambda v, r: v <= 10,
    ),
    (
        "skp_ajukan_queries_per_record",
        "SKP action_ajukan (batch)",
        "queries/record",
        "≤ 10",
        lambda v, r: v <= 10,
    ),
    ("predikat_all_s", "get_skp_predikat of every employee", "s", "≤ 30", None),
    ("distribusi_all_s", "check_distribusi of every unit", "s", "≤ 10", None),
    ("batch_api_s", "get_skp_predikat_batch, all NIPs (XML-RPC)", "s", "≤ 1", None),
    ("tpp_factor_all_s", "TPP factor, all NIPs (XML-RPC)", "s", "≤ 1", None),
    ("xlsx_largest_unit_s", "XLSX rekap, largest unit", "s", "", None),
    ("xlsx_all_s", "XLSX rekap, every unit", "s", "≤ 60", None),
    ("pdf_100_s", "PDF, 100 evaluations", "s", "", None),
    ("list_ms", "SKP list (80 rows)", "ms", "≤ 1.2 × peer", None),
    ("peer_list_ms", "Peer: appraisal list (80 rows)", "ms", "", None),
    ("read_group_ms", "SKP grouped by unit", "ms", "≤ 1.2 × peer", None),
    ("peer_read_group_ms", "Peer: appraisals grouped by unit", "ms", "", None),
    ("employee_create_ms_small", "Employee create at N/4", "ms/employee", "", None),
    (
        "employee_create_ms_large",
        "Employee create at N",
        "ms/employee",
        "≤ 1.2 × at N/4",
        None,
    ),
    (
        "kalkulator_form_ms",
        "Evaluation form with the kalkulator, largest unit",
        "ms",
        "≤ 100",
        None,
    ),
    ("peak_rss_mb", "Peak memory of the generation process", "MB", "≤ 1024", None),
    ("portal_rps", "Portal throughput", "req/s", "", None),
    ("portal_p50_ms", "Portal p50", "ms", "", None),
    ("portal_p95_ms", "Portal p95", "ms", "≤ 300", None),
    ("portal_errors", "Portal errors", "", "0", None),
]
SIMPLE_TARGETS = {
    "predikat_all_s": lambda v, r: v <= 30,
    "distribusi_all_s": lambda v, r: v <= 10,
    "batch_api_s": lambda v, r: v <= 1,
    "tpp_factor_all_s": lambda v, r: v <= 1,
    "xlsx_all_s": lambda v, r: v <= 60,
    # without the peer (--no-peer): KeyError/TypeError, "not measured"
    "list_ms": lambda v, r: v <= 1.2 * r["peer_list_ms"],
    "read_group_ms": lambda v, r: v <= 1.2 * r["peer_read_group_ms"],
    "employee_create_ms_large": lambda v, r: v <= 1.2 * r["employee_create_ms_small"],
    "kalkulator_form_ms": lambda v, r: v <= 100,
    "peak_rss_mb": lambda v, r: v <= 1024,
    "portal_p95_ms": lambda v, r: v <= 300,
    "portal_errors": lambda v, r: v == 0 and r.get("portal_rps") is not None,
}


def log(msg):
    sys.stdout.write(f"[bench {time.strftime('%H:%M:%S')}] {msg}\n")
    sys.stdout.flush()


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def median_ms(fn, runs=5):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def make_nip(index, pppk=False):
    """A valid, unique 18-digit NIP: birth date, TMT, gender, sequence."""
    year = 1970 + (index // 999) % 30
    month = 1 + (index // (999 * 30)) % 12
    birth = f"{year}{month:02d}15"
    tmt = f"{min(year + 25, 2022)}03" if not pppk else "202201"
    return f"{birth}{tmt}{1 + index % 2}{index % 999 + 1:03d}"


# ---------------------------------------------------------------- Odoo in-process
class Bench:
    def __init__(self, args):
        self.args = args
        self.results = {"n": args.n}
        self.db = args.db or f"skp_bench_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
        self.run_dir = Path(os.environ.get("RUN_DIR", ROOT / ".run"))
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.odoo_bin = [
            sys.executable,
            os.path.join(os.environ["ODOO_DIR"], "odoo-bin"),
        ]
        self.addons_path = os.environ["ADDONS_PATH"]
        self.server = None
        self.url = None

    # --- database
    def install(self):
        modules = ["hr_skp_asn"]
        if self.args.peer:
            self.install_peer()
            modules.append("hr_appraisal_oca")
        log(f"creating database {self.db} with {', '.join(modules)} (no demo)")
        logfile = self.run_dir / "bench-install.log"
        subprocess.run(
            [
                *self.odoo_bin,
                f"--addons-path={self.addons_path}",
                "-d",
                self.db,
                "-i",
                ",".join(modules),
                "--without-demo=all",
                "--stop-after-init",
                "--no-http",
                "--max-cron-threads=0",
                f"--logfile={logfile}",
            ],
            check=True,
        )

    def install_peer(self):
        """The OCA peer into the virtualenv, without touching its dependencies."""
        pip = [sys.executable, "-m", "pip"]
        have = subprocess.run(
            [*pip, "show", "odoo-addon-hr_appraisal_oca"], capture_output=True
        )
        if have.returncode != 0:
            log(f"pip install --no-deps {PEER_REQUIREMENT}")
            subprocess.run(
                [*pip, "install", "-q", "--no-deps", PEER_REQUIREMENT], check=True
            )
        # the wheel installs into site-packages/odoo/addons (a namespace package)
        site = subprocess.run(
            [*pip, "show", "-f", "odoo-addon-hr_appraisal_oca"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        location = re.search(r"^Location: (.+)$", site, re.M).group(1)
        peer_dir = os.path.join(location, "odoo", "addons")
        if peer_dir not in self.addons_path.split(","):
            self.addons_path = f"{self.addons_path},{peer_dir}"

    def drop(self):
        subprocess.run(["dropdb", "--if-exists", "--force", self.db], check=False)

    def odoo(self):
        sys.path.insert(0, os.environ["ODOO_DIR"])
        import odoo  # pylint: disable=import-outside-toplevel

        odoo.tools.config.parse_config(
            [f"--addons-path={self.addons_path}", "-d", self.db, "--log-level=warn"]
        )
        self.registry = odoo.modules.registry.Registry(self.db)
        self.api = odoo.api
        return odoo

    @contextlib.contextmanager
    def env(self, user=None):
        with self.registry.cursor() as cr:
            env = self.api.Environment(cr, 1, {"lang": "en_US"})
            if user:
                env = env(user=user)
            yield env

    # --- the instansi
    def build(self):
        with self.env() as env:
            admin = env.ref("base.user_admin")
            admin.write(
                {
                    "password": PASSWORD,
                    "groups_id": [
                        (4, env.ref("hr_skp_asn.group_skp_admin").id),
                        (4, env.ref("hr.group_hr_manager").id),
                    ],
                }
            )
            env.company.skp_evaluasi_periode = "bulanan"
            Department = env["hr.department"]
            root = Department.create({"name": "Pemerintah Provinsi (bench)"})
            dinas = Department.create(
                [{"name": f"Dinas {i + 1:02d}", "parent_id": root.id} for i in range(8)]
            )
            bidang = Department.create(
                [
                    {"name": f"Bidang {d.name[-2:]}.{j + 1}", "parent_id": d.id}
                    for d in dinas
                    for j in range(5)
                ]
            )
            self.units = (root | dinas | bidang).ids
            jobs = {
                key: env["hr.job"].create({"name": f"{name} (bench)"})
                for key, name in [
                    ("jpt", "Kepala Perangkat Daerah"),
                    ("administrator", "Kepala Bidang"),
                    ("pelaksana", "Pelaksana"),
                    ("fungsional", "Pranata Komputer"),
                ]
            }
            self.make_templates(env, jobs)
            self.jobs = {key: job.id for key, job in jobs.items()}
            self.bidang_ids = bidang.ids
            self.dinas_ids = dinas.ids
            self.root_id = root.id
        self.make_employees()
        self.make_users()

    def make_templates(self, env, jobs):
        def rhk(name, atasan, perspektif=False, jenis="utama", ind=2):
            return (
                0,
                0,
                {
                    "name": name,
                    "jenis": jenis,
                    "rhk_atasan_name": atasan,
                    "perspektif": perspektif,
                    "indikator_ids": [
                        (
                            0,
                            0,
                            {
                                "name": f"Jumlah {name.lower()} ke-{k + 1}",
                                "aspek": "kuantitas",
                                "target_min": 10,
                                "satuan": "dokumen",
                            },
                        )
                        for k in range(ind)
                    ],
                },
            )

        Template = env["hr.skp.template"]
        Template.create(
            {
                "name": "JPT (bench)",
                "job_id": jobs["jpt"].id,
                "rhk_ids": [
                    rhk("Meningkatnya kualitas layanan publik", "", "penerima_layanan"),
                    rhk("Meningkatnya efektivitas proses bisnis", "", "proses_bisnis"),
                    rhk(
                        "Meningkatnya kapasitas SDM aparatur",
                        "",
                        "penguatan_internal",
                        ind=1,
                    ),
                    rhk("Terkelolanya anggaran yang akuntabel", "", "anggaran", ind=1),
                ],
            }
        )
        up = "Meningkatnya kualitas layanan publik"
        Template.create(
            {
                "name": "Administrator (bench)",
                "job_id": jobs["administrator"].id,
                "rhk_ids": [
                    rhk("Terlaksananya program layanan bidang", up),
                    rhk("Tersusunnya laporan kinerja bidang", up),
                    rhk("Terlaksananya pembinaan pegawai", "", jenis="tambahan", ind=1),
                ],
            }
        )
        for key in ("pelaksana", "fungsional"):
            Template.create(
                {
                    "name": f"{key} (bench)",
                    "job_id": jobs[key].id,
                    "rhk_ids": [
                        rhk(
                            "Terselesaikannya dokumen layanan",
                            "Terlaksananya program layanan bidang",
                        ),
                        rhk(
                            "Tersusunnya bahan laporan",
                            "Tersusunnya laporan kinerja bidang",
                        ),
                        rhk(
                            "Terlaksananya tugas tambahan", "", jenis="tambahan", ind=1
                        ),
                    ],
                }
            )

    def make_employees(self):
        """N employees: heads of the 49 units first, then staff spread over the 40
        bidang (the first bidang three times as large: the 'largest unit')."""
        n = self.args.n
        heads = 1 + len(self.dinas_ids) + len(self.bidang_ids)
        staff = max(n - heads, 0)
        weights = [3] + [1] * (len(self.bidang_ids) - 1)
        per = [staff * w // sum(weights) for w in weights]
        per[0] += staff - sum(per)
        timings = []
        index = 0

        def vals(name, dept, parent, jenis, job, status="pns"):
            nonlocal index
            index += 1
            return {
                "name": f"{name} {index:05d}",
                "department_id": dept,
                "parent_id": parent,
                "nip": make_nip(index, pppk=status != "pns"),
                "asn_status": status,
                "jenis_jabatan": jenis,
                "jenjang_fungsional": "ahli_pertama"
                if jenis == "fungsional"
                else False,
                "pangkat_golongan": "III/a",
                "job_id": job,
                "job_title": name,
            }

        def create(vals_list):
            if not vals_list:
                return []
            with self.env() as env:
                start = time.perf_counter()
                ids = env["hr.employee"].create(vals_list).ids
                env.flush_all()
                elapsed = time.perf_counter() - start
            timings.append((index, elapsed * 1000 / len(vals_list)))
            return ids

        log(f"creating {n} employees in {heads} unit heads and {staff} staff")
        [sekda] = create(
            [vals("Sekretaris Daerah", self.root_id, False, "jpt", self.jobs["jpt"])]
        )
        kadis = create(
            [
                vals("Kepala Dinas", d, sekda, "jpt", self.jobs["jpt"])
                for d in self.dinas_ids
            ]
        )
        kabid = create(
            [
                vals(
                    "Kepala Bidang",
                    b,
                    kadis[i // 5],
                    "administrator",
                    self.jobs["administrator"],
                )
                for i, b in enumerate(self.bidang_ids)
            ]
        )
        self.heads = {self.root_id: sekda}
        self.heads.update(zip(self.dinas_ids, kadis, strict=True))
        self.heads.update(zip(self.bidang_ids, kabid, strict=True))
        pending = []
        self.largest_unit = self.bidang_ids[0]
        for b, count in zip(self.bidang_ids, per, strict=True):
            for k in range(count):
                pw = (index + 1) % 10 == 0  # ~10% PPPK Paruh Waktu
                fungsional = k % 4 == 3
                pending.append(
                    vals(
                        "PPPK PW" if pw else ("Pranata" if fungsional else "Pelaksana"),
                        b,
                        self.heads[b],
                        "fungsional" if fungsional else "pelaksana",
                        self.jobs["fungsional" if fungsional else "pelaksana"],
                        "pppk_pw" if pw else "pns",
                    )
                )
                if len(pending) == 200:
                    create(pending)
                    pending = []
        create(pending)
        with self.env() as env:
            for dept, head in self.heads.items():
                env["hr.department"].browse(dept).manager_id = head
        small = next((ms for idx, ms in timings if idx >= n // 4), timings[-1][1])
        self.results["employee_create_ms_small"] = round(small, 2)
        self.results["employee_create_ms_large"] = round(timings[-1][1], 2)

    def make_users(self):
        """Internal users for the unit heads (they rate), portal users for staff."""
        log("creating the users (heads internal, staff portal)")
        with self.env() as env:
            Users = env["res.users"].with_context(
                no_reset_password=True, tracking_disable=True
            )
            employees = env["hr.employee"].search([("id", "!=", 0)], order="id")
            pegawai = env.ref("hr_skp_asn.group_skp_pegawai").id
            portal = env.ref("base.group_portal").id
            head_ids = set(self.heads.values())
            vals_list = []
            for employee in employees:
                login = f"bench{employee.id}"
                vals_list.append(
                    {
                        "name": employee.name,
                        "login": login,
                        "groups_id": [
                            (6, 0, [pegawai if employee.id in head_ids else portal])
                        ],
                    }
                )
            users = Users.browse()
            for start in range(0, len(vals_list), 500):
                users |= Users.create(vals_list[start : start + 500])
            for employee, user in zip(employees, users, strict=True):
                employee.user_id = user
            # one password hash for all (hashing is slow on purpose: once, not N times)
            env.flush_all()
            env.cr.execute(
                "UPDATE res_users SET password = %s WHERE id IN %s",
                (Users._crypt_context().hash(PASSWORD), tuple(users.ids)),
            )
            self.portal_logins = [
                (u.login, emp.id)
                for emp, u in zip(employees, users, strict=True)
                if emp.id not in head_ids
            ][: self.args.sessions]

    # --- generation
    def generate(self):
        log("generating the SKP (hr.skp.generate, committed batches, by level)")
        with self.env() as env:
            admin_id = env.ref("base.user_admin").id
        elapsed = 0.0  # the generation only, not the approvals between levels
        for job_key in ("jpt", "administrator", "pelaksana", "fungsional"):
            start = time.perf_counter()
            with self.env() as env:
                job = (
                    env["hr.skp.generate"]
                    .with_user(admin_id)
                    .create({"year": YEAR, "job_id": self.jobs[job_key]})
                )
                job.action_start()
                job_id = job.id
            while True:
                with self.env() as env:  # one transaction per batch, as the cron
                    job = env["hr.skp.generate"].with_user(admin_id).browse(job_id)
                    if job.state not in ("antri", "berjalan"):
                        break
                    job._process_batch()
            elapsed += time.perf_counter() - start
            if job_key == "jpt":  # the kepala dinas intervene the sekda: second run
                with self.env() as env:
                    self.approve_level(env, admin_id, "jpt")
            if job_key == "administrator":
                with self.env() as env:
                    self.approve_level(env, admin_id, "administrator")
        with self.env() as env:
            rows = sum(
                env[model].search_count([])
                for model in (
                    "hr.skp",
                    "hr.skp.rhk",
                    "hr.skp.indikator",
                    "hr.skp.perilaku",
                )
            )
        self.results["generation_s"] = round(elapsed, 2)
        self.results["generation_rows"] = rows
        self.results["generation_rows_per_s"] = round(rows / elapsed, 1)
        log("approving the SKP (batch actions)")
        with self.env() as env:
            skps = env["hr.skp"].with_user(admin_id).search([("state", "=", "draft")])
            start_q = env.cr.sql_log_count
            skps.action_ajukan()
            env.flush_all()
            self.results["skp_ajukan_queries_per_record"] = round(
                (env.cr.sql_log_count - start_q) / max(len(skps), 1), 2
            )
            skps.action_setujui()
        self.results["peak_rss_mb"] = round(rss_mb(), 1)

    def approve_level(self, env, admin_id, jenis):
        skps = (
            env["hr.skp"]
            .with_user(admin_id)
            .search(
                [("state", "=", "draft"), ("employee_id.jenis_jabatan", "=", jenis)]
            )
        )
        # the sekda's SKP first: the kepala dinas intervene it
        for level in (
            skps.filtered(lambda s: not s.pejabat_penilai_id.parent_id),
            skps.filtered(lambda s: s.pejabat_penilai_id.parent_id),
        ):
            if level:
                level.action_ajukan()
                level.action_setujui()

    def evaluations(self):
        log("generating the year's evaluations (_generate_evaluasi, committed batches)")
        with self.env() as env:
            skps = env["hr.skp"].search([("state", "=", "disetujui")], order="id")
            start = time.perf_counter()
            skps._generate_evaluasi(batch_size=100, commit=True)
            elapsed = time.perf_counter() - start
            rows = sum(
                env[model].search_count([])
                for model in (
                    "hr.skp.evaluasi",
                    "hr.skp.realisasi",
                    "hr.skp.evaluasi.perilaku",
                )
            )
        self.results["evaluasi_generation_s"] = round(elapsed, 2)
        self.results["evaluasi_rows"] = rows
        self.results["evaluasi_rows_per_s"] = round(rows / elapsed, 1)
        self.results["peak_rss_mb"] = round(rss_mb(), 1)

    def workflow(self):
        """Submit, rate and set every evaluation, month-end style: batches of 1,000."""
        log("submitting, rating and setting every evaluation (batch actions)")
        with self.env() as env:
            admin_id = env.ref("base.user_admin").id
            ids = (
                env["hr.skp.evaluasi"]
                .search([("state", "=", "draft")], order="periode_ke, id")
                .sorted(lambda e: e.periode == "tahunan")
                .ids
            )
        queries = {"ajukan": [0, 0], "tetapkan": [0, 0]}
        ratings = ("di_atas", "sesuai", "sesuai", "sesuai", "di_bawah")
        for start in range(0, len(ids), 1000):
            with self.env() as env:
                evs = (
                    env["hr.skp.evaluasi"]
                    .with_user(admin_id)
                    .browse(ids[start : start + 1000])
                )
                before = env.cr.sql_log_count
                evs.action_ajukan()
                env.flush_all()
                queries["ajukan"][0] += env.cr.sql_log_count - before
                queries["ajukan"][1] += len(evs)
                for k, rating in enumerate(ratings):
                    part = evs.filtered(lambda e, k=k: e.id % len(ratings) == k)
                    part.write(
                        {"rating_hasil_kerja": rating, "rating_perilaku": "sesuai"}
                    )
                evs.action_nilai()
                env.flush_all()
                before = env.cr.sql_log_count
                evs.action_tetapkan()
                env.flush_all()
                queries["tetapkan"][0] += env.cr.sql_log_count - before
                queries["tetapkan"][1] += len(evs)
        for key, (count, records) in queries.items():
            self.results[f"{key}_queries_per_record"] = round(
                count / max(records, 1), 2
            )
        with self.env() as env:
            env["hr.skp.capaian.organisasi"].create(
                [
                    {
                        "department_id": unit,
                        "year": YEAR,
                        "periode": "tahunan",
                        "predikat_organisasi": "baik",
                    }
                    for unit in self.units
                ]
            )

    def limit(self):
        """The database's own pace: the same rows inserted with execute_values into
        copies of the tables (with their indexes), in this run."""
        log("measuring the limit (psycopg2 execute_values into table copies)")
        # pylint: disable=import-outside-toplevel
        from psycopg2 import sql as pgsql
        from psycopg2.extras import execute_values

        from odoo.tools import SQL

        tables = [
            "hr_skp",
            "hr_skp_rhk",
            "hr_skp_indikator",
            "hr_skp_perilaku",
            "hr_skp_evaluasi",
            "hr_skp_realisasi",
            "hr_skp_evaluasi_perilaku",
        ]
        total_rows = 0
        total_s = 0.0
        with self.env() as env:
            cr = env.cr
            for table in tables:
                orig = SQL.identifier(table)
                copy = SQL.identifier(f"bench_copy_{table}")
                cr.execute(SQL("DROP TABLE IF EXISTS %s", copy))
                cr.execute(
                    SQL(
                        "CREATE TABLE %s (LIKE %s INCLUDING DEFAULTS "
                        "INCLUDING INDEXES INCLUDING CONSTRAINTS)",
                        copy,
                        orig,
                    )
                )
                cr.execute(SQL("SELECT * FROM %s", orig))
                rows = cr.fetchall()
                insert = pgsql.SQL("INSERT INTO {} VALUES %s").format(
                    pgsql.Identifier(f"bench_copy_{table}")
                )
                start = time.perf_counter()
                execute_values(cr._obj, insert, rows, page_size=1000)
                cr._obj.connection.commit()
                total_s += time.perf_counter() - start
                total_rows += len(rows)
                cr.execute(SQL("DROP TABLE %s", copy))
        self.results["limit_rows_per_s"] = round(total_rows / max(total_s, 1e-6), 1)

    def inprocess(self):
        log("in-process measurements (predikat, distribusi, lists, kalkulator)")
        with self.env() as env:
            admin = env.ref("base.user_admin")
            aenv = env(user=admin.id)
            employees = aenv["hr.employee"].search([("nip", "!=", False)])
            self.nips = employees.mapped("nip")
            start = time.perf_counter()
            for employee in employees:
                employee.get_skp_predikat(YEAR)
            self.results["predikat_all_s"] = round(time.perf_counter() - start, 2)
            orgs = aenv["hr.skp.capaian.organisasi"].search([("year", "=", YEAR)])
            self.org_ids = orgs.ids
            self.largest_org = orgs.filtered(
                lambda o: o.department_id.id == self.largest_unit
            ).id
            start = time.perf_counter()
            for org in orgs:
                org.check_distribusi()
            self.results["distribusi_all_s"] = round(time.perf_counter() - start, 2)
            self.results["list_ms"], self.results["read_group_ms"] = self.list_timings(
                aenv, "hr.skp", "hr_skp_asn.hr_skp_view_list"
            )
            if "hr.appraisal" in env:
                peer_list, peer_group = self.list_timings(aenv, "hr.appraisal", None)
                self.results["peer_list_ms"] = peer_list
                self.results["peer_read_group_ms"] = peer_group
            ev = aenv["hr.skp.evaluasi"].search(
                [
                    ("department_id", "=", self.largest_unit),
                    ("periode", "=", "tahunan"),
                ],
                limit=1,
            )
            spec = self.view_spec(aenv, "hr.skp.evaluasi", "form")

            def form():
                aenv.invalidate_all()
                ev.web_read(spec)

            self.results["kalkulator_form_ms"] = median_ms(form, 3)
            self.pdf_ids = (
                aenv["hr.skp.evaluasi"]
                .search([("periode", "=", "bulanan")], limit=100)
                .ids
            )

    def view_spec(self, env, model, view_type):
        arch = env[model].get_views([(False, view_type)])["views"][view_type]["arch"]
        names = set(re.findall(r'<field name="([^"]+)"', arch))
        fields = env[model]._fields
        spec = {}
        for name in names:
            if name not in fields:
                continue
            field = fields[name]
            if field.type in ("one2many", "many2many"):
                spec[name] = {"fields": {"display_name": {}}}
            elif field.type == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            else:
                spec[name] = {}
        return spec

    def list_timings(self, env, model, _xmlid):
        spec = self.view_spec(env, model, "list")
        Model = env[model]

        def listing():
            env.invalidate_all()
            Model.web_search_read([], spec, limit=80)

        def grouped():
            env.invalidate_all()
            Model.web_read_group([], ["__count"], ["department_id"])

        return median_ms(listing), median_ms(grouped)

    def peer_data(self):
        if "hr.appraisal" not in self.registry:
            return
        log("creating the peer's appraisals (same N)")
        with self.env() as env:
            employees = env["hr.employee"].search([], order="id")
            Appraisal = env["hr.appraisal"].with_context(tracking_disable=True)
            for start in range(0, len(employees), 500):
                Appraisal.create(
                    [
                        {
                            "employee_id": e.id,
                            "date_close": f"{YEAR}-12-31",
                        }
                        for e in employees[start : start + 500]
                    ]
                )

    # --- the server: RPC, reports, portal
    def start_server(self, workers, replica=None):
        port = free_port()
        logfile = self.run_dir / "bench-server.log"
        cmd = [
            *self.odoo_bin,
            f"--addons-path={self.addons_path}",
            "-d",
            self.db,
            f"--db-filter=^{self.db}$",
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            f"--workers={workers}",
            "--max-cron-threads=0",
            "--limit-time-real=600",
            "--limit-time-cpu=600",
            "--log-level=warn",
            f"--logfile={logfile}",
        ]
        if workers:
            cmd.append(f"--gevent-port={free_port()}")
        if replica:
            cmd += [
                f"--db_replica_host={replica[0]}",
                f"--db_replica_port={replica[1]}",
            ]
        # (the server's stderr too: a gevent worker without its optional
        # dependencies fails noisily there, the HTTP workers are not concerned)
        with open(logfile, "a", encoding="utf-8") as stderr:
            self.server = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stderr=stderr)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(f"{self.url}/web/login", timeout=5) as r:
                    if r.status == 200:
                        return
            time.sleep(1)
        raise RuntimeError(f"the bench server did not answer (log {logfile})")

    def replica_transactions(self, host, port):
        """Transactions the replica has served on the bench's database (its own
        statistics: the read-only requests Odoo sent there)."""
        # pylint: disable=import-outside-toplevel
        import psycopg2

        with contextlib.closing(
            psycopg2.connect(host=host, port=port, dbname="postgres")
        ) as conn:
            with conn.cursor() as cr:
                cr.execute(
                    "SELECT coalesce(sum(xact_commit + xact_rollback), 0) "
                    "FROM pg_stat_database WHERE datname = %s",
                    [self.db],
                )
                return int(cr.fetchone()[0])

    def stop_server(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            try:
                self.server.wait(30)
            except subprocess.TimeoutExpired:
                self.server.kill()
        self.server = None

    def rpc(self):
        log("XML-RPC: the payroll batch API over every NIP")
        common = xmlrpc.client.ServerProxy(f"{self.url}/xmlrpc/2/common")
        uid = common.authenticate(self.db, "admin", PASSWORD, {})
        models = xmlrpc.client.ServerProxy(
            f"{self.url}/xmlrpc/2/object", allow_none=True
        )

        def call(method, *args):
            return models.execute_kw(
                self.db, uid, PASSWORD, "hr.employee", method, list(args)
            )

        for _worker in range(2 * max(self.args.workers, 1)):  # warm every worker
            call("get_skp_predikat_batch", self.nips[:5], YEAR)
            call("get_tpp_kinerja_factor_batch", self.nips[:5], YEAR, 12)
        self.results["batch_api_s"] = round(
            median_ms(lambda: call("get_skp_predikat_batch", self.nips, YEAR), 3)
            / 1000,
            3,
        )
        self.results["tpp_factor_all_s"] = round(
            median_ms(
                lambda: call("get_tpp_kinerja_factor_batch", self.nips, YEAR, 12), 3
            )
            / 1000,
            3,
        )
        # wkhtmltopdf fetches the page's assets from this server
        models.execute_kw(
            self.db,
            uid,
            PASSWORD,
            "ir.config_parameter",
            "set_param",
            ["report.url", self.url],
        )
        self.report_names = {
            r["report_name"]
            for r in models.execute_kw(
                self.db,
                uid,
                PASSWORD,
                "ir.actions.report",
                "search_read",
                [[("report_name", "like", "hr_skp_asn.")]],
                {"fields": ["report_name"]},
            )
        }

    def reports(self):
        log("reports: XLSX rekap and 100 evaluation PDF")
        session = Session(self.url)
        session.login("admin", PASSWORD)
        xlsx = "hr_skp_asn.report_rekap_xlsx"
        if xlsx in self.report_names:
            self.results["xlsx_largest_unit_s"] = session.timed_get(
                f"/report/xlsx/{xlsx}/{self.largest_org}"
            )
            self.results["xlsx_all_s"] = session.timed_get(
                f"/report/xlsx/{xlsx}/{','.join(map(str, self.org_ids))}"
            )
        pdf = "hr_skp_asn.report_evaluasi"
        if pdf in self.report_names and self.pdf_ids and self.args.pdf:
            self.results["pdf_100_s"] = session.timed_get(
                f"/report/pdf/{pdf}/{','.join(map(str, self.pdf_ids))}", timeout=900
            )

    def open_entries(self):
        """The December entry of each portal employee, reopened by the BKD admin
        (every evaluation of the year is ditetapkan): their realisasi save is a
        real one. {employee id: its page}."""
        with self.env() as env:
            admin = env.ref("base.user_admin")
            evs = (
                env["hr.skp.evaluasi"]
                .with_user(admin)
                .search(
                    [
                        ("employee_id", "in", [e for _l, e in self.portal_logins]),
                        ("periode", "=", "bulanan"),
                        ("periode_ke", "=", 12),
                    ]
                )
            )
            evs.filtered(lambda e: e.state != "draft").action_buka_kembali(
                alasan="bench: realisasi entry"
            )
            return {
                ev.employee_id.id: f"/my/skp/{ev.skp_id.id}/evaluasi/{ev.id}"
                for ev in evs
            }

    def portal(self, prefix="portal"):
        """N logged-in portal employees for S seconds: /my/skp, an SKP page, an
        evaluation page and a realisasi save (with CSRF); every status checked."""
        entries = getattr(self, "entries", None) or {}
        sessions = []
        for login, employee_id in self.portal_logins:
            session = Session(self.url, entries.get(employee_id))
            session.login(login, PASSWORD)
            sessions.append(session)
        if not sessions:
            return
        status, _body = sessions[0].get("/my/skp")
        if status != 200:
            log(f"portal: /my/skp answers {status}: not measured (not installed yet)")
            return
        log(
            f"portal: {len(sessions)} sessions for {self.args.portal_seconds}s "
            f"({prefix})"
        )
        for session in sessions:
            session.discover()
        latencies, errors = [], [0]
        lock = threading.Lock()
        stop_at = time.time() + self.args.portal_seconds
        cap = self.args.portal_max_requests

        def worker(session):
            while time.time() < stop_at:
                for step in session.steps():
                    with lock:
                        if len(latencies) + errors[0] >= cap:
                            return
                    start = time.perf_counter()
                    try:
                        ok = step()
                    except Exception:  # pylint: disable=broad-except
                        ok = False
                    elapsed = (time.perf_counter() - start) * 1000
                    with lock:
                        if ok:
                            latencies.append(elapsed)
                        else:
                            errors[0] += 1
                    if time.time() >= stop_at:
                        return

        threads = [threading.Thread(target=worker, args=(s,)) for s in sessions]
        start = time.time()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(self.args.portal_seconds + 120)
        elapsed = time.time() - start
        done = len(latencies) + errors[0]
        latencies.sort()
        self.results[f"{prefix}_rps"] = round(done / elapsed, 1)
        if latencies:
            self.results[f"{prefix}_p50_ms"] = round(latencies[len(latencies) // 2], 1)
            self.results[f"{prefix}_p95_ms"] = round(
                latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))], 1
            )
        self.results[f"{prefix}_errors"] = errors[0]
        self.results[f"{prefix}_requests"] = done

    # --- output
    def write_results(self):
        out = Path(self.args.out)
        out.mkdir(parents=True, exist_ok=True)
        keys = [k for k, *_rest in TARGETS]
        extra = sorted(k for k in self.results if k not in keys)
        flat = {k: self.results.get(k) for k in keys + extra}
        (out / "results.json").write_text(json.dumps(flat, indent=2) + "\n")
        lines = [
            f"Bench of {date.today()} — N = {self.args.n}, year {YEAR}, "
            f"{os.cpu_count()} CPU, workers {self.args.workers}",
            "",
            "| Measure | Value | Target | Result |",
            "|---|---:|---|---|",
        ]
        for key, label, unit, target, check in TARGETS:
            value = self.results.get(key)
            check = check or SIMPLE_TARGETS.get(key)
            if value is None:
                shown, verdict = "n/a", "not measured" if target else ""
            else:
                shown = f"{value:.15g} {unit}".strip()
                verdict = ""
                if target and check:
                    try:
                        verdict = "met" if check(value, self.results) else "not met"
                    except (KeyError, TypeError):
                        verdict = "not measured"
            lines.append(f"| {label} (`{key}`) | {shown} | {target} | {verdict} |")
        for key in extra:
            lines.append(f"| `{key}` | {self.results[key]:.15g} |  |  |")
        text = "\n".join(lines) + "\n"
        (out / "results.md").write_text(text)
        sys.stdout.write(text)


def free_port():
    import socket  # pylint: disable=import-outside-toplevel

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Forms(HTMLParser):
    """The POST forms of a page: action and fields (with their current values)."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._form = {"action": attrs.get("action") or "", "fields": {}}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select"):
            name = attrs.get("name")
            kind = (attrs.get("type") or "").lower()
            if (
                name
                and kind not in ("file", "submit", "button")
                and not (kind in ("checkbox", "radio") and "checked" not in attrs)
            ):
                self._form["fields"][name] = attrs.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """A logged-in browser of 127.0.0.1 (cookies, CSRF), for the portal load."""

    def __init__(self, base, entry=None):
        assert base.startswith("http://127.0.0.1:")
        self.base = base
        self.entry = entry  # an open evaluation page: its realisasi form is saved
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.skp_url = self.ev_url = self.save = None

    def request(self, path, data=None, timeout=60):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, body, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def get(self, path, timeout=60):
        return self.request(path, timeout=timeout)

    def timed_get(self, path, timeout=600):
        start = time.perf_counter()
        status, _body = self.get(path, timeout=timeout)
        if status != 200:
            raise RuntimeError(f"{path[:80]} answered {status}")
        return round(time.perf_counter() - start, 2)

    def login(self, login, password):
        _status, body = self.get("/web/login")
        token = re.search(rb'name="csrf_token" value="([^"]+)"', body).group(1).decode()
        status, _body = self.request(
            "/web/login",
            {"login": login, "password": password, "csrf_token": token},
        )
        if status not in (200, 303):
            raise RuntimeError(f"login {login}: {status}")

    def discover(self):
        """The SKP page, an evaluation page and its save form, from the pages."""
        _status, body = self.get("/my/skp")
        page = _Forms()
        page.feed(body.decode(errors="replace"))
        skps = [u for u in page.links if re.fullmatch(r"/my/skp/\d+(\?.*)?", u)]
        self.skp_url = skps[0] if skps else None
        if not self.skp_url:
            return
        _status, body = self.get(self.skp_url)
        page = _Forms()
        page.feed(body.decode(errors="replace"))
        evs = [u for u in page.links if re.search(r"/evaluasi/\d+", u)]
        self.ev_url = self.entry or (evs[0] if evs else None)
        if self.ev_url:
            _status, body = self.get(self.ev_url)
            page = _Forms()
            page.feed(body.decode(errors="replace"))
        # the realisasi form (saved as a draft), else any form of the page
        forms = sorted(
            (f for f in page.forms if "csrf_token" in f["fields"]),
            key=lambda f: not f["action"].endswith("/simpan"),
        )
        self.save = forms[0] if forms else None

    def steps(self):
        def ok(path):
            return lambda: self.get(path)[0] == 200

        steps = [ok("/my/skp")]
        if self.skp_url:
            steps.append(ok(self.skp_url))
        if self.ev_url:
            steps.append(ok(self.ev_url))
        if self.save:
            action = self.save["action"] or self.ev_url or self.skp_url
            fields = dict(self.save["fields"])
            if action.endswith("/simpan"):
                # a realisasi that changes at every save (a real write), saved as a
                # draft: redirected back to the page
                counter = itertools.count(1)

                def save():
                    number = str(next(counter))
                    data = {
                        key: number if key.startswith("value_") else value
                        for key, value in fields.items()
                    }
                    return self.request(action, data)[0] == 303

                steps.append(save)
            else:
                steps.append(lambda: self.request(action, fields)[0] in (200, 303))
        return steps


def guarded(step, *args):
    """A server-side measurement that fails is reported and left n/a; the rest of
    the bench goes on."""
    try:
        return step(*args)
    except Exception as error:  # pylint: disable=broad-except
        log(f"{step.__name__}: FAILED, left n/a: {error}")
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--db", help="database name (default: a new throw-away one)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--out", default=str(ROOT / "bench"))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--portal-seconds", type=int, default=30)
    parser.add_argument("--portal-max-requests", type=int, default=20000)
    parser.add_argument("--no-peer", dest="peer", action="store_false")
    parser.add_argument("--no-pdf", dest="pdf", action="store_false")
    parser.add_argument(
        "--replica",
        help="DIR:PORT of a streaming replica (tools/bench.sh REPLICA=1 makes it)",
    )
    args = parser.parse_args()
    bench = Bench(args)
    started = time.time()
    try:
        bench.install()
        bench.odoo()
        bench.build()
        bench.generate()
        bench.evaluations()
        bench.workflow()
        bench.peer_data()
        bench.limit()
        bench.inprocess()
        bench.entries = guarded(bench.open_entries)
        bench.registry = None
        bench.start_server(args.workers)
        bench.rpc()
        guarded(bench.reports)
        guarded(bench.portal)
        if args.replica:
            bench.stop_server()
            directory, port = args.replica.rsplit(":", 1)
            replica = (os.path.join(directory, "socket"), port)
            before = bench.replica_transactions(*replica)
            bench.start_server(args.workers, replica)
            guarded(bench.portal, "replica_portal")
            bench.stop_server()  # its connections closed: their statistics are in
            bench.results["replica_transactions"] = (
                bench.replica_transactions(*replica) - before
            )
    finally:
        bench.stop_server()
        if not args.keep:
            bench.drop()
    bench.results["bench_total_s"] = round(time.time() - started, 1)
    bench.write_results()


if __name__ == "__main__":
    main()
