"""The pure domain: the decision tree, the dialogue, training mode, memo and masking. Imports nothing from Rasa."""
