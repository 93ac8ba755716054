"""Phones in the room: the switch, the join dialog and its device list.

Only ``switch`` is imported by the window; it loads the room network (``collabdesk.net``,
aiohttp, segno) the first time the facilitator turns it on.
"""
