"""The packaged build's entry for the GUI, ``mdcc-desktop`` (build.spec): as ``python -m
mdcc_desktop`` or the installed ``mdcc-desktop`` script."""

import sys

from mdcc_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
