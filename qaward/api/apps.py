from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "qaward.api"
    label = "api"
    verbose_name = "API"
