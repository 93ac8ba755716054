"""The room network: phones on the room's own Wi-Fi write notes to the laptop.

Off by default and imported only when the facilitator switches it on (``collabdesk list``
and the app's start never load aiohttp). ``room`` holds the rules of who may join and how
fast they may write (pure Python, no network); ``server`` serves the phone page and the
versioned phone API (docs/phone-api.md) from its own thread and event loop. The server
never touches the store: each write is handed to its ``Host`` (the GUI thread's
operations), and the phone is answered only after the host has committed it.
"""
