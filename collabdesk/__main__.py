"""``python -m collabdesk``: the same as the ``collabdesk`` command."""

import sys

from .app import main

sys.exit(main())
