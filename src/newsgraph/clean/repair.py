"""Unicode repair with ftfy: mojibake, HTML entities, control characters, NFC; quotes kept."""

from __future__ import annotations

import ftfy

_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, explain=False)


def repair_unicode(text: str) -> str:
    """``text`` with encoding damage repaired; ASCII without entities is returned as is."""
    if text.isascii() and "&" not in text:
        return text
    return ftfy.fix_text(text, _CONFIG)
