"""Batch helpers for what the system does to many records at once.

Generation (SKP, evaluations, their lines), the reminder crons and the workflow
actions run on thousands of records: they follow, schedule activities and notify
in a constant number of queries, never one chatter message or one e-mail per
record.
"""

import io
import json
import threading
from collections import defaultdict

from markupsafe import Markup, escape
from psycopg2.extras import Json

from odoo import fields
from odoo.tools import SQL, split_every

# records the system makes: no "created" note, no tracking, no auto-subscription
# of the acting user (the people concerned are subscribed in one batch instead)
SYSTEM_CREATE_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_create_nosubscribe": True,
    "mail_notrack": True,
    "skp_system_create": True,
}
# e-mail goes through the mail queue (ir.cron "Mail: Email Queue Manager"),
# never sent while the action runs
QUEUE_MAIL_CONTEXT = {"mail_notify_force_send": False}


def system_create(model, vals_list):
    """``create`` of records the system makes, without chatter noise."""
    return model.with_context(**SYSTEM_CREATE_CONTEXT).create(vals_list)


def insert_rows(model, rows):
    """INSERT of records the system makes by the thousand (SKP from templates, the
    year's evaluations, their lines): ids from the table's sequence, then the rows
    by COPY, without the ORM's work per record (defaults, precomputations, cache).

    ``rows``: one dict of stored field values per record, related and computed
    stored values included (what the new record's computation gives), many2many
    values as lists of ids; defaults fill in the other fields. A stored computed
    field not given is an error, so a field added later is never left empty. As
    after ``create``: the Python constraints run on the new records, what depends
    on them is recomputed, and the parents' one2many caches are dropped.
    mail.thread records come as ``system_create`` makes them: no "created" note, no
    tracking, no follower (the caller subscribes the people concerned:
    ``subscribe_people``). Returns the new records, in the order of ``rows``."""
    if not rows:
        return model.browse()
    env = model.env
    model.check_access("create")
    env.flush_all()  # what the rows refer to is in the database
    given = set().union(*rows)
    # many2many values (lists of ids) go to their relation tables afterwards
    many2many = {name for name in given if model._fields[name].type == "many2many"}
    given -= many2many
    missing = sorted(
        name
        for name, field in model._fields.items()
        if field.store and field.compute and field.column_type and name not in given
    )
    if missing:
        raise ValueError(f"insert_rows({model._name}): no value for {missing}")
    # what a row does not give takes its default, as in create()
    defaults = {
        name: value
        for name, value in model._add_missing_default_values({}).items()
        if model._fields[name].column_type
    }
    now = env.cr.now()
    magic = (
        {
            "create_uid": env.uid,
            "create_date": now,
            "write_uid": env.uid,
            "write_date": now,
        }
        if model._log_access
        else {}
    )
    names = sorted((given | defaults.keys() | magic.keys()) - {"id"})
    columns = [model._fields[name] for name in names]
    assert all(field.store and field.column_type for field in columns), names
    blank = {**dict.fromkeys(names, False), **defaults, **magic}
    # the ids first (the table's sequence), then the rows by COPY: the fastest way
    # into PostgreSQL, a third faster than INSERT for these tables
    env.cr.execute(
        SQL(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) "
            "FROM generate_series(1, %s) ORDER BY 1",
            model._table,
            len(rows),
        )
    )
    ids = [record_id for [record_id] in env.cr.fetchall()]
    copy = SQL(
        "COPY %s (id, %s) FROM STDIN",
        SQL.identifier(model._table),
        SQL(", ").join(map(SQL.identifier, names)),
    )
    converters = [(field.name, _copy_converter(field, model)) for field in columns]
    for chunk in split_every(5000, zip(ids, rows, strict=True)):
        lines = []
        for record_id, row in chunk:
            row = {**blank, **row}
            lines.append(
                "\t".join(
                    [
                        str(record_id),
                        *(convert(row[name], row) for name, convert in converters),
                    ]
                )
            )
        env.cr.copy_expert(copy.code, io.StringIO("\n".join(lines) + "\n"))
    records = model.browse(ids)
    for name in many2many:
        field = model._fields[name]
        pairs = [
            (record_id, other_id)
            for record_id, row in zip(ids, rows, strict=True)
            for other_id in row.get(name) or ()
        ]
        for chunk in split_every(1000, pairs):
            env.cr.execute(
                SQL(
                    "INSERT INTO %s (%s, %s) VALUES %s",
                    SQL.identifier(field.relation),
                    SQL.identifier(field.column1),
                    SQL.identifier(field.column2),
                    SQL(", ").join(chunk),
                )
            )
    # the new records' links in the cache: what the recomputations and the
    # constraints below follow, without reading them back
    for field in columns:
        if field.type == "many2one":
            value = blank[field.name]
            env.cache.update(
                records,
                field,
                [_record_id(row.get(field.name, value)) for row in rows],
            )
    for field in columns:
        for inverse in model.pool.field_inverses[field]:
            env[inverse.model_name].invalidate_model([inverse.name])
    # what depends on the new records is recomputed; their own given values stay
    with env.protecting([model._fields[name] for name in given], records):
        records.modified(names, create=True)
    # the record rules on creation, as create checks them
    records.check_access("create")
    records._validate_fields(names)
    return records


