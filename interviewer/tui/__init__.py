"""The Textual face of the mock interview: app, screens, widgets and one stylesheet.

Only `interviewer.cli.interview` imports this package; the core never does."""
