"""The start of a worker process that renders referral documents (haven.referral.documents.package).

A worker is a fresh interpreter, never a fork of the exporting process: Typst keeps threads of its own
once it has compiled a document, and a process forked after that inherits their locks without the
threads that would release them, so its first document would wait forever. This module imports nothing
of Django's models, so a new process can import it to set Django up first.
"""

from __future__ import annotations

import django


def start() -> None:
    """Set Django up in this new process (the settings module is in its environment), make the Typst
    compilers, and leave all that out of Python's collections."""
    django.setup()
    from haven.referral.documents.pdf import freeze_inherited

    freeze_inherited()
