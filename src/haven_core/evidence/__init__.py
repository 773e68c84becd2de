"""The evidence locker's domain core: what a stored file is, and how well a person is documented.

Nothing here imports Django. :mod:`.files` types bytes by their content and decides whether an upload
may be kept; :mod:`.documentation` scores a person's evidence against configurable criteria.
"""
