"""Questions people ask of the roadmaps, answered as model records."""
