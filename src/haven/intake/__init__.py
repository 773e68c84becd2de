"""Intake at scale: importing an organisation's caseload spreadsheet and exporting it again."""
