"""Process and service helpers shared by tests, bench and make cluster."""
