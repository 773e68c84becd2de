"""Registry pages. Snapshots, hits and links are named by UUID."""

from django.urls import path

from haven.registries.views import duplicates, importing, registries, screening

app_name = "registries"

urlpatterns = [
    path("", registries.registry_list, name="list"),
    path("import/", importing.upload, name="import"),
    path("import/<uuid:job_id>/confirm/", importing.confirm, name="import_confirm"),
    path("snapshots/<uuid:snapshot_id>/", registries.snapshot_detail, name="snapshot"),
    path("screening/", screening.queue, name="queue"),
    path("screening/<uuid:hit_id>/", screening.hit_detail, name="hit"),
    path("duplicates/", duplicates.duplicate_list, name="duplicates"),
    path("duplicates/<uuid:link_id>/", duplicates.link_detail, name="link"),
]
