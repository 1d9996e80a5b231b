"""Errors that reach the user as one line (never a traceback)."""

from __future__ import annotations


class InterviewerError(Exception):
    """An expected failure: the message says what happened and what to do."""

    exit_code = 1


class UsageError(InterviewerError):
    """The command line or a setting asks for something that cannot be done."""

    exit_code = 2
