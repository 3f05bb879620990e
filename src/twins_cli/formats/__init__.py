"""Output formats: tables, JSON, CSV, Markdown and HTML documents, calendars, address cards, reports."""
