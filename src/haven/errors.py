"""The root of Haven's errors. Views turn any :class:`HavenError` into a message or a form error, the API
into a 400 (a broken rule) or a 403 (a refusal), never into a 500.

Each app may add its own subclasses (evidence, registries, intake), but there is one root and one
:class:`NotAllowed`, so a caller catches a refusal the same way whatever app refused.
"""


class HavenError(Exception):
    """Base of every error an action raises for its caller to show."""


class NotAllowed(HavenError):
    """The actor may not do this (to this household, evidence item, batch…)."""


class InvalidChange(HavenError):
    """The change breaks a rule of the caseload (e.g. a second principal, a stage that cannot follow)."""
