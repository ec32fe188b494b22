"""The official documents of the demo data, printed over HTTP by the demo users as
`make run` serves them (wkhtmltopdf, OCA report_xlsx), read back with pdftotext and
openpyxl. With SKP_DOCS_DIR set, the files are also written there (README thumbnails).
"""

import http.cookiejar
import io
import json
import os
import subprocess
import urllib.error
import urllib.request

import pytest
from openpyxl import load_workbook
from test_rpc_evaluasi import xmlid

NIP_PRAKOM = "199307082019031004"


def pdf_text(pdf):
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return " ".join(text.split())


class WebSession:
    """A browser-like session of one demo user (login = password)."""

    def __init__(self, server, login):
        self.server = server
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        body = json.dumps(
            {
                "jsonrpc": "2.0",
                "params": {"db": server.db, "login": login, "password": login},
            }
        ).encode()
        request = urllib.request.Request(
            server.url + "/web/session/authenticate",
            body,
            {"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=60) as response:
            assert "error" not in json.loads(response.read())

    def get(self, path, save_as=None):
        with self.opener.open(self.server.url + path, timeout=300) as response:
            content = response.read()
        folder = os.environ.get("SKP_DOCS_DIR")
        if folder and save_as:
            with open(os.path.join(folder, save_as), "wb") as out:
                out.write(content)
        return content


@pytest.fixture(scope="module")
def bkd(odoo_server):
    return odoo_server.rpc("bkd", "bkd")


def test_skp_form_of_the_pranata_komputer(odoo_server):
    skp = xmlid(odoo_server.admin, "skp_prakom")
    pdf = WebSession(odoo_server, "prakom").get(
        f"/report/pdf/hr_skp_asn.report_skp/{skp}", "report_skp.pdf"
    )
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "SASARAN KINERJA PEGAWAI" in text
    assert "Andi Pratama" in text
    assert NIP_PRAKOM in text
    assert "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2026" in text
    assert "Berorientasi Pelayanan" in text
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in text


def test_annual_evaluation_with_angka_kredit(odoo_server):
    prakom = odoo_server.rpc("prakom", "prakom")
    ids = prakom.execute(
        "hr.skp.evaluasi",
        "search",
        [("periode", "=", "tahunan"), ("state", "=", "ditetapkan")],
        limit=1,
    )
    assert ids
    pdf = WebSession(odoo_server, "prakom").get(
        f"/report/pdf/hr_skp_asn.report_evaluasi/{ids[0]}", "report_evaluasi.pdf"
    )
    text = pdf_text(pdf)
    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in text
    assert "PREDIKAT KINERJA PEGAWAI" in text
    assert "ANGKA KREDIT" in text
    assert " koma " in text  # the angka kredit in words


def test_penetapan_and_rekap_of_a_unit(odoo_server, bkd):
    org = bkd.execute(
        "hr.skp.capaian.organisasi", "search", [("state", "=", "ditetapkan")], limit=1
    )[0]
    web = WebSession(odoo_server, "bkd")
    pdf = web.get(
        f"/report/pdf/hr_skp_asn.report_capaian_organisasi/{org}",
        "report_capaian_organisasi.pdf",
    )
    text = pdf_text(pdf)
    assert "PENETAPAN PREDIKAT KINERJA ORGANISASI" in text
    assert "KUADRAN KINERJA" in text
    content = web.get(f"/report/xlsx/hr_skp_asn.report_rekap_xlsx/{org}", "rekap.xlsx")
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    assert sheet["A1"].value == "NIP"
    assert sheet.max_row > 1
    assert all(cell.data_type == "s" for cell in sheet["A"])


def test_matriks_of_the_kepala_dinas(odoo_server):
    skp = xmlid(odoo_server.admin, "skp_kadis")
    pdf = WebSession(odoo_server, "kadis").get(
        f"/report/pdf/hr_skp_asn.report_skp_matriks/{skp}", "report_skp_matriks.pdf"
    )
    assert "MATRIKS PEMBAGIAN PERAN DAN HASIL" in pdf_text(pdf)


def test_another_employees_skp_is_refused(odoo_server):
    skp = xmlid(odoo_server.admin, "skp_prakom")
    with pytest.raises(urllib.error.HTTPError) as refused:
        WebSession(odoo_server, "pegawai").get(
            f"/report/pdf/hr_skp_asn.report_skp/{skp}"
        )
    assert refused.value.code == 403
