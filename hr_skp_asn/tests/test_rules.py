"""Tests of hr_skp_asn/rules.py, the regulation's pure arithmetic (DOMAIN.md).

Run by Odoo (``odoo-bin --test-enable --test-tags /hr_skp_asn``): no database is
needed (``BaseCase``). Also runs standalone, with or without Odoo importable:
``cd hr_skp_asn/tests && python -m unittest test_rules`` (rules.py is then loaded
from its path).
"""

import itertools
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

try:
    from odoo.tests import BaseCase, tagged
except ImportError:  # standalone run, without Odoo
    from unittest import TestCase as BaseCase

    def tagged(*_tags):
        return lambda cls: cls


try:  # inside Odoo: odoo.addons.hr_skp_asn.rules
    from .. import rules
except ImportError:  # standalone run: load rules.py from its path
    import importlib.util
    import pathlib

    _path = pathlib.Path(__file__).resolve().parent.parent / "rules.py"
    _spec = importlib.util.spec_from_file_location("hr_skp_asn_rules", _path)
    rules = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(rules)

SB, B, BP, K, SK = rules.PREDIKAT
ORGS = rules.PREDIKAT_ORGANISASI


def _units(**counts):
    """A predikat list from counts, e.g. _units(sangat_baik=7, baik=3)."""
    return [p for p in rules.PREDIKAT for _i in range(counts.get(p, 0))]


def _codes(violations):
    return [v["code"] for v in violations]


def _oracle_share(pct, n, rounding):
    """DOMAIN §3.3: pct% of n as a whole number, computed independently of
    rules.py (Decimal, exact for these sizes) with the given Decimal rounding."""
    value = Decimal(pct) * Decimal(n) / Decimal(100)
    return int(value.quantize(Decimal(1), rounding=rounding))


def _oracle_at_most(pct, n):
    """DOMAIN §3.3 "at most pct%": rounded down, the share never exceeds pct%."""
    return _oracle_share(pct, n, ROUND_FLOOR)


def _oracle_at_least(pct, n):
    """DOMAIN §3.3 "at least pct%": rounded up, the share is never below pct%."""
    return _oracle_share(pct, n, ROUND_CEILING)


def _oracle_lawful(org, c, mayoritas="terbanyak"):
    """DOMAIN §3.3 table (SE MenPANRB 3/2023), written independently of
    rules.py, for counts ``c``: "most" is strictly more than any other predikat,
    or more than half of the unit with ``lebih_dari_separuh``."""
    n = sum(c.values())
    if n == 0:
        return True

    def most(p):
        if mayoritas == "lebih_dari_separuh":
            return 2 * c[p] > n
        return all(c[p] > c[q] for q in c if q != p)

    def at_most(count, pct):
        return count <= _oracle_at_most(pct, n)

    def at_least(count, pct):
        return count >= _oracle_at_least(pct, n)

    if org == "istimewa":
        return most(SB) and at_most(c[SB], 70)
    if org == "baik":
        return most(B) and at_most(c[B], 70) and c[BP] + c[K] >= 1
    if org == "butuh_perbaikan":
        return at_least(c[BP], 60) and at_most(c[SB], 10)
    if org == "kurang":
        return at_least(c[K], 60) and at_least(c[BP], 10) and at_most(c[SB], 10)
    return at_least(c[SK], 60) and at_least(c[K] + c[BP], 10) and c[SB] == 0


#: DOMAIN §3.3 with the floor/ceil rounding: (n, predikat organisasi) without any
#: lawful distribution (worked out by hand; the tests check it both ways).
NO_LAWFUL_DISTRIBUTION = {
    (1, "istimewa"),
    (1, "baik"),
    (1, "kurang"),
    (1, "sangat_kurang"),
    (2, "istimewa"),
    (2, "baik"),
    (2, "kurang"),
    (2, "sangat_kurang"),
}
#: The same when "most" is read as more than half of the unit: also n = 4 for
#: Istimewa and Baik (more than half is 3, 70% of 4 allows 2).
NO_LAWFUL_DISTRIBUTION_SEPARUH = NO_LAWFUL_DISTRIBUTION | {
    (4, "istimewa"),
    (4, "baik"),
}


def _compositions(n, parts=5):
    """Every way to split n pegawai over the 5 predikat."""
    for cuts in itertools.combinations(range(n + parts - 1), parts - 1):
        previous, counts = -1, []
        for cut in cuts:
            counts.append(cut - previous - 1)
            previous = cut
        counts.append(n + parts - 1 - previous - 1)
        yield dict(zip(rules.PREDIKAT, counts, strict=True))


