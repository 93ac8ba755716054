"""Writing files: File → Export and the series report, on a worker thread."""
