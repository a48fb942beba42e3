"""CODI Desktop: offline-first coordination for CODI's self-managing provinces."""

__version__ = "0.1.0"
