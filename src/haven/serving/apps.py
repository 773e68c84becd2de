from django.apps import AppConfig


class ServingConfig(AppConfig):
    name = "haven.serving"
    label = "serving"
    verbose_name = "Serving"
