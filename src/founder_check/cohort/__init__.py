"""Cohort assessment for incubators (`founder-check cohort`): many founders in, one report out.

Modules, in the order data flows: `outdir` (the --out folder: checked first, built aside,
put in place at the end), `inputs` (find and read answers files, folders and CSV rows;
`mapping` turns CSV headers and labels into answers; `text` makes their text writable),
`process` (score each founder, here or in worker processes that `pool` keeps going when one
dies), `rejections` (what is kept of each input not used), `aggregate` (cohort statistics),
`store` (founders kept on disk, not in memory), `export` (the files), `render` (the terminal
report), `run` (the command's flow). The file formats are in `models`; docs/cohort.md
describes them for users.
"""
