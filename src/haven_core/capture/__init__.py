"""Capturing a web page as evidence, without Django: which addresses may be fetched, the fetch itself,
the WARC record of what was exchanged, the page's readable text and its screenshot.

:mod:`haven.evidence.capture` is the Django shell around it (settings, storage, the audit entry).
"""
