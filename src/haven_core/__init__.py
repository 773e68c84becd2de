"""Haven's domain core: plain typed Python with no web framework in it.

Everything here can be imported and tested without Django: names and transliteration,
partial dates, A-numbers, the household pipeline, roles and the synthetic-coalition generator.
"""
