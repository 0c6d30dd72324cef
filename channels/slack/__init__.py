"""Slack over the Events API."""

from channels.slack.channel import SlackChannel

# credentials.yml and the Helm values name the channel `channels.slack.SlackChannel`.
__all__ = ["SlackChannel"]
