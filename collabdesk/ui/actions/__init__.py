"""The workshop's actions: who does what next."""
