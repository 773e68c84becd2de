"""Haven's date formats, one per language (``FORMAT_MODULE_PATH``).

English pages write dates as Canada does, ISO ``2026-03-06``; French pages too; Russian pages write
``06.03.2026``. The same format is the first input format, so a form shows a date as the page does, and
every form field also accepts the other common spellings (see ``haven.cases.forms.base.DateField``).
"""
