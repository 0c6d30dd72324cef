"""Input channels for the Rasa server (loaded through credentials.yml)."""
