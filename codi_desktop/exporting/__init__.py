"""Exports that stay numbers: every list, the budget report, to .xlsx with real cell
types (money in baht with a ฿ format, years as numbers, dates as dates) or CSV UTF-8
with a BOM (``writer.py``); what each export holds is ``tables.py``."""
