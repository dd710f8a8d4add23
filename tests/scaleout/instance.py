"""What the scale-out test runs in its subprocesses, outside pytest and its test database.

    python -m tests.scaleout.instance prepare   migrate DATABASE_URL, create the cache table, seed;
                                                prints the seeded ids as one JSON line
    python -m tests.scaleout.instance serve     one application server on 127.0.0.1 and a port the
                                                system picks; prints the port, then serves

Both read DATABASE_URL, MEDIA_ROOT and DJANGO_SETTINGS_MODULE from the environment the test gives.
"""

import json
import sys

import django

OFFICE_USERNAME = "scaleout-office"
OFFICE_NAME = "横向扩展办公室小王"
LOCKED_USERNAME = "scaleout-locked"


def prepare() -> dict:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    return _seed()


def _seed() -> dict:
    from django.utils import timezone

    from qaward.notices.enums import NoticeKind
    from qaward.notices.services import EntryData, publish_notice
    from qaward.programs.models import EditionStage
    from tests.factories import EditionFactory, UserFactory

    office = UserFactory(username=OFFICE_USERNAME, display_name=OFFICE_NAME, roles=["office"])
    UserFactory(username=LOCKED_USERNAME, roles=["office"])
    edition = EditionFactory(stage=EditionStage.FORMAL_REVIEW)
    today = timezone.localdate()
    notice = publish_notice(
        edition, kind=NoticeKind.ACCEPTANCE, title=f"{edition.title}受理名单公示", actor=office,
        entries=[EntryData(name="运城横向扩展测试企业有限公司")], start=today, today=today,
        contact="监督组电话：0359-1234567",
    )
    return {"notice": notice.pk, "entry": notice.entries.get().pk}


def serve() -> None:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    # Port 0: the system picks a free port, so parallel test workers never race for one.
    server = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler, allow_reuse_address=False)
    server.set_app(get_wsgi_application())
    print(server.server_address[1], flush=True)
    server.serve_forever()


def main(command: str) -> None:
    django.setup()
    if command == "prepare":
        print(json.dumps(prepare()), flush=True)
    elif command == "serve":
        serve()
    else:
        raise SystemExit(f"unknown command: {command}")


if __name__ == "__main__":
    main(sys.argv[1])
