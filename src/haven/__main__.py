"""``python -m haven`` is the same as the ``haven`` command."""

from haven.cli import main

main()
