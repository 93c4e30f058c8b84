"""Old import path of the header readers; they live in `extract.structure` (header_top, title,
foot, placenames), kept while other modules switch."""

from extract.structure import HeaderResult, read_header  # noqa: F401
from extract.structure.foot import fix_surname as _fix_surname  # noqa: F401
from extract.structure.header_top import number_symbol, read_date, read_place, split_columns  # noqa: F401
from extract.structure.placenames import match_province, proper_name  # noqa: F401
from extract.structure.placenames import respell as _respell  # noqa: F401
