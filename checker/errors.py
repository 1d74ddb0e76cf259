"""The exception tree. The library raises these; the CLI turns each into one message and an exit code.

CheckerError
├── InputError          bad input from the user (exit 2)
│   ├── ClaimsFileError the claims file cannot be read at all (missing, not CSV, no header)
│   └── UsageError      arguments that do not fit together
└── RecordingError      a cassette that exists but cannot be read or written
"""


class CheckerError(Exception):
    """Base of every error checker raises on purpose."""


class InputError(CheckerError):
    """The user's input is wrong; the message says how to fix it."""


class ClaimsFileError(InputError):
    """The claims file as a whole cannot be used (row-level problems are data, not errors)."""


class UsageError(InputError):
    """Options or arguments that do not fit together."""


class RecordingError(CheckerError):
    """A cassette that cannot be read or written."""
