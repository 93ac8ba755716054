"""CollabDesk: offline workshop facilitation on one laptop."""

__version__ = "0.1.0"
