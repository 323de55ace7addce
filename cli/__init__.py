"""The `fls` command: a thin layer over tracker/, db/ and tui/."""
