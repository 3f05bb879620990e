"""The static website of ``twins site``: pages (``pages.py``), their markup (``markup.py``), stylesheet and script."""
