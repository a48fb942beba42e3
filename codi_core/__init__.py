"""What the laptop and the server mean the same way: the models, the wire format,
reference data, labels and the domain rules. It imports neither ``codi_desktop`` nor
``codi_server`` (an import-linter contract)."""
