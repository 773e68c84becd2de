"""The caseload is not in Django's admin.

Households, people, US records, ties to Canada and timelines are read on the case pages, where visibility
follows the user's role and organisation and reads are audited; an admin page showing every decrypted
field by sequential id would be a side door round both (issue 19). Nothing is registered here, and
``tests/accounts/test_admin_front_door.py`` fails if a caseload model is registered again.
"""
