"""Old import path of the structure stage; it lives in `extract.structure`."""

from extract.structure import Segmented, segment  # noqa: F401
