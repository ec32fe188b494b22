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
  alone); ``_workflow_system_fields``: written by the actions only.

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
    _workflow_flags = {}

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
        """None when allowed, else ``"state"`` or ``"role"`` (why not)."""
        self.ensure_one()
        state = self._workflow_state()
        clauses = self._workflow_clauses(permission)
        in_state = [c for c in clauses if state in c["states"]]
        if not in_state:
            return "state"
        if self._workflow_is_superuser():
            return None
        for clause in in_state:
            if not roles & set(clause["roles"]):
                continue
            if clause.get("not_own") and "own" in roles:
                continue
            when = clause.get("when")
            if when and not getattr(self._workflow_record(), when)():
                continue
            return None
        return "role"

    def _workflow_allowed(self, permission):
        """{record id: bool}: may the current user use ``permission``?"""
        roles = self._workflow_roles()
        return {
            rec.id: rec._workflow_verdict(permission, roles[rec.id]) is None
            for rec in self
        }

    def _workflow_check(self, permission, action=None):
        """Raise unless the current user may use ``permission`` on every record:
        UserError when the status does not allow it, AccessError for a role."""
        roles = self._workflow_roles()
        for rec in self:
            verdict = rec._workflow_verdict(permission, roles[rec.id])
            if verdict:
                message = rec._workflow_refusal(permission, verdict, roles[rec.id])
                raise (UserError if verdict == "state" else AccessError)(message)
        return True

    def _workflow_refusal(self, permission, verdict, roles):
        """The message refusing ``permission`` (models override it per permission)."""
        self.ensure_one()
        record = self._workflow_record()
        if verdict == "state":
            state_field = record._fields[record._workflow_state_field]
            return self.env._(
                "%(record)s is %(state)s: this cannot be done now.",
                record=record.display_name,
                state=dict(state_field._description_selection(self.env)).get(
                    record[record._workflow_state_field], "-"
                ),
            )
        return self.env._(
            "You are not allowed to do this on %(record)s.",
            record=record.display_name,
        )

    @api.depends_context("uid")
    def _compute_workflow_flags(self):
        """The ``can_*``/``is_*`` booleans of ``_workflow_flags``, for env.user."""
        roles = self._workflow_roles()
        for rec in self:
            for fname, meaning in self._workflow_flags.items():
                if meaning.startswith("role:"):
                    value = meaning[5:] in roles[rec.id]
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
        """Records the workflow creates itself (generated lines, evaluations)."""
        with self._workflow_trust():
            return self.sudo().create(vals_list)

    @api.model
    def _workflow_technical(self, fname):
        return fname in TECHNICAL_FIELDS or fname.startswith(TECHNICAL_PREFIXES)

    @api.model
    def _workflow_refused_fields(self, vals, create=False):
        """The fields of ``vals`` only the workflow writes (status, snapshots,
        computed values); at creation the empty defaults are let through."""
        refused = set()
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if not field or self._workflow_technical(fname):
                continue
            if fname in self._workflow_system_fields or (
                field.compute and field.readonly and not field.inverse
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
