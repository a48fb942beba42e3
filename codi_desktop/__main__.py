"""``python -m codi_desktop`` and the ``codi-desktop`` command."""

from codi_desktop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
