"""Employee portal (/my/skp): one's own SKP, signing, realisasi with bukti dukung,
feedback, predikat, keberatan and the official documents, built for phones.

Every route checks the record as the user first (``_document_check_access`` and
the models' record rules), refuses anything that is not the user's own with a 404,
and writes through the models' own methods as the user; ``sudo()`` is used only
after those checks, to render and to store the bukti dukung files.
"""

import hashlib
import re

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.fields import Command
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.portal.controllers import portal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# bukti dukung: photos and PDF, checked on their content (not on the browser's word)
BUKTI_MIMETYPES = ("image/jpeg", "image/png", "image/webp", "application/pdf")
BUKTI_MAX_MB = 5
BUKTI_MAX_PER_LINE = 10
SKP_REPORT = "hr_skp_asn.action_report_skp"
EVALUASI_REPORT = "hr_skp_asn.action_report_evaluasi"
NUMBER = re.compile(r"^\d+([.,]\d+)?$")


def _number(value):
    """'12', '12.5' or '12,5' -> float; '' -> None; anything else -> ValueError."""
    value = (value or "").strip().replace(" ", "")
    if not value:
        return None
    if not NUMBER.match(value):
        raise ValueError(value)
    return float(value.replace(",", "."))


def _format_number(value):
    return ("%g" % value).replace(".", ",")


def _target_label(line):
    """'240 permintaan', '7 – 8 bulan' or the text target (SKP, rencana bulanan or
    realisasi line)."""
    if line.target_min or line.target_max:
        value = _format_number(line.target_min)
        if line.target_max and line.target_max != line.target_min:
            value = f"{value} – {_format_number(line.target_max)}"
    else:
        value = line.target_text or ""
    return " ".join(filter(None, [value, line.satuan])) or "-"


