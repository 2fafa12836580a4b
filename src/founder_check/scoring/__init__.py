"""Scoring: the compiled plan of the rules (plan), and what is built around its outcomes."""
