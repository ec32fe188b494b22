"""Pure rules of ASN performance management (PermenPANRB 6/2022).

The numbers of the pola distribusi are those of SE MenPANRB 3/2023 (DOMAIN §3.3).

This module holds the regulation's arithmetic and tables for ``hr_skp_asn``. It
imports nothing from Odoo (standard library only), so it can be tested and reused
on its own; the models call it and nothing else duplicates it. Section numbers
("DOMAIN §3.2") refer to ``DOMAIN.md``, the condensed regulation the addon follows.

Technical keys are those of the public contract (``CONTRACT.md``): ratings
``di_atas``/``sesuai``/``di_bawah``; predikat kinerja pegawai ``sangat_baik``,
``baik``, ``butuh_perbaikan``, ``kurang`` (Kurang/Misconduct), ``sangat_kurang``;
predikat kinerja organisasi ``istimewa``, ``baik``, ``butuh_perbaikan``, ``kurang``,
``sangat_kurang``.

Rounding of the pola distribusi (DOMAIN §3.3)
---------------------------------------------
A percentage of the unit's n evaluated pegawai is turned into a whole number of
pegawai so that the regulation's literal bound always holds, with exact integer
arithmetic (no floating point):

* "at most p%" allows up to ``at_most_count(p, n) = floor(p * n / 100)``
  pegawai: the share never exceeds p%. 70% of 10 is 7, of 3 is 2 (2.1 -> 2), of 5
  is 3 (3.5 -> 3), of 1 is 0; 10% of 9 is 0, of 10 is 1;
* "at least p%" requires at least ``at_least_count(p, n) = ceil(p * n / 100)``
  pegawai: the share is never below p%. 60% of 4 is 3 (2.4 -> 3), of 2 is 2
  (1.2 -> 2), of 1 is 1; 10% of 4 is 1 (0.4 -> 1), of 10 is 1, of 11 is 2
  (1.1 -> 2). For p > 0 and a non-empty unit this is at least one pegawai;
* "sebagian besar X" (most are X) means X has more pegawai than any other
  predikat: a tie is not "most" (``mayoritas="terbanyak"``, the default); a
  company may read it as more than half of the unit instead
  (``mayoritas="lebih_dari_separuh"``: at least ``n // 2 + 1``);
* the Baik rule "at least one Butuh Perbaikan and/or Kurang/Misconduct" asks for
  one pegawai, whatever n;
* an empty unit (no evaluated pegawai) is lawful: there is nothing to distribute.
  Pegawai not yet rated (``False``/``None`` in the list) are not counted; the unit
  leader is not part of the list (the caller leaves them out).

So with an Istimewa organisation 4 Sangat Baik of 5 (80%) break "at most 70%"
(3 allowed), and with Butuh Perbaikan 2 of 4 (50%) break "at least 60%" (3
required).

Consequence for very small units: there is no lawful distribution

* for n = 1 when the organisation is Istimewa (Sangat Baik at most 0, yet most
  must be Sangat Baik), Baik (likewise, and one Butuh Perbaikan or
  Kurang/Misconduct is needed), Kurang or Sangat Kurang (each needs two
  different predikat); only Butuh Perbaikan is possible;
* for n = 2 when the organisation is Istimewa or Baik (the leading group may
  have 1 pegawai, 70% of 2 rounded down, and 1 against 1 is a tie, not "most"),
  Kurang (2 Kurang/Misconduct + 1 Butuh Perbaikan needed) or Sangat Kurang (2
  Sangat Kurang + 1 Kurang/Misconduct and/or Butuh Perbaikan needed);
* with ``mayoritas="lebih_dari_separuh"`` also for n = 4 when the organisation
  is Istimewa or Baik (more than half is 3, 70% of 4 allows 2);
* for n = 3 and every n >= 5 every predikat organisasi has a lawful
  distribution.

``check_distribusi`` then reports a violation for every distribution and
``kalkulator_distribusi`` answers ``feasible: False``; the company may allow an
unlawful distribution with a written reason (the addon's setting
``skp_distribusi_override`` and ``alasan_override`` of the capaian organisasi).

Rounding of capaian (DOMAIN §3.4)
---------------------------------
``capaian_iki`` is computed exactly and returned rounded half up to 2 decimals
(92/90 -> 102.22). ``nilai_capaian_iki`` first rounds the capaian half up to a
whole percent (99.5 -> 100, 99.49 -> 99), then applies the band formula and
returns the nilai rounded half up to 2 decimals.
"""

import calendar
import math
import re
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction


def _lt(message):
    """Marks a message for Odoo's translation export, which collects the ``_lt``
    calls of every Python file of the addon; this module imports nothing from Odoo,
    so the marker returns the English text and the models translate it with
    ``env._(message, **params)``."""
    return message


# ---------------------------------------------------------------------------
# Keys and labels (CONTRACT.md selections; Indonesian labels from DOMAIN.md)
# ---------------------------------------------------------------------------

#: Rating hasil kerja and rating perilaku, best first (DOMAIN §3.1).
RATINGS = ("di_atas", "sesuai", "di_bawah")
RATING_LABELS = {
    "di_atas": "Di Atas Ekspektasi",
    "sesuai": "Sesuai Ekspektasi",
    "di_bawah": "Di Bawah Ekspektasi",
}

#: Predikat kinerja pegawai, best first (DOMAIN §3.2). ``kurang`` is
#: Kurang/Misconduct and ranks below ``butuh_perbaikan``.
PREDIKAT = ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_LABELS = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang/Misconduct",
    "sangat_kurang": "Sangat Kurang",
}

#: Predikat kinerja organisasi, best first (DOMAIN §3.3).
PREDIKAT_ORGANISASI = ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang")
PREDIKAT_ORGANISASI_LABELS = {
    "istimewa": "Istimewa",
    "baik": "Baik",
    "butuh_perbaikan": "Butuh Perbaikan",
    "kurang": "Kurang",
    "sangat_kurang": "Sangat Kurang",
}

#: Odoo-style selections (lists, as ``fields.Selection`` expects); copy before
#: extending them.
RATING_SELECTION = [(key, RATING_LABELS[key]) for key in RATINGS]
PREDIKAT_SELECTION = [(key, PREDIKAT_LABELS[key]) for key in PREDIKAT]
PREDIKAT_ORGANISASI_SELECTION = [
    (key, PREDIKAT_ORGANISASI_LABELS[key]) for key in PREDIKAT_ORGANISASI
]

ASN_STATUS_SELECTION = [
    ("pns", "PNS"),
    ("cpns", "CPNS"),
    ("pppk", "PPPK"),
    ("pppk_pw", "PPPK Paruh Waktu"),
    ("non_asn", "Non ASN"),
]
ASN_STATUS = tuple(key for key, _label in ASN_STATUS_SELECTION)

JENJANG_FUNGSIONAL_SELECTION = [
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
]
JENJANG_FUNGSIONAL = tuple(key for key, _label in JENJANG_FUNGSIONAL_SELECTION)

#: The 7 BerAKHLAK core values with their three standard panduan perilaku lines
#: (DOMAIN §1, SE MenPANRB 20/2021): ``(key, label, panduan)``; the panduan lines
#: are joined by a newline.
BERAKHLAK = (
    (
        "berorientasi_pelayanan",
        "Berorientasi Pelayanan",
        "Memahami dan memenuhi kebutuhan masyarakat\n"
        "Ramah, cekatan, solutif, dan dapat diandalkan\n"
        "Melakukan perbaikan tiada henti",
    ),
    (
        "akuntabel",
        "Akuntabel",
        "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
        "berintegritas tinggi\n"
        "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, "
        "efektif, dan efisien\n"
        "Tidak menyalahgunakan kewenangan jabatan",
    ),
    (
        "kompeten",
        "Kompeten",
        "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah\n"
        "Membantu orang lain belajar\n"
        "Melaksanakan tugas dengan kualitas terbaik",
    ),
    (
        "harmonis",
        "Harmonis",
        "Menghargai setiap orang apapun latar belakangnya\n"
        "Suka menolong orang lain\n"
        "Membangun lingkungan kerja yang kondusif",
    ),
    (
        "loyal",
        "Loyal",
        "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta "
        "pemerintahan yang sah\n"
        "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara\n"
        "Menjaga rahasia jabatan dan negara",
    ),
    (
        "adaptif",
        "Adaptif",
        "Cepat menyesuaikan diri menghadapi perubahan\n"
        "Terus berinovasi dan mengembangkan kreativitas\n"
        "Bertindak proaktif",
    ),
    (
        "kolaboratif",
        "Kolaboratif",
        "Memberi kesempatan kepada berbagai pihak untuk berkontribusi\n"
        "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah\n"
        "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
    ),
)
BERAKHLAK_SELECTION = [(key, label) for key, label, _panduan in BERAKHLAK]

