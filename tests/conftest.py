"""Fixtures for the tests that drive a real Odoo 18.0 server from outside.

``odoo_server`` (session): makes sure PostgreSQL runs (tools/pg.sh: the embedded
cluster unless PG* name a server), creates a throw-away database with our addons
installed WITH their demo data, serves it with ``odoo-bin --workers=0`` on a free
port, and gives an :class:`OdooServer` (``url``, ``db``, ``rpc(login, password)``,
``admin``). Teardown stops that server, drops the database and stops PostgreSQL if
it started it, also on failure.

``chromium`` (session): path of a Chromium binary (tools/chromium.sh installs
Debian's when missing); fails, never skips, when there is none. ``dump_dom``:
renders a URL in headless Chromium and returns the DOM.

Logs: .run/pytest-<db>-install.log and .run/pytest-<db>-server.log (a week kept).
"""

import atexit
import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import xmlrpc.client
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))
from odoo_log_summary import error_excerpt  # noqa: E402  pylint: disable=wrong-import-position

ERROR_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (ERROR|CRITICAL) ")
INSTALL_TIMEOUT = 1800
START_TIMEOUT = 180
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _run_tool(script, *args, env=None, check=True):
    proc = subprocess.run(
        ["bash", str(TOOLS / script), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    if check and proc.returncode:
        pytest.fail(
            f"tools/{script} {' '.join(args)} failed ({proc.returncode}):\n"
            f"{proc.stderr[-3000:]}",
            pytrace=False,
        )
    return proc


def _project_env():
    """Where Odoo, the venv, our addons and PostgreSQL are, from tools/env.sh."""
    out = _run_tool("env.sh").stdout
    values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    env = os.environ.copy()
    for key in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "SKP_PG"):
        if values.get(key):
            env[key] = values[key]
        else:
            env.pop(key, None)
    return values, env


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def _log_errors(path):
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return (
        error_excerpt(path) if any(map(ERROR_RECORD.match, text.splitlines())) else ""
    )


def _fail_once(message, details):
    """Fail the session fixture: the details once on the terminal, a short message
    for each test (pytest repeats a session fixture's error for every test)."""
    sys.__stderr__.write(f"\n{message}\n{details}\n")
    sys.__stderr__.flush()
    pytest.fail(message, pytrace=False)


def _tail(path, count=40):
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return ""
    return "\n".join(lines[-count:])


class RpcClient:
    """A user's XML-RPC session: ``execute(model, method, *args, **kw)``."""

    def __init__(self, url, db, login, password):
        self.url, self.db, self.login, self.password = url, db, login, password
        common = xmlrpc.client.ServerProxy(url + "/xmlrpc/2/common", allow_none=True)
        self.uid = common.authenticate(db, login, password, {})
        if not self.uid:
            raise PermissionError(f"login {login!r} refused by {url} (db {db})")
        self._object = xmlrpc.client.ServerProxy(
            url + "/xmlrpc/2/object", allow_none=True
        )

    def __repr__(self):
        return f"<RpcClient {self.login}@{self.db} uid={self.uid}>"

    def execute(self, model, method, *args, **kw):
        return self._object.execute_kw(
            self.db, self.uid, self.password, model, method, list(args), kw
        )


class OdooServer:
    def __init__(self, url, db, port, log):
        self.url, self.db, self.port, self.log = url, db, port, log
        self._admin = None

    def __repr__(self):
        return f"<OdooServer {self.url} db={self.db}>"

    def rpc(self, login, password):
        return RpcClient(self.url, self.db, login, password)

    @property
    def admin(self):
        if self._admin is None:
            self._admin = self.rpc("admin", "admin")
        return self._admin


def _stop_process(proc):
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def _install(odoo_bin, addons_path, db, addons, env, log):
    log.write_text("", encoding="utf-8")
    cmd = [
        *odoo_bin,
        f"--addons-path={addons_path}",
        "-d",
        db,
        "-i",
        addons,
        "--load-language=id_ID,en_US",  # as `make run`: Indonesian first
        "--stop-after-init",
        "--no-http",
        "--max-cron-threads=0",
        f"--logfile={log}",
    ]
    with open(log, "a", encoding="utf-8") as out:
        proc = subprocess.run(
            cmd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=INSTALL_TIMEOUT,
            check=False,
        )
    errors = _log_errors(log)
    if proc.returncode or errors:
        _fail_once(
            f"installing {addons} (with demo data) into {db} failed "
            f"(exit {proc.returncode}); log: {log}",
            errors or _tail(log),
        )


def _serve(odoo_bin, addons_path, db, env, log):
    """Start odoo-bin on a free port; return (process, port) once /web/login answers."""
    for _attempt in range(3):
        port = _free_port()
        cmd = [
            *odoo_bin,
            f"--addons-path={addons_path}",
            "-d",
            db,
            f"--db-filter=^{db}$",
            f"--http-port={port}",
            "--http-interface=127.0.0.1",
            "--workers=0",
            "--max-cron-threads=0",
            f"--logfile={log}",
        ]
        log.write_text("", encoding="utf-8")
        with open(log, "a", encoding="utf-8") as out:
            proc = subprocess.Popen(  # pylint: disable=consider-using-with
                cmd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        atexit.register(_stop_process, proc)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and proc.poll() is None:
            if _answers(f"http://127.0.0.1:{port}/web/login"):
                return proc, port
            time.sleep(0.5)
        _stop_process(proc)
        if "Address already in use" not in _tail(log, 200):
            break
    _fail_once(f"the Odoo server did not answer on /web/login; log: {log}", _tail(log))


@pytest.fixture(scope="session")
def odoo_server():
    values, env = _project_env()
    addons = ",".join(values.get("ADDONS", "").split())
    if not addons:
        pytest.fail(f"no addon with a __manifest__.py in {ROOT}", pytrace=False)
    run_dir = Path(values["RUN_DIR"])
    run_dir.mkdir(parents=True, exist_ok=True)
    for old in run_dir.glob("pytest-skp_pytest_*.log"):
        if old.stat().st_mtime < time.time() - 7 * 86400:
            old.unlink(missing_ok=True)
    odoo_bin = [f"{values['VENV']}/bin/python", f"{values['ODOO_DIR']}/odoo-bin"]
    db = f"skp_pytest_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"

    with contextlib.ExitStack() as cleanup:
        started = _run_tool("pg.sh", "start", env=env).stdout.split()
        if started and started[-1] == "started":
            cleanup.callback(
                _run_tool, "pg.sh", "stop", "--if-idle", env=env, check=False
            )
        cleanup.callback(
            subprocess.run,
            ["dropdb", "--if-exists", "--force", db],
            env=env,
            capture_output=True,
            check=False,
        )
        _install(
            odoo_bin,
            values["ADDONS_PATH"],
            db,
            addons,
            env,
            run_dir / f"pytest-{db}-install.log",
        )
        log = run_dir / f"pytest-{db}-server.log"
        proc, port = _serve(odoo_bin, values["ADDONS_PATH"], db, env, log)
        cleanup.callback(_stop_process, proc)
        yield OdooServer(f"http://127.0.0.1:{port}", db, port, log)


@pytest.fixture(scope="session")
def chromium():
    proc = _run_tool("chromium.sh", check=False)
    path = proc.stdout.strip()
    if proc.returncode or not path:
        pytest.fail(
            "Chromium is needed for the browser tests and none could be found or "
            f"installed (apt-get install chromium, or CHROMIUM=/path):\n{proc.stderr}",
            pytrace=False,
        )
    return path


@pytest.fixture
def dump_dom(chromium, tmp_path):
    """dump_dom(url) -> the DOM of the page as headless Chromium renders it."""

    def render(url, timeout=90):
        profile = tmp_path / f"chromium-profile-{time.monotonic_ns()}"
        proc = subprocess.run(
            [
                chromium,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--dump-dom",
                url,
            ],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert proc.returncode == 0, f"chromium failed: {proc.stderr[-2000:]}"
        return proc.stdout

    return render
