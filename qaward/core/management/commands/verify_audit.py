from django.core.management.base import BaseCommand, CommandError

from qaward.core.audit import verify_chain


class Command(BaseCommand):
    help = "校验审计记录的SM3哈希链：完整时输出 OK，否则报告第一处断裂并以状态 1 退出。"

    def handle(self, *args, **options):
        report = verify_chain()
        self.stdout.write(f"已校验 {report.checked} 条审计记录。")
        if not report.intact:
            raise CommandError(f"审计链在第 {report.broken_at} 号记录处断裂：{report.reason}", returncode=1)
        self.stdout.write(self.style.SUCCESS("OK"))
