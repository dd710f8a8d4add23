from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "qaward.portal"
    label = "portal"
    verbose_name = _("门户与工作台")

    def ready(self):
        from .todo import discover

        discover()
