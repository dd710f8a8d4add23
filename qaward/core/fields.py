from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Stores SM4-encrypted text; reads back plaintext. Not searchable by design."""

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return crypto.encrypt(value)
