"""Microsoft Teams over the Bot Framework."""