#: Pangkat/golongan ruang PNS, I/a .. IV/e (DOMAIN §5): ``(key, pangkat)``.
PANGKAT_PNS = [
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tk. I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tk. I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tk. I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tk. I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tk. I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tk. I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tk. I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
]

_ROMAN = "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII".split()
#: Golongan PPPK I .. XVII (DOMAIN §5): ``(key, label)``, key the Roman numeral.
GOLONGAN_PPPK = [(roman, "Golongan %s" % roman) for roman in _ROMAN]

#: One selection for ``pangkat_golongan``: PNS keys contain a slash, PPPK keys
#: do not, so the two never collide.
PANGKAT_GOLONGAN_SELECTION = [
    (key, "%s (%s)" % (label, key)) for key, label in PANGKAT_PNS
] + [(key, "PPPK %s" % label) for key, label in GOLONGAN_PPPK]

# ---------------------------------------------------------------------------
# Tindak lanjut tables (DOMAIN §4)
# ---------------------------------------------------------------------------

#: Koefisien angka kredit per year per jenjang (PermenPANRB 1/2023; DOMAIN §4).
KOEFISIEN_ANGKA_KREDIT = {
    "pemula": 3.75,
    "terampil": 5.0,
    "mahir": 12.5,
    "penyelia": 25.0,
    "ahli_pertama": 12.5,
    "ahli_muda": 25.0,
    "ahli_madya": 37.5,
    "ahli_utama": 50.0,
}

#: Percentage of the koefisien earned per predikat (PermenPANRB 1/2023; DOMAIN §4).
PERSENTASE_ANGKA_KREDIT = {
    "sangat_baik": 150,
    "baik": 100,
    "butuh_perbaikan": 75,
    "kurang": 50,
    "sangat_kurang": 25,
}

#: DEFAULT TPP kinerja percentage per predikat (DOMAIN §4). There is no national
#: table: each Perkada sets its own, so this is only the default the addon
#: proposes; every company edits its own ``hr.skp.tpp.rule`` lines.
DEFAULT_TPP_PERSENTASE = {
    "sangat_baik": 100,
    "baik": 100,
    "butuh_perbaikan": 80,
    "kurang": 60,
    "sangat_kurang": 40,
}

#: Days a pegawai has to file a keberatan after receiving the result
#: (PP 30/2019 Pasal 59; DOMAIN §3.5). Counted as calendar days.
KEBERATAN_HARI = 14

#: Days a PPPK Paruh Waktu has to sign the SKP after receiving the SK (DOMAIN §1).
PPPK_PW_TANDA_TANGAN_HARI = 10

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def _check_key(value, allowed, what):
    """Return ``value`` when it is one of ``allowed``, else raise ValueError."""
    if value not in allowed:
        raise ValueError(
            "Unknown %s %r; expected one of: %s." % (what, value, ", ".join(allowed))
        )
    return value


