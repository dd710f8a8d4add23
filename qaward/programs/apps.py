from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "qaward.programs"
    label = "programs"
    verbose_name = _("奖项、届次与评分标准")
