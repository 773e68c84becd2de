"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application

from haven.cli import PRIVATE_UMASK

os.umask(PRIVATE_UMASK)  # files Haven creates are its own user's alone (see haven.cli)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
application = get_wsgi_application()