@tagged("post_install", "-at_install")
class TestConstants(BaseCase):
    """Keys of CONTRACT.md and tables of DOMAIN §1, §4, §5."""

    def test_contract_keys(self):
        """CONTRACT.md selections: rating, predikat, predikat organisasi keys."""
        self.assertEqual(rules.RATINGS, ("di_atas", "sesuai", "di_bawah"))
        self.assertEqual(
            rules.PREDIKAT,
            ("sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"),
        )
        self.assertEqual(
            rules.PREDIKAT_ORGANISASI,
            ("istimewa", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"),
        )
        self.assertEqual(
            rules.ASN_STATUS, ("pns", "cpns", "pppk", "pppk_pw", "non_asn")
        )
        self.assertEqual(
            rules.JENJANG_FUNGSIONAL,
            (
                "pemula",
                "terampil",
                "mahir",
                "penyelia",
                "ahli_pertama",
                "ahli_muda",
                "ahli_madya",
                "ahli_utama",
            ),
        )
        self.assertEqual(rules.PREDIKAT_LABELS[K], "Kurang/Misconduct")
        for selection in (
            rules.RATING_SELECTION,
            rules.PREDIKAT_SELECTION,
            rules.PREDIKAT_ORGANISASI_SELECTION,
            rules.PANGKAT_PNS,
            rules.GOLONGAN_PPPK,
            rules.PANGKAT_GOLONGAN_SELECTION,
        ):
            self.assertIsInstance(selection, list)  # fields.Selection wants a list

    def test_berakhlak_domain_1(self):
        """DOMAIN §1: the 7 BerAKHLAK values in order, three panduan lines each."""
        self.assertEqual(
            [key for key, _label, _panduan in rules.BERAKHLAK],
            [
                "berorientasi_pelayanan",
                "akuntabel",
                "kompeten",
                "harmonis",
                "loyal",
                "adaptif",
                "kolaboratif",
            ],
        )
        self.assertEqual(
            [label for _key, label, _panduan in rules.BERAKHLAK],
            [
                "Berorientasi Pelayanan",
                "Akuntabel",
                "Kompeten",
                "Harmonis",
                "Loyal",
                "Adaptif",
                "Kolaboratif",
            ],
        )
        for key, _label, panduan in rules.BERAKHLAK:
            with self.subTest(key=key):
                self.assertEqual(len(panduan.split("\n")), 3)
        panduan = dict((k, p) for k, _l, p in rules.BERAKHLAK)
        self.assertEqual(
            panduan["berorientasi_pelayanan"].split("\n"),
            [
                "Memahami dan memenuhi kebutuhan masyarakat",
                "Ramah, cekatan, solutif, dan dapat diandalkan",
                "Melakukan perbaikan tiada henti",
            ],
        )
        self.assertIn("Tidak menyalahgunakan kewenangan jabatan", panduan["akuntabel"])
        self.assertIn("Bertindak proaktif", panduan["adaptif"])
        self.assertIn("Menjaga rahasia jabatan dan negara", panduan["loyal"])

    def test_pangkat_pns_domain_5(self):
        """DOMAIN §5: pangkat/golongan PNS I/a .. IV/e, exactly."""
        self.assertEqual(
            rules.PANGKAT_PNS,
            [
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
            ],
        )

    def test_golongan_pppk_domain_5(self):
        """DOMAIN §5: golongan PPPK I .. XVII, Roman numerals without letter."""
        keys = [key for key, _label in rules.GOLONGAN_PPPK]
        self.assertEqual(len(keys), 17)
        self.assertEqual(keys[0], "I")
        self.assertEqual(keys[8], "IX")
        self.assertEqual(keys[-1], "XVII")
        self.assertEqual(len(set(keys)), 17)
        pangkat_keys = {key for key, _label in rules.PANGKAT_PNS}
        self.assertFalse(pangkat_keys & set(keys))
        self.assertEqual(len(rules.PANGKAT_GOLONGAN_SELECTION), 34)

    def test_pangkat_label(self):
        """DOMAIN §5: pangkat_label of PNS and PPPK keys."""
        self.assertEqual(rules.pangkat_label("III/a"), "Penata Muda")
        self.assertEqual(rules.pangkat_label("I/a"), "Juru Muda")
        self.assertEqual(rules.pangkat_label("IV/e"), "Pembina Utama")
        self.assertEqual(rules.pangkat_label("IV/d"), "Pembina Utama Madya")
        self.assertEqual(rules.pangkat_label("IX"), "Golongan IX")
        self.assertEqual(rules.pangkat_label(False), "")
        self.assertEqual(rules.pangkat_label(None), "")
        for bad in ("V/a", "III/e", "XVIII", "iii/a"):
            with self.subTest(bad=bad), self.assertRaisesRegex(ValueError, "pangkat"):
                rules.pangkat_label(bad)

    def test_angka_kredit_tables_domain_4(self):
        """DOMAIN §4 (PermenPANRB 1/2023): koefisien and persentase tables."""
        self.assertEqual(
            rules.KOEFISIEN_ANGKA_KREDIT,
            {
                "pemula": 3.75,
                "terampil": 5,
                "mahir": 12.5,
                "penyelia": 25,
                "ahli_pertama": 12.5,
                "ahli_muda": 25,
                "ahli_madya": 37.5,
                "ahli_utama": 50,
            },
        )
        self.assertEqual(
            rules.PERSENTASE_ANGKA_KREDIT,
            {SB: 150, B: 100, BP: 75, K: 50, SK: 25},
        )

    def test_default_tpp_table_domain_4(self):
        """DOMAIN §4: the default (editable) TPP kinerja percentage table."""
        self.assertEqual(
            rules.DEFAULT_TPP_PERSENTASE, {SB: 100, B: 100, BP: 80, K: 60, SK: 40}
        )


@tagged("post_install", "-at_install")
class TestKuadran(BaseCase):
    """DOMAIN §3.2 kuadran kinerja, PermenPANRB 6/2022 lampiran: all nine cells."""

    def test_kuadran_di_atas_x_di_bawah_is_kurang(self):
        self.assertEqual(rules.predikat_kinerja("di_atas", "di_bawah"), "kurang")

    def test_kuadran_di_atas_x_sesuai_is_baik(self):
        self.assertEqual(rules.predikat_kinerja("di_atas", "sesuai"), "baik")

    def test_kuadran_di_atas_x_di_atas_is_sangat_baik(self):
        self.assertEqual(rules.predikat_kinerja("di_atas", "di_atas"), "sangat_baik")

    def test_kuadran_sesuai_x_di_bawah_is_kurang(self):
        self.assertEqual(rules.predikat_kinerja("sesuai", "di_bawah"), "kurang")

    def test_kuadran_sesuai_x_sesuai_is_baik(self):
        self.assertEqual(rules.predikat_kinerja("sesuai", "sesuai"), "baik")

    def test_kuadran_sesuai_x_di_atas_is_baik(self):
        self.assertEqual(rules.predikat_kinerja("sesuai", "di_atas"), "baik")

    def test_kuadran_di_bawah_x_di_bawah_is_sangat_kurang(self):
        self.assertEqual(
            rules.predikat_kinerja("di_bawah", "di_bawah"), "sangat_kurang"
        )

    def test_kuadran_di_bawah_x_sesuai_is_butuh_perbaikan(self):
        self.assertEqual(
            rules.predikat_kinerja("di_bawah", "sesuai"), "butuh_perbaikan"
        )

    def test_kuadran_di_bawah_x_di_atas_is_butuh_perbaikan(self):
        self.assertEqual(
            rules.predikat_kinerja("di_bawah", "di_atas"), "butuh_perbaikan"
        )

    def test_kuadran_table_complete(self):
        """DOMAIN §3.2: 9 cells, every predikat reachable."""
        cells = {
            (h, p): rules.predikat_kinerja(h, p)
            for h in rules.RATINGS
            for p in rules.RATINGS
        }
        self.assertEqual(len(cells), 9)
        self.assertEqual(set(cells.values()), set(rules.PREDIKAT))

    def test_kuadran_unknown_rating_raises(self):
        """DOMAIN §3.2: an unknown or missing rating is an error naming it."""
        with self.assertRaisesRegex(ValueError, "rating hasil kerja 'excellent'"):
            rules.predikat_kinerja("excellent", "sesuai")
        with self.assertRaisesRegex(ValueError, "rating perilaku 'baik'"):
            rules.predikat_kinerja("sesuai", "baik")
        with self.assertRaisesRegex(ValueError, "rating hasil kerja False"):
            rules.predikat_kinerja(False, "sesuai")
        with self.assertRaises(ValueError):
            rules.predikat_kinerja("sesuai", None)

    def test_rating_unit_leader_domain_3_1(self):
        """DOMAIN §3.1: the unit leader's rating hasil kerja from the organisation."""
        self.assertEqual(rules.rating_from_capaian_organisasi("istimewa"), "di_atas")
        self.assertEqual(rules.rating_from_capaian_organisasi("baik"), "sesuai")
        for org in ("butuh_perbaikan", "kurang", "sangat_kurang"):
            with self.subTest(org=org):
                self.assertEqual(rules.rating_from_capaian_organisasi(org), "di_bawah")
        with self.assertRaisesRegex(ValueError, "predikat organisasi 'sangat_baik'"):
            rules.rating_from_capaian_organisasi("sangat_baik")


@tagged("post_install", "-at_install")
class TestDistribusi(BaseCase):
    """DOMAIN §3.3 pola distribusi, with the rounding of rules.py: "at most p%"
    rounds down, "at least p%" rounds up, so the literal bounds always hold."""

    def assertLawful(self, org, predikat_list):
        self.assertEqual(rules.check_distribusi(org, predikat_list), [])

    def assertViolates(self, org, predikat_list, codes):
        self.assertEqual(_codes(rules.check_distribusi(org, predikat_list)), codes)

    def test_at_most_count_rounds_down(self):
        """DOMAIN §3.3 "at most p%": floor(p*n/100), the share never exceeds p%."""
        cases = [
            (70, 10, 7),
            (70, 3, 2),  # 2.1 -> 2
            (70, 5, 3),  # 3.5 -> 3
            (70, 1, 0),  # 0.7 -> 0
            (70, 2, 1),  # 1.4 -> 1
            (70, 9, 6),  # 6.3 -> 6
            (10, 9, 0),  # 0.9 -> 0
            (10, 10, 1),
            (10, 5, 0),  # 0.5 -> 0
            (10, 19, 1),  # 1.9 -> 1
            (10, 20, 2),
            (0, 9, 0),
            (100, 9, 9),
            (70, 0, 0),
        ]
        for pct, n, expected in cases:
            with self.subTest(pct=pct, n=n):
                self.assertEqual(rules.at_most_count(pct, n), expected)
        for pct in (0, 10, 60, 70, 100):
            for n in range(0, 201):
                allowed = rules.at_most_count(pct, n)
                self.assertEqual(allowed, _oracle_at_most(pct, n), (pct, n))
                # the literal bound: allowed/n <= pct%, and one more exceeds it
                self.assertLessEqual(allowed * 100, pct * n)
                self.assertGreater((allowed + 1) * 100, pct * n)
        # exact arithmetic for non-integer percentages too (no float rounding)
        self.assertEqual(rules.at_most_count(Decimal("33.3"), 1000), 333)
        self.assertEqual(rules.at_most_count(70.0, 10), 7)
        self.assertEqual(rules.at_most_count(Decimal("70"), 10), 7)
        self.assertFalse(hasattr(rules, "share_count"))  # renamed, no alias
        for bad in (-1, 1.5, True, None):
            with self.subTest(n=bad), self.assertRaises(ValueError):
                rules.at_most_count(10, bad)
        for bad in (101, -1, None):
            with self.subTest(pct=bad), self.assertRaises(ValueError):
                rules.at_most_count(bad, 5)

    def test_at_least_count_rounds_up(self):
        """DOMAIN §3.3 "at least p%": ceil(p*n/100), the share is never below p%."""
        cases = [
            (60, 10, 6),
            (60, 4, 3),  # 2.4 -> 3
            (60, 2, 2),  # 1.2 -> 2
            (60, 1, 1),  # 0.6 -> 1
            (60, 3, 2),  # 1.8 -> 2
            (60, 5, 3),
            (10, 4, 1),  # 0.4 -> 1
            (10, 10, 1),
            (10, 11, 2),  # 1.1 -> 2
            (10, 1, 1),  # 0.1 -> 1
            (10, 20, 2),
            (10, 21, 3),  # 2.1 -> 3
            (0, 9, 0),
            (100, 9, 9),
            (60, 0, 0),  # an empty unit requires nobody
        ]
        for pct, n, expected in cases:
            with self.subTest(pct=pct, n=n):
                self.assertEqual(rules.at_least_count(pct, n), expected)
        for pct in (0, 10, 60, 70, 100):
            for n in range(0, 201):
                required = rules.at_least_count(pct, n)
                self.assertEqual(required, _oracle_at_least(pct, n), (pct, n))
                # the literal bound: required/n >= pct%, and one fewer is below it
                self.assertGreaterEqual(required * 100, pct * n)
                self.assertLess((required - 1) * 100, pct * n)
                if pct > 0 and n > 0:
                    self.assertGreaterEqual(required, 1)  # never 0 when n > 0
        self.assertEqual(rules.at_least_count(Decimal("33.3"), 1000), 333)
        self.assertEqual(rules.at_least_count(Decimal("33.31"), 1000), 334)
        for bad in (-1, 1.5, True, None):
            with self.subTest(n=bad), self.assertRaises(ValueError):
                rules.at_least_count(10, bad)
        with self.assertRaises(ValueError):
            rules.at_least_count(101, 5)

    def test_oracle_rounding_is_literal(self):
        """DOMAIN §3.3: the test oracle's Decimal floor/ceil equal the literal
        comparisons count*100 <= p*n ("at most") and count*100 >= p*n ("at least")."""
        for pct in (10, 60, 70):
            for n in range(0, 101):
                for count in range(0, n + 1):
                    self.assertEqual(
                        count <= _oracle_at_most(pct, n), count * 100 <= pct * n
                    )
                    self.assertEqual(
                        count >= _oracle_at_least(pct, n), count * 100 >= pct * n
                    )

    def test_reviewer_cases_respect_literal_bounds(self):
        """DOMAIN §3.3: Istimewa "Sangat Baik at most 70%" rejects 4 of 5 (80%);
        Butuh Perbaikan "at least 60% Butuh Perbaikan" rejects 2 of 4 (50%)."""
        result = rules.check_distribusi("istimewa", _units(sangat_baik=4, baik=1))
        self.assertEqual(_codes(result), ["sangat_baik_above_max"])
        self.assertEqual(
            result[0]["params"], {"count": 4, "allowed": 3, "n": 5, "pct": 70}
        )
        self.assertEqual(
            result[0]["message"],
            "When the organisation is Istimewa, at most 3 of 5 pegawai (70%) may be "
            "Sangat Baik; 4 are.",
        )
        self.assertLawful("istimewa", _units(sangat_baik=3, baik=2))
        result = rules.check_distribusi(
            "butuh_perbaikan", _units(butuh_perbaikan=2, baik=2)
        )
        self.assertEqual(_codes(result), ["bp_below_min"])
        self.assertEqual(
            result[0]["params"], {"count": 2, "required": 3, "n": 4, "pct": 60}
        )
        self.assertEqual(
            result[0]["message"],
            "When the organisation is Butuh Perbaikan, at least 3 of 4 pegawai (60%) "
            "must be Butuh Perbaikan; 2 are.",
        )
        self.assertLawful("butuh_perbaikan", _units(butuh_perbaikan=3, baik=1))

    def test_empty_unit_is_lawful(self):
        """DOMAIN §3.3: an empty unit (n=0) has nothing to distribute."""
        for org in ORGS:
            with self.subTest(org=org):
                self.assertLawful(org, [])
                self.assertLawful(org, [False, None, False])

    def test_unrated_pegawai_are_ignored(self):
        """DOMAIN §3.3: False/None (not yet rated) are not counted."""
        self.assertLawful("istimewa", [SB, False, SB, B, None])
        self.assertLawful("butuh_perbaikan", [BP, None])
        # n counts the rated only: 3 here (60% -> 2 BP), not 4 (60% -> 3 BP)
        self.assertLawful("butuh_perbaikan", [BP, BP, B, None])
        self.assertViolates("istimewa", [SB, None], ["sangat_baik_above_max"])
        self.assertEqual(
            rules.count_predikat([SB, False, B, None, B]),
            {SB: 1, B: 2, BP: 0, K: 0, SK: 0},
        )

    def test_unknown_keys_raise(self):
        """DOMAIN §3.3: unknown predikat or organisation keys are errors."""
        with self.assertRaisesRegex(ValueError, "predikat kinerja 'cukup'"):
            rules.check_distribusi("istimewa", [SB, "cukup"])
        with self.assertRaisesRegex(ValueError, "predikat organisasi 'sangat_baik'"):
            rules.check_distribusi("sangat_baik", [SB])
        with self.assertRaises(ValueError):
            rules.check_distribusi(False, [])
        with self.assertRaises(ValueError):
            rules.check_distribusi_counts("baik", {SB: -1})

    # Istimewa -------------------------------------------------------------

    def test_istimewa_n10_sangat_baik_7_ok_8_violates(self):
        """DOMAIN §3.3 Istimewa: Sangat Baik at most 70% (7 of 10)."""
        self.assertLawful("istimewa", _units(sangat_baik=7, baik=3))
        self.assertLawful("istimewa", _units(sangat_baik=7, sangat_kurang=3))
        result = rules.check_distribusi("istimewa", _units(sangat_baik=8, baik=2))
        self.assertEqual(_codes(result), ["sangat_baik_above_max"])
        self.assertEqual(
            result[0]["params"], {"count": 8, "allowed": 7, "n": 10, "pct": 70}
        )
        self.assertEqual(
            result[0]["message"],
            "When the organisation is Istimewa, at most 7 of 10 pegawai (70%) may be "
            "Sangat Baik; 8 are.",
        )

    def test_istimewa_most_is_strictly_more(self):
        """DOMAIN §3.3 Istimewa (SE MenPANRB 3/2023): most pegawai are Sangat Baik,
        strictly more than any other predikat; a tie is not "most", so a flat
        20% Sangat Baik does not pass."""
        self.assertLawful("istimewa", _units(sangat_baik=6, baik=4))
        self.assertViolates(
            "istimewa", _units(sangat_baik=5, baik=5), ["sangat_baik_not_largest"]
        )
        self.assertViolates(
            "istimewa",
            _units(sangat_baik=2, baik=2, butuh_perbaikan=2, kurang=2, sangat_kurang=2),
            ["sangat_baik_not_largest"],
        )
        self.assertLawful(
            "istimewa",
            _units(sangat_baik=3, baik=2, butuh_perbaikan=2, kurang=2, sangat_kurang=1),
        )
        result = rules.check_distribusi(
            "istimewa", _units(sangat_baik=4, baik=5, kurang=1)
        )
        self.assertEqual(_codes(result), ["sangat_baik_not_largest"])
        self.assertEqual(
            result[0]["params"],
            {
                "count": 4,
                "other": "Baik",
                "other_key": "baik",
                "other_count": 5,
                "n": 10,
            },
        )
        self.assertViolates(
            "istimewa",
            _units(sangat_baik=1, sangat_kurang=2),
            ["sangat_baik_not_largest"],
        )

    def test_most_as_more_than_half(self):
        """DOMAIN §3.3: the company may read "most" as more than half of the unit:
        6 Sangat Baik of 10 pass, 5 do not (though more than any other group)."""
        separuh = "lebih_dari_separuh"
        self.assertEqual(
            rules.check_distribusi("istimewa", _units(sangat_baik=6, baik=4), separuh),
            [],
        )
        result = rules.check_distribusi(
            "istimewa", _units(sangat_baik=5, baik=3, kurang=2), separuh
        )
        self.assertEqual(_codes(result), ["sangat_baik_not_majority"])
        self.assertEqual(result[0]["params"], {"count": 5, "required": 6, "n": 10})
        self.assertEqual(
            _codes(
                rules.check_distribusi(
                    "baik", _units(baik=4, sangat_baik=3, kurang=3), separuh
                )
            ),
            ["baik_not_majority"],
        )
        self.assertEqual(
            [rules.majority_min_count(n) for n in (0, 1, 2, 3, 4, 10, 11)],
            [0, 1, 2, 2, 3, 6, 6],
        )
        with self.assertRaises(ValueError):
            rules.check_distribusi("baik", [B], "separuh")

    def test_istimewa_small_units(self):
        """DOMAIN §3.3 Istimewa, n=1..5: Sangat Baik at most 70% rounded down
        (0, 1, 2, 2, 3) and strictly the largest group; n=1 and n=2 have no
        lawful distribution."""
        self.assertViolates("istimewa", [SB], ["sangat_baik_above_max"])
        self.assertViolates("istimewa", [B], ["sangat_baik_not_largest"])
        self.assertViolates("istimewa", [SB, B], ["sangat_baik_not_largest"])
        self.assertViolates("istimewa", [SB, SB], ["sangat_baik_above_max"])
        self.assertLawful("istimewa", [SB, SB, K])
        self.assertViolates("istimewa", [SB, SB, SB], ["sangat_baik_above_max"])
        self.assertViolates("istimewa", [SB, B, BP], ["sangat_baik_not_largest"])
        self.assertViolates(
            "istimewa", _units(sangat_baik=3, baik=1), ["sangat_baik_above_max"]
        )
        self.assertViolates(
            "istimewa", _units(sangat_baik=2, baik=2), ["sangat_baik_not_largest"]
        )
        self.assertLawful("istimewa", _units(sangat_baik=2, baik=1, kurang=1))
        self.assertLawful("istimewa", _units(sangat_baik=3, kurang=2))
        self.assertViolates(
            "istimewa", _units(sangat_baik=5), ["sangat_baik_above_max"]
        )

    # Baik ----------------------------------------------------------------

    def test_baik_n10_baik_7_ok_8_violates(self):
        """DOMAIN §3.3 Baik: Baik at most 70% (7 of 10)."""
        self.assertLawful("baik", _units(baik=7, butuh_perbaikan=3))
        self.assertViolates(
            "baik", _units(baik=8, butuh_perbaikan=2), ["baik_above_max"]
        )

    def test_baik_needs_bp_or_kurang(self):
        """DOMAIN §3.3 Baik: at least one Butuh Perbaikan and/or Kurang/Misconduct."""
        self.assertViolates(
            "baik", _units(sangat_baik=3, baik=7), ["baik_needs_bp_or_kurang"]
        )
        self.assertViolates(
            "baik", _units(baik=6, sangat_kurang=4), ["baik_needs_bp_or_kurang"]
        )
        self.assertLawful("baik", _units(sangat_baik=2, baik=7, kurang=1))
        self.assertLawful("baik", _units(sangat_baik=2, baik=7, butuh_perbaikan=1))
        result = rules.check_distribusi("baik", _units(baik=7, sangat_baik=3))
        self.assertEqual(result[0]["params"], {"count": 0, "required": 1, "n": 10})

    def test_baik_others_may_be_sb_or_sk_and_largest(self):
        """DOMAIN §3.3 Baik: most are Baik (strictly; 29% Baik beside 29% of
        another predikat does not pass); others may be SB and/or SK."""
        self.assertLawful(
            "baik", _units(sangat_baik=3, baik=4, butuh_perbaikan=1, sangat_kurang=2)
        )
        self.assertViolates(
            "baik",
            _units(sangat_baik=4, baik=4, butuh_perbaikan=2),
            ["baik_not_largest"],
        )
        self.assertViolates(
            "baik",
            _units(sangat_baik=2, baik=2, butuh_perbaikan=1, sangat_kurang=2),
            ["baik_not_largest"],
        )
        self.assertViolates(
            "baik",
            _units(sangat_baik=5, baik=4, butuh_perbaikan=1),
            ["baik_not_largest"],
        )
        self.assertViolates(
            "baik", _units(baik=3, butuh_perbaikan=4, kurang=3), ["baik_not_largest"]
        )
        self.assertViolates(
            "baik",
            _units(sangat_baik=9, baik=1),
            ["baik_not_largest", "baik_needs_bp_or_kurang"],
        )

    def test_baik_small_units(self):
        """DOMAIN §3.3 Baik, n=1..3: Baik at most 70% rounded down (0, 1, 2), the
        largest group (strictly), plus one BP and/or Kurang; n=1 and n=2 have no
        lawful distribution."""
        self.assertViolates("baik", [B], ["baik_above_max", "baik_needs_bp_or_kurang"])
        self.assertViolates("baik", [BP], ["baik_not_largest"])
        self.assertViolates("baik", [K], ["baik_not_largest"])
        self.assertViolates("baik", [B, BP], ["baik_not_largest"])
        self.assertViolates("baik", [B, K], ["baik_not_largest"])
        self.assertViolates(
            "baik", [B, B], ["baik_above_max", "baik_needs_bp_or_kurang"]
        )
        self.assertLawful("baik", [B, B, K])
        self.assertViolates("baik", [B, SB, BP], ["baik_not_largest"])
        self.assertViolates(
            "baik", [B, B, B], ["baik_above_max", "baik_needs_bp_or_kurang"]
        )
        self.assertViolates(
            "baik", _units(baik=4, kurang=1), ["baik_above_max"]
        )  # 4 of 5 = 80% > 70%
        self.assertLawful("baik", _units(baik=3, kurang=2))

    # Butuh Perbaikan -----------------------------------------------------

    def test_butuh_perbaikan_n10_bp_6_ok_5_violates(self):
        """DOMAIN §3.3 Butuh Perbaikan: at least 60% Butuh Perbaikan (6 of 10)."""
        self.assertLawful("butuh_perbaikan", _units(butuh_perbaikan=6, baik=4))
        result = rules.check_distribusi(
            "butuh_perbaikan", _units(butuh_perbaikan=5, baik=5)
        )
        self.assertEqual(_codes(result), ["bp_below_min"])
        self.assertEqual(
            result[0]["params"], {"count": 5, "required": 6, "n": 10, "pct": 60}
        )

    def test_butuh_perbaikan_n10_sangat_baik_1_ok_2_violates(self):
        """DOMAIN §3.3 Butuh Perbaikan: Sangat Baik at most 10% (1 of 10)."""
        self.assertLawful(
            "butuh_perbaikan", _units(butuh_perbaikan=6, sangat_baik=1, baik=3)
        )
        result = rules.check_distribusi(
            "butuh_perbaikan", _units(butuh_perbaikan=6, sangat_baik=2, baik=2)
        )
        self.assertEqual(_codes(result), ["sangat_baik_above_10"])
        self.assertEqual(
            result[0]["message"],
            "When the organisation is Butuh Perbaikan, at most 1 of 10 pegawai (10%) "
            "may be Sangat Baik; 2 are.",
        )

    def test_butuh_perbaikan_small_units(self):
        """DOMAIN §3.3 Butuh Perbaikan, n=1..5: at least 60% BP rounded up (1, 2,
        2, 3, 3); Sangat Baik at most 10% rounded down (0 below 10 pegawai)."""
        self.assertLawful("butuh_perbaikan", [BP])
        self.assertViolates(
            "butuh_perbaikan", [SB], ["bp_below_min", "sangat_baik_above_10"]
        )
        self.assertViolates("butuh_perbaikan", [BP, B], ["bp_below_min"])
        self.assertLawful("butuh_perbaikan", [BP, BP])
        self.assertLawful("butuh_perbaikan", [BP, BP, SK])
        self.assertViolates("butuh_perbaikan", [BP, B, B], ["bp_below_min"])
        self.assertViolates(
            "butuh_perbaikan", _units(butuh_perbaikan=2, baik=2), ["bp_below_min"]
        )
        self.assertLawful("butuh_perbaikan", _units(butuh_perbaikan=3, kurang=1))
        self.assertViolates(
            "butuh_perbaikan",
            _units(butuh_perbaikan=3, sangat_baik=1),
            ["sangat_baik_above_10"],
        )
        self.assertViolates(
            "butuh_perbaikan",
            _units(butuh_perbaikan=3, sangat_baik=1, baik=1),
            ["sangat_baik_above_10"],
        )  # 10% of 5 = 0.5 -> 0
        self.assertLawful("butuh_perbaikan", _units(butuh_perbaikan=3, baik=2))
        self.assertLawful(
            "butuh_perbaikan", _units(butuh_perbaikan=9, sangat_baik=1, baik=1)
        )  # n=11: 60% -> 7, 10% -> 1
        self.assertViolates(
            "butuh_perbaikan", _units(butuh_perbaikan=6, baik=5), ["bp_below_min"]
        )

    # Kurang --------------------------------------------------------------

    def test_kurang_n10_boundaries(self):
        """DOMAIN §3.3 Kurang: >= 60% Kurang, >= 10% BP, Sangat Baik <= 10%."""
        self.assertLawful("kurang", _units(kurang=6, butuh_perbaikan=1, baik=3))
        self.assertLawful(
            "kurang", _units(kurang=6, butuh_perbaikan=1, sangat_baik=1, baik=2)
        )
        self.assertViolates(
            "kurang", _units(kurang=5, butuh_perbaikan=1, baik=4), ["kurang_below_min"]
        )
        self.assertViolates("kurang", _units(kurang=6, baik=4), ["bp_below_10"])
        self.assertViolates(
            "kurang", _units(kurang=9, sangat_kurang=1), ["bp_below_10"]
        )
        result = rules.check_distribusi(
            "kurang", _units(kurang=6, butuh_perbaikan=1, sangat_baik=2, baik=1)
        )
        self.assertEqual(_codes(result), ["sangat_baik_above_10"])
        self.assertEqual(result[0]["params"]["organisasi"], "Kurang")
        self.assertViolates(
            "kurang",
            _units(sangat_baik=2, baik=8),
            ["kurang_below_min", "bp_below_10", "sangat_baik_above_10"],
        )

    def test_kurang_small_units(self):
        """DOMAIN §3.3 Kurang, n=1..3: at least 60% Kurang (1, 2, 2) and at least
        10% BP (1), rounded up; n=1 and n=2 have no lawful distribution."""
        self.assertViolates("kurang", [K], ["bp_below_10"])
        self.assertViolates("kurang", [BP], ["kurang_below_min"])
        self.assertViolates("kurang", [K, BP], ["kurang_below_min"])
        self.assertViolates("kurang", [K, K], ["bp_below_10"])
        self.assertLawful("kurang", [K, K, BP])
        self.assertViolates("kurang", [K, BP, BP], ["kurang_below_min"])

    def test_kurang_n11_ten_percent_rounds_up(self):
        """DOMAIN §3.3 Kurang, n=11: at least 60% Kurang (6.6 -> 7) and at least 10%
        Butuh Perbaikan (1.1 -> 2); Sangat Baik at most 10% (1.1 -> 1)."""
        self.assertLawful(
            "kurang", _units(kurang=7, butuh_perbaikan=2, sangat_baik=1, baik=1)
        )
        self.assertViolates(
            "kurang", _units(kurang=7, butuh_perbaikan=1, baik=3), ["bp_below_10"]
        )
        self.assertViolates(
            "kurang", _units(kurang=6, butuh_perbaikan=2, baik=3), ["kurang_below_min"]
        )
        self.assertViolates(
            "kurang",
            _units(kurang=7, butuh_perbaikan=2, sangat_baik=2),
            ["sangat_baik_above_10"],
        )

    # Sangat Kurang -------------------------------------------------------

    def test_sangat_kurang_n10_boundaries(self):
        """DOMAIN §3.3 Sangat Kurang: >= 60% SK, >= 10% K and/or BP, no SB."""
        self.assertLawful("sangat_kurang", _units(sangat_kurang=6, kurang=1, baik=3))
        self.assertLawful(
            "sangat_kurang", _units(sangat_kurang=6, butuh_perbaikan=1, baik=3)
        )
        self.assertViolates(
            "sangat_kurang",
            _units(sangat_kurang=5, kurang=1, baik=4),
            ["sangat_kurang_below_min"],
        )
        self.assertViolates(
            "sangat_kurang", _units(sangat_kurang=6, baik=4), ["kurang_or_bp_below_10"]
        )
        result = rules.check_distribusi(
            "sangat_kurang", _units(sangat_kurang=6, kurang=1, sangat_baik=1, baik=2)
        )
        self.assertEqual(_codes(result), ["sangat_baik_not_allowed"])
        self.assertEqual(
            result[0]["message"],
            "When the organisation is Sangat Kurang, no pegawai may be Sangat Baik; "
            "1 are.",
        )

    def test_sangat_kurang_small_units(self):
        """DOMAIN §3.3 Sangat Kurang, n=1..3: at least 60% SK (1, 2, 2) and at least
        10% K and/or BP (1), rounded up, no SB; n=1 and n=2 have no lawful one."""
        self.assertViolates("sangat_kurang", [SK], ["kurang_or_bp_below_10"])
        self.assertViolates("sangat_kurang", [K], ["sangat_kurang_below_min"])
        self.assertViolates("sangat_kurang", [SK, K], ["sangat_kurang_below_min"])
        self.assertViolates("sangat_kurang", [SK, BP], ["sangat_kurang_below_min"])
        self.assertViolates("sangat_kurang", [SK, SK], ["kurang_or_bp_below_10"])
        self.assertLawful("sangat_kurang", [SK, SK, BP])
        self.assertLawful("sangat_kurang", [SK, SK, K])
        self.assertViolates(
            "sangat_kurang",
            [SK, SB],
            [
                "sangat_kurang_below_min",
                "kurang_or_bp_below_10",
                "sangat_baik_not_allowed",
            ],
        )
        self.assertViolates(
            "sangat_kurang",
            _units(sangat_kurang=7, kurang=1, baik=3),
            ["kurang_or_bp_below_10"],
        )  # n=11: 10% -> 2

    # Messages, calculator, exhaustive cross-checks ------------------------

    def test_violation_codes_and_messages(self):
        """DOMAIN §3.3: stable codes; every message is its template filled in."""
        self.assertEqual(
            set(rules.VIOLATION_MESSAGES),
            {
                "sangat_baik_not_largest",
                "sangat_baik_not_majority",
                "sangat_baik_above_max",
                "baik_not_largest",
                "baik_not_majority",
                "baik_above_max",
                "baik_needs_bp_or_kurang",
                "bp_below_min",
                "sangat_baik_above_10",
                "kurang_below_min",
                "bp_below_10",
                "sangat_kurang_below_min",
                "kurang_or_bp_below_10",
                "sangat_baik_not_allowed",
            },
        )
        seen = set()
        for org, mayoritas in itertools.product(ORGS, rules.MAYORITAS):
            for n in range(0, 8):
                for counts in _compositions(n):
                    for v in rules.check_distribusi_counts(org, counts, mayoritas):
                        seen.add(v["code"])
                        self.assertEqual(set(v), {"code", "message", "params"})
                        self.assertEqual(
                            v["message"],
                            rules.VIOLATION_MESSAGES[v["code"]] % v["params"],
                        )
                        self.assertEqual(v["params"]["n"], n)
                        self.assertNotIn("%(", v["message"])
        self.assertEqual(seen, set(rules.VIOLATION_MESSAGES))

    def test_check_distribusi_matches_regulation_exhaustively(self):
        """DOMAIN §3.3: every distribution of n<=12 pegawai vs an independent oracle."""
        for org, mayoritas in itertools.product(ORGS, rules.MAYORITAS):
            for n in range(0, 13):
                for counts in _compositions(n):
                    lawful = not rules.check_distribusi_counts(org, counts, mayoritas)
                    if lawful != _oracle_lawful(org, counts, mayoritas):
                        self.fail(
                            "%s %s n=%d %r: rules say lawful=%s"
                            % (org, mayoritas, n, counts, lawful)
                        )
                    self.assertEqual(
                        lawful,
                        not rules.check_distribusi(org, _units(**counts), mayoritas),
                    )

    def test_kalkulator_tight_bounds_exhaustively(self):
        """DOMAIN §3.3 kalkulator: min/max are exactly the attainable counts (n<=12),
        both readings of "most": the kalkulator and check_distribusi agree."""
        for org, mayoritas in itertools.product(ORGS, rules.MAYORITAS):
            for n in range(0, 13):
                lawful = [
                    c for c in _compositions(n) if _oracle_lawful(org, c, mayoritas)
                ]
                calc = rules.kalkulator_distribusi(org, n, mayoritas)
                with self.subTest(org=org, n=n, mayoritas=mayoritas):
                    self.assertEqual(calc["mayoritas"], mayoritas)
                    self.assertEqual(calc["feasible"], bool(lawful))
                    self.assertEqual(calc["n"], n)
                    if not lawful:
                        self.assertIs(calc["contoh"], False)
                        continue
                    self.assertIn(calc["contoh"], lawful)
                    for p in rules.PREDIKAT:
                        values = {c[p] for c in lawful}
                        self.assertEqual(calc[p]["min"], min(values))
                        self.assertEqual(calc[p]["max"], max(values))
                        # every value in between is attainable
                        self.assertEqual(
                            values, set(range(min(values), max(values) + 1))
                        )

    def test_kalkulator_n0_to_40_consistent_with_check(self):
        """DOMAIN §3.3: for n in 0..40 the calculator's bounds pass check_distribusi;
        only the small units of NO_LAWFUL_DISTRIBUTION answer feasible: False."""
        for org in ORGS:
            for n in range(0, 41):
                calc = rules.kalkulator_distribusi(org, n)
                if (n, org) in NO_LAWFUL_DISTRIBUTION:
                    self.assertFalse(calc["feasible"])
                    self.assertIs(calc["contoh"], False)
                    self.assertIn("No lawful distribution", calc["note"])
                    continue
                self.assertTrue(calc["feasible"], (org, n))
                contoh = calc["contoh"]
                self.assertEqual(sum(contoh.values()), n)
                self.assertEqual(rules.check_distribusi(org, _units(**contoh)), [])
                for p in rules.PREDIKAT:
                    for bound in ("min", "max"):
                        value = calc[p][bound]
                        # a lawful distribution with exactly this many exists
                        witness = rules._construct(
                            n,
                            *self._fixed(org, n, p, value),
                        )
                        self.assertIsNotNone(witness, (org, n, p, bound))
                        self.assertEqual(witness[p], value)
                        self.assertEqual(sum(witness.values()), n)
                        self.assertEqual(
                            rules.check_distribusi_counts(org, witness), [], witness
                        )
                        self.assertTrue(_oracle_lawful(org, witness))
                    # one beyond either bound cannot be lawful
                    for beyond in (calc[p]["min"] - 1, calc[p]["max"] + 1):
                        if 0 <= beyond <= n:
                            self.assertIsNone(
                                rules._construct(n, *self._fixed(org, n, p, beyond))
                            )

    @staticmethod
    def _fixed(org, n, p, value):
        lo, hi, largest, combined = rules._aturan(org, n)
        lo = {**lo, p: max(lo[p], value)}  # keep the rule's own bounds
        hi = {**hi, p: min(hi[p], value)}
        return lo, hi, largest, combined

    def test_kalkulator_rule_bounds_all_n(self):
        """DOMAIN §3.3: the calculator shows the table's shares for n in 1..40
        ("at most" rounded down, "at least" rounded up, as the oracle computes)."""
        at_most, at_least = _oracle_at_most, _oracle_at_least
        for n in range(1, 41):
            calc = rules.kalkulator_distribusi("istimewa", n)
            self.assertEqual(calc[SB]["max"], at_most(70, n))
            self.assertEqual(calc["largest"], SB)
            self.assertIs(calc["combined"], False)
            calc = rules.kalkulator_distribusi("butuh_perbaikan", n)
            self.assertEqual(calc[BP]["min"], at_least(60, n))
            self.assertEqual(calc[SB]["max"], at_most(10, n))
            calc = rules.kalkulator_distribusi("baik", n)
            self.assertEqual(calc[B]["max"], at_most(70, n))
            self.assertEqual(calc["combined"], {"predikat": [BP, K], "min": 1})
            calc = rules.kalkulator_distribusi("kurang", n)
            self.assertEqual(calc[K]["min"], at_least(60, n))
            self.assertEqual(calc[BP]["min"], at_least(10, n))
            self.assertEqual(calc[SB]["max"], at_most(10, n))
            calc = rules.kalkulator_distribusi("sangat_kurang", n)
            self.assertEqual(calc[SK]["min"], at_least(60, n))
            self.assertEqual(calc[SB]["max"], 0)
            self.assertEqual(
                calc["combined"], {"predikat": [K, BP], "min": at_least(10, n)}
            )

    def test_kalkulator_no_lawful_distribution_small_units(self):
        """DOMAIN §3.3: with the literal bounds, n=1 has no lawful distribution for
        Istimewa, Baik, Kurang, Sangat Kurang and n=2 none for Kurang, Sangat
        Kurang; the calculator says so (the override is a company setting)."""
        for mayoritas, expected in (
            ("terbanyak", NO_LAWFUL_DISTRIBUTION),
            ("lebih_dari_separuh", NO_LAWFUL_DISTRIBUTION_SEPARUH),
        ):
            found = set()
            for n in range(0, 13):
                for org in ORGS:
                    if not any(
                        _oracle_lawful(org, c, mayoritas) for c in _compositions(n)
                    ):
                        found.add((n, org))
                        calc = rules.kalkulator_distribusi(org, n, mayoritas)
                        self.assertFalse(calc["feasible"])
            self.assertEqual(found, expected)
        for n, org in sorted(NO_LAWFUL_DISTRIBUTION):
            with self.subTest(org=org, n=n):
                calc = rules.kalkulator_distribusi(org, n)
                self.assertFalse(calc["feasible"])
                self.assertIs(calc["contoh"], False)
                self.assertIn(
                    "No lawful distribution exists for a unit of %d." % n, calc["note"]
                )
                self.assertIsNone(rules.contoh_distribusi(org, n))
        # the bounds shown are then the rules' own, one group at a time
        calc = rules.kalkulator_distribusi("istimewa", 1)
        self.assertEqual(calc[SB], {"min": 0, "max": 0})
        calc = rules.kalkulator_distribusi("kurang", 2)
        self.assertEqual(calc[K], {"min": 2, "max": 2})
        self.assertEqual(calc[BP], {"min": 1, "max": 2})
        self.assertEqual(calc[SB], {"min": 0, "max": 0})

    def test_kalkulator_n10_pinned(self):
        """DOMAIN §3.3: the spreadsheet figures for a unit of 10 (70% = 7, 60% = 6,
        10% = 1 exactly, so rounding down or up gives the same shares)."""

        def bounds(org):
            calc = rules.kalkulator_distribusi(org, 10)
            return {p: (calc[p]["min"], calc[p]["max"]) for p in rules.PREDIKAT}

        self.assertEqual(
            bounds("istimewa"),
            {SB: (3, 7), B: (0, 4), BP: (0, 4), K: (0, 4), SK: (0, 4)},
        )
        self.assertEqual(
            bounds("baik"),
            {SB: (0, 4), B: (3, 7), BP: (0, 4), K: (0, 4), SK: (0, 4)},
        )
        self.assertEqual(
            bounds("butuh_perbaikan"),
            {SB: (0, 1), B: (0, 4), BP: (6, 10), K: (0, 4), SK: (0, 4)},
        )
        self.assertEqual(
            bounds("kurang"),
            {SB: (0, 1), B: (0, 3), BP: (1, 4), K: (6, 9), SK: (0, 3)},
        )
        self.assertEqual(
            bounds("sangat_kurang"),
            {SB: (0, 0), B: (0, 3), BP: (0, 4), K: (0, 4), SK: (6, 9)},
        )
        calc = rules.kalkulator_distribusi("baik", 10)
        self.assertEqual(calc["contoh"], {SB: 2, B: 7, BP: 1, K: 0, SK: 0})
        self.assertIn("more pegawai than any other predikat", calc["note"])

    def test_kalkulator_small_units_pinned(self):
        """DOMAIN §3.3, worked by hand: Istimewa n=5 (Sangat Baik at most 3.5 -> 3,
        strictly the largest group so at least 2: 1 Sangat Baik would leave 4
        pegawai with at most 0 each); Butuh Perbaikan n=4 (BP at least 2.4 ->
        3, Sangat Baik at most 0.4 -> 0); Kurang n=3 (K >= 1.8 -> 2, BP >= 0.3 -> 1)."""

        def bounds(org, n):
            calc = rules.kalkulator_distribusi(org, n)
            self.assertTrue(calc["feasible"])
            return {p: (calc[p]["min"], calc[p]["max"]) for p in rules.PREDIKAT}

        self.assertEqual(
            bounds("istimewa", 5),
            {SB: (2, 3), B: (0, 2), BP: (0, 2), K: (0, 2), SK: (0, 2)},
        )
        self.assertEqual(
            bounds("butuh_perbaikan", 4),
            {SB: (0, 0), B: (0, 1), BP: (3, 4), K: (0, 1), SK: (0, 1)},
        )
        self.assertEqual(
            bounds("kurang", 3),
            {SB: (0, 0), B: (0, 0), BP: (1, 1), K: (2, 2), SK: (0, 0)},
        )
        self.assertEqual(
            rules.contoh_distribusi("istimewa", 5), {SB: 3, B: 2, BP: 0, K: 0, SK: 0}
        )

    def test_kalkulator_invalid(self):
        """DOMAIN §3.3: invalid organisation or unit size; None when no lawful
        distribution exists."""
        with self.assertRaises(ValueError):
            rules.kalkulator_distribusi("sangat_baik", 10)
        for bad in (-1, 2.0, None, True):
            with self.subTest(n=bad), self.assertRaises(ValueError):
                rules.kalkulator_distribusi("baik", bad)
        self.assertIsNone(rules.contoh_distribusi("baik", 1))
        self.assertIsNone(rules.contoh_distribusi("istimewa", 1))
        self.assertIsNone(rules.contoh_distribusi("kurang", 2))
        self.assertEqual(
            rules.contoh_distribusi("istimewa", 10), {SB: 7, B: 3, BP: 0, K: 0, SK: 0}
        )


@tagged("post_install", "-at_install")
class TestCapaian(BaseCase):
    """DOMAIN §3.4, PermenPANRB 8/2021 lampiran: capaian and nilai capaian IKI."""

    def test_capaian_range_examples(self):
        """DOMAIN §3.4 range target 80-90%: realisasi 92 -> 102.22, 70 -> 87.5."""
        self.assertEqual(rules.capaian_iki(92, 80, 90), 102.22)
        self.assertNotEqual(rules.capaian_iki(92, 80, 90), 113)  # the source's slip
        self.assertEqual(rules.capaian_iki(70, 80, 90), 87.5)
        self.assertEqual(rules.capaian_iki(85, 80, 90), 100.0)
        self.assertEqual(rules.capaian_iki(80, 80, 90), 100.0)
        self.assertEqual(rules.capaian_iki(90, 80, 90), 100.0)

    def test_capaian_waktu_minimize_examples(self):
        """DOMAIN §3.4 waktu 7-8 bulan, lower is better: 6.5 -> 107.14, 9 -> 87.5."""
        self.assertEqual(rules.capaian_iki(6.5, 7, 8, "minimize"), 107.14)
        self.assertEqual(rules.capaian_iki(9, 7, 8, "minimize"), 87.5)
        self.assertEqual(rules.capaian_iki(7.5, 7, 8, "minimize"), 100.0)

    def test_capaian_worked_skp_example(self):
        """DOMAIN §3.4 worked SKP: 85/85 -> 100% Baik 109; 93/95 -> 98% Cukup 88."""
        self.assertEqual(rules.capaian_iki(85, 85), 100.0)
        self.assertEqual(
            rules.nilai_capaian_iki(rules.capaian_iki(85, 85)), ("baik", 109)
        )
        self.assertEqual(rules.capaian_iki(93, 95), 97.89)
        self.assertEqual(rules.capaian_persen_bulat(rules.capaian_iki(93, 95)), 98)
        self.assertEqual(
            rules.nilai_capaian_iki(rules.capaian_iki(93, 95)), ("cukup", 88)
        )

    def test_capaian_single_target_formulas(self):
        """DOMAIN §3.4: realisasi/target x 100; minimize (1 + (1 - r/t)) x 100."""
        self.assertEqual(rules.capaian_iki(110, 100), 110.0)
        self.assertEqual(rules.capaian_iki(0, 100), 0.0)
        self.assertEqual(rules.capaian_iki(1, 3), 33.33)
        self.assertEqual(rules.capaian_iki(2, 3), 66.67)  # half up
        self.assertEqual(rules.capaian_iki(5, 10, polaritas="minimize"), 150.0)
        self.assertEqual(rules.capaian_iki(12, 10, polaritas="minimize"), 80.0)
        self.assertEqual(rules.capaian_iki(0, 10, polaritas="minimize"), 200.0)
        self.assertEqual(rules.capaian_iki(20, 10, polaritas="minimize"), 0.0)
        self.assertEqual(rules.capaian_iki(25, 10, polaritas="minimize"), 0.0)  # clamp
        self.assertEqual(rules.capaian_iki(Decimal("92"), Decimal("90")), 102.22)
        # target_max unset (None/False/0.0 from an Odoo float) means one target
        self.assertEqual(rules.capaian_iki(92, 90, 0.0), 102.22)
        self.assertEqual(rules.capaian_iki(92, 90, False), 102.22)
        self.assertEqual(rules.capaian_iki(92, 90, 90), 102.22)

    def test_capaian_maksimal_capped(self):
        """DOMAIN §3.4: a target already the maximum attainable caps at 100."""
        self.assertEqual(rules.capaian_iki(100, 100, maksimal=True), 100.0)
        self.assertEqual(rules.capaian_iki(101, 100, maksimal=True), 100.0)
        self.assertEqual(rules.capaian_iki(90, 100, maksimal=True), 90.0)

    def test_capaian_invalid(self):
        """DOMAIN §3.4: negative realisasi, target <= 0 and the like are errors."""
        with self.assertRaisesRegex(ValueError, "realisasi cannot be negative"):
            rules.capaian_iki(-1, 10)
        with self.assertRaisesRegex(ValueError, "target_min must be greater than 0"):
            rules.capaian_iki(5, 0)
        with self.assertRaisesRegex(ValueError, "target_min must be greater than 0"):
            rules.capaian_iki(5, -3)
        with self.assertRaisesRegex(ValueError, "cannot be lower than target_min"):
            rules.capaian_iki(5, 10, 8)
        with self.assertRaisesRegex(ValueError, "polaritas"):
            rules.capaian_iki(5, 10, polaritas="lower")
        with self.assertRaisesRegex(ValueError, "realisasi is not set"):
            rules.capaian_iki(None, 10)
        with self.assertRaisesRegex(ValueError, "realisasi is not set"):
            rules.capaian_iki(False, 10)
        with self.assertRaisesRegex(ValueError, "finite"):
            rules.capaian_iki(float("nan"), 10)
        with self.assertRaisesRegex(ValueError, "must be a number"):
            rules.capaian_iki("5", 10)

    def test_nilai_bands(self):
        """DOMAIN §3.4 nilai capaian IKI per band, at and inside each boundary."""
        cases = [
            (150, ("sangat_baik", 120)),
            (111, ("sangat_baik", 120)),
            (110, ("sangat_baik", 120)),
            (105, ("sangat_baik", 114.44)),  # 110 + 10/9 * 4
            (102, ("sangat_baik", 111.11)),
            (101, ("sangat_baik", 110)),
            (100, ("baik", 109)),
            (99, ("cukup", 89)),
            (90, ("cukup", 80)),
            (80, ("cukup", 70)),
            (79, ("kurang", 69)),
            (70, ("kurang", 60)),
            (60, ("kurang", 50)),
            (59, ("sangat_kurang", 49)),
            (30, ("sangat_kurang", 24.92)),  # 30/59*49 = 24.915...
            (1, ("sangat_kurang", 0.83)),
            (0, ("sangat_kurang", 0)),
        ]
        for capaian, expected in cases:
            with self.subTest(capaian=capaian):
                self.assertEqual(rules.nilai_capaian_iki(capaian), expected)

    def test_nilai_rounds_capaian_to_whole_percent_first(self):
        """DOMAIN §3.4: capaian between bands rounded half up (99.5 -> 100)."""
        self.assertEqual(rules.nilai_capaian_iki(99.5), ("baik", 109))
        self.assertEqual(rules.nilai_capaian_iki(99.49), ("cukup", 89))
        self.assertEqual(rules.nilai_capaian_iki(100.49), ("baik", 109))
        self.assertEqual(rules.nilai_capaian_iki(100.5), ("sangat_baik", 110))
        self.assertEqual(rules.nilai_capaian_iki(79.5), ("cukup", 70))
        self.assertEqual(rules.nilai_capaian_iki(59.5), ("kurang", 50))
        self.assertEqual(rules.nilai_capaian_iki(110.5), ("sangat_baik", 120))
        self.assertEqual(rules.nilai_capaian_iki(102.22), ("sangat_baik", 111.11))
        self.assertEqual(rules.capaian_persen_bulat(0.5), 1)
        self.assertEqual(rules.capaian_persen_bulat(87.5), 88)

    def test_nilai_maksimal(self):
        """DOMAIN §3.4: a maximum-attainable target met at 100% -> 120."""
        self.assertEqual(
            rules.nilai_capaian_iki(100, maksimal=True), ("sangat_baik", 120)
        )
        self.assertEqual(
            rules.nilai_capaian_iki(99.5, maksimal=True), ("sangat_baik", 120)
        )
        self.assertEqual(rules.nilai_capaian_iki(99, maksimal=True), ("cukup", 89))
        self.assertEqual(
            rules.nilai_capaian_iki(50, maksimal=True), ("sangat_kurang", 41.53)
        )

    def test_nilai_monotone_and_invalid(self):
        """DOMAIN §3.4: nilai never decreases as capaian grows; negatives refused."""
        previous = -1
        for c in range(0, 131):
            kategori, nilai = rules.nilai_capaian_iki(c)
            self.assertIn(kategori, rules.KATEGORI_CAPAIAN)
            self.assertGreaterEqual(nilai, previous)
            self.assertLessEqual(nilai, 120)
            previous = nilai
        with self.assertRaisesRegex(ValueError, "capaian cannot be negative"):
            rules.nilai_capaian_iki(-1)
        with self.assertRaises(ValueError):
            rules.nilai_capaian_iki(None)

    def test_rating_from_capaian_suggestion(self):
        """DOMAIN §3.1/§3.4: suggested rating hasil kerja (above >100, below <80)."""
        self.assertIsNone(rules.rating_from_capaian([]))
        self.assertIsNone(rules.rating_from_capaian([(None, True), (False, False)]))
        self.assertEqual(
            rules.rating_from_capaian([(105, True), (102, True)]), "di_atas"
        )
        self.assertEqual(
            rules.rating_from_capaian([(105, True), (102, False), (90, True)]),
            "di_atas",
        )
        # more than half above, but the only utama below expectation
        self.assertEqual(
            rules.rating_from_capaian([(105, False), (102, False), (70, True)]),
            "di_bawah",
        )
        # one utama of three below: a small part -> sesuai, never di_atas
        self.assertEqual(
            rules.rating_from_capaian(
                [(105, True), (102, True), (70, True), (105, False)]
            ),
            "sesuai",
        )
        # a tambahan below does not block di_atas
        self.assertEqual(
            rules.rating_from_capaian([(105, True), (102, True), (70, False)]),
            "di_atas",
        )
        # exactly half above is not "most"
        self.assertEqual(
            rules.rating_from_capaian([(105, True), (100, True)]), "sesuai"
        )
        self.assertEqual(rules.rating_from_capaian([(100, True)] * 3), "sesuai")
        self.assertEqual(rules.rating_from_capaian([(80, True), (85, True)]), "sesuai")
        self.assertEqual(
            rules.rating_from_capaian([(79, True), (60, True)]), "di_bawah"
        )
        self.assertEqual(
            rules.rating_from_capaian([(79, True), (60, False), (100, True)]),
            "di_bawah",
        )
        # half the utama below is not "a small part"
        self.assertEqual(
            rules.rating_from_capaian([(79, True), (100, True)]), "di_bawah"
        )
        self.assertEqual(
            rules.rating_from_capaian([(79, True), (100, True), (100, True)]),
            "sesuai",
        )
        # no utama: the small part is counted on all results
        self.assertEqual(
            rules.rating_from_capaian([(79, False), (100, False), (100, False)]),
            "sesuai",
        )
        self.assertEqual(rules.rating_from_capaian([100.5, 101]), "di_atas")  # bare
        self.assertEqual(rules.rating_from_capaian([79.5]), "sesuai")  # rounds to 80
        self.assertEqual(rules.rating_from_capaian([100.49]), "sesuai")

    def test_rating_suggestion_from_periods(self):
        """DOMAIN §3: most frequent periodic rating; ties go to the most recent."""
        self.assertIsNone(rules.rating_suggestion_from_periods([]))
        self.assertIsNone(rules.rating_suggestion_from_periods([False, None]))
        self.assertEqual(
            rules.rating_suggestion_from_periods(["sesuai", "di_atas", "sesuai"]),
            "sesuai",
        )
        self.assertEqual(
            rules.rating_suggestion_from_periods(["sesuai", "di_atas"]), "di_atas"
        )
        self.assertEqual(
            rules.rating_suggestion_from_periods(["di_atas", "sesuai"]), "sesuai"
        )
        self.assertEqual(
            rules.rating_suggestion_from_periods(
                ["di_atas", "sesuai", "sesuai", "di_atas"]
            ),
            "di_atas",
        )
        self.assertEqual(
            rules.rating_suggestion_from_periods(
                ["di_bawah", "di_bawah", "sesuai", False]
            ),
            "di_bawah",
        )
        with self.assertRaisesRegex(ValueError, "rating 'baik'"):
            rules.rating_suggestion_from_periods(["sesuai", "baik"])


@tagged("post_install", "-at_install")
class TestRegulasiKeduaRules(BaseCase):
    """Issue 11: the year's average, one annual predikat per year, per-RHK
    suggestion, the unit's pegawai and a linear kalkulator."""

    def test_rating_per_rhk_issue_example(self):
        """DOMAIN §3.1: four indikator, both RHK utama at 70% and two tambahan at
        100%: counted per indikator this looked *sesuai*; per RHK both main
        results are below, so *di bawah*."""
        items = [
            ("utama 1", True, 70),
            ("utama 2", True, 70),
            ("tambahan 1", False, 100),
            ("tambahan 2", False, 100),
        ]
        self.assertEqual(rules.rating_from_capaian_rhk(items), "di_bawah")
        # an RHK's capaian is the mean of its indikator: 60 and 100 -> 80
        self.assertEqual(
            rules.capaian_rhk([("a", True, 60), ("a", True, 100), ("b", False, None)]),
            [(80, True)],
        )
        self.assertEqual(
            rules.rating_from_capaian_rhk(
                [("a", True, 60), ("a", True, 100), ("b", True, 110)]
            ),
            "sesuai",
        )
        # three RHK utama above, one tambahan below: di atas
        self.assertEqual(
            rules.rating_from_capaian_rhk(
                [("a", True, 110), ("b", True, 105), ("c", True, 120), ("d", False, 50)]
            ),
            "di_atas",
        )
        self.assertIsNone(rules.rating_from_capaian_rhk([("a", True, None)]))

    def test_saran_rata_rata_order_does_not_matter(self):
        """DOMAIN §2 (BKD DKI 2026): six months at 120% then six at 60% average
        90% -> sesuai, and so do the same months reversed (a vote by the latest
        gave di bawah and di atas)."""
        first = [(120, "di_atas")] * 6 + [(60, "di_bawah")] * 6
        for months in (first, list(reversed(first))):
            result = rules.saran_rata_rata(months)
            self.assertEqual(
                result,
                {
                    "rating": "sesuai",
                    "dasar": "capaian",
                    "rata_rata": 90.0,
                    "jumlah": 12,
                },
            )
        self.assertEqual(
            rules.rating_suggestion_from_periods([r for _c, r in first]), "di_bawah"
        )

    def test_saran_rata_rata_capaian_boundaries(self):
        """DOMAIN §2/§3.4: the mean capaian rounded to a whole percent; over 100%
        di atas, under 80% di bawah."""
        cases = (
            ([100.49], "sesuai"),
            ([100.5], "di_atas"),
            ([100, 101], "di_atas"),  # mean 100.5 rounds half up to 101
            ([79.5], "sesuai"),
            ([79.49], "di_bawah"),
            ([80, 79], "sesuai"),  # 79.5 -> 80
            ([79, 79.98], "di_bawah"),  # 79.49
        )
        for values, expected in cases:
            with self.subTest(values=values):
                periods = [(v, "sesuai") for v in values]
                got = rules.saran_rata_rata(periods)
                self.assertEqual(got["dasar"], "capaian")
                self.assertEqual(got["rating"], expected)

    def test_saran_rata_rata_ratings_when_not_numeric(self):
        """DOMAIN §2: without a capaian for every period, the mean of the ratings
        (di atas 3, sesuai 2, di bawah 1) rounded half up: 2.5 -> di atas, under
        1.5 -> di bawah."""

        def rating(*ratings):
            return rules.saran_rata_rata([(None, r) for r in ratings])

        self.assertEqual(rating("di_atas", "sesuai")["rating"], "di_atas")  # 2.5
        self.assertEqual(rating("di_atas", "sesuai")["rata_rata"], 2.5)
        self.assertEqual(rating("di_atas", "sesuai", "sesuai")["rating"], "sesuai")
        self.assertEqual(rating("sesuai", "di_bawah")["rating"], "sesuai")  # 1.5
        self.assertEqual(
            rating("sesuai", "di_bawah", "di_bawah")["rating"], "di_bawah"
        )  # 1.33
        self.assertEqual(rating("di_atas", "di_bawah")["rating"], "sesuai")  # 2
        mixed = rules.saran_rata_rata([(120, "di_atas"), (None, "di_bawah")])
        self.assertEqual((mixed["dasar"], mixed["rating"]), ("rating", "sesuai"))
        self.assertIsNone(rules.saran_rata_rata([]))
        self.assertIsNone(rules.saran_rata_rata([(None, False)]))
        with self.assertRaises(ValueError):
            rules.saran_rata_rata([(None, "baik")])
        self.assertEqual(
            [rules.rating_from_skor_rata_rata(x) for x in (3, 2.5, 2.49, 1.5, 1.49)],
            ["di_atas", "di_atas", "sesuai", "sesuai", "di_bawah"],
        )

    def test_bulan_pemilik_split_month_counts_once(self):
        """DOMAIN §2/§4: a revision ending 15 June: June has 15 days in each SKP
        and goes to the later one; 6 + 6 months, not 6 + 7. Ending 20 June keeps
        June in the first SKP."""
        first = (date(2026, 1, 1), date(2026, 6, 15))
        second = (date(2026, 6, 16), date(2026, 12, 31))
        owner = rules.bulan_pemilik([first, second])
        self.assertEqual(owner[(2026, 6)], 1)
        self.assertEqual(owner[(2026, 5)], 0)
        self.assertEqual(len(owner), 12)
        self.assertEqual(rules.bulan_dihitung([first, second]), [5, 7])
        longer = (date(2026, 1, 1), date(2026, 6, 20))
        later = (date(2026, 6, 21), date(2026, 12, 31))
        self.assertEqual(rules.bulan_dihitung([longer, later]), [6, 6])
        # the issue's angka kredit: 13.542 (6 + 7 months) becomes 12.5
        months = sum(rules.bulan_dihitung([first, second]))
        self.assertEqual(rules.angka_kredit("baik", "ahli_pertama", months), 12.5)
        self.assertEqual(
            rules.angka_kredit("baik", "ahli_pertama", 6)
            + rules.angka_kredit("baik", "ahli_pertama", 7),
            13.542,
        )
        self.assertEqual(rules.bulan_dihitung([(None, None)]), [0])

    def test_angka_kredit_dokumen_two_decimals(self):
        """DOMAIN §4: documents show two decimals, as BKN's examples (2.08)."""
        self.assertEqual(
            rules.angka_kredit_dokumen(rules.angka_kredit("baik", "ahli_pertama", 2)),
            "2.08",
        )
        self.assertEqual(rules.angka_kredit_dokumen(12.5), "12.50")
        self.assertEqual(rules.angka_kredit_dokumen(0.625), "0.63")  # half up
        self.assertEqual(rules.angka_kredit_dokumen(1.125), "1.13")

    def test_pegawai_unit(self):
        """DOMAIN §3.3: own staff plus the leaders of the direct sub-units, the
        leader excluded, each counted once."""
        self.assertEqual(
            rules.pegawai_unit([1, 2, 3, 2], [7, 8, 3, None], pimpinan=1),
            [2, 3, 7, 8],
        )
        self.assertEqual(rules.pegawai_unit([], [], pimpinan=None), [])

    def test_kalkulator_linear_on_a_large_unit(self):
        """Issue 13: the kalkulator is O(n): a unit of 5,000 pegawai costs one
        constant-time bound computation per size of the leading group (at most
        n + 1), ten times the work of a unit of 500 - measured by counting the
        calls, not the clock - and its bounds pass check_distribusi."""
        original = rules._box_bounds
        calls = []

        def counting(*args, **kwargs):
            calls.append(1)
            return original(*args, **kwargs)

        rules._box_bounds = counting
        try:
            work = {}
            for n in (500, 5000):
                for org in ORGS:
                    calls.clear()
                    calc = rules.kalkulator_distribusi(org, n)
                    self.assertTrue(calc["feasible"])
                    self.assertLessEqual(len(calls), n + 1)
                    work[(org, n)] = len(calls)
            for org in ORGS:
                self.assertLessEqual(work[(org, 5000)], 10 * work[(org, 500)] + 10)
        finally:
            rules._box_bounds = original
        calc = rules.kalkulator_distribusi("baik", 5000)
        # Baik strictly more than each of the four others: 5 x 1001 - 4 >= 5000
        self.assertEqual(calc[B], {"min": 1001, "max": 3500})
        for p in rules.PREDIKAT:
            for bound in ("min", "max"):
                witness = rules._construct(
                    5000, *TestDistribusi._fixed("baik", 5000, p, calc[p][bound])
                )
                self.assertEqual(rules.check_distribusi_counts("baik", witness), [])


@tagged("post_install", "-at_install")
class TestTindakLanjut(BaseCase):
    """DOMAIN §4: angka kredit, perpanjangan PPPK, TPP; §3.5 keberatan window."""

    EXPECTED_ANGKA_KREDIT = {
        # jenjang: (sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang)
        "pemula": (5.625, 3.75, 2.813, 1.875, 0.938),
        "terampil": (7.5, 5.0, 3.75, 2.5, 1.25),
        "mahir": (18.75, 12.5, 9.375, 6.25, 3.125),
        "penyelia": (37.5, 25.0, 18.75, 12.5, 6.25),
        "ahli_pertama": (18.75, 12.5, 9.375, 6.25, 3.125),
        "ahli_muda": (37.5, 25.0, 18.75, 12.5, 6.25),
        "ahli_madya": (56.25, 37.5, 28.125, 18.75, 9.375),
        "ahli_utama": (75.0, 50.0, 37.5, 25.0, 12.5),
    }

    def test_angka_kredit_every_koefisien_x_predikat(self):
        """DOMAIN §4 (PermenPANRB 1/2023): koefisien x 150/100/75/50/25%."""
        self.assertEqual(set(self.EXPECTED_ANGKA_KREDIT), set(rules.JENJANG_FUNGSIONAL))
        for jenjang, expected in self.EXPECTED_ANGKA_KREDIT.items():
            for predikat, value in zip(rules.PREDIKAT, expected, strict=True):
                with self.subTest(jenjang=jenjang, predikat=predikat):
                    self.assertEqual(rules.angka_kredit(predikat, jenjang), value)
                    self.assertEqual(rules.angka_kredit(predikat, jenjang, 12), value)

    def test_angka_kredit_pro_rata(self):
        """DOMAIN §4: pro rata by months (ahli_pertama baik 6 bulan -> 6.25)."""
        self.assertEqual(rules.angka_kredit("baik", "ahli_pertama", 6), 6.25)
        self.assertEqual(rules.angka_kredit("baik", "ahli_muda", 3), 6.25)
        self.assertEqual(rules.angka_kredit("sangat_baik", "ahli_madya", 7), 32.813)
        self.assertEqual(rules.angka_kredit("sangat_kurang", "pemula", 1), 0.078)
        self.assertEqual(rules.angka_kredit("butuh_perbaikan", "terampil", 1), 0.313)
        for jenjang in rules.JENJANG_FUNGSIONAL:
            total = sum(rules.angka_kredit("baik", jenjang, 1) for _m in range(12))
            self.assertAlmostEqual(
                total,
                rules.angka_kredit("baik", jenjang),
                delta=0.0061,  # 12 roundings of at most 0.0005 each
            )

    def test_angka_kredit_invalid(self):
        """DOMAIN §4: unknown keys and months outside 1..12 are errors."""
        for bulan in (0, 13, -1, 6.5, True, None):
            with self.subTest(bulan=bulan), self.assertRaisesRegex(ValueError, "bulan"):
                rules.angka_kredit("baik", "ahli_muda", bulan)
        with self.assertRaisesRegex(ValueError, "jenjang fungsional 'ahli'"):
            rules.angka_kredit("baik", "ahli")
        with self.assertRaisesRegex(ValueError, "predikat kinerja 'cukup'"):
            rules.angka_kredit("cukup", "ahli_muda")
        with self.assertRaises(ValueError):
            rules.angka_kredit(False, "ahli_muda")

    def test_rekomendasi_perpanjangan_default_thresholds(self):
        """DOMAIN §4 (PP 49/2018 Ps. 37): at least Baik and perilaku at least Sesuai."""
        for predikat in rules.PREDIKAT:
            for perilaku in rules.RATINGS:
                ok = predikat in (SB, B) and perilaku in ("di_atas", "sesuai")
                with self.subTest(predikat=predikat, perilaku=perilaku):
                    advice, reason = rules.rekomendasi_perpanjangan(predikat, perilaku)
                    self.assertEqual(
                        advice, "diperpanjang" if ok else "tidak_diperpanjang"
                    )
                    self.assertIn(reason, rules.REKOMENDASI_REASONS)
        self.assertEqual(
            rules.rekomendasi_perpanjangan("baik", "sesuai"),
            ("diperpanjang", "memenuhi"),
        )
        self.assertEqual(
            rules.rekomendasi_perpanjangan("butuh_perbaikan", "sesuai"),
            ("tidak_diperpanjang", "predikat_below_min"),
        )
        self.assertEqual(
            rules.rekomendasi_perpanjangan("sangat_baik", "di_bawah"),
            ("tidak_diperpanjang", "perilaku_below_min"),
        )
        self.assertEqual(
            rules.rekomendasi_perpanjangan("sangat_kurang", "di_bawah"),
            ("tidak_diperpanjang", "predikat_and_perilaku_below_min"),
        )
        self.assertEqual(
            rules.rekomendasi_perpanjangan(False, "sesuai"),
            ("tidak_diperpanjang", "predikat_missing"),
        )
        self.assertEqual(
            rules.rekomendasi_perpanjangan("baik", None),
            ("tidak_diperpanjang", "perilaku_missing"),
        )

    def test_rekomendasi_perpanjangan_custom_thresholds(self):
        """DOMAIN §4: thresholds are a company setting; Kurang ranks below BP."""
        advice = rules.rekomendasi_perpanjangan
        self.assertEqual(
            advice("butuh_perbaikan", "sesuai", min_predikat="butuh_perbaikan")[0],
            "diperpanjang",
        )
        self.assertEqual(
            advice("kurang", "sesuai", min_predikat="butuh_perbaikan"),
            ("tidak_diperpanjang", "predikat_below_min"),
        )
        self.assertEqual(
            advice("kurang", "sesuai", min_predikat="kurang")[0], "diperpanjang"
        )
        self.assertEqual(
            advice("sangat_baik", "sesuai", min_perilaku="di_atas"),
            ("tidak_diperpanjang", "perilaku_below_min"),
        )
        self.assertEqual(
            advice("baik", "di_atas", min_predikat="sangat_baik"),
            ("tidak_diperpanjang", "predikat_below_min"),
        )
        self.assertEqual(
            advice("sangat_kurang", "di_bawah", "sangat_kurang", "di_bawah")[0],
            "diperpanjang",
        )
        with self.assertRaisesRegex(ValueError, "minimum predikat 'cukup'"):
            advice("baik", "sesuai", min_predikat="cukup")
        with self.assertRaisesRegex(ValueError, "predikat kinerja 'istimewa'"):
            advice("istimewa", "sesuai")
        with self.assertRaisesRegex(ValueError, "rating 'baik'"):
            advice("baik", "baik")

    def test_predikat_order(self):
        """DOMAIN §3.2/§4: SB > Baik > BP > Kurang/Misconduct > SK."""
        order = list(rules.PREDIKAT)
        for i, higher in enumerate(order):
            for lower in order[i:]:
                self.assertTrue(rules.predikat_at_least(higher, lower))
            for lower in order[:i]:
                self.assertFalse(rules.predikat_at_least(higher, lower))
        self.assertTrue(rules.rating_at_least("di_atas", "sesuai"))
        self.assertFalse(rules.rating_at_least("di_bawah", "sesuai"))

    def test_tpp_kinerja_factor(self):
        """DOMAIN §4 (PP 12/2019): kinerja factor from the company's table."""
        expected = {SB: 1.0, B: 1.0, BP: 0.8, K: 0.6, SK: 0.4}
        for predikat, factor in expected.items():
            self.assertEqual(rules.tpp_kinerja_factor(predikat), factor)
        self.assertEqual(rules.tpp_kinerja_factor(None), 0.0)
        self.assertEqual(rules.tpp_kinerja_factor(False), 0.0)
        table = {SB: 100, B: 90, BP: 75.5, K: 0, SK: 0}
        self.assertEqual(rules.tpp_kinerja_factor(B, table), 0.9)
        self.assertEqual(rules.tpp_kinerja_factor(BP, table), 0.755)
        self.assertEqual(rules.tpp_kinerja_factor(K, table), 0.0)
        self.assertEqual(rules.tpp_kinerja_factor(BP, {SB: 100}), 0.8)  # fallback
        with self.assertRaisesRegex(ValueError, "between 0 and 100"):
            rules.tpp_kinerja_factor(B, {B: 120})
        with self.assertRaisesRegex(ValueError, "predikat kinerja 'cukup'"):
            rules.tpp_kinerja_factor("cukup")

    def test_batas_keberatan_14_days(self):
        """DOMAIN §3.5 (PP 30/2019 Ps. 59): keberatan at the latest 14 days after."""
        self.assertEqual(rules.KEBERATAN_HARI, 14)
        self.assertEqual(rules.batas_keberatan(date(2025, 1, 10)), date(2025, 1, 24))
        self.assertEqual(rules.batas_keberatan(date(2024, 12, 25)), date(2025, 1, 8))
        self.assertEqual(
            rules.batas_tanda_tangan_pppk_pw(date(2026, 1, 2)), date(2026, 1, 12)
        )
        with self.assertRaises(ValueError):
            rules.batas_keberatan("2025-01-10")


@tagged("post_install", "-at_install")
class TestNip(BaseCase):
    """DOMAIN §5: NIP (PNS/CPNS) and NI PPPK."""

    VALID_PNS = "198609262015051001"
    VALID_PPPK = "199001012021211001"

    def codes(self, nip, status):
        return [code for code, _message in rules.validate_nip(nip, status)]

    def test_valid_pns_nip(self):
        """DOMAIN §5: 19860926 201505 1 001 is a valid PNS/CPNS NIP."""
        for status in ("pns", "cpns"):
            self.assertEqual(rules.validate_nip(self.VALID_PNS, status), [])
            self.assertEqual(rules.validate_nip("19860926 201505 1 001", status), [])
        self.assertEqual(rules.validate_nip("198609262015052999", "pns"), [])

    def test_parse_and_format(self):
        """DOMAIN §5: spaces stripped; printed as 19860926 201505 1 001."""
        self.assertEqual(rules.parse_nip(" 19860926 201505 1 001 "), self.VALID_PNS)
        self.assertEqual(rules.parse_nip(None), "")
        self.assertEqual(rules.parse_nip(False), "")
        self.assertEqual(rules.parse_nip(198609262015051001), self.VALID_PNS)
        self.assertEqual(rules.format_nip(self.VALID_PNS), "19860926 201505 1 001")
        self.assertEqual(
            rules.format_nip("19860926 201505 1 001", "pns"), "19860926 201505 1 001"
        )
        self.assertEqual(
            rules.format_nip(self.VALID_PPPK, "pppk"), "19900101 2021 21 1 001"
        )
        self.assertEqual(rules.format_nip("1234 5"), "12345")
        self.assertEqual(rules.format_nip(False), "")

    def test_helpers(self):
        """DOMAIN §5: birth date and gender encoded in the NIP."""
        self.assertEqual(rules.nip_birth_date(self.VALID_PNS), date(1986, 9, 26))
        self.assertEqual(rules.nip_gender(self.VALID_PNS), "male")
        self.assertEqual(rules.nip_gender("198609262015052001"), "female")
        self.assertIsNone(rules.nip_gender("198609262015053001"))
        self.assertIsNone(rules.nip_birth_date("19861330"))
        self.assertIsNone(rules.nip_birth_date(""))

    def test_length_and_digits(self):
        """DOMAIN §5: 18 digits."""
        self.assertEqual(self.codes("", "pns"), ["nip_empty"])
        self.assertEqual(self.codes(False, "pppk"), ["nip_empty"])
        self.assertEqual(self.codes(self.VALID_PNS[:-1], "pns"), ["nip_length"])
        self.assertEqual(self.codes(self.VALID_PNS + "1", "pns"), ["nip_length"])
        self.assertEqual(self.codes("19860926201505100A", "pns"), ["nip_not_digits"])
        self.assertEqual(self.codes("1986-09-26-2015051001", "pns"), ["nip_not_digits"])
        self.assertEqual(self.codes("١٩٨٦٠٩٢٦٢٠١٥٠٥١٠٠١", "pns"), ["nip_not_digits"])
        message = dict(rules.validate_nip(self.VALID_PNS[:-1], "pns"))["nip_length"]
        self.assertEqual(message, "The NIP must have 18 digits; it has 17.")

    def test_birth_date(self):
        """DOMAIN §5: digits 1-8 a valid birth date (born 1940..2015)."""
        self.assertEqual(self.codes("198613262015051001", "pns"), ["nip_birth_date"])
        self.assertEqual(self.codes("198602302015051001", "pns"), ["nip_birth_date"])
        self.assertEqual(self.codes("198600012015051001", "pns"), ["nip_birth_date"])
        self.assertEqual(self.codes("193012312015051001", "pns"), ["nip_birth_date"])
        self.assertEqual(self.codes("201601012035051001", "pns"), ["nip_birth_date"])
        self.assertEqual(self.codes("194001012015051001", "pns"), [])
        self.assertEqual(self.codes("200002292020011001", "pns"), [])  # leap day

    def test_tmt(self):
        """DOMAIN §5: digits 9-14 TMT CPNS YYYYMM, month valid, 16+ years later."""
        self.assertEqual(self.codes("198609262015001001", "pns"), ["nip_tmt"])
        self.assertEqual(self.codes("198609262015131001", "pns"), ["nip_tmt"])
        self.assertEqual(
            self.codes("198609262001051001", "cpns"), ["nip_tmt_too_early"]
        )
        self.assertEqual(self.codes("198609262002011001", "cpns"), [])  # exactly 16

    def test_gender_and_sequence(self):
        """DOMAIN §5: digit 15 gender 1/2; sequence not 000."""
        self.assertEqual(self.codes("198609262015053001", "pns"), ["nip_gender"])
        self.assertEqual(self.codes("198609262015050001", "pns"), ["nip_gender"])
        self.assertEqual(self.codes("198609262015051000", "pns"), ["nip_sequence"])
        self.assertEqual(
            self.codes("198613262015133000", "pns"),
            ["nip_birth_date", "nip_tmt", "nip_gender", "nip_sequence"],
        )

    def test_ni_pppk(self):
        """DOMAIN §5: NI PPPK = birth date + year appointed + 2 + gender + 3."""
        for status in ("pppk", "pppk_pw"):
            self.assertEqual(rules.validate_nip(self.VALID_PPPK, status), [])
            # digits 13-14 are free: a PNS-style "month" 99 is fine for PPPK
            self.assertEqual(self.codes("199001012021991001", status), [])
            self.assertEqual(
                self.codes("199001012000211001", status), ["nip_tahun_pengangkatan"]
            )
            self.assertEqual(
                self.codes("199013012021211001", status), ["nip_birth_date"]
            )
            self.assertEqual(self.codes("199001012021213001", status), ["nip_gender"])
            self.assertEqual(self.codes("199001012021212000", status), ["nip_sequence"])
        # the same number is not a valid PNS NIP (month 21)
        self.assertEqual(self.codes(self.VALID_PPPK, "pns"), ["nip_tmt"])

    def test_non_asn_and_status(self):
        """DOMAIN §5: no structure for non_asn / no status; unknown status refused."""
        self.assertEqual(self.codes("000000000000000000", "non_asn"), [])
        self.assertEqual(self.codes("000000000000000000", None), [])
        self.assertEqual(self.codes("123", False), ["nip_length"])
        with self.assertRaisesRegex(ValueError, "asn_status 'honorer'"):
            rules.validate_nip(self.VALID_PNS, "honorer")

    def test_messages_are_formatted(self):
        """DOMAIN §5: every error comes with a formatted English message."""
        samples = [
            ("", "pns"),
            ("x", "pns"),
            ("1", "pns"),
            ("198613262015133000", "pns"),
            ("198609262001051001", "pns"),
            ("199001012000211001", "pppk"),
        ]
        seen = set()
        for nip, status in samples:
            for code, message in rules.validate_nip(nip, status):
                seen.add(code)
                self.assertIn(code, rules.NIP_ERRORS)
                self.assertNotIn("%(", message)
        self.assertEqual(seen, set(rules.NIP_ERRORS))


@tagged("post_install", "-at_install")
class TestActivityPhrase(BaseCase):
    """DOMAIN §1: an RHK is written as a result, not as an activity."""

    def test_activity_phrases_warn(self):
        """DOMAIN §1: "Menyusun laporan ..." reads like an activity."""
        for text in (
            "Melaksanakan rapat koordinasi",
            "Mengikuti pelatihan teknis",
            "Menyusun laporan keuangan",
            "Membuat surat keluar",
            "Melakukan verifikasi dokumen",
            "Mengerjakan tugas lain",
            "Menyiapkan bahan rapat",
            "Mengelola arsip",
            "Memastikan data lengkap",  # heuristic, not in the list
            "Mendata aset",
            "Menata ruang arsip",
            "Menilai proposal",
            "Menyosialisasikan peraturan",
            "Mewujudkan pelayanan prima",
            "Mengkaji kebijakan",
            "Meningkatkan kualitas layanan",
            "Berkoordinasi dengan OPD",
            "MENYUSUN LAPORAN",
            "1. Menyusun laporan bulanan",
            "  menginput data ke aplikasi",
        ):
            with self.subTest(text=text):
                self.assertTrue(rules.is_activity_phrase(text))

    def test_result_phrases_do_not_warn(self):
        """DOMAIN §1: "Tersusunnya laporan ..." reads like a result."""
        for text in (
            "Tersusunnya laporan keuangan",
            "Terlaksananya rapat koordinasi",
            "Tercapainya target PAD",
            "Tersedianya data kepegawaian",
            "Terlaksana kegiatan sosialisasi",
            "Meningkatnya kepuasan masyarakat",
            "Menurunnya angka stunting",
            "Menguatnya kapasitas SDM",
            "Laporan keuangan yang akurat",
            "Persentase dokumen yang diverifikasi",
            "Dokumen perencanaan",
            "Media publikasi yang informatif",
            "Mekanisme pengaduan yang efektif",
            "Menteri menerima laporan",
            "Mental aparatur yang baik",
            "Metode kerja baru",
            "Menu aplikasi",
            "Menara pemancar",
            "Memori akses",
            "",
            "   ",
            "123",
            None,
        ):
            with self.subTest(text=text):
                self.assertFalse(rules.is_activity_phrase(text))
