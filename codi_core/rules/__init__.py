"""The rule book: the domain rules as plain functions over rows, shared by the laptop's
services (checked before they write) and the server (checked when it applies a change
set). A rule lives here once; neither side keeps its own copy.

* ``ledger``: the ledger's invariants and THE balance function;
* ``columns``: which columns a change may write, per table, operation and role;
* ``references``: links to other rows and the province of parents;
* ``merge``: base seqs and tombstones;
* ``numbering``: meeting numbers per body and year, within the province;
* ``planning``: what planning a meeting needs (body, date, place);
* ``minutes``: the minutes lock;
* ``attendance``: one attendance per meeting and person.

Each check returns a ``Violation`` (a code, a field and message parameters) or None; the
caller turns it into its own error (a ``ServiceError`` on the laptop, a rejection with a
wire code on the server).
"""
