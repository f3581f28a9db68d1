"""kickoff: read a folder of brief documents and say what was handed over and what is missing.

Public API: ``run`` (analyse and write the reports), ``analyse`` (analyse only), ``Config`` and
``Limits`` (what to read and write, within which bounds), and the model types in
``kickoff.model``. Everything else may change.
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from kickoff.config import Config, Limits
from kickoff.model import Analysis
from kickoff.pipeline import BundleNotFound, analyse, run

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["Analysis", "BundleNotFound", "Config", "Limits", "__version__", "analyse", "run"]
