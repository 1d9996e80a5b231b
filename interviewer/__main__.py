"""`python -m interviewer` runs the command line."""

from interviewer.cli.main import main

raise SystemExit(main())
