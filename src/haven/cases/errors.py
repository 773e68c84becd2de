"""The errors Haven's case actions raise; views turn them into messages, never into 500s."""


class CaseError(Exception):
    """Base of every case-action error."""


class NotAllowed(CaseError):
    """The actor may not do this to this household."""


class InvalidChange(CaseError):
    """The change breaks a rule of the caseload (e.g. a second principal, a stage that cannot follow)."""
