"""What every channel shares: the guard, masking connectors, outgoing rendering and HTTP helpers."""
