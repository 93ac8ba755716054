"""Start CollabDesk: ``python main.py`` opens the app; ``python main.py --help`` lists commands."""

import sys

from collabdesk.app import main

if __name__ == "__main__":
    sys.exit(main())
