"""Scoring the coder against gold files (`wirecoder eval ...`)."""
