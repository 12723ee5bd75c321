"""eventlake: Arabic news articles -> ACLED-style conflict events with sentence evidence.

The core library: pure functions over Arrow tables. No Prefect import anywhere below here
except inside the command line's commands.
"""

from eventlake import _compiled  # noqa: F401  (first: it decides where the modules below come from)
from eventlake.errors import EventlakeError, ExpectationsFailed, InputError, LexiconError, OffsetError
from eventlake.text import Derived, Span

__version__ = "0.1.0"
EXTRACTOR_VERSION = "rules-0.8.0"

__all__ = [
    "EXTRACTOR_VERSION",
    "Derived",
    "EventlakeError",
    "ExpectationsFailed",
    "InputError",
    "LexiconError",
    "OffsetError",
    "Span",
    "__version__",
]
