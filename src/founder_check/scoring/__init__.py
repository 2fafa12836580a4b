"""Scoring: answers typed and checked, conditions and values, the compiled plan of the rules
(plan), the engine and the scorecard it builds around the plan's outcome, the plan to the
next level, and the comparison of two assessments."""
