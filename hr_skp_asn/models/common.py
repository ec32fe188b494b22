"""Selections shared by the models (technical keys: shared/CONTRACT.md).

The labels are the regulation's own Indonesian terms; i18n/id.po carries the rest.
"""

RATING = [
    ("di_atas", "Di Atas Ekspektasi"),
    ("sesuai", "Sesuai Ekspektasi"),
    ("di_bawah", "Di Bawah Ekspektasi"),
]
PREDIKAT = [
    ("sangat_baik", "Sangat Baik"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang/Misconduct"),
    ("sangat_kurang", "Sangat Kurang"),
]
PREDIKAT_ORGANISASI = [
    ("istimewa", "Istimewa"),
    ("baik", "Baik"),
    ("butuh_perbaikan", "Butuh Perbaikan"),
    ("kurang", "Kurang"),
    ("sangat_kurang", "Sangat Kurang"),
]
ASN_STATUS = [
    ("pns", "PNS"),
    ("cpns", "CPNS"),
    ("pppk", "PPPK"),
    ("pppk_pw", "PPPK Paruh Waktu"),
    ("non_asn", "Non ASN"),
]
JENIS_JABATAN = [
    ("jpt", "JPT / Pimpinan Unit Kerja Mandiri"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Fungsional"),
]
JENJANG_FUNGSIONAL = [
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
]
PANGKAT_GOLONGAN = [
    ("I/a", "I/a - Juru Muda"),
    ("I/b", "I/b - Juru Muda Tk. I"),
    ("I/c", "I/c - Juru"),
    ("I/d", "I/d - Juru Tk. I"),
    ("II/a", "II/a - Pengatur Muda"),
    ("II/b", "II/b - Pengatur Muda Tk. I"),
    ("II/c", "II/c - Pengatur"),
    ("II/d", "II/d - Pengatur Tk. I"),
    ("III/a", "III/a - Penata Muda"),
    ("III/b", "III/b - Penata Muda Tk. I"),
    ("III/c", "III/c - Penata"),
    ("III/d", "III/d - Penata Tk. I"),
    ("IV/a", "IV/a - Pembina"),
    ("IV/b", "IV/b - Pembina Tk. I"),
    ("IV/c", "IV/c - Pembina Utama Muda"),
    ("IV/d", "IV/d - Pembina Utama Madya"),
    ("IV/e", "IV/e - Pembina Utama"),
] + [
    (roman, f"PPPK Golongan {roman}")
    for roman in ("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split())
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
PERILAKU_ASPEK = [
    ("berorientasi_pelayanan", "Berorientasi Pelayanan"),
    ("akuntabel", "Akuntabel"),
    ("kompeten", "Kompeten"),
    ("harmonis", "Harmonis"),
    ("loyal", "Loyal"),
    ("adaptif", "Adaptif"),
    ("kolaboratif", "Kolaboratif"),
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
