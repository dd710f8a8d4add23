"""Build the fictitious Yuncheng demo world (DESIGN.md §9), or list its accounts."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from qaward.accounts.models import User
from qaward.demo import world
from qaward.demo.builders import build_all
from qaward.programs.models import Edition


class Command(BaseCommand):
    help = "在空数据库中载入演示数据（虚构的申报组织、专家和各部门账号），或列出演示账号。"

    def add_arguments(self, parser):
        parser.add_argument("--list-accounts", action="store_true",
                            help="以 JSON 列出全部演示账号（用户名、密码、角色、所属组织），不改动数据库")
        parser.add_argument("--if-empty", action="store_true",
                            help="数据库已有数据时什么也不做并正常退出（供 make run 使用）")
        parser.add_argument("--force", action="store_true", help="DEBUG 关闭时也执行（切勿用于生产库）")

    def handle(self, *args, **options):
        # Demo passwords are public, so neither loading nor listing them belongs on a production system.
        if not settings.DEBUG and not options["force"]:
            raise CommandError("DEBUG 未开启：演示数据的密码是公开的，不得载入生产环境。确需执行请加 --force。")
        if options["list_accounts"]:
            self.stdout.write(json.dumps(world.list_accounts(), ensure_ascii=False, indent=2))
            return
        if world.demo_loaded():
            if options["if_empty"]:
                self.stdout.write("演示数据已存在，未重复载入。")
                return
            raise CommandError("演示数据已存在：load_demo 只在空数据库中运行。")
        if User.objects.exists() or Edition.objects.exists():
            if options["if_empty"]:
                self.stdout.write("数据库中已有非演示数据，未载入演示数据。")
                return
            raise CommandError("数据库不为空（已有用户或届次）：load_demo 只在空数据库中运行。")
        with transaction.atomic():
            build_all(world.DemoWorld(log=self.stdout.write))
        self.stdout.write(self.style.SUCCESS(
            "演示数据已载入。查看账号：python manage.py load_demo --list-accounts"))
