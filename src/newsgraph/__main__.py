"""``python -m newsgraph``: the command line, as the ``newsgraph`` command."""

from newsgraph.cli.main import main

main()
