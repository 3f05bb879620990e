"""Helpers every layer may use: dates as precise as the sources, the programme vocabulary, safe text, paths."""
