"""The exercise's board: cards and theme frames on a scene, their layout, filter and the editing gestures."""
