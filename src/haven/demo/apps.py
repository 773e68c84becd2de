from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "haven.demo"
    label = "demo"

    def ready(self) -> None:
        from haven.demo import guard

        guard.register()
