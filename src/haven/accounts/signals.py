"""What the account actions announce to the apps above them, inside the action's own transaction.

``credentials_changed`` is sent when a user's password is changed or reset, or their second factor
reset: whatever else stood for that user's identity (the API's personal tokens) is revoked in the same
transaction, so a stolen password that was changed leaves no token behind. Receivers take ``user``,
``actor`` (the :class:`~haven.accounts.actor.Actor` acting) and ``reason`` (the audit code of the change).
"""

from __future__ import annotations

from django.dispatch import Signal

credentials_changed = Signal()
