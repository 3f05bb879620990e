"""Parsing YAML into plain data, remembering the line and column of every value."""
