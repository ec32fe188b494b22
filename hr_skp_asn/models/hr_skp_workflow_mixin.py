"""Who may do what on an SKP, an evaluation, a keberatan, a capaian organisasi and
their lines: the one place that answers it (as OCA base_tier_validation does for
tiers).

A model inherits ``hr.skp.workflow.mixin`` and configures it with class attributes:

- ``_workflow_state_field``: its status field;
- ``_workflow_parent_field``: for a line, the field of the record whose workflow it
  follows (its roles, its state and its permissions);
- ``_workflow_role_paths``: role -> path to the ``hr.employee`` holding it
  (``own``: the employee evaluated, ``penilai``: the pejabat penilai, ``atasan``:
  the atasan pejabat penilai); ``_workflow_unit_path`` -> the ``hr.department`` whose
  pengelola kinerja act on it; ``pengelola`` and ``admin`` (BKD) follow from the
  groups (the BKD admin acts in every unit);
- ``_workflow_permissions``: permission -> clauses ``{"states", "roles",
  "not_own", "when"}``; a user holds it when one clause's state list holds the
  record's state and the user has one of its roles (``not_own``: never on their own
  record; ``when``: a method of the record that must also say yes);
- ``_workflow_field_permissions``: field -> the permission needed to write it;
  ``_workflow_default_permission`` for the fields not listed (None: record rules
  alone); ``_workflow_system_fields``: written by the actions only (with the
  computed ones); or ``_workflow_user_fields``: the only fields a user writes
  (``_workflow_create_fields``: and gives at creation).

Actions check with ``_workflow_check(permission)`` and then write through the one
trusted path, ``_workflow_write(vals)`` / ``_workflow_create(vals_list)``: nothing
else (no context key, no ``sudo()``) passes the write guard, except the superuser.
The same answers are the non-stored booleans the views use (``can_approve``...):
``_workflow_flags`` maps each such field to a permission or to ``role:<role>``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from . import batch

ROLES = ("own", "penilai", "atasan", "pengelola", "admin")
# fields the framework itself writes (chatter, activities, portal token)
TECHNICAL_PREFIXES = ("message_", "activity_", "website_message_")
TECHNICAL_FIELDS = {"access_token"}

# models whose actions are writing after their check (set by _workflow_trusted only;
# neither a context key nor an RPC call can reach it)
_TRUSTED = ContextVar("hr_skp_workflow_trusted", default=frozenset())


class HrSkpWorkflowMixin(models.AbstractModel):
    _name = "hr.skp.workflow.mixin"
    _description = "SKP Workflow: who may do what"

    _workflow_state_field = "state"
    _workflow_parent_field = None
    _workflow_role_paths = {
        "own": "employee_id",
        "penilai": "pejabat_penilai_id",
        "atasan": "atasan_pejabat_penilai_id",
    }
    _workflow_unit_path = "employee_id.department_id"
    _workflow_permissions = {}
    _workflow_field_permissions = {}
    _workflow_default_permission = None
    _workflow_system_fields = frozenset()
    _workflow_user_fields = None
    _workflow_create_fields = frozenset()
    _workflow_flags = {}
    #: the actions that take a reason (``alasan``), asked by hr.skp.alasan.wizard
    _workflow_reason_actions = ()
    #: the permissions refused with ``_workflow_action_message``
    _workflow_labelled = ()

    # ------------------------------------------------------------------ roles
    def _workflow_record(self):
        """The records whose workflow decides (the parent for a line)."""
        if self._workflow_parent_field:
            return self[self._workflow_parent_field]
        return self

    @api.model
    def _workflow_is_superuser(self):
        return self.env.user._is_superuser()

    def _workflow_roles(self):
        """{record id: set of the current user's roles on it}, in one pass."""
        user = self.env.user
        admin = user.has_group("hr_skp_asn.group_skp_admin")
        pengelola = admin or user.has_group("hr_skp_asn.group_skp_pengelola")
        result = {}
        for rec in self:
            holder = rec._workflow_record().sudo()
            roles = set()
            if holder:
                for role, path in holder._workflow_role_paths.items():
                    if user in holder.mapped(path).user_id:
                        roles.add(role)
                if admin:
                    roles |= {"admin", "pengelola"}
                elif (
                    pengelola
                    and user
                    in holder.mapped(holder._workflow_unit_path).skp_pengelola_all_ids
                ):
                    roles.add("pengelola")
            result[rec.id] = roles
        return result

    def _workflow_state(self):
        self.ensure_one()
        holder = self._workflow_record()
        return holder[holder._workflow_state_field] if holder else False

    def _workflow_clauses(self, permission):
        holder_model = (
            self.env[self._fields[self._workflow_parent_field].comodel_name]
            if self._workflow_parent_field
            else self
        )
        return holder_model._workflow_permissions[permission]

    def _workflow_verdict(self, permission, roles):
        """None when allowed, else why not: ``"role"`` (none of the user's roles
        has it), ``"state"`` (not in this status) or ``"when"`` (the clause's
        condition says no). The superuser is refused by the status only."""
        self.ensure_one()
        state = self._workflow_state()
        clauses = self._workflow_clauses(permission)
        if self._workflow_is_superuser():
            return None if any(state in c["states"] for c in clauses) else "state"
        mine = [
            c
            for c in clauses
            if roles & set(c["roles"]) and not (c.get("not_own") and "own" in roles)
        ]
        if not mine:
            return "role"
        in_state = [c for c in mine if state in c["states"]]
        if not in_state:
            return "state"
        record = self._workflow_record()
        for clause in in_state:
            when = clause.get("when")
            if not when or getattr(record, when)():
                return None
        return "when"

    def _workflow_allowed(self, permission):
        """{record id: bool}: may the current user use ``permission``?"""
        roles = self._workflow_roles()
        return {
            rec.id: rec._workflow_verdict(permission, roles[rec.id]) is None
            for rec in self
        }

    def _workflow_check(self, permission):
        """Raise unless the current user may use ``permission`` on every record:
        AccessError for a role, UserError when the status does not allow it."""
        roles = self._workflow_roles()
        for rec in self:
            verdict = rec._workflow_verdict(permission, roles[rec.id])
            if verdict:
                message = rec._workflow_record()._workflow_refusal(
                    permission, verdict, roles[rec.id]
                )
                raise (AccessError if verdict == "role" else UserError)(message)
        return True

    def _workflow_refusal(self, permission, verdict, roles):
        """The message refusing ``permission`` (models override it per permission);
        ``verdict`` says why (``state`` or ``role``), ``roles`` are the user's."""
        self.ensure_one()
        record = self
        if verdict == "state":
            return self.env._(
                "%(record)s is %(state)s: this cannot be done now.",
                record=record.display_name,
                state=record._workflow_state_label(),
            )
        return self.env._(
            "You are not allowed to do this on %(record)s.",
            record=record.display_name,
        )

    def _workflow_ask_reason(self, action):
        """The one reason dialog of every action "with a reason"."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reason"),
            "res_model": "hr.skp.alasan.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_res_model": self._name,
                "default_res_ids": self.ids,
                "default_action": action,
            },
        }

    def _workflow_depends(self):
        """What the booleans follow on a form: the status and the people."""
        if self._workflow_parent_field:
            return [self._workflow_parent_field]
        return [self._workflow_state_field, *self._workflow_role_paths.values()]

    @api.depends(lambda self: self._workflow_depends())
    @api.depends_context("uid")
    def _compute_workflow_flags(self):
        """The ``can_*``/``is_*`` booleans of ``_workflow_flags``, for env.user."""
        roles = self._workflow_roles()
        for rec in self:
            # a record being created is not anybody's yet: its status alone
            # decides what the form offers (create() checks who creates it)
            new = not rec._workflow_record().id
            for fname, meaning in self._workflow_flags.items():
                if meaning.startswith("role:"):
                    value = meaning[5:] in roles[rec.id]
                elif new:
                    state = rec._workflow_state()
                    value = any(
                        state in c["states"] for c in rec._workflow_clauses(meaning)
                    )
                else:
                    value = rec._workflow_verdict(meaning, roles[rec.id]) is None
                rec[fname] = value

    # ----------------------------------------------------------- the write guard
    @api.model
    def _workflow_trusted(self):
        """Does the write come from the workflow itself (or the superuser)?"""
        return self._workflow_is_superuser() or self._name in _TRUSTED.get()

    @contextmanager
    def _workflow_trust(self, *model_names):
        """Within it, writes on these models (default: this one) pass the guard:
        for an action, once it has checked who acts."""
        token = _TRUSTED.set(_TRUSTED.get() | set(model_names or (self._name,)))
        try:
            yield
        finally:
            _TRUSTED.reset(token)

    def _workflow_write(self, vals):
        """The one trusted path by which an action writes, after its check."""
        with self._workflow_trust():
            return self.sudo().write(vals)

    @api.model
    def _workflow_create(self, vals_list):
        """Records the workflow creates itself (generated lines, evaluations),
        without a chatter note each (``batch.system_create``)."""
        with self._workflow_trust():
            return batch.system_create(self.sudo(), vals_list)

    @api.model
    def _workflow_insert(self, rows):
        """Records the workflow generates by the thousand (evaluations, lines),
        complete with their related and computed values, inserted in bulk
        (``batch.insert_rows``)."""
        with self._workflow_trust():
            return batch.insert_rows(self.sudo(), rows)

    @api.model
    def _workflow_technical(self, fname):
        return fname in TECHNICAL_FIELDS or fname.startswith(TECHNICAL_PREFIXES)

    @api.model
    def _workflow_refused_fields(self, vals, create=False):
        """The fields of ``vals`` only the workflow writes (status, snapshots,
        computed values); at creation the empty defaults are let through."""
        refused = set()
        user_fields = self._workflow_user_fields
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if not field or self._workflow_technical(fname):
                continue
            if create and fname in self._workflow_create_fields:
                continue
            if (
                fname in self._workflow_system_fields
                or (field.compute and field.readonly and not field.inverse)
                or (user_fields is not None and fname not in user_fields)
            ):
                if create and not value:
                    continue
                if (
                    create
                    and fname == self._workflow_state_field
                    and value == self._fields[fname].default(self)
                ):
                    continue
                refused.add(fname)
        return refused

    def _workflow_action_labels(self):
        """{permission: (past participle, verb)} of the actions, for their
        refusals (``_workflow_action_message``)."""
        _ = self.env._
        return {
            "ajukan": (_("submitted"), _("submit")),
            "approve": (_("approved"), _("approve")),
            "return": (_("returned"), _("return")),
            "reopen": (_("reopened"), _("reopen")),
            "revise": (_("revised"), _("revise")),
            "cancel": (_("cancelled"), _("cancel")),
            "close": (_("closed"), _("close")),
            "reset": (_("reset to draft"), _("reset")),
            "fill": (_("filled from the daily log"), _("fill")),
            "nilai": (_("rated"), _("rate")),
            "tetapkan": (_("set"), _("set")),
        }

    def _workflow_action_refusal(self, permission, verdict, roles):
        """The refusal of one of the model's labelled actions: in the wrong status,
        on one's own record, or by someone else; False for another permission."""
        if permission not in self._workflow_labelled:
            return False
        labels = self._workflow_action_labels()
        if verdict == "state":
            kind = "state"
        else:
            kind = "own" if "own" in roles else "other"
        return self._workflow_action_message(kind, *labels[permission])

    def _workflow_action_message(self, kind, past, verb):
        """Hook: the message of ``_workflow_action_refusal`` (kind: state, own,
        other)."""
        verdict = "state" if kind == "state" else "role"
        return HrSkpWorkflowMixin._workflow_refusal(self, None, verdict, set())

    def _workflow_state_label(self):
        self.ensure_one()
        field = self._fields[self._workflow_state_field]
        return dict(field._description_selection(self.env)).get(
            self[self._workflow_state_field], "-"
        )

    @api.model
    def _workflow_check_fields(self, vals, create=False):
        """Refuse the fields only the workflow writes (see _workflow_refused_fields)."""
        refused = self._workflow_refused_fields(vals, create=create)
        if refused:
            labels = ", ".join(sorted(self._fields[f].string for f in refused))
            raise UserError(self._workflow_refused_message(labels))

    @api.model
    def _workflow_refused_message(self, labels):
        return self.env._(
            "%(fields)s cannot be written: they are set by the actions or computed.",
            fields=labels,
        )

    def _workflow_guard_write(self, vals):
        """The write guard: the workflow's fields refused, the lines of a closed
        record unchanged, the other fields each need their permission (call it
        unless ``_workflow_trusted()``)."""
        self._workflow_check_fields(vals)
        if self._workflow_parent_field:
            self._workflow_record()._workflow_check_lines_open()
        self._workflow_check_vals(vals)

    def _workflow_check_lines_open(self):
        """Hook: refuse any change of the lines of a record that is closed."""

    def _workflow_check_vals(self, vals):
        """Every field written needs its permission on every record."""
        needed = {}
        for fname in vals:
            if self._workflow_technical(fname):
                continue
            permission = self._workflow_field_permissions.get(
                fname, self._workflow_default_permission
            )
            if permission:
                needed.setdefault(permission, []).append(fname)
        for permission in needed:
            self._workflow_check(permission)
