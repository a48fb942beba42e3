"""The meetings and assemblies page (issue 7): plan, record, certify and follow up."""

from .page import MeetingsPage, MeetingWorkspace

__all__ = ["MeetingWorkspace", "MeetingsPage"]
