"""The interactive interview: questionary prompts that produce `Answers`, with autosaved drafts.

`setup` checks the options and the terminal (cheap, no prompt library imported), `session`
runs the questions and the review, `prompts` builds one prompt per question, `drafts` keeps
every answer safe on disk, `answers_file` writes the finished answers. Nothing here scores.
"""
