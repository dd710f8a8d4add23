"""The evidence file opens inline under its Chinese label, named the RFC 5987 way."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from .conftest import object_to, publish

pytestmark = pytest.mark.django_db


def test_evidence_file_is_named_by_its_label(client, edition, office):
    today = timezone.localdate()
    notice = publish(edition, office, start=today, today=today)
    pdf = b"%PDF-1.4\n%%EOF\n"
    objection = object_to(notice, now=timezone.now(), files=[SimpleUploadedFile("张三的举报.pdf", pdf)])
    item = objection.evidence.get()
    client.force_login(office)

    response = client.get(reverse("notices:evidence", args=[objection.pk, item.pk]))

    assert item.label == f"证明材料{item.pk}.pdf"
    assert response["Content-Disposition"] == f"inline; filename*=utf-8''{quote(item.label)}"
    assert response["X-Content-Type-Options"] == "nosniff"
