"""Django's admin app, with Haven's site (:mod:`haven.accounts.admin_site`) as ``admin.site``.

Apart from ``apps.py`` because Django picks an app's configuration from there, and this one belongs to
``django.contrib.admin``; and apart from ``admin_site`` because settings load it before any model.
"""

from django.contrib.admin.apps import AdminConfig


class HavenAdminConfig(AdminConfig):
    default_site = "haven.accounts.admin_site.HavenAdminSite"
