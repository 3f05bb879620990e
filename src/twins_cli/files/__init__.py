"""Files: where the roadmaps are, their bytes (bounded, from regular files only), atomic writes."""
