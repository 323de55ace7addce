"""The screens of the fls terminal UI, one module each (styles in the .tcss file of the same name)."""
