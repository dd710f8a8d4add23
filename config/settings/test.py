from .base import *  # noqa: F403

# Argon2 at full cost makes a suite of logins slow; tests check the configured list separately.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
AXES_ENABLED = True
# Local memory keeps the suite fast and query counts free of cache reads; tests/scaleout runs real
# servers on the shared (database) cache of base.py.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
