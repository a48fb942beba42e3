"""Importing a province's own spreadsheets (.xlsx, .csv): communities, organizations,
people and projects, and the assembly's participant lists, through one framework
(``framework.py``): map the columns, preview every row's fate, write all rows or none."""
