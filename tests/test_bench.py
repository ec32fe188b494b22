"""Smoke test of `make bench` (tools/bench.sh) at N=50: the whole pipeline runs and
writes a complete results.json and results.md. The real measurements are `make
bench`'s job (never run by `make test`); this only proves the script works."""

import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_smoke(tmp_path):
    env = dict(os.environ, N="50")
    env["BENCH_ARGS"] = (
        f"--out {tmp_path} --no-peer --no-pdf --workers 2 --sessions 2 "
        "--portal-seconds 2"
    )
    proc = subprocess.run(
        ["bash", str(ROOT / "tools" / "bench.sh")],
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["n"] == 50
    for key in (
        "generation_s",
        "generation_rows",
        "evaluasi_generation_s",
        "evaluasi_rows",
        "limit_rows_per_s",
        "ajukan_queries_per_record",
        "tetapkan_queries_per_record",
        "predikat_all_s",
        "distribusi_all_s",
        "batch_api_s",
        "tpp_factor_all_s",
        "list_ms",
        "read_group_ms",
        "employee_create_ms_small",
        "employee_create_ms_large",
        "kalkulator_form_ms",
        "peak_rss_mb",
    ):
        assert isinstance(results[key], (int, float)), key
    # 50 employees with 3-4 RHK, 5-6 indikator, 7 perilaku; 13 evaluations each
    assert results["generation_rows"] >= 50 * (1 + 3 + 5 + 7)
    assert results["evaluasi_rows"] >= 50 * 13 * (1 + 5 + 7)
    # measurements of what is not installed yet are present, as null / "n/a"
    for key in ("xlsx_all_s", "portal_p95_ms", "peer_list_ms"):
        assert key in results
    table = (tmp_path / "results.md").read_text()
    assert "| Measure | Value | Target | Result |" in table
    assert "`generation_s`" in table
