"""Every action the audit trail can record, with the label a reader of the trail sees.

The codes are the stored values (``AuditEntry.action``) and never change once written: the hash chain
covers them. :func:`haven.audit.record.audit_record` refuses a code that is not listed here, so a new
kind of entry is added here first, with its English and Russian labels (the Russian ones live in
``haven/audit/locale/ru``). Call sites may pass the member or its string value.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import pgettext_lazy


def _(label: str) -> Any:
    """Labels carry their own context, so the same English words elsewhere in Haven keep their own
    translation."""
    return pgettext_lazy("audit action", label)


class AuditAction(models.TextChoices):
    # Signing in and accounts
    AUTH_LOGIN = "auth.login", _("Signed in")
    AUTH_LOGOUT = "auth.logout", _("Signed out")
    AUTH_LOGIN_FAILED = "auth.login_failed", _("Sign-in refused")
    AUTH_2FA_ENROLLED = "auth.2fa_enrolled", _("Authenticator app set up")
    AUTH_2FA_PASSED = "auth.2fa_passed", _("Second factor accepted")
    AUTH_2FA_FAILED = "auth.2fa_failed", _("Second factor refused")
    RECOVERY_CODE_USE = "recovery_code.use", _("Recovery code used")
    RECOVERY_CODE_REGENERATE = "recovery_code.regenerate", _("Recovery codes made anew")
    USER_PASSWORD_CHANGE = "user.password_change", _("Own password changed")
    USER_PASSWORD_RESET = "user.password_reset", _("Password set by an administrator")
    USER_REACTIVATE = "user.reactivate", _("User reactivated")
    ORGANISATION_CREATE = "organisation.create", _("Organisation created")
    ORGANISATION_UPDATE = "organisation.update", _("Organisation changed")
    USER_CREATE = "user.create", _("User created")
    USER_ROLE_CHANGE = "user.role_change", _("Role or organisation changed")
    USER_DEACTIVATE = "user.deactivate", _("User deactivated")
    USER_SECOND_FACTOR_RESET = "user.second_factor_reset", _("Second factor reset")
    ACCESS_REFUSED = "access.refused", _("Access refused")
    API_CALL = "api.call", _("API call")
    API_TOKEN_CREATE = "api_token.create", _("API token created")
    API_TOKEN_REVOKE = "api_token.revoke", _("API token revoked")
    # Households and the people in them
    HOUSEHOLD_CREATE = "household.create", _("Household opened")
    HOUSEHOLD_UPDATE = "household.update", _("Household details changed")
    HOUSEHOLD_MOVE = "household.move", _("Stage changed")
    HOUSEHOLD_VIEW = "household.view", _("Household viewed")
    HOUSEHOLD_IMPORT = "household.import", _("Imported from a spreadsheet")
    HOUSEHOLD_DUPLICATE_OVERRIDE = "household.duplicate_override", _("Saved despite a likely duplicate")
    PERSON_ADD = "person.add", _("Person added")
    PERSON_UPDATE = "person.update", _("Person's details changed")
    PERSON_DELETE = "person.delete", _("Person removed")
    EVENT_ADD = "event.add", _("Timeline event added")
    EVENT_DELETE = "event.delete", _("Timeline event deleted")
    EVENT_WITHDRAW = "event.withdraw", _("Timeline event withdrawn")
    US_RECORD_SAVE = "us_record.save", _("US immigration record saved")
    CANADA_RELATIVE_SAVE = "canada_relative.save", _("Relative in Canada saved")
    CANADA_RELATIVE_DELETE = "canada_relative.delete", _("Relative in Canada removed")
    CANADA_PERMIT_SAVE = "canada_permit.save", _("Canadian visa or permit saved")
    CANADA_PERMIT_DELETE = "canada_permit.delete", _("Canadian visa or permit removed")
    CASELOAD_EXPORT = "caseload.export", _("Caseload exported")
    CASELOAD_REINDEX_NAMES = "caseload.reindex_names", _("Name search keys rebuilt")
    # Assessment
    ASSESSMENT_COMPUTE = "assessment.compute", _("Household assessed")
    ASSESSMENT_RUN = "assessment.run", _("Caseload assessed")
    ASSESSMENT_OVERRIDE = "assessment.override", _("Assessment overridden")
    # Registries and identity
    REGISTRY_IMPORT = "registry.import", _("Registry snapshot imported")
    REGISTRY_SCREEN = "registry.screen", _("Screened against the registries")
    REGISTRY_SCREEN_FILE = "registry.screen_file", _("File of people screened against the registries")
    REGISTRY_HIT_CONFIRM = "registry.hit_confirm", _("Registry hit confirmed")
    REGISTRY_HIT_REJECT = "registry.hit_reject", _("Registry hit rejected")
    IDENTITY_SEARCH = "identity.search", _("Searched for the same people across organisations")
    IDENTITY_LINK = "identity.link", _("Linked as the same person")
    IDENTITY_REJECT = "identity.reject", _("Marked as different people")
    IDENTITY_UNDO = "identity.undo", _("Identity decision undone")
    # Evidence
    EVIDENCE_ADD = "evidence.add", _("Evidence added")
    EVIDENCE_CAPTURE = "evidence.capture", _("Evidence captured from the web")
    EVIDENCE_UPDATE = "evidence.update", _("Evidence description changed")
    EVIDENCE_VIEW = "evidence.view", _("Evidence viewed")
    EVIDENCE_PREVIEW = "evidence.preview", _("Evidence file previewed")
    EVIDENCE_DOWNLOAD = "evidence.download", _("Evidence file downloaded")
    EVIDENCE_VERIFY = "evidence.verify", _("Evidence verdict given")
    EVIDENCE_SEND_BACK = "evidence.send_back", _("Evidence sent back for correction")
    EVIDENCE_WORKING_COPY = "evidence.working_copy", _("Working copy of evidence made")
    EVIDENCE_WORKING_COPY_MADE = "evidence.working_copy_made", _("Working copy made from this evidence")
    EVIDENCE_BUNDLE = "evidence.bundle", _("Evidence bundle exported")
    EVIDENCE_READ = "evidence.read", _("Text read from a scanned document")
    EVIDENCE_CLEAN_COPY = "evidence.clean_copy", _("Copy of evidence made without its metadata")
    EVIDENCE_FACT_CONFIRM = "evidence.fact_confirm", _("Fact read from a document confirmed")
    EVIDENCE_FACT_REJECT = "evidence.fact_reject", _("Fact read from a document rejected")
    EVIDENCE_TIMESTAMP = "evidence.timestamp", _("Evidence timestamped")
    AUDIT_ANCHOR = "audit.anchor", _("Audit trail head timestamped")
    EVIDENCE_TIMESTAMP_FAILED = "evidence.timestamp_failed", _("Evidence timestamp failed")
    # Selection and referral
    SELECTION_PREVIEW = "selection.preview", _("Selection previewed")
    SELECTION_CREATE = "selection.create", _("Selection made")
    SELECTION_APPROVE = "selection.approve", _("Selection approved")
    SELECTION_VIEW = "selection.view", _("Selection viewed")
    REFERRAL_CREATE = "referral.create", _("Referral batch sent")
    REFERRAL_DECIDE = "referral.decide", _("Liaison's decision recorded")
    REFERRAL_VIEW = "referral.view", _("Referral viewed")
    REFERRAL_EXPORT = "referral.export", _("Referral dossiers exported")
    REFERRAL_PACKAGE_DOWNLOAD = "referral.package.download", _("Referral package downloaded")
    REFERRAL_WITHDRAW = "referral.withdraw", _("Withdrawn from a referral batch")
    REFERRAL_REQUEST_OPEN = "referral.request_open", _("More information asked by the liaison")
    REFERRAL_REQUEST_ANSWER = "referral.request_answer", _("Liaison's request for information answered")
    REFERRAL_REQUEST_CLOSE = "referral.request_close", _("Liaison's request for information closed")
    CONSENT_RECORD = "consent.record", _("Consent to referral recorded")
    CONSENT_WITHDRAW = "consent.withdraw", _("Consent to referral withdrawn")
    # Reading pages and alerts
    RADAR_VIEW = "radar.view", _("Deadline radar viewed")
    DASHBOARD_VIEW = "dashboard.view", _("Dashboard viewed")
    ALERTS_SEND = "alerts.send", _("Alerts sent")
    # Operating Haven
    DEMO_SEED = "demo.seed", _("Demo data created")
    BACKUP_CREATE = "backup.create", _("Backup made")
    BACKUP_RESTORE = "backup.restore", _("Backup restored")
    KEYS_ROTATE_DATA = "keys.rotate_data", _("Data re-encrypted with a new key")
    KEYS_ROTATE_INDEX = "keys.rotate_index", _("Search index key changed")
    # Background jobs
    JOB_START = "job.start", _("Background job started")
    JOB_RETRY = "job.retry", _("Background job retried")
    JOB_DOWNLOAD = "job.download", _("Background job's file downloaded")
    JOB_PROBE = "job.probe", _("Queue check run by a worker")


# Entries that record someone reading (a page, a file, an export) rather than changing anything: the
# audit trail's "views" filter; everything else is a change.
READ_SUFFIXES = (".view", ".preview", ".download", ".export", ".search")


def is_read(code: str) -> bool:
    """True for an entry that records reading, False for one that records a change."""
    return code.endswith(READ_SUFFIXES)


READ_ACTIONS = frozenset(code for code in AuditAction.values if is_read(code))


def action_label(code: str) -> str:
    """The label of ``code`` in the current language; an unknown code (written before it was renamed,
    say) is shown as it is."""
    try:
        return str(AuditAction(code).label)
    except ValueError:
        return code
