"""Slack over the Events API."""
