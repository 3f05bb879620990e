"""The roadmaps as typed, immutable records."""
