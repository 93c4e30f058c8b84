"""Responsibilities: which body must do what, in the parts of a document that assign duties.

Owns `find_responsibilities(text) -> list[Responsibility]` (and the bodies named in each item, for deadlines'
`responsible`). The package's modules, each owning one step:

- `parts`: where duties are assigned (a plan's "Tổ chức thực hiện", "Tiến độ", "Giải pháp", "Khen thưởng"; a decision's
  articles; a Công văn's lead-in, items and annexes; a report's proposals and explicit asks; the closing paragraph);
- `names`: which words name a body (heads, verbs that end a name, lists of bodies, names the document gives in full,
  short names such as "Công ty", "Chủ đầu tư", "Quý Sở");
- `roles`: the role a clause's verb gives (lead, coordinate, advise, report, monitor, implement, or none);
- `duties`: items, sentences and clauses read in order, subjects inherited, the output items.

Names are canonical (`bodies.canonical_body`); the conventions are gold/README.md's and gold/real/README.md's.
"""

from vnplan.responsibilities.duties import _continues, find_responsibilities, listed_departments, team_members
from vnplan.responsibilities.names import aliases, parse_bodies, tokens
from vnplan.responsibilities.parts import implementation_parts

__all__ = ["aliases", "find_responsibilities", "implementation_parts", "listed_departments",
           "parse_bodies", "team_members", "tokens", "_continues"]
