"""Writing files: atomically, never over anything by surprise."""
