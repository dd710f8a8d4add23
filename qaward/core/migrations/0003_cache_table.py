"""Create the shared cache table with the schema, so no deployment can forget `createcachetable`.

With a non-database cache configured (Redis, or the tests' local memory) the command does nothing.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_auditverification")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
