"""What every screen shares: colours and type, plain-text widgets, the event hub, the clock's tick,
modal questions, the bundled fonts, and what a side panel may reach."""
