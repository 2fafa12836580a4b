"""The questionnaires and scoring rules: models, loading and checking."""
