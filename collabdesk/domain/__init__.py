"""The domain core: plain Python objects and rules, no Qt and no SQL."""
