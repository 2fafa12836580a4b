"""`python -m founder_check`: the same command line as the `founder-check` script."""

from founder_check.cli import main

if __name__ == "__main__":
    main()
