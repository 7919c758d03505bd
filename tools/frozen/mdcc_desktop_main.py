"""The packaged build's entry for the GUI, ``mdcc-desktop`` (build.spec): as ``python -m
mdcc_desktop`` or the installed ``mdcc-desktop`` script."""

import sys

# A document is rendered in a child process: a frozen build starts itself again with this flag
# (mdcc_desktop.export.rendering.worker_command), and the child renders instead of starting.
if __name__ == "__main__" and sys.argv[1:2] == ["--mdcc-render-worker"]:
    from mdcc_desktop.export.rendering import worker_main

    sys.exit(worker_main())

from mdcc_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
