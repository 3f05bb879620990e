"""The ``twins`` command line: parse options, call the library, print, exit."""
