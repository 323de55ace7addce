"""fls terminal UI (Textual). The app is handed its database by the caller."""
