"""The printable notice: an A4 PDF in the layout of a government notice (红头, 文号, 红线, 落款).

Rendered by WeasyPrint with the system's Noto CJK fonts; nothing is fetched from anywhere (the
system runs on an intranet), so the fetcher refuses every URL.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from weasyprint import HTML


def _no_fetch(url, *args, **kwargs):
    raise ValueError(f"the printable notice loads no external resource ({url})")


def render_notice_pdf(notice, context: dict) -> bytes:
    html = render_to_string("notices/print.html", context)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()
