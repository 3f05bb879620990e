"""Finding and reading files: where the roadmaps are, and their bytes, bounded and only from regular files."""
