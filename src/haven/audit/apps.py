from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "haven.audit"
    label = "audit"

    def ready(self) -> None:
        from haven.audit import signals  # noqa: F401  (connects the login receivers)
