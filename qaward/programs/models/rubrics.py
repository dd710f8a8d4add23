from django.db import models
from django.utils.translation import gettext_lazy as _


class RubricTrack(models.TextChoices):
    ORGANIZATION = "organization", _("组织")
    INDIVIDUAL = "individual", _("个人")


class Rubric(models.Model):
    """A scoring standard as data: categories → items with points (RUBRICS.md)."""

    code = models.SlugField(_("代码"), unique=True)
    name = models.CharField(_("名称"), max_length=120)
    standard = models.CharField(_("依据标准"), max_length=60, blank=True)
    track = models.CharField(_("适用对象"), max_length=16, choices=RubricTrack.choices)
    total_points = models.PositiveIntegerField(_("总分"))
    verified = models.BooleanField(
        _("已核对"), default=False, help_text=_("条目分值已由办公室对照标准文本核对"),
    )

    class Meta:
        verbose_name = _("评分标准")
        verbose_name_plural = _("评分标准")

    def __str__(self):
        return self.name


class RubricCategory(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="categories")
    code = models.CharField(_("条款"), max_length=12)
    name = models.CharField(_("类目"), max_length=60)
    points = models.PositiveIntegerField(_("分值"))
    order = models.PositiveSmallIntegerField(default=0)
    is_results = models.BooleanField(_("结果类"), default=False)

    class Meta:
        ordering = ["rubric", "order"]
        verbose_name = _("评分类目")
        verbose_name_plural = _("评分类目")
        constraints = [models.UniqueConstraint(fields=["rubric", "code"], name="unique_category_code")]

    def __str__(self):
        return f"{self.code} {self.name}"


class RubricItem(models.Model):
    class Kind(models.TextChoices):
        PROCESS = "process", _("过程（方法、展开、学习、整合）")
        RESULT = "result", _("结果（水平、趋势、对比、整合）")

    category = models.ForeignKey(RubricCategory, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("条款"), max_length=12)
    name = models.CharField(_("评分条目"), max_length=120)
    points = models.PositiveIntegerField(_("分值"))
    kind = models.CharField(_("条目类型"), max_length=8, choices=Kind.choices)
    guidance = models.CharField(_("要点"), max_length=200, blank=True)
    source = models.CharField(_("依据"), max_length=20, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category", "order"]
        verbose_name = _("评分条目")
        verbose_name_plural = _("评分条目")

    def __str__(self):
        return f"{self.code} {self.name}"


class ScoringBand(models.Model):
    """GB/Z 19579 bands: one percentage per item chosen as the best fit of four factors."""

    order = models.PositiveSmallIntegerField(unique=True)
    min_percent = models.PositiveSmallIntegerField(_("下限%"))
    max_percent = models.PositiveSmallIntegerField(_("上限%"))
    process_description = models.TextField(_("过程条目描述"))
    result_description = models.TextField(_("结果条目描述"))

    class Meta:
        ordering = ["order"]
        verbose_name = _("评分档次")
        verbose_name_plural = _("评分档次")

    def __str__(self):
        return f"{self.min_percent}–{self.max_percent}%"
