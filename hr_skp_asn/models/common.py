"""Selections shared by the models (technical keys: shared/CONTRACT.md).

The labels are the regulation's own Indonesian terms; i18n/id.po carries the rest.
Selections that the rules also know come from ``rules.py``, defined once there.
"""

from .. import rules

RATING = rules.RATING_SELECTION
PREDIKAT = rules.PREDIKAT_SELECTION
PREDIKAT_ORGANISASI = rules.PREDIKAT_ORGANISASI_SELECTION
ASN_STATUS = rules.ASN_STATUS_SELECTION
JENJANG_FUNGSIONAL = rules.JENJANG_FUNGSIONAL_SELECTION
PANGKAT_GOLONGAN = rules.PANGKAT_GOLONGAN_SELECTION
PERILAKU_ASPEK = rules.BERAKHLAK_SELECTION

JENIS_JABATAN = [
    ("jpt", "JPT / Pimpinan Unit Kerja Mandiri"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Fungsional"),
]
ASPEK = [
    ("kuantitas", "Kuantitas"),
    ("kualitas", "Kualitas"),
    ("waktu", "Waktu"),
    ("biaya", "Biaya"),
]
PERSPEKTIF = [
    ("penerima_layanan", "Perspektif Penerima Layanan"),
    ("proses_bisnis", "Perspektif Proses Bisnis"),
    ("penguatan_internal", "Perspektif Penguatan Internal"),
    ("anggaran", "Perspektif Anggaran"),
]
PERIODE = [
    ("bulanan", "Bulanan"),
    ("triwulanan", "Triwulanan"),
    ("semesteran", "Semesteran"),
    ("tahunan", "Tahunan"),
]
SKP_STATE = [
    ("draft", "Draft"),
    ("diajukan", "Diajukan"),
    ("disetujui", "Disetujui"),
    ("selesai", "Selesai"),
    ("batal", "Batal"),
]
PENILAI_MASALAH = [
    ("kosong", "Pejabat penilai belum diisi"),
    ("tidak_aktif", "Pejabat penilai tidak aktif"),
    ("bukan_asn", "Pejabat penilai bukan ASN"),
    ("melingkar", "Rantai pejabat penilai melingkar"),
    ("diri_sendiri", "Pejabat penilai adalah dirinya sendiri"),
]


def post_message(record, **kwargs):
    """``message_post`` by the acting user, who may have no email address (many
    pegawai have none): the author stays the user, the workflow never fails on it."""
    partner = record.env.user.partner_id
    kwargs.setdefault("author_id", partner.id)
    kwargs.setdefault("email_from", partner.email_formatted or partner.name)
    return record.message_post(**kwargs)
