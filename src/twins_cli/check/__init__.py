"""Checking roadmaps: the JSON Schemas and the rules a schema cannot make, as problems at their lines."""
