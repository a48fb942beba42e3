"""Write rules shared by the desktop services and the server's apply path."""
