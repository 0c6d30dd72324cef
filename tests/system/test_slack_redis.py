"""Slack's answered-event memory shared through a real Redis (Debian's redis-server, started by the test)."""

from __future__ import annotations

from asf import settings
from channels.slack.security import RedisSeenEvents, seen_events
from devtools.services import redis_server


def test_with_redis_a_retry_reaching_another_server_is_not_answered_again(tmp_path):
    # Two Rasa servers behind nginx: Slack's retry of an event may land on the other one.
    with redis_server(tmp_path) as redis:
        environ = {"REDIS_HOST": redis.host, "REDIS_PORT": str(redis.port)}
        first_server, second_server = seen_events(settings.redis(environ)), seen_events(settings.redis(environ))
        assert isinstance(first_server, RedisSeenEvents)
        assert first_server.first_time("Ev1")
        assert not second_server.first_time("Ev1")
        assert not first_server.first_time("Ev1")
        assert second_server.first_time("Ev2")
