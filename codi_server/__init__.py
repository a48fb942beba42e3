"""codi_server."""
