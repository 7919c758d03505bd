"""``python -m mdcc_desktop`` starts the GUI."""

import sys

from mdcc_desktop.app import main

sys.exit(main())
