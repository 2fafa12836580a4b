"""The keys every prompt of the interview shares, whatever questionary binds for its kind.

- Esc goes back to the previous question: the prompt ends by raising `GoBack`, which the
  interview turns into "ask the previous question again".
- Ctrl-D ends the interview at any prompt, as Ctrl-C does: questionary's lists ignore it
  and a line only ends on it when empty, so it is bound here to raise `EOFError`, which
  the interview answers by saving the draft.

Both are eager: they act at once, before any longer key sequence the prompt knows.
"""

from __future__ import annotations

import questionary
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings


class GoBack(Exception):
    """Esc at a prompt: return to the previous question."""


def add_shared_keys(prompt: questionary.Question, *, back: bool) -> questionary.Question:
    """Bind Ctrl-D (end) and, when there is a question to return to, Esc (back)."""
    bindings = KeyBindings()

    @bindings.add("c-d", eager=True)
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if back:

        @bindings.add("escape", eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.exit(exception=GoBack, style="class:aborting")

    app = prompt.application
    app.key_bindings = (
        bindings if app.key_bindings is None else merge_key_bindings([app.key_bindings, bindings])
    )
    return prompt
