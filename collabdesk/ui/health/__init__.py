"""Health checks on screen: the run view's tab, the private ballot, the count of hands, the charts."""
