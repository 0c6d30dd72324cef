"""Unit tests: no servers, no trained model, no Debian packages, no npm."""
