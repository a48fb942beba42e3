"""Test-wide set-up: headless Qt, pythainlp data kept out of the home folder."""

import os
import tempfile

# Set before anything imports Qt or pythainlp.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHAINLP_DATA", os.path.join(tempfile.gettempdir(), "codi-pythainlp-data"))
os.environ.setdefault("CODI_ENV", "test")
