"""checker: verify an article's claims against their primary sources.

Public Python API (DESIGN section 6):

    from checker import check_text, extract_text

Both are imported on first use, so `checker --help` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["check_text", "extract_text", "__version__"]

if TYPE_CHECKING:
    from checker.api import check_text
    from checker.extract import extract_text


def __getattr__(name: str):
    if name == "check_text":
        from checker.api import check_text

        return check_text
    if name == "extract_text":
        from checker.extract import extract_text

        return extract_text
    raise AttributeError(f"module 'checker' has no attribute {name!r}")
