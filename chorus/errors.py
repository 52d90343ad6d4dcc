"""The one exception type users see: a bad input, explained in one line."""


class ChorusInputError(ValueError):
    """Raised for input Chorus cannot use; ``str(error)`` is a complete one-line message."""
