"""interviewer — a terminal mock-interview coach for machine-learning candidates."""

__version__ = "0.1.0"
