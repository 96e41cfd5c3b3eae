"""Infrastructure every layer may use: typed errors, CBS codes, privacy rules, the project store, settings."""
