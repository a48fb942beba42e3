"""The meetings and assemblies page (issue 7): plan, record, certify and follow up.

One module per panel; each panel is given the store and a narrow ``MeetingHost``
(``common.py``) and talks to the others only through the workspace's signals."""

from .page import MeetingsPage
from .workspace import MeetingWorkspace

__all__ = ["MeetingWorkspace", "MeetingsPage"]
