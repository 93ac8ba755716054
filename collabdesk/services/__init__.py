"""One function per user action.

Each validates its input, calls the store in one transaction and returns what changed.
The UI's undo commands, the command line and the tests all go through here.
"""
