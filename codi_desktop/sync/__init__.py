"""Client side of sync (PROTOCOL.md), no Qt.

``credentials`` enrols the device and keeps its token in the OS keyring (or only in
memory); ``client`` speaks HTTP to the server; ``engine`` pushes the outbox and pulls
pages; ``apply`` writes what the server says into the local database; ``status`` is what
the sync page and status bar read and the person's answers to conflicts and
rejections; ``cli`` is ``codi-desktop enrol`` / ``sync``; ``wire`` holds the protocol's
body types shared with the server.
"""
