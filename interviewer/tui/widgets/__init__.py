"""Widgets of the interview screens, one per file."""
