"""Running a workshop: the run view, note capture, the agenda down the side, the timer, the chime, review mode."""
