"""The files of a referral package, rendered from Haven's records through a field profile: a dossier
per household (English and French), a cover letter, and the batch list (XLSX and CSV)."""

from haven.referral.documents.batch_list import batch_list_csv, batch_list_rows, batch_list_xlsx
from haven.referral.documents.cover_letter import cover_letter_pdf
from haven.referral.documents.dossier import dossier_pdf, render_dossier
from haven.referral.documents.package import package_files, write_package_files
from haven.referral.documents.profiles import PROFILES, profile_named
from haven.referral.documents.record import household_record

__all__ = [
    "PROFILES",
    "batch_list_csv",
    "batch_list_rows",
    "batch_list_xlsx",
    "cover_letter_pdf",
    "dossier_pdf",
    "household_record",
    "package_files",
    "profile_named",
    "render_dossier",
    "write_package_files",
]
