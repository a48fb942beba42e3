"""CODI Desktop: offline-first coordination for CODI's self-managing provinces."""

from importlib.metadata import PackageNotFoundError, version

try:  # one version for the whole distribution, from its metadata (pyproject.toml)
    __version__ = version("codi")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"
