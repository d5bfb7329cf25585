"""``python -m lkjip_cli``: the same command as ``lkjip``."""

from lkjip_cli.cli import main

if __name__ == "__main__":
    main()