def _copy_text(value):
    """A column value (as the ORM converts it) in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, Json):
        value = json.dumps(value.adapted)
    elif not isinstance(value, str):
        return str(value)  # numbers, dates: their text is PostgreSQL's input
    return (
        value.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _record_id(value):
    """The id of a many2one value (id, record or empty), None when empty."""
    if not value:
        return None
    return value if isinstance(value, int) else value.id


def _copy_converter(field, model):
    """``f(value, row)``: the field's value in COPY's text format. The plain types
    directly (as the field's ``convert_to_column`` would), the others through it."""
    if field.type == "many2one":
        return lambda value, _row: str(value) if (value := _record_id(value)) else "\\N"
    if field.type == "integer":
        return lambda value, _row: str(int(value or 0))
    if field.type == "boolean":
        return lambda value, _row: "t" if value else "f"
    if field.type in ("selection", "text") or (field.type == "char" and not field.size):
        if not field.translate:
            return lambda value, _row: (
                "\\N" if value is None or value is False else _copy_text(str(value))
            )
    return lambda value, row: _copy_text(
        field.convert_to_column_insert(value, model, row)
    )


def add_missing_defaults(model, values, parent):
    """``_add_missing_default_values`` computed once per model and set of given
    fields for a system batch (``system_create``), not once per record: the
    defaults of these models depend on the context and the company only.
    ``parent`` is the caller's ``super()``."""
    if not model.env.context.get("skp_system_create"):
        return parent._add_missing_default_values(values)
    env = model.env
    key = ("skp_defaults", model._name, env.uid, env.company.id, frozenset(values))
    cache = env.cr.cache
    if key not in cache:
        defaults = parent._add_missing_default_values(dict.fromkeys(values))
        cache[key] = {k: v for k, v in defaults.items() if k not in values}
    return {**cache[key], **values}


def subscribe_people(records, partners_of):
    """Make ``partners_of(record)`` follow each record, in one create.

    ``message_subscribe`` would cost some queries per record when every record
    has its own people (an SKP and its employee); this inserts the missing
    followers of all records at once (``insert_rows``) with Odoo's default
    subtypes (the external ones for portal partners)."""
    records = records.sudo()
    wanted = {(rec.id, pid) for rec in records for pid in partners_of(rec).ids}
    if not wanted:
        return
    env = records.env
    Followers = env["mail.followers"].sudo().with_context(default_partner_id=False)
    partner_ids = list({pid for _rid, pid in wanted})
    existing = {
        (rid, pid)
        for _fid, rid, pid, _sids in Followers._get_subscription_data(
            [(records._name, records.ids)], partner_ids
        )
    }
    todo = sorted(wanted - existing)
    if not todo:
        return
    default, _internal, external = env["mail.message.subtype"].default_subtypes(
        records._name
    )
    customers = set(
        env["res.partner"]
        .sudo()
        .search([("id", "in", partner_ids), ("partner_share", "=", True)])
        .ids
    )
    followers = insert_rows(
        Followers,
        [
            {
                "res_model": records._name,
                "res_id": rid,
                "partner_id": pid,
                "subtype_ids": external.ids if pid in customers else default.ids,
            }
            for rid, pid in todo
        ],
    )
    # following changes who may read the records: as Followers.create does
    followers._invalidate_documents()


def notify_once(env, records_by_partner, subject, intro):
    """One notification per recipient for a whole batch, e-mail queued.

    ``records_by_partner``: {res.partner: records concerning them}. A recipient of
    one record gets it on that record (its chatter link); of several, one message
    listing them."""
    author = env.user.partner_id
    email_from = author.email_formatted or author.name
    # what message_notify would look up per message, computed once for the batch
    singles = env["mail.thread"]
    for records in records_by_partner.values():
        if len(records) == 1:
            singles = records.sudo() if not singles else singles | records.sudo()
    headers = {}
    if singles:
        reply_to = singles._notify_get_reply_to(default=email_from)
        domains = singles._mail_get_alias_domains(default_company=env.company)
        companies = singles._mail_get_companies(default=env.company)
        headers = {
            rid: {
                "reply_to": reply_to[rid],
                "record_alias_domain_id": domains[rid].id,
                "record_company_id": companies[rid].id,
            }
            for rid in singles.ids
        }
    for partner, records in records_by_partner.items():
        if not partner or not records:
            continue
        extra = {}
        if len(records) == 1:
            body = Markup("<p>%s</p><p>%s</p>") % (intro, records.display_name)
            target = records.sudo()
            extra = headers.get(records.id, {})
        else:
            items = Markup("").join(
                Markup("<li>%s</li>") % escape(name)
                for name in records.mapped("display_name")
            )
            body = Markup("<p>%s</p><ul>%s</ul>") % (intro, items)
            target = env["mail.thread"].sudo()
        target.with_context(**QUEUE_MAIL_CONTEXT).message_notify(
            partner_ids=partner.ids,
            subject=subject,
            body=body,
            # the author may have no e-mail address (many pegawai have none)
            author_id=author.id,
            email_from=email_from,
            email_layout_xmlid="mail.mail_notification_light",
            **extra,
        )


def schedule_activities(records, xmlid, user_of, note_of, subject, intro, summary=None):
    """``activity_schedule`` of one activity per record, created in one go and
    without its per-activity e-mail; each assignee is notified once for the
    batch (queued). ``user_of(record)`` is the assignee (records without one are
    skipped), ``note_of(record)`` the note, called with the record in the
    assignee's language (``lambda rec: rec.env._("...")``). Returns the
    activities."""
    env = records.env
    activity_type = env.ref(xmlid)
    model_id = env["ir.model"]._get(records._name).id
    today = fields.Date.context_today(records)
    vals_list = []
    by_partner = defaultdict(lambda: records.browse())
    for record in records:
        user = user_of(record)
        if not user:
            continue
        in_lang = record.with_context(lang=user.lang or env.lang)
        vals_list.append(
            {
                "activity_type_id": activity_type.id,
                "summary": summary or activity_type.with_env(in_lang.env).summary,
                "automated": True,
                "note": note_of(in_lang) or activity_type.default_note,
                "date_deadline": today,
                "res_model_id": model_id,
                "res_id": record.id,
                "user_id": user.id,
            }
        )
        if user != env.user:
            by_partner[user.partner_id] |= record
    activities = (
        env["mail.activity"]
        .sudo()
        .with_context(mail_activity_quick_update=True)
        .create(vals_list)
    )
    notify_once(env, by_partner, subject, intro)
    return activities


def close_activities(records, xmlids):
    """Close the activities of ``xmlids`` on ``records`` once the action is done.

    One record: marked done, with Odoo's "done" note. A batch: removed in one go,
    since a "done" message per activity would cost queries per record; the status
    change itself stays in each chatter (tracking)."""
    records = records.sudo()
    if len(records) > 1:
        records.activity_unlink(xmlids)
    else:
        records.activity_feedback(xmlids)


def schedule_once(records, xmlid, user_of, note_of, subject, intro, size=1000):
    """Remind by an activity of type ``xmlid`` on each record for ``user_of(record)``
    unless that user already has one there (crons): ``size`` records at a time,
    committed between chunks in a cron (never in tests), each user notified once
    per chunk, each note in its recipient's language."""
    if not records:
        return
    env = records.env
    activity_type = env.ref(xmlid)
    ids = records.ids
    for start in range(0, len(ids), size):
        chunk = records.browse(ids[start : start + size])
        existing = {
            (act.res_id, act.user_id.id)
            for act in env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", records._name),
                    ("res_id", "in", chunk.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
        }
        schedule_activities(
            chunk.filtered(
                lambda r, existing=existing: (
                    user_of(r) and (r.id, user_of(r).id) not in existing
                )
            ),
            xmlid,
            user_of,
            note_of,
            subject=subject,
            intro=intro,
        )
        if len(ids) > size:
            if not getattr(threading.current_thread(), "testing", False):
                env.cr.commit()  # pylint: disable=invalid-commit
            env.invalidate_all(flush=True)
