"""Loading a folder of roadmaps into the model: checked first, or answered from the cache."""
