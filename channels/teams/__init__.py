"""Microsoft Teams over the Bot Framework."""

from channels.teams.channel import TeamsChannel

# credentials.yml and the Helm values name the channel `channels.teams.TeamsChannel`.
__all__ = ["TeamsChannel"]
