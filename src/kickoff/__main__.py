"""``python -m kickoff`` is the ``kickoff`` command."""

from kickoff.cli import main

raise SystemExit(main())
