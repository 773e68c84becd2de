"""Intake at scale: reading an organisation's caseload spreadsheet, checking it row by row, writing it.

Pure and typed: the column table (:mod:`.columns`), dates in the Russian and US forms (:mod:`.dates`),
CSV and XLSX files (:mod:`.files`), row validation (:mod:`.rows`) and the checked report, which keeps
what deciding needs and reads the people again from the file when they are written (:mod:`.report`).
Haven's Django shell (``haven.intake``) turns the checked households into cases through the one write
path.
"""

from haven_core.intake.columns import COLUMNS, Column, header_row, match_headers
from haven_core.intake.dates import DateOrder
from haven_core.intake.files import Table, read_table, write_csv, write_xlsx
from haven_core.intake.report import CheckedHousehold, IntakeReport, PersonRow, validate
from haven_core.intake.rows import Choices, IntakeHousehold, IntakePerson, RowError

__all__ = [
    "COLUMNS",
    "CheckedHousehold",
    "Choices",
    "Column",
    "DateOrder",
    "IntakeHousehold",
    "IntakePerson",
    "IntakeReport",
    "PersonRow",
    "RowError",
    "Table",
    "header_row",
    "match_headers",
    "read_table",
    "validate",
    "write_csv",
    "write_xlsx",
]
