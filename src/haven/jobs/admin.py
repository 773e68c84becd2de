"""The queue's own rows stay out of Django's admin.

django-tasks' database backend registers its result model there; through it an administrator could
delete or re-queue rows behind the Job records and their audit trail. Jobs are followed on Haven's own
pages (``/jobs/``), and retried there with an audit entry.
"""

from django.contrib import admin
from django_tasks_db.models import DBTaskResult

if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
