"""twins: the roadmaps of the UK–Republic of Korea Innovation Twins programme.

The package is a small library (load → model → validate → query → render);
``twins_cli.cli.app`` is only the command-line face of it.
"""

__version__ = "0.1.0"
