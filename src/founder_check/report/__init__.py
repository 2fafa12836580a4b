"""Renderers: each turns a Scorecard (or cohort report) into text for one output format."""
