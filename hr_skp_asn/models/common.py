"""Selections shared by the models (technical keys: shared/CONTRACT.md).

The labels are the regulation's own Indonesian terms; i18n/id.po carries the rest.
Selections that the rules also know come from ``rules.py``, defined once there.
"""

from markupsafe import Markup, escape

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

REKOMENDASI = [
    ("diperpanjang", "Diperpanjang"),
    ("tidak_diperpanjang", "Tidak Diperpanjang"),
]
# months are divided among the year for these aspek; the others keep the SKP target
ASPEK_DIBAGI = ("kuantitas", "biaya")


def post_message(record, **kwargs):
    """``message_post`` by the acting user, who may have no email address (many
    pegawai have none): the author stays the user, the workflow never fails on it."""
    partner = record.env.user.partner_id
    kwargs.setdefault("author_id", partner.id)
    kwargs.setdefault("email_from", partner.email_formatted or partner.name)
    return record.message_post(**kwargs)


def in_lang(record, user):
    """``record`` in the language of ``user`` (a recipient): what is written to them
    (activity notes, messages addressed to them) is written in it."""
    return record.with_context(lang=user.lang or record.env.lang)


def schedule_activity(record, act_type_xmlid, user, note="", **values):
    """An activity of type ``act_type_xmlid`` for ``user`` on ``record``, created by the
    workflow (the caller has checked who acts), written in the recipient's language:
    the type's summary is read in it, and ``note`` may be a function of the record in
    that language (``lambda rec: rec.env._("...")``)."""
    record = in_lang(record.sudo(), user)
    if callable(note):
        note = note(record)
    return record.activity_schedule(
        act_type_xmlid, user_id=user.id, note=note, **values
    )


def periode_label(env, periode, ke, year):
    """Januari 2026, Triwulan II 2026, Semester I 2026, Tahunan 2026."""
    if periode == "bulanan" and 1 <= ke <= 12:
        return f"{rules.BULAN[ke - 1]} {year}"
    if periode == "triwulanan" and 1 <= ke <= 4:
        return env._("Triwulan %(ke)s %(year)s", ke=rules.ROMAN[ke - 1], year=year)
    if periode == "semesteran" and 1 <= ke <= 2:
        return env._("Semester %(ke)s %(year)s", ke=rules.ROMAN[ke - 1], year=year)
    return env._("Tahunan %(year)s", year=year)


def target_label(line):
    """A target as people read it: ``85 %``, ``7 – 8 bulan`` or its text, of an
    indikator or of a period's realisasi line (target_min/max/text, satuan)."""
    if line.target_min or line.target_max:
        value = f"{line.target_min:g}"
        if line.target_max and line.target_max != line.target_min:
            value = f"{line.target_min:g} – {line.target_max:g}"
        return " ".join(filter(None, [value, line.satuan]))
    return " ".join(filter(None, [line.target_text, line.satuan]))


def is_value(value):
    """A number was entered (0 included; False/None mean empty)."""
    return value is not None and value is not False


def evaluation_bounds(skp, periode, ke):
    """(start, end) of period ``ke`` of ``skp``'s year, clipped to the SKP period;
    unclipped when it lies outside (``_check_inside_skp`` says so); None when the
    period does not exist."""
    if not skp or not periode or not skp.year or periode not in rules.PERIODE_MONTHS:
        return None
    if not 1 <= ke <= 12 // rules.PERIODE_MONTHS[periode]:
        return None  # _check_periode_ke says why
    start, end = rules.period_bounds(periode, skp.year, ke)
    if (
        skp.date_start
        and skp.date_end
        and start <= skp.date_end
        and end >= skp.date_start
    ):
        start, end = max(start, skp.date_start), min(end, skp.date_end)
    return start, end


def render_table(header, rows, classes="table table-sm table-bordered o_skp_table"):
    """A small HTML table, every cell escaped."""
    head = Markup("").join(Markup("<th>%s</th>") % escape(h) for h in header)
    body = Markup("").join(
        Markup("<tr>%s</tr>")
        % Markup("").join(
            cell if isinstance(cell, Markup) else Markup("<td>%s</td>") % escape(cell)
            for cell in row
        )
        for row in rows
    )
    return Markup(
        '<table class="%s"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>'
    ) % (
        classes,
        head,
        body,
    )
