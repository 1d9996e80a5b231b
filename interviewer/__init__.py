"""interviewer — a terminal mock-interview coach for job candidates: machine learning
first, any subject their notes cover."""

__version__ = "0.1.0"
