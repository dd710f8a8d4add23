"""Template helpers of the web shell, for every app's templates: {% load qaward_ui %}."""

from __future__ import annotations

import datetime

from django import forms, template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html

from qaward.portal.measures import article_label

register = template.Library()


def _css_class(widget) -> str:
    if isinstance(widget, forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "form-check-input"
    if isinstance(widget, forms.Select | forms.SelectMultiple):
        return "form-select"
    return "form-control"


@register.filter
def bootstrap(field):
    """Render a bound field's widget with Bootstrap's classes and its error state."""
    classes = [_css_class(field.field.widget), field.field.widget.attrs.get("class", "")]
    if field.errors:
        classes.append("is-invalid")
    return field.as_widget(attrs={"class": " ".join(c for c in classes if c)})


@register.filter
def is_checkbox(field) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def article(number: int) -> str:
    """{% article 15 %} → a link to 第十五条 in the Measures page."""
    label = article_label(int(number))
    try:
        url = reverse("portal:rules")
    except NoReverseMatch:
        return label
    return format_html('<a class="article-ref" href="{}#article-{}">{}</a>', url, int(number), label)


@register.filter
def article_name(number) -> str:
    return article_label(int(number))


@register.filter
def minutes(value) -> int:
    """A timedelta (e.g. axes' cool-off) in whole minutes, rounded up."""
    if isinstance(value, datetime.timedelta):
        return -(-int(value.total_seconds()) // 60)
    return 0


@register.filter
def days_until(day) -> int | None:
    if not isinstance(day, datetime.date):
        return None
    return (day - timezone.localdate()).days


@register.simple_tag
def optional_url(*url_names: str) -> str:
    """The first of the URL names that resolves, or "" — for links to apps that may be absent."""
    for name in url_names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""

