"""The PySide6 desktop interface. Imported only by the GUI path, never by the command line."""
