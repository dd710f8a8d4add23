"""A ceiling on objections per client address, so the open form cannot be used to flood the office.

Generous on purpose: one person may well object to several entries. Counts live in Django's cache,
which the settings share between application servers (database or Redis), so the limit holds on all.
"""

from ninja.throttling import AnonRateThrottle

OBJECTIONS_PER_HOUR = "20/h"


class ObjectionThrottle(AnonRateThrottle):
    scope = "objection"

    def get_cache_key(self, request):
        # Filing never depends on who is signed in (objections are anonymous to the system).
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def objection_throttle() -> ObjectionThrottle:
    return ObjectionThrottle(OBJECTIONS_PER_HOUR)
