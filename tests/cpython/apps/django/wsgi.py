# WSGI script of a small Django project (the "notes" package beside it).
# The SQLite database lives where GOWSGI_TEST_DJANGO_DB says; its tables are
# made here, once per process, so the project ships no migrations.
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "notes.settings")

from django.core.management import call_command
from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
