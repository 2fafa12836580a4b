"""Cohort assessment for incubators (`founder-check cohort`): many founders in, one report out.

Modules, in the order data flows: `inputs` (find and read answers files, folders and CSV rows;
`mapping` turns CSV headers and labels into answers), `process` (score each founder, here or
in worker processes), `aggregate` (cohort statistics), `store` (founders kept on disk, not in
memory), `export` (the files), `render` (the terminal report), `run` (the command's flow).
The file formats are in `models`; docs/cohort.md describes them for users.
"""
