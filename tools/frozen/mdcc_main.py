"""The packaged build's entry for the command line, ``mdcc`` (build.spec): as the installed
``mdcc`` script."""

import sys

from mdcc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
