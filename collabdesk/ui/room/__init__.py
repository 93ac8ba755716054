"""The room view: what the projector shows."""
