"""The few exceptions fls raises on purpose. The CLI turns any FlsError into one line on stderr."""


class FlsError(Exception):
    """Base of every error fls reports to a user."""


class InputError(FlsError):
    """A file or value supplied by the user cannot be used (missing, binary, wrong encoding, bad date...)."""


class TranscriptError(InputError):
    """The transcript could not be read as text."""


class PeriodError(FlsError):
    """A period phrase could not be resolved."""


class LexiconError(FlsError):
    """A TOML vocabulary file is malformed."""


class NotFoundError(FlsError):
    """A company, claim or document the user named does not exist."""
