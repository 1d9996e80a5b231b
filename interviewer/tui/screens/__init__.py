"""Screens of the interview app, one per file."""
