"""`founder-check` and `python -m founder_check`: one entry point for both.

A lone `--version` (`-V`) is answered here, without importing click or the commands:
scripts ask for the version often, and it then starts about as fast as Python itself.
"""

import sys


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        from founder_check._version import version_text

        print(version_text())
        return
    from founder_check.cli import main as run_command_line

    run_command_line()


if __name__ == "__main__":
    main()