class SkpPortal(portal.CustomerPortal):
    # ------------------------------------------------------------------ helpers
    def _own_domain(self):
        """The user's own records (a pejabat penilai also reads their subordinates'
        SKP: the portal shows one's own). The user's employee records are read as
        the system: portal users cannot read hr.employee."""
        employees = request.env.user.sudo().with_context(active_test=False).employee_ids
        return [("employee_id", "in", employees.ids)]

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        Skp = request.env["hr.skp"]
        Evaluasi = request.env["hr.skp.evaluasi"]
        own = self._own_domain()
        if "skp_count" in counters:
            values["skp_count"] = Skp.search_count(own) if Skp.has_access("read") else 0
        if "skp_evaluasi_count" in counters:
            values["skp_evaluasi_count"] = (
                Evaluasi.search_count(own + [("state", "=", "draft")])
                if Evaluasi.has_access("read")
                else 0
            )
        if "skp_hasil_count" in counters:
            values["skp_hasil_count"] = (
                Evaluasi.search_count(own + [("state", "=", "ditetapkan")])
                if Evaluasi.has_access("read")
                else 0
            )
        return values

    def _skp_sortings(self):
        _ = request.env._
        return {
            "year": {
                "label": _("Newest"),
                "order": "year desc, date_start desc, id desc",
            },
            "state": {"label": _("Status"), "order": "state, year desc, id desc"},
            "oldest": {"label": _("Oldest"), "order": "year, date_start, id"},
        }

    def _skp_get(self, skp_id, access_token=None):
        """The user's own SKP, or one opened with its access token (read only),
        sudo-ed once checked; else 404 (an anonymous visitor without a token is
        sent to log in)."""
        try:
            skp_sudo = self._document_check_access("hr.skp", skp_id, access_token)
        except (AccessError, MissingError):
            skp_sudo = None
        if skp_sudo and (
            skp_sudo.employee_id.user_id == request.env.user
            or (
                access_token
                and skp_sudo.access_token
                and consteq(skp_sudo.access_token, access_token)
            )
        ):
            return skp_sudo
        if request.env.user._is_public() and not access_token:
            raise http.SessionExpiredException("login required")
        raise request.not_found()

    def _evaluasi_get(self, skp_id, evaluasi_id):
        """The user's own evaluation of that SKP, sudo-ed once checked; else 404."""
        try:
            ev_sudo = self._document_check_access("hr.skp.evaluasi", evaluasi_id)
        except (AccessError, MissingError):
            ev_sudo = None
        if (
            not ev_sudo
            or ev_sudo.skp_id.id != skp_id
            or ev_sudo.employee_id.user_id != request.env.user
        ):
            raise request.not_found()
        return ev_sudo

    @staticmethod
    def _error_message(error):
        return error.args[0] if error.args else str(error)

    def _report_exists(self, xmlid):
        return bool(request.env.ref(xmlid, raise_if_not_found=False))

    # -------------------------------------------------------------- list (/my/skp)
    @http.route(
        ["/my/skp", "/my/skp/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_skp(self, page=1, sortby=None, **kw):
        values = self._prepare_portal_layout_values()
        Skp = request.env["hr.skp"]
        sortings = self._skp_sortings()
        sortby = sortby if sortby in sortings else "year"
        domain = self._own_domain()
        pager = portal_pager(
            url="/my/skp",
            url_args={"sortby": sortby},
            total=Skp.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        skps = Skp.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_skp_history"] = skps.ids[:100]
        values.update(
            {
                "skps": skps.sudo(),
                "page_name": "skp",
                "pager": pager,
                "default_url": "/my/skp",
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("hr_skp_asn.portal_my_skp_list", values)

    # ------------------------------------------------------------ detail (/my/skp/id)
    @http.route(
        "/my/skp/<int:skp_id>", type="http", auth="public", website=True, readonly=True
    )
    def portal_skp_page(
        self, skp_id, access_token=None, report_type=None, error_text=None, **kw
    ):
        skp_sudo = self._skp_get(skp_id, access_token)
        if report_type in ("pdf", "html"):
            return self._report(skp_sudo, SKP_REPORT, kw.get("download"), report_type)
        own = skp_sudo.employee_id.user_id == request.env.user
        values = {
            "skp": skp_sudo,
            "page_name": "skp_detail",
            "own": own,
            "can_ajukan": own and skp_sudo.with_env(request.env).can_ajukan,
            "report_skp": self._report_exists(SKP_REPORT),
            "evaluations": skp_sudo.evaluasi_ids.sorted(
                lambda e: (e.date_start, e.periode, e.id)
            ),
            "rencana_by_month": self._rencana_by_month(skp_sudo),
            "target_label": _target_label,
            "error": kw.get("error") if kw.get("error") in ("confirm",) else None,
            "error_text": error_text,
            "message": kw.get("message"),
        }
        values = self._get_page_view_values(
            skp_sudo, access_token, values, "my_skp_history", False, **kw
        )
        return request.render("hr_skp_asn.portal_my_skp_page", values)

    def _rencana_by_month(self, skp):
        months = {}
        labels = dict(
            skp.env["hr.skp.rencana.bulanan"]
            ._fields["bulan"]
            ._description_selection(skp.env)
        )
        for line in skp.rencana_bulanan_ids.sorted(lambda r: (int(r.bulan), r.id)):
            months.setdefault(line.bulan, []).append(line)
        return [(labels[bulan], lines) for bulan, lines in months.items()]

    def _report(self, record_sudo, xmlid, download, report_type="pdf"):
        """An official document through the report engine (404 until the report
        exists: the SKP form is another issue's)."""
        if not self._report_exists(xmlid):
            raise request.not_found()
        return self._show_report(
            model=record_sudo,
            report_type=report_type,
            report_ref=xmlid,
            download=download,
        )

    @http.route(
        "/my/skp/<int:skp_id>/pdf",
        type="http",
        auth="public",
        website=True,
        readonly=True,
    )
    def portal_skp_pdf(self, skp_id, access_token=None, download=None, **kw):
        skp_sudo = self._skp_get(skp_id, access_token)
        return self._report(skp_sudo, SKP_REPORT, download)

    @http.route(
        "/my/skp/<int:skp_id>/ajukan",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_skp_ajukan(self, skp_id, confirm=None, **kw):
        """The employee signs (submits) their draft SKP, after confirming."""
        skp_sudo = self._skp_get(skp_id)
        url = f"/my/skp/{skp_sudo.id}"
        if not confirm:
            return request.redirect_query(url, {"error": "confirm"})
        skp = skp_sudo.with_env(request.env)
        if skp.state != "draft":  # a second tap of the same button
            return request.redirect_query(url, {"message": "ajukan"})
        try:
            with request.env.cr.savepoint():
                skp.action_ajukan()
        except (UserError, AccessError, ValidationError) as error:
            return self.portal_skp_page(skp_id, error_text=self._error_message(error))
        return request.redirect_query(url, {"message": "ajukan"})

    # ---------------------------------------------------- evaluation (/evaluasi/id)
    @http.route(
        "/my/skp/<int:skp_id>/evaluasi/<int:evaluasi_id>",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_evaluasi_page(self, skp_id, evaluasi_id, message=None, **kw):
        ev_sudo = self._evaluasi_get(skp_id, evaluasi_id)
        return self._render_evaluasi(ev_sudo, message=message)

    def _render_evaluasi(self, ev_sudo, form=None, errors=None, error=None, **kw):
        today = fields.Date.context_today(ev_sudo)
        keberatan_open = bool(
            ev_sudo.state == "ditetapkan"
            and ev_sudo.batas_keberatan
            and today <= ev_sudo.batas_keberatan
        )
        ev = ev_sudo.with_env(request.env)  # the permissions are the user's
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "ev": ev_sudo,
                "skp": ev_sudo.skp_id,
                "page_name": "skp_evaluasi",
                "can_enter": ev.can_enter,
                "can_ajukan": ev.can_ajukan,
                "can_keberatan": ev.can_keberatan,
                "keberatan_open": keberatan_open,
                "report_evaluasi": self._report_exists(EVALUASI_REPORT),
                "form": form or {},
                "errors": errors or {},
                "error": error,
                "message": kw.get("message"),
                "format_number": _format_number,
                "target_label": _target_label,
                "bukti_accept": ",".join(BUKTI_MIMETYPES),
                "bukti_max_mb": BUKTI_MAX_MB,
                "bukti_token": self._bukti_tokens(ev_sudo),
            }
        )
        return request.render("hr_skp_asn.portal_my_skp_evaluasi", values)

    def _bukti_tokens(self, ev_sudo):
        """{attachment id: access token} of the evaluation's bukti dukung, to link to
        them (tokens are created with the upload)."""
        return {
            att.id: att.access_token
            for att in ev_sudo.realisasi_ids.attachment_ids
            if att.access_token
        }

    def _read_entry_form(self, ev_sudo, post):
        """The typed values per line (kept as typed), the parsed values and the
        errors next to their field."""
        _ = request.env._
        form, vals_by_line, errors = {}, {}, {}
        files = request.httprequest.files
        max_bytes = BUKTI_MAX_MB * 1024 * 1024
        uploads = {}
        for line in ev_sudo.realisasi_ids:
            value_key, text_key = f"value_{line.id}", f"text_{line.id}"
            typed_value = post.get(value_key, "")
            typed_text = post.get(text_key, "")
            form[value_key], form[text_key] = typed_value, typed_text
            vals = {}
            if value_key in post:
                try:
                    number = _number(typed_value)
                except ValueError:
                    errors[value_key] = _(
                        "Write a number, such as 12 or 12,5 (no units)."
                    )
                else:
                    if number is None:
                        vals.update(realisasi_value=0.0, realisasi_diisi=False)
                    else:
                        vals.update(realisasi_value=number, realisasi_diisi=True)
            if text_key in post:
                vals["realisasi_text"] = typed_text.strip() or False
            changed = {
                name: value for name, value in vals.items() if line[name] != value
            }
            if changed:
                vals_by_line[line] = changed
            bukti = [f for f in files.getlist(f"bukti_{line.id}") if f.filename]
            if len(bukti) + len(line.attachment_ids) > BUKTI_MAX_PER_LINE:
                errors[f"bukti_{line.id}"] = _(
                    "At most %(count)s files per indikator.", count=BUKTI_MAX_PER_LINE
                )
                continue
            for storage in bukti:
                data = storage.read()
                if len(data) > max_bytes:
                    errors[f"bukti_{line.id}"] = _(
                        "%(name)s is larger than %(size)s MB.",
                        name=storage.filename,
                        size=BUKTI_MAX_MB,
                    )
                    break
                mimetype = guess_mimetype(data)
                if mimetype not in BUKTI_MIMETYPES:
                    errors[f"bukti_{line.id}"] = _(
                        "%(name)s is not a photo (JPEG, PNG, WebP) or a PDF.",
                        name=storage.filename,
                    )
                    break
                uploads.setdefault(line, []).append((storage.filename, data, mimetype))
        return form, vals_by_line, uploads, errors

    def _store_bukti(self, line, files):
        """Attach the files to the line, once the line's own check passed as the
        user; a file already attached (same name and content) is not added twice."""
        line.check_access("write")
        line._workflow_guard_write({"attachment_ids": True})
        existing = {(a.name, a.checksum) for a in line.sudo().attachment_ids}
        vals_list = []
        for name, data, mimetype in files:
            if (name, hashlib.sha1(data).hexdigest()) in existing:
                continue  # a double submit
            vals_list.append(
                {
                    "name": name,
                    "raw": data,
                    "mimetype": mimetype,
                    "res_model": "hr.skp.realisasi",
                    "res_id": line.id,
                }
            )
        if not vals_list:
            return
        attachments = request.env["ir.attachment"].sudo().create(vals_list)
        attachments.generate_access_token()
        line.sudo().write(
            {"attachment_ids": [Command.link(att.id) for att in attachments]}
        )

    @http.route(
        "/my/skp/<int:skp_id>/evaluasi/<int:evaluasi_id>/simpan",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_evaluasi_save(self, skp_id, evaluasi_id, **post):
        """Save the realisasi (and bukti dukung) as a draft, remove one bukti, or
        save and submit (Ajukan)."""
        ev_sudo = self._evaluasi_get(skp_id, evaluasi_id)
        url = f"/my/skp/{skp_id}/evaluasi/{evaluasi_id}"
        ev = ev_sudo.with_env(request.env)
        if ev.state != "draft" and post.get("action") == "ajukan":
            return request.redirect_query(url, {"message": "ajukan"})  # second tap
        form, vals_by_line, uploads, errors = self._read_entry_form(ev_sudo, post)
        if errors:
            return self._render_evaluasi(ev_sudo, form=form, errors=errors)
        remove = post.get("hapus")
        try:
            with request.env.cr.savepoint():
                if (vals_by_line or uploads or remove) and not ev.can_enter:
                    ev._workflow_check("enter")  # the model says why
                for line, vals in vals_by_line.items():
                    line.with_env(request.env).write(vals)
                for line, files in uploads.items():
                    self._store_bukti(line.with_env(request.env), files)
                if remove:
                    self._remove_bukti(ev, remove)
                if post.get("action") == "ajukan":
                    ev.action_ajukan()
        except (UserError, AccessError, ValidationError) as error:
            return self._render_evaluasi(
                ev_sudo, form=form, errors=errors, error=self._error_message(error)
            )
        message = "ajukan" if post.get("action") == "ajukan" else "disimpan"
        return request.redirect_query(url, {"message": message})

    def _remove_bukti(self, ev, attachment_id):
        """Remove one bukti dukung of this evaluation's lines, as the user."""
        try:
            attachment_id = int(attachment_id)
        except ValueError as error:
            raise UserError(request.env._("Unknown bukti dukung.")) from error
        line = ev.realisasi_ids.filtered(
            lambda r: attachment_id in r.sudo().attachment_ids.ids
        )
        if not line:
            raise UserError(request.env._("Unknown bukti dukung."))
        line.write({"attachment_ids": [Command.unlink(attachment_id)]})
        request.env["ir.attachment"].sudo().browse(attachment_id).unlink()

    @http.route(
        "/my/skp/<int:skp_id>/evaluasi/<int:evaluasi_id>/keberatan",
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_evaluasi_keberatan(self, skp_id, evaluasi_id, alasan=None, **post):
        """File a keberatan against the predikat, within the window."""
        ev_sudo = self._evaluasi_get(skp_id, evaluasi_id)
        url = f"/my/skp/{skp_id}/evaluasi/{evaluasi_id}"
        alasan = (alasan or "").strip()
        form = {"alasan": alasan}
        if ev_sudo.keberatan_ids:  # a second tap
            return request.redirect_query(url, {"message": "keberatan"})
        if not alasan:
            return self._render_evaluasi(
                ev_sudo,
                form=form,
                errors={
                    "alasan": request.env._("Write the reasons of your keberatan.")
                },
            )
        try:
            with request.env.cr.savepoint():
                request.env["hr.skp.keberatan"].create(
                    {"evaluasi_id": ev_sudo.id, "alasan": alasan}
                )
        except (UserError, AccessError, ValidationError) as error:
            return self._render_evaluasi(
                ev_sudo, form=form, error=self._error_message(error)
            )
        return request.redirect_query(url, {"message": "keberatan"})

    @http.route(
        "/my/skp/<int:skp_id>/evaluasi/<int:evaluasi_id>/pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_evaluasi_pdf(self, skp_id, evaluasi_id, download=None, **kw):
        ev_sudo = self._evaluasi_get(skp_id, evaluasi_id)
        return self._report(ev_sudo, EVALUASI_REPORT, download)