def _to_fraction(value, what):
    """Convert a number (int, float, Decimal, Fraction) to an exact Fraction.

    Floats are read through their shortest decimal representation, so ``6.5``
    and ``0.1`` mean what the user typed.
    """
    if value is None or isinstance(value, bool):
        raise ValueError(
            "%s is not set (got %r); a number is required." % (what, value)
        )
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("%s must be a finite number, got %r." % (what, value))
        return Fraction(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("%s must be a finite number, got %r." % (what, value))
        return Fraction(value)
    raise ValueError("%s must be a number, got %r." % (what, value))


def _round_half_up(value, places=0):
    """Round a non-negative Fraction half up to ``places`` decimals (a Fraction).

    Negative values are rounded symmetrically (half away from zero).
    """
    scale = 10**places
    if value < 0:
        return -_round_half_up(-value, places)
    return Fraction(math.floor(value * scale + Fraction(1, 2)), scale)


# ---------------------------------------------------------------------------
# DOMAIN §3.1 / §3.2: ratings and kuadran kinerja
# ---------------------------------------------------------------------------

#: Kuadran kinerja: (rating hasil kerja, rating perilaku) -> predikat (DOMAIN §3.2).
KUADRAN = {
    ("di_atas", "di_bawah"): "kurang",
    ("di_atas", "sesuai"): "baik",
    ("di_atas", "di_atas"): "sangat_baik",
    ("sesuai", "di_bawah"): "kurang",
    ("sesuai", "sesuai"): "baik",
    ("sesuai", "di_atas"): "baik",
    ("di_bawah", "di_bawah"): "sangat_kurang",
    ("di_bawah", "sesuai"): "butuh_perbaikan",
    ("di_bawah", "di_atas"): "butuh_perbaikan",
}


def predikat_kinerja(rating_hasil_kerja, rating_perilaku):
    """Predikat kinerja pegawai from the two ratings.

    DOMAIN §3.2 (kuadran kinerja), PermenPANRB 6/2022 lampiran: the 3x3 table of
    rating hasil kerja x rating perilaku. Raises ValueError for an unknown or
    missing rating.
    """
    _check_key(rating_hasil_kerja, RATINGS, "rating hasil kerja")
    _check_key(rating_perilaku, RATINGS, "rating perilaku")
    return KUADRAN[(rating_hasil_kerja, rating_perilaku)]


def rating_from_capaian_organisasi(predikat_organisasi):
    """Rating hasil kerja of the unit's leader from the capaian kinerja organisasi.

    DOMAIN §3.1 (PermenPANRB 6/2022): when the pegawai dinilai leads the unit,
    istimewa -> di_atas, baik -> sesuai, anything below -> di_bawah.
    """
    _check_key(predikat_organisasi, PREDIKAT_ORGANISASI, "predikat organisasi")
    if predikat_organisasi == "istimewa":
        return "di_atas"
    if predikat_organisasi == "baik":
        return "sesuai"
    return "di_bawah"


# ---------------------------------------------------------------------------
# DOMAIN §3.3: pola distribusi predikat (SE MenPANRB 3/2023)
# ---------------------------------------------------------------------------


def _percent_of(pct, n):
    """``pct * n / 100`` as an exact Fraction, after validating both (DOMAIN §3.3)."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("n must be a non-negative whole number, got %r." % (n,))
    frac = _to_fraction(pct, "pct")
    if frac < 0 or frac > 100:
        raise ValueError("pct must be between 0 and 100, got %r." % (pct,))
    return frac * n / 100


def at_most_count(pct, n):
    """Most pegawai an "at most ``pct``%" rule allows in a unit of ``n``.

    DOMAIN §3.3 (rounding of this addon, see the module docstring):
    ``floor(pct * n / 100)`` in exact arithmetic, so the share never exceeds
    ``pct`` percent (70% of 5 -> 3, of 1 -> 0).
    """
    return math.floor(_percent_of(pct, n))


def at_least_count(pct, n):
    """Fewest pegawai an "at least ``pct``%" rule requires in a unit of ``n``.

    DOMAIN §3.3 (rounding of this addon, see the module docstring):
    ``ceil(pct * n / 100)`` in exact arithmetic, so the share is never below
    ``pct`` percent (60% of 4 -> 3, 10% of 11 -> 2); at least 1 when ``pct`` > 0
    and ``n`` > 0, 0 for an empty unit.
    """
    return math.ceil(_percent_of(pct, n))


#: Shares named by the pola distribusi table (SE MenPANRB 3/2023; DOMAIN §3.3), in
#: percent.
PERSEN_TERBESAR_MAKS = 70  # Istimewa / Baik: the largest group is at most 70%
PERSEN_MAYORITAS_MIN = 60  # BP / Kurang / SK: at least 60%
PERSEN_MINORITAS = 10  # 10% bounds (Sangat Baik at most, BP / Kurang at least)

#: Violation codes of ``check_distribusi`` -> English message template.
VIOLATION_MESSAGES = {
    "sangat_baik_not_largest": _lt(
        "When the organisation is Istimewa, most pegawai must be Sangat Baik (more "
        "than any other predikat), but %(other)s has %(other_count)d pegawai "
        "against %(count)d Sangat Baik (of %(n)d)."
    ),
    "sangat_baik_not_majority": _lt(
        "When the organisation is Istimewa, more than half of the pegawai must be "
        "Sangat Baik: at least %(required)d of %(n)d; %(count)d are."
    ),
    "sangat_baik_above_max": _lt(
        "When the organisation is Istimewa, at most %(allowed)d of %(n)d pegawai "
        "(%(pct)d%%) may be Sangat Baik; %(count)d are."
    ),
    "baik_not_largest": _lt(
        "When the organisation is Baik, most pegawai must be Baik (more than any "
        "other predikat), but %(other)s has %(other_count)d pegawai against "
        "%(count)d Baik (of %(n)d)."
    ),
    "baik_not_majority": _lt(
        "When the organisation is Baik, more than half of the pegawai must be "
        "Baik: at least %(required)d of %(n)d; %(count)d are."
    ),
    "baik_above_max": _lt(
        "When the organisation is Baik, at most %(allowed)d of %(n)d pegawai "
        "(%(pct)d%%) may be Baik; %(count)d are."
    ),
    "baik_needs_bp_or_kurang": _lt(
        "When the organisation is Baik, at least %(required)d of %(n)d pegawai must "
        "be Butuh Perbaikan and/or Kurang/Misconduct; %(count)d are."
    ),
    "bp_below_min": _lt(
        "When the organisation is Butuh Perbaikan, at least %(required)d of %(n)d "
        "pegawai (%(pct)d%%) must be Butuh Perbaikan; %(count)d are."
    ),
    "sangat_baik_above_10": _lt(
        "When the organisation is %(organisasi)s, at most %(allowed)d of %(n)d "
        "pegawai (%(pct)d%%) may be Sangat Baik; %(count)d are."
    ),
    "kurang_below_min": _lt(
        "When the organisation is Kurang, at least %(required)d of %(n)d pegawai "
        "(%(pct)d%%) must be Kurang/Misconduct; %(count)d are."
    ),
    "bp_below_10": _lt(
        "When the organisation is Kurang, at least %(required)d of %(n)d pegawai "
        "(%(pct)d%%) must be Butuh Perbaikan; %(count)d are."
    ),
    "sangat_kurang_below_min": _lt(
        "When the organisation is Sangat Kurang, at least %(required)d of %(n)d "
        "pegawai (%(pct)d%%) must be Sangat Kurang; %(count)d are."
    ),
    "kurang_or_bp_below_10": _lt(
        "When the organisation is Sangat Kurang, at least %(required)d of %(n)d "
        "pegawai (%(pct)d%%) must be Kurang/Misconduct and/or Butuh Perbaikan; "
        "%(count)d are."
    ),
    "sangat_baik_not_allowed": _lt(
        "When the organisation is Sangat Kurang, no pegawai may be Sangat Baik; "
        "%(count)d are."
    ),
}


def count_predikat(predikat_list):
    """Count the predikat of a unit: ``{predikat: count}`` with every key present.

    DOMAIN §3.3. ``False``/``None`` items (pegawai not yet rated) are ignored;
    an unknown key raises ValueError.
    """
    counts = dict.fromkeys(PREDIKAT, 0)
    for predikat in predikat_list:
        if predikat is None or predikat is False:
            continue
        _check_key(predikat, PREDIKAT, "predikat kinerja")
        counts[predikat] += 1
    return counts


def _violation(code, **params):
    return {
        "code": code,
        "message": VIOLATION_MESSAGES[code] % params,
        "params": params,
    }


#: How "sebagian besar" (most) is read (DOMAIN §3.3, SE MenPANRB 3/2023): the
#: leading predikat has more pegawai than any other predikat (``terbanyak``, the
#: default: a tie is not "most"), or more than half of the unit
#: (``lebih_dari_separuh``, a company setting).
MAYORITAS = ("terbanyak", "lebih_dari_separuh")


def majority_min_count(n):
    """Fewest pegawai that are "more than half" of a unit of ``n``: n // 2 + 1
    (DOMAIN §3.3; 0 for an empty unit)."""
    return n // 2 + 1 if n > 0 else 0


def _largest_other(counts, leader):
    """The predikat (other than ``leader``) with the most pegawai, first in order."""
    others = [p for p in PREDIKAT if p != leader]
    best = max(others, key=lambda p: counts[p])  # max() keeps the first on ties
    return best, counts[best]


def _at_least(code, count, pct, n):
    """Violation list of an "at least pct%" rule (DOMAIN §3.3)."""
    required = at_least_count(pct, n)
    if count >= required:
        return []
    return [_violation(code, count=count, required=required, n=n, pct=pct)]


def _at_most(code, count, pct, n, **extra):
    """Violation list of an "at most pct%" rule (DOMAIN §3.3)."""
    allowed = at_most_count(pct, n)
    if count <= allowed:
        return []
    return [_violation(code, count=count, allowed=allowed, n=n, pct=pct, **extra)]


def _largest(leader, counts, n, mayoritas="terbanyak"):
    """Violation list of "most pegawai are ``leader``" (DOMAIN §3.3, SE MenPANRB
    3/2023): strictly more than any other predikat, or more than half of the unit
    when ``mayoritas`` is ``lebih_dari_separuh``."""
    if mayoritas == "lebih_dari_separuh":
        required = majority_min_count(n)
        if counts[leader] >= required:
            return []
        return [
            _violation(
                leader + "_not_majority",
                count=counts[leader],
                required=required,
                n=n,
            )
        ]
    other, other_count = _largest_other(counts, leader)
    if other_count < counts[leader]:
        return []
    return [
        _violation(
            leader + "_not_largest",
            count=counts[leader],
            other=PREDIKAT_LABELS[other],
            other_key=other,
            other_count=other_count,
            n=n,
        )
    ]


def _check_mayoritas(mayoritas):
    return _check_key(mayoritas, MAYORITAS, "reading of 'most'")


def check_distribusi_counts(predikat_organisasi, counts, mayoritas="terbanyak"):
    """Violations of the pola distribusi for counts ``{predikat: count}``.

    DOMAIN §3.3 (SE MenPANRB 3/2023 gives the numbers; the PermenPANRB 6/2022
    lampiran only draws the curve), with the rounding of the module docstring.
    Missing keys count 0. See ``check_distribusi`` for the result format and
    ``mayoritas``.
    """
    _check_key(predikat_organisasi, PREDIKAT_ORGANISASI, "predikat organisasi")
    _check_mayoritas(mayoritas)
    for key, value in counts.items():
        _check_key(key, PREDIKAT, "predikat kinerja")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError(
                "Count of %s must be a non-negative whole number, got %r."
                % (key, value)
            )
    c = {p: counts.get(p, 0) for p in PREDIKAT}
    n = sum(c.values())
    if n == 0:
        return []
    big, maj, minor = PERSEN_TERBESAR_MAKS, PERSEN_MAYORITAS_MIN, PERSEN_MINORITAS
    bp_or_kurang = c["butuh_perbaikan"] + c["kurang"]
    sb_above_10 = {
        "code": "sangat_baik_above_10",
        "count": c["sangat_baik"],
        "pct": minor,
        "n": n,
        "organisasi": PREDIKAT_ORGANISASI_LABELS[predikat_organisasi],
    }
    if predikat_organisasi == "istimewa":
        return _largest("sangat_baik", c, n, mayoritas) + _at_most(
            "sangat_baik_above_max", c["sangat_baik"], big, n
        )
    if predikat_organisasi == "baik":
        out = _largest("baik", c, n, mayoritas)
        out += _at_most("baik_above_max", c["baik"], big, n)
        if bp_or_kurang < 1:
            out.append(
                _violation(
                    "baik_needs_bp_or_kurang", count=bp_or_kurang, required=1, n=n
                )
            )
        return out
    if predikat_organisasi == "butuh_perbaikan":
        return _at_least("bp_below_min", c["butuh_perbaikan"], maj, n) + _at_most(
            **sb_above_10
        )
    if predikat_organisasi == "kurang":
        return (
            _at_least("kurang_below_min", c["kurang"], maj, n)
            + _at_least("bp_below_10", c["butuh_perbaikan"], minor, n)
            + _at_most(**sb_above_10)
        )
    out = _at_least("sangat_kurang_below_min", c["sangat_kurang"], maj, n)
    out += _at_least("kurang_or_bp_below_10", bp_or_kurang, minor, n)
    if c["sangat_baik"] > 0:
        out.append(
            _violation(
                "sangat_baik_not_allowed", count=c["sangat_baik"], allowed=0, n=n
            )
        )
    return out


def check_distribusi(predikat_organisasi, predikat_list, mayoritas="terbanyak"):
    """Check the unit's predikat pegawai against the pola distribusi.

    DOMAIN §3.3, SE MenPANRB 3/2023 (the numbers of the pola distribusi; the
    PermenPANRB 6/2022 lampiran draws the curve); shares rounded as the module
    docstring states. ``predikat_list`` holds one predikat key per evaluated
    pegawai of the unit (its own staff and the leaders of its direct sub-units,
    each once, the unit leader excluded: ``pegawai_unit``); ``False``/``None``
    items (not yet rated) are ignored and unknown keys raise ValueError.
    ``mayoritas`` reads "sebagian besar": ``terbanyak`` (default: more pegawai
    than any other predikat, a tie is not "most") or ``lebih_dari_separuh``
    (more than half of the unit).

    Returns a list of violations, empty when the distribution is lawful (an
    empty unit is lawful). Each violation is a dict ``{'code', 'message',
    'params'}``: ``code`` a key of ``VIOLATION_MESSAGES``, ``message`` its
    template formatted with ``params`` (``count``, ``n`` and, depending on the
    rule, ``allowed``, ``required``, ``pct``, ``other``, ``other_key``,
    ``other_count``, ``organisasi``).
    """
    return check_distribusi_counts(
        predikat_organisasi, count_predikat(predikat_list), mayoritas
    )


def _aturan(predikat_organisasi, n, mayoritas="terbanyak"):
    """Per-group rule bounds for a unit of ``n`` (DOMAIN §3.3).

    Returns ``(lo, hi, largest, combined)``: per-predikat minimum and maximum
    allowed by the rules taken one group at a time, the predikat that must have
    most pegawai (or None), and ``(predikat tuple, minimum)`` for the combined
    "and/or" minimum (or None).
    """
    lo = dict.fromkeys(PREDIKAT, 0)
    hi = dict.fromkeys(PREDIKAT, n)
    largest = combined = None
    big, maj, minor = PERSEN_TERBESAR_MAKS, PERSEN_MAYORITAS_MIN, PERSEN_MINORITAS
    if predikat_organisasi == "istimewa":
        largest = "sangat_baik"
        hi["sangat_baik"] = at_most_count(big, n)
    elif predikat_organisasi == "baik":
        largest = "baik"
        hi["baik"] = at_most_count(big, n)
        combined = (("butuh_perbaikan", "kurang"), 1 if n > 0 else 0)
    elif predikat_organisasi == "butuh_perbaikan":
        lo["butuh_perbaikan"] = at_least_count(maj, n)
        hi["sangat_baik"] = at_most_count(minor, n)
    elif predikat_organisasi == "kurang":
        lo["kurang"] = at_least_count(maj, n)
        lo["butuh_perbaikan"] = at_least_count(minor, n)
        hi["sangat_baik"] = at_most_count(minor, n)
    else:
        lo["sangat_kurang"] = at_least_count(maj, n)
        combined = (("kurang", "butuh_perbaikan"), at_least_count(minor, n))
        hi["sangat_baik"] = 0
    if largest and mayoritas == "lebih_dari_separuh":
        lo[largest] = majority_min_count(n)
    return lo, hi, largest, combined


def _size_bounds(n, lo, hi, largest, size):
    """Per-predikat bounds once the leading group has exactly ``size`` pegawai:
    every other group strictly smaller (DOMAIN §3.3, a tie is not "most")."""
    if size is None:
        return lo, hi
    low = dict(lo, **{largest: size})
    high = {p: min(hi[p], size - 1) for p in PREDIKAT}
    high[largest] = size
    return low, high


def _box_bounds(n, low, high, combined):
    """Tight bounds ``{predikat: (min, max)}`` of the counts with
    ``low <= count <= high`` per predikat, the counts adding up to ``n`` and the
    "and/or" minimum ``combined`` met; None when no such counts exist.

    Constant time (five groups): the members of the "and/or" minimum together
    hold s pegawai, s in an interval; each group then ranges between what the
    others leave at the ends of that interval (every value in between is
    attainable, the constraints being intervals on sums).
    """
    if any(low[p] > high[p] for p in PREDIKAT):
        return None
    members, minimum = combined if combined else ((), 0)
    rest = [p for p in PREDIKAT if p not in members]
    low_m = sum(low[p] for p in members)
    high_m = sum(high[p] for p in members)
    low_r = sum(low[p] for p in rest)
    high_r = sum(high[p] for p in rest)
    s_lo = max(low_m, minimum, n - high_r)
    s_hi = min(high_m, n - low_r)
    if s_lo > s_hi:
        return None
    bounds = {}
    for group, g_low, g_high, total_lo, total_hi in (
        (members, low_m, high_m, s_lo, s_hi),
        (rest, low_r, high_r, n - s_hi, n - s_lo),
    ):
        for p in group:
            bounds[p] = (
                max(low[p], total_lo - (g_high - high[p])),
                min(high[p], total_hi - (g_low - low[p])),
            )
    return bounds


def _leading_sizes(n, lo, hi, largest):
    """Sizes the leading group may have, largest first (``[None]`` when no group
    leads, or for an empty unit, which is lawful)."""
    if largest is None or n == 0:
        return [None]
    return range(min(hi[largest], n), lo[largest] - 1, -1)


def _construct(n, lo, hi, largest, combined):
    """A lawful distribution within the bounds, or None (greedy, exact).

    For each possible size L of the ``largest`` group (largest first) every other
    group is capped at L - 1 (a tie is not "most"); with L fixed the constraints
    are per-group bounds, one "and/or" minimum and the total, which a greedy
    filling decides exactly. O(n): constant work per size.
    """
    for size in _leading_sizes(n, lo, hi, largest):
        counts, caps = _size_bounds(n, lo, hi, largest, size)
        counts = dict(counts)
        if any(counts[p] > caps[p] for p in PREDIKAT):
            continue
        if combined:
            members, minimum = combined
            for p in members:
                missing = minimum - sum(counts[q] for q in members)
                if missing <= 0:
                    break
                counts[p] += min(missing, caps[p] - counts[p])
            if sum(counts[q] for q in members) < minimum:
                continue
        remaining = n - sum(counts.values())
        if remaining < 0:
            continue
        for p in PREDIKAT:
            add = min(remaining, caps[p] - counts[p])
            counts[p] += add
            remaining -= add
        if remaining == 0:
            return counts
    return None


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError("n must be a non-negative whole number, got %r." % (n,))


def contoh_distribusi(predikat_organisasi, n, mayoritas="terbanyak"):
    """One lawful distribution ``{predikat: count}`` for a unit of ``n``, or None.

    DOMAIN §3.3. The example favours the largest allowed leading group and fills
    the rest in predikat order (best first). None when no lawful distribution
    exists (see the module docstring for the small units concerned).
    """
    _check_key(predikat_organisasi, PREDIKAT_ORGANISASI, "predikat organisasi")
    _check_mayoritas(mayoritas)
    _check_n(n)
    return _construct(n, *_aturan(predikat_organisasi, n, mayoritas))


def kalkulator_distribusi(predikat_organisasi, n, mayoritas="terbanyak"):
    """How many pegawai of a unit of ``n`` may get each predikat (DOMAIN §3.3).

    What BKD staff compute in spreadsheets from SE MenPANRB 3/2023, with the
    rounding of the module docstring and consistent with ``check_distribusi``
    (same ``mayoritas``). Linear in ``n``: for each size of the leading group
    the bounds of the other groups are computed in constant time
    (``_box_bounds``), so a unit of thousands of pegawai costs milliseconds.
    Returns a dict:

    * one key per predikat -> ``{'min': int, 'max': int}``: when a lawful
      distribution exists, the smallest and largest number of pegawai that
      predikat has in some lawful distribution (tight bounds: every value in
      between is attainable, but the bounds of different predikat are not
      independent: they are coupled by the total ``n``, by the "most" rule and
      by the "and/or" minimum). When none exists, the bounds the rules give one
      group at a time;
    * ``'n'``: the unit size; ``'feasible'``: whether a lawful distribution
      exists; ``'contoh'``: one lawful distribution (``{predikat: count}``) or
      False;
    * ``'largest'``: the predikat that must have most pegawai or False;
      ``'mayoritas'``: how "most" is read; ``'combined'``:
      ``{'predikat': [keys], 'min': int}`` for an "and/or" minimum, or False;
    * ``'note'``: an English sentence on the coupling above.
    """
    _check_key(predikat_organisasi, PREDIKAT_ORGANISASI, "predikat organisasi")
    _check_mayoritas(mayoritas)
    _check_n(n)
    lo, hi, largest, combined = _aturan(predikat_organisasi, n, mayoritas)
    contoh = _construct(n, lo, hi, largest, combined)
    result = {p: {"min": lo[p], "max": hi[p]} for p in PREDIKAT}
    if contoh is not None:
        tight = {}
        for size in _leading_sizes(n, lo, hi, largest):
            bounds = _box_bounds(n, *_size_bounds(n, lo, hi, largest, size), combined)
            if bounds is None:
                continue
            for p, (low, high) in bounds.items():
                if p in tight:
                    tight[p] = (min(tight[p][0], low), max(tight[p][1], high))
                else:
                    tight[p] = (low, high)
        result = {p: {"min": tight[p][0], "max": tight[p][1]} for p in PREDIKAT}
    notes = [
        "Bounds are per predikat; they are not independent: the counts must add "
        "up to %d." % n
    ]
    if largest and mayoritas == "lebih_dari_separuh":
        notes.append(
            "%s must be more than half of the unit (at least %d)."
            % (PREDIKAT_LABELS[largest], majority_min_count(n))
        )
    elif largest:
        notes.append(
            "%s must have more pegawai than any other predikat (a tie is not "
            "most)." % PREDIKAT_LABELS[largest]
        )
    if combined:
        notes.append(
            "%s together: at least %d."
            % (" and/or ".join(PREDIKAT_LABELS[p] for p in combined[0]), combined[1])
        )
    if contoh is None:
        notes.append("No lawful distribution exists for a unit of %d." % n)
    result.update(
        n=n,
        feasible=contoh is not None,
        contoh=contoh or False,
        largest=largest or False,
        mayoritas=mayoritas,
        combined={"predikat": list(combined[0]), "min": combined[1]}
        if combined
        else False,
        note=" ".join(notes),
    )
    return result


def pegawai_unit(staf, pimpinan_sub_unit, pimpinan=None):
    """The pegawai of a unit for its pola distribusi (DOMAIN §3.3, SE MenPANRB
    3/2023): those under its leader, i.e. the unit's own staff and the leaders
    of its direct sub-units, the leader excluded, each counted once (first
    occurrence kept, in order). Items are any hashable ids; None/False skipped.
    """
    seen = set()
    result = []
    for person in list(staf) + list(pimpinan_sub_unit):
        if person is None or person is False or person == pimpinan:
            continue
        if person in seen:
            continue
        seen.add(person)
        result.append(person)
    return result


# ---------------------------------------------------------------------------
# DOMAIN §3.4: quantitative capaian (PermenPANRB 8/2021 lampiran)
# ---------------------------------------------------------------------------

POLARITAS = ("maximize", "minimize")

#: Kategori of the nilai capaian IKI (DOMAIN §3.4), best first.
KATEGORI_CAPAIAN = ("sangat_baik", "baik", "cukup", "kurang", "sangat_kurang")
KATEGORI_CAPAIAN_LABELS = {
    "sangat_baik": "Sangat Baik",
    "baik": "Baik",
    "cukup": "Cukup",
    "kurang": "Kurang",
    "sangat_kurang": "Sangat Kurang",
}


def capaian_iki(
    realisasi, target_min, target_max=None, polaritas="maximize", maksimal=False
):
    """Capaian of one indikator kinerja individu, in percent.

    DOMAIN §3.4, PermenPANRB 8/2021 lampiran:

    * ``maximize`` (higher is better): realisasi / target x 100;
    * ``minimize`` (kondisi khusus, lower is better):
      (1 + (1 - realisasi / target)) x 100, clamped at 0;
    * range target (``target_min`` .. ``target_max``): a realisasi above the range
      is measured against the upper bound, below it against the lower bound,
      inside it the capaian is 100 (92 for 80-90 -> 102.22; 6.5 for 7-8 bulan,
      minimize -> 107.14);
    * ``maksimal``: the target is already the maximum attainable (e.g. 100% bebas
      temuan), so the capaian is capped at 100.

    ``target_max`` None, False or 0 (an unset Odoo float) means a single target.

    Computed exactly and returned as a float rounded half up to 2 decimals.
    Raises ValueError for a missing or negative realisasi, a target <= 0, a
    ``target_max`` below ``target_min`` or an unknown polaritas.
    """
    _check_key(polaritas, POLARITAS, "polaritas")
    real = _to_fraction(realisasi, "realisasi")
    low = _to_fraction(target_min, "target_min")
    if target_max is None or target_max is False or target_max == 0:
        high = low  # a single target (Odoo's unset float field reads 0.0)
    else:
        high = _to_fraction(target_max, "target_max")
    if real < 0:
        raise ValueError("realisasi cannot be negative, got %r." % (realisasi,))
    if low <= 0:
        raise ValueError("target_min must be greater than 0, got %r." % (target_min,))
    if high < low:
        raise ValueError(
            "target_max (%r) cannot be lower than target_min (%r)."
            % (target_max, target_min)
        )
    if low <= real <= high:
        value = Fraction(100)
    else:
        target = high if real > high else low
        if polaritas == "maximize":
            value = real / target * 100
        else:
            value = max(Fraction(0), (1 + (1 - real / target)) * 100)
    if maksimal:
        value = min(value, Fraction(100))
    return float(_round_half_up(value, 2))


def capaian_persen_bulat(capaian):
    """Capaian rounded half up to a whole percent (99.5 -> 100, 99.49 -> 99).

    DOMAIN §3.4: "capaian between bands is rounded to whole percent first".
    """
    value = _to_fraction(capaian, "capaian")
    if value < 0:
        raise ValueError("capaian cannot be negative, got %r." % (capaian,))
    return int(_round_half_up(value))


def nilai_capaian_iki(capaian, maksimal=False):
    """Kategori and nilai of a capaian IKI: ``(kategori, nilai)``.

    DOMAIN §3.4, PermenPANRB 8/2021 lampiran. The capaian is first rounded half
    up to a whole percent c (99.5 -> 100), then:

    * c > 110: sangat_baik, 120;
    * 101..110: sangat_baik, 110 + (120 - 110) / (110 - 101) x (c - 101);
    * 100: baik, 109 (with ``maksimal`` - a target that is already the maximum
      attainable - met at 100% or more: sangat_baik, 120);
    * 80..99: cukup, 70 + (89 - 70) / (99 - 80) x (c - 80);
    * 60..79: kurang, 50 + (69 - 50) / (79 - 60) x (c - 60);
    * 0..59: sangat_kurang, c / 59 x 49.

    The nilai is a float rounded half up to 2 decimals (98% -> ('cukup', 88.0)).
    """
    c = capaian_persen_bulat(capaian)
    if maksimal and c >= 100:
        kategori, nilai = "sangat_baik", Fraction(120)
    elif c > 110:
        kategori, nilai = "sangat_baik", Fraction(120)
    elif c >= 101:
        kategori = "sangat_baik"
        nilai = 110 + Fraction(120 - 110, 110 - 101) * (c - 101)
    elif c == 100:
        kategori, nilai = "baik", Fraction(109)
    elif c >= 80:
        kategori, nilai = "cukup", 70 + Fraction(89 - 70, 99 - 80) * (c - 80)
    elif c >= 60:
        kategori, nilai = "kurang", 50 + Fraction(69 - 50, 79 - 60) * (c - 60)
    else:
        kategori, nilai = "sangat_kurang", Fraction(c, 59) * 49
    return kategori, float(_round_half_up(nilai, 2))


#: Whole-percent thresholds of the rating suggestion (DOMAIN §3.1 / §3.4): above
#: expectation is a capaian over 100% (kategori sangat_baik), below expectation
#: under 80% (kategori kurang / sangat_kurang).
CAPAIAN_DI_ATAS_LEBIH_DARI = 100
CAPAIAN_DI_BAWAH_KURANG_DARI = 80


def rating_from_capaian(capaian_list):
    """Suggested rating hasil kerja from the capaian of the results (RHK).

    DOMAIN §3.1 and §3.4: under PermenPANRB 6/2022 this is a suggestion only,
    the pejabat penilai decides. ``capaian_list`` holds one ``(capaian,
    is_utama)`` pair per result - an RHK, whose capaian is the mean of its
    indikator (``rating_from_capaian_rhk`` groups them); a bare number counts as
    utama; items whose capaian is None/False are ignored. Each capaian is
    rounded to a whole percent first; it is *above* expectation when over 100%
    and *below* when under 80%.

    * ``di_atas`` when most (more than half) are above and no utama is below;
    * ``di_bawah`` when most (more than half) are below;
    * ``sesuai`` when only a small part of the RHK utama is below: fewer than
      half of them (of all results when none is utama);
    * ``di_bawah`` otherwise (half or more of the RHK utama below);
    * None when there is nothing to judge.

    Two RHK utama at 70% and two tambahan at 100% give ``di_bawah``: both main
    results are below.
    """
    items = []
    for item in capaian_list:
        if isinstance(item, (tuple, list)):
            capaian, is_utama = item
        else:
            capaian, is_utama = item, True
        if capaian is None or capaian is False:
            continue
        items.append((capaian_persen_bulat(capaian), bool(is_utama)))
    if not items:
        return None
    above = sum(1 for c, _u in items if c > CAPAIAN_DI_ATAS_LEBIH_DARI)
    below = sum(1 for c, _u in items if c < CAPAIAN_DI_BAWAH_KURANG_DARI)
    base = [c for c, u in items if u] or [c for c, _u in items]
    base_below = sum(1 for c in base if c < CAPAIAN_DI_BAWAH_KURANG_DARI)
    utama_below = any(u and c < CAPAIAN_DI_BAWAH_KURANG_DARI for c, u in items)
    if 2 * above > len(items) and not utama_below:
        return "di_atas"
    if 2 * below > len(items):
        return "di_bawah"
    if 2 * base_below < len(base):
        return "sesuai"
    return "di_bawah"


def capaian_rhk(indikator_items):
    """Capaian of each RHK: the mean of its indikator's capaian (DOMAIN §3.1).

    ``indikator_items`` holds ``(rhk_key, is_utama, capaian)`` per indikator;
    indikator without a capaian (None/False) are left out, an RHK without any
    is left out. Returns ``[(capaian, is_utama)]`` in the order the RHK first
    appear, each mean exact (a Fraction), ready for ``rating_from_capaian``.
    """
    groups = {}
    for rhk_key, is_utama, capaian in indikator_items:
        if capaian is None or capaian is False:
            continue
        entry = groups.setdefault(rhk_key, [bool(is_utama), []])
        entry[1].append(_to_fraction(capaian, "capaian"))
    return [
        (sum(values) / len(values), is_utama)
        for is_utama, values in groups.values()
        if values
    ]


def rating_from_capaian_rhk(indikator_items):
    """Suggested rating hasil kerja from the indikator's capaian, judged per RHK
    (DOMAIN §3.1): ``rating_from_capaian(capaian_rhk(indikator_items))``."""
    return rating_from_capaian(capaian_rhk(indikator_items))


#: Scores of the monthly ratings for their average (DOMAIN §2, PPPK Paruh
#: Waktu): di atas 3, sesuai 2, di bawah 1.
RATING_SKOR = {"di_atas": 3, "sesuai": 2, "di_bawah": 1}


def rating_from_skor_rata_rata(skor):
    """Rating of a mean score (DOMAIN §2): the score rounded half up to a whole
    number, so 2.5 or more is di_atas, under 1.5 is di_bawah, sesuai between."""
    value = _round_half_up(_to_fraction(skor, "skor"))
    if value >= 3:
        return "di_atas"
    if value <= 1:
        return "di_bawah"
    return "sesuai"


def saran_rata_rata(periods):
    """Annual rating hasil kerja suggested by the average of the periods
    (DOMAIN §2: PPPK Paruh Waktu and anyone on a rencana kinerja bulanan; BKD DKI
    2026: "the monthly results are averaged over the year").

    ``periods`` holds ``(capaian, rating)`` per rated period (each calendar
    month once), capaian None/False where the period has no numeric result.
    The order of the periods never matters:

    * when every period has a capaian: their mean, exact, judged as one result
      by ``rating_from_capaian`` (rounded to a whole percent: over 100% di_atas,
      under 80% di_bawah, sesuai between; 100.49 -> sesuai, 100.5 -> di_atas,
      79.5 -> sesuai, 79.49 -> di_bawah);
    * otherwise the mean of the ratings scored di atas 3, sesuai 2, di bawah 1,
      rounded half up (``rating_from_skor_rata_rata``); periods without a
      rating are then left out.

    Returns a dict ``{'rating', 'dasar': 'capaian' | 'rating', 'rata_rata':
    float rounded half up to 2 decimals, 'jumlah': number of periods
    averaged}``, or None when nothing can be averaged. Unknown rating keys raise
    ValueError.
    """
    periods = list(periods)
    for _capaian, rating in periods:
        if rating is not None and rating is not False:
            _check_key(rating, RATINGS, "rating")
    numeric = [c for c, _r in periods if c is not None and c is not False]
    if periods and len(numeric) == len(periods):
        mean = sum(_to_fraction(c, "capaian") for c in numeric) / len(numeric)
        return {
            "rating": rating_from_capaian([mean]),
            "dasar": "capaian",
            "rata_rata": float(_round_half_up(mean, 2)),
            "jumlah": len(numeric),
        }
    scores = [RATING_SKOR[r] for _c, r in periods if r]
    if not scores:
        return None
    mean = Fraction(sum(scores), len(scores))
    return {
        "rating": rating_from_skor_rata_rata(mean),
        "dasar": "rating",
        "rata_rata": float(_round_half_up(mean, 2)),
        "jumlah": len(scores),
    }


def rating_suggestion_from_periods(ratings):
    """Suggested annual rating from the periodic ratings (DOMAIN §3).

    ``ratings`` are in chronological order (oldest first); False/None (period
    not rated) are ignored, unknown keys raise ValueError. Returns the most
    frequent rating; a tie goes to the tied rating given most recently. None
    when no period is rated. A suggestion only: the pejabat penilai decides.
    Not used for those whose year is decided on its average (``saran_rata_rata``).
    """
    counts = {}
    last_seen = {}
    for index, rating in enumerate(ratings):
        if rating is None or rating is False:
            continue
        _check_key(rating, RATINGS, "rating")
        counts[rating] = counts.get(rating, 0) + 1
        last_seen[rating] = index
    if not counts:
        return None
    return max(counts, key=lambda r: (counts[r], last_seen[r]))


def bulan_pemilik(periods):
    """Which period owns each calendar month (DOMAIN §2, §4: every month counts
    once, even across two SKP).

    ``periods`` holds ``(date_start, date_end)`` per SKP (or evaluation) of one
    pegawai. Returns ``{(year, month): index}`` for every month touched: the
    month goes to the period covering more of its days; on a tie, to the later
    period (the one in force at the month's end). A revision ending 15 June
    leaves June to the new SKP (15 against 15 days); one ending 20 June keeps it.
    """
    owner = {}
    for index, (start, end) in enumerate(periods):
        if not start or not end or start > end:
            continue
        year, month = start.year, start.month
        while (year, month) <= (end.year, end.month):
            last = calendar.monthrange(year, month)[1]
            first_day = max(start, date(year, month, 1))
            last_day = min(end, date(year, month, last))
            days = (last_day - first_day).days + 1
            key = (year, month)
            best = owner.get(key)
            if best is None or (days, start) >= (best[0], best[1]):
                owner[key] = (days, start, index)
            month += 1
            if month > 12:
                year, month = year + 1, 1
    return {key: value[2] for key, value in owner.items()}


def bulan_dihitung(periods):
    """Number of calendar months each period counts (``bulan_pemilik``):
    ``[count]`` in the order of ``periods`` (DOMAIN §4: 6 + 7 = 13 months becomes
    6 + 6 = 12 for a revision ending 15 June)."""
    counts = [0] * len(periods)
    for index in bulan_pemilik(periods).values():
        counts[index] += 1
    return counts


# ---------------------------------------------------------------------------
# DOMAIN §4: tindak lanjut
# ---------------------------------------------------------------------------


def angka_kredit(predikat, jenjang, bulan=12):
    """Angka kredit earned by a pejabat fungsional (DOMAIN §4, PermenPANRB 1/2023).

    koefisien[jenjang] x persentase[predikat] / 100 x bulan / 12, the months
    counting pro rata; returned as a float rounded half up to 3 decimals
    (ahli_pertama, baik, 6 bulan -> 6.25). ValueError for an unknown predikat or
    jenjang, or ``bulan`` outside 1..12.
    """
    _check_key(predikat, PREDIKAT, "predikat kinerja")
    _check_key(jenjang, JENJANG_FUNGSIONAL, "jenjang fungsional")
    if isinstance(bulan, bool) or not isinstance(bulan, int) or not 1 <= bulan <= 12:
        raise ValueError(
            "bulan must be a whole number from 1 to 12, got %r." % (bulan,)
        )
    koefisien = _to_fraction(KOEFISIEN_ANGKA_KREDIT[jenjang], "koefisien")
    value = koefisien * PERSENTASE_ANGKA_KREDIT[predikat] / 100 * Fraction(bulan, 12)
    return float(_round_half_up(value, 3))


def angka_kredit_dokumen(value):
    """Angka kredit as documents print it: two decimals, rounded half up
    (DOMAIN §4, as BKN's examples: 2/12 x 100% x 12.5 = 2.083 -> "2.08")."""
    return "%.2f" % _round_half_up(_to_fraction(value, "angka kredit"), 2)


PREDIKAT_RANK = {p: len(PREDIKAT) - i for i, p in enumerate(PREDIKAT)}
RATING_RANK = {r: len(RATINGS) - i for i, r in enumerate(RATINGS)}

#: Reason codes of ``rekomendasi_perpanjangan`` -> English message.
REKOMENDASI_REASONS = {
    "memenuhi": "The predikat and the rating perilaku meet the thresholds.",
    "predikat_missing": "There is no annual predikat.",
    "perilaku_missing": "There is no rating perilaku.",
    "predikat_below_min": "The predikat is below the threshold.",
    "perilaku_below_min": "The rating perilaku is below the threshold.",
    "predikat_and_perilaku_below_min": (
        "Both the predikat and the rating perilaku are below the thresholds."
    ),
}


def predikat_at_least(predikat, minimum):
    """Whether ``predikat`` ranks at or above ``minimum`` (DOMAIN §3.2 order).

    sangat_baik > baik > butuh_perbaikan > kurang > sangat_kurang.
    """
    _check_key(predikat, PREDIKAT, "predikat kinerja")
    _check_key(minimum, PREDIKAT, "minimum predikat")
    return PREDIKAT_RANK[predikat] >= PREDIKAT_RANK[minimum]


def rating_at_least(rating, minimum):
    """Whether ``rating`` ranks at or above ``minimum``: di_atas > sesuai > di_bawah."""
    _check_key(rating, RATINGS, "rating")
    _check_key(minimum, RATINGS, "minimum rating")
    return RATING_RANK[rating] >= RATING_RANK[minimum]


def rekomendasi_perpanjangan(
    predikat, rating_perilaku, min_predikat="baik", min_perilaku="sesuai"
):
    """Advice on extending a PPPK / PPPK Paruh Waktu contract.

    DOMAIN §4 (PP 49/2018 Pasal 37; the DKI rule): ``diperpanjang`` when the
    annual predikat is at least ``min_predikat`` (order sangat_baik > baik >
    butuh_perbaikan > kurang > sangat_kurang: Kurang/Misconduct ranks below
    Butuh Perbaikan) and the rating perilaku at least ``min_perilaku`` (di_atas >
    sesuai > di_bawah); otherwise ``tidak_diperpanjang``. The thresholds are a
    company setting. Returns ``(advice, reason_code)``, reason codes in
    ``REKOMENDASI_REASONS``. A missing predikat or rating (None/False) gives
    ``tidak_diperpanjang``; unknown keys raise ValueError.
    """
    _check_key(min_predikat, PREDIKAT, "minimum predikat")
    _check_key(min_perilaku, RATINGS, "minimum rating perilaku")
    if predikat is None or predikat is False:
        return "tidak_diperpanjang", "predikat_missing"
    if rating_perilaku is None or rating_perilaku is False:
        _check_key(predikat, PREDIKAT, "predikat kinerja")
        return "tidak_diperpanjang", "perilaku_missing"
    predikat_ok = predikat_at_least(predikat, min_predikat)
    perilaku_ok = rating_at_least(rating_perilaku, min_perilaku)
    if predikat_ok and perilaku_ok:
        return "diperpanjang", "memenuhi"
    if not predikat_ok and not perilaku_ok:
        return "tidak_diperpanjang", "predikat_and_perilaku_below_min"
    if not predikat_ok:
        return "tidak_diperpanjang", "predikat_below_min"
    return "tidak_diperpanjang", "perilaku_below_min"


def tpp_kinerja_factor(predikat, table=None):
    """Kinerja factor of the TPP, 0.0 .. 1.0 (DOMAIN §4, PP 12/2019 / Perkada).

    ``table`` maps predikat -> persentase (0-100), the company's
    ``hr.skp.tpp.rule`` lines; default ``DEFAULT_TPP_PERSENTASE``. A predikat
    missing from ``table`` falls back to the default table. No report
    (predikat None/False) -> 0.0: the kinerja part is cut. Unknown predikat or a
    persentase outside 0..100 raise ValueError.
    """
    if predikat is None or predikat is False:
        return 0.0
    _check_key(predikat, PREDIKAT, "predikat kinerja")
    table = DEFAULT_TPP_PERSENTASE if table is None else table
    persentase = table.get(predikat, DEFAULT_TPP_PERSENTASE[predikat])
    value = _to_fraction(persentase, "TPP persentase of %s" % predikat)
    if not 0 <= value <= 100:
        raise ValueError(
            "TPP persentase of %s must be between 0 and 100, got %r."
            % (predikat, persentase)
        )
    return float(value / 100)


def batas_keberatan(tanggal_terima):
    """Last day to file a keberatan: received + 14 calendar days.

    DOMAIN §3.5, PP 30/2019 Pasal 59 ("paling lama 14 hari"), counted here as
    calendar days.
    """
    if not isinstance(tanggal_terima, date):
        raise ValueError("tanggal_terima must be a date, got %r." % (tanggal_terima,))
    return tanggal_terima + timedelta(days=KEBERATAN_HARI)


def batas_tanda_tangan_pppk_pw(tanggal_sk):
    """Last day for a PPPK Paruh Waktu to sign the SKP: SK received + 10 days.

    DOMAIN §1 and §2 (KepmenPANRB 16/2025), counted as calendar days.
    """
    if not isinstance(tanggal_sk, date):
        raise ValueError("tanggal_sk must be a date, got %r." % (tanggal_sk,))
    return tanggal_sk + timedelta(days=PPPK_PW_TANDA_TANGAN_HARI)


# ---------------------------------------------------------------------------
# DOMAIN §5: identity data
# ---------------------------------------------------------------------------

NIP_LENGTH = 18
#: Plausible birth years in a NIP / NI PPPK (a sanity check, DOMAIN §5).
NIP_BIRTH_YEAR_MIN = 1940
NIP_BIRTH_YEAR_MAX = 2015
#: Minimum age, in years, at the TMT CPNS / first PPPK appointment (sanity check).
NIP_MIN_AGE = 16

#: NIP error codes of ``validate_nip`` -> English message template.
NIP_ERRORS = {
    "nip_empty": _lt("The NIP is empty."),
    "nip_not_digits": _lt(
        "The NIP must contain digits only (spaces are ignored); got %(value)s."
    ),
    "nip_length": _lt("The NIP must have 18 digits; it has %(length)d."),
    "nip_birth_date": _lt(
        "Digits 1-8 of the NIP must be the birth date as YYYYMMDD, born between "
        "%(min)d and %(max)d; got %(value)s."
    ),
    "nip_tmt": _lt(
        "Digits 9-14 of a PNS NIP must be the TMT CPNS as YYYYMM; got %(value)s."
    ),
    "nip_tmt_too_early": _lt(
        "The TMT CPNS year %(year)d in the NIP is less than %(age)d years after the "
        "birth year %(birth_year)d."
    ),
    "nip_tahun_pengangkatan": _lt(
        "Digits 9-12 of an NI PPPK must be the year first appointed; %(year)d is "
        "less than %(age)d years after the birth year %(birth_year)d."
    ),
    "nip_gender": _lt(
        "Digit 15 of the NIP must be 1 (man) or 2 (woman); got %(value)s."
    ),
    "nip_sequence": _lt("The last 3 digits of the NIP (the sequence) cannot be 000."),
}

_PPPK_STATUS = ("pppk", "pppk_pw")
_PNS_STATUS = ("pns", "cpns")


def parse_nip(nip):
    """The NIP without whitespace ('' when empty) (DOMAIN §5)."""
    if nip is None or nip is False:
        return ""
    if isinstance(nip, int) and not isinstance(nip, bool):
        nip = str(nip)
    if not isinstance(nip, str):
        raise ValueError("NIP must be a string, got %r." % (nip,))
    return re.sub(r"\s+", "", nip)


def nip_birth_date(nip):
    """Birth date encoded in digits 1-8 of a NIP / NI PPPK, or None (DOMAIN §5)."""
    nip = parse_nip(nip)
    if len(nip) < 8 or not nip[:8].isdigit():
        return None
    try:
        return date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None


def nip_gender(nip):
    """Gender from digit 15 (1 man, 2 woman) as Odoo's 'male'/'female', or None."""
    nip = parse_nip(nip)
    if len(nip) != NIP_LENGTH:
        return None
    return {"1": "male", "2": "female"}.get(nip[14])


def _nip_error(code, **params):
    return (code, params)


def validate_nip(nip, asn_status=None):
    """Errors of a NIP (PNS/CPNS) or NI PPPK: a list of ``(code, message)``.

    The checks are those of :func:`nip_issues`; the messages are English
    (``NIP_ERRORS``), for callers that do not translate them.
    """
    return [
        (code, NIP_ERRORS[code] % params)
        for code, params in nip_issues(nip, asn_status)
    ]


def nip_issues(nip, asn_status=None):
    """Errors of a NIP (PNS/CPNS) or NI PPPK: a list of ``(code, params)``, the
    parameters of the ``NIP_ERRORS`` message of each code (to translate it).

    DOMAIN §5. Empty list when valid. Spaces are ignored. Always: 18 digits.
    Then for ``pns``/``cpns``: digits 1-8 a birth date (born 1940..2015), 9-14
    the TMT CPNS YYYYMM (month 01-12, year at least 16 after the birth year),
    digit 15 the gender 1/2, digits 16-18 a sequence other than 000. For
    ``pppk``/``pppk_pw`` (NI PPPK): 1-8 birth date, 9-12 the year first
    appointed (at least 16 after the birth year), 13-14 two digits (perjanjian
    kerja), 15 gender, 16-18 sequence other than 000. For ``non_asn`` or no
    status only the 18 digits are checked. An empty NIP gives ``nip_empty``: the
    caller decides whether the number is required (a new PPPK may not have one
    yet). ValueError for an unknown asn_status.
    """
    if asn_status is not None and asn_status is not False:
        _check_key(asn_status, ASN_STATUS, "asn_status")
    value = parse_nip(nip)
    if not value:
        return [_nip_error("nip_empty")]
    if not value.isdigit() or not value.isascii():
        return [_nip_error("nip_not_digits", value=value)]
    if len(value) != NIP_LENGTH:
        return [_nip_error("nip_length", length=len(value))]
    if asn_status not in _PNS_STATUS + _PPPK_STATUS:
        return []
    errors = []
    birth = nip_birth_date(value)
    if birth is None or not NIP_BIRTH_YEAR_MIN <= birth.year <= NIP_BIRTH_YEAR_MAX:
        errors.append(
            _nip_error(
                "nip_birth_date",
                value=value[:8],
                min=NIP_BIRTH_YEAR_MIN,
                max=NIP_BIRTH_YEAR_MAX,
            )
        )
        birth = None
    if asn_status in _PNS_STATUS:
        year, month = int(value[8:12]), int(value[12:14])
        if not 1 <= month <= 12:
            errors.append(_nip_error("nip_tmt", value=value[8:14]))
        elif birth and year < birth.year + NIP_MIN_AGE:
            errors.append(
                _nip_error(
                    "nip_tmt_too_early",
                    year=year,
                    birth_year=birth.year,
                    age=NIP_MIN_AGE,
                )
            )
    else:
        year = int(value[8:12])
        if birth and year < birth.year + NIP_MIN_AGE:
            errors.append(
                _nip_error(
                    "nip_tahun_pengangkatan",
                    year=year,
                    birth_year=birth.year,
                    age=NIP_MIN_AGE,
                )
            )
    if value[14] not in "12":
        errors.append(_nip_error("nip_gender", value=value[14]))
    if value[15:] == "000":
        errors.append(_nip_error("nip_sequence"))
    return errors


def format_nip(nip, asn_status=None):
    """NIP grouped for print (DOMAIN §5).

    PNS/CPNS (default): ``19860926 201505 1 001``; NI PPPK (``pppk``/``pppk_pw``):
    ``19900101 2021 21 1 001``. A value that is not 18 digits is returned
    without whitespace, unchanged otherwise.
    """
    value = parse_nip(nip)
    if len(value) != NIP_LENGTH or not value.isdigit():
        return value
    if asn_status in _PPPK_STATUS:
        parts = (value[:8], value[8:12], value[12:14], value[14], value[15:])
    else:
        parts = (value[:8], value[8:14], value[14], value[15:])
    return " ".join(parts)


_PANGKAT_LABELS = dict(PANGKAT_PNS)
_PANGKAT_LABELS.update(GOLONGAN_PPPK)


def pangkat_label(key):
    """Label of a pangkat/golongan key (DOMAIN §5).

    ``'III/a'`` -> ``'Penata Muda'``; a PPPK golongan ``'IX'`` -> ``'Golongan IX'``;
    None/False -> ''. Unknown keys raise ValueError.
    """
    if key is None or key is False:
        return ""
    if key not in _PANGKAT_LABELS:
        raise ValueError(
            "Unknown pangkat/golongan %r; expected a PNS key I/a .. IV/e or a PPPK "
            "golongan I .. XVII." % (key,)
        )
    return _PANGKAT_LABELS[key]


# ---------------------------------------------------------------------------
# DOMAIN §1: RHK written as a result, not an activity
# ---------------------------------------------------------------------------

#: Verbs that make an RHK read like an activity (DOMAIN §1).
ACTIVITY_VERBS = frozenset(
    """
    melaksanakan mengikuti menyusun membuat melakukan mengerjakan menyiapkan
    mengelola menyelenggarakan menginput mengumpulkan menyampaikan memberikan
    membantu memfasilitasi mengoordinasikan mengkoordinasikan memantau
    memonitor mengevaluasi menganalisis menghadiri merencanakan memproses
    memverifikasi mengajukan mengirim mengirimkan menerima mencatat mengarsipkan
    menyelesaikan mendampingi menangani melayani mengawasi mengolah menghitung
    berkoordinasi berpartisipasi berkonsultasi
    """.split()
)

#: Words starting with "me" that are not meN- verbs (nouns and the like).
_ME_NOUNS = frozenset(
    """
    media mediasi medis medik meja mekanisme mekanik menteri mental mentor menu
    mesin meter meterai metode metodologi merek merk memo memori memorandum
    menara merah meriah mebel mega megah mei melati melayu member membran
    menit merger meteorologi metropolitan medan medali mercusuar mess meeting
    merdeka merpati mesjid metrik metro
    """.split()
)

_ME_VERB = re.compile(
    r"^(?:me[lrwy]|mem[bpf]|men[dcjtsy]|meng|meny|men[aeiou]|mem[aeiou])"
)


def is_activity_phrase(text):
    """Whether an RHK reads like an activity rather than a result (soft warning).

    DOMAIN §1: an RHK is written as a result ("Tersusunnya laporan ..."), not an
    activity ("Menyusun laporan ..."). True when the first word is a known
    activity verb or has the shape of a meN- verb (me-, mem-, men-, meng-,
    meny-); False for result forms - words starting with ter- or ending in -nya
    ("Tersusunnya", "Meningkatnya", "Menurunnya") - for nouns ("Laporan",
    "Media", "Mekanisme") and for empty text. A heuristic: it only warns.
    """
    if not text or not isinstance(text, str):
        return False
    match = re.search(r"[A-Za-z][A-Za-z-]*", text)
    if not match:
        return False
    word = match.group(0).lower().strip("-")
    if word in ACTIVITY_VERBS:
        return True
    if word.startswith("ter") or word.endswith("nya"):
        return False
    if word in _ME_NOUNS or len(word) < 6:
        return False
    return bool(_ME_VERB.match(word))


# ---------------------------------------------------------------- periods
PERIODE_MONTHS = {"bulanan": 1, "triwulanan": 3, "semesteran": 6, "tahunan": 12}
BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
ROMAN = ("I", "II", "III", "IV")


def period_bounds(periode, year, ke):
    """First and last day of period number ``ke`` (month, quarter, semester) of a
    year."""
    months = PERIODE_MONTHS[periode]
    if periode == "tahunan":
        return date(year, 1, 1), date(year, 12, 31)
    first_month = (ke - 1) * months + 1
    last_month = first_month + months - 1
    return (
        date(year, first_month, 1),
        date(year, last_month, calendar.monthrange(year, last_month)[1]),
    )


def periode_ke_of(periode, day):
    """Number of the period (month, quarter, semester) containing ``day``."""
    if periode == "tahunan":
        return 1
    return (day.month - 1) // PERIODE_MONTHS[periode] + 1


def months_between(start, end):
    """Calendar months touched by [start, end] (a started month counts as a month)."""
    return (end.year - start.year) * 12 + end.month - start.month + 1
