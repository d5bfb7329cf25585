"""The ``lkjip`` command and ``python -m lkjip_cli``: the collector off, then the CLI."""

import gc
import os


def main() -> None:
    """Console-script entry point: :func:`lkjip_cli.cli.main` with the collector off first.

    Off before the CLI's modules load, not only while the command runs (see
    ``cli.main``): their classes are kept until the process ends, so the
    collector's passes over them during the imports free nothing.
    """
    gc.disable()
    # lkjip uses no pydantic plugin; one installed for another program must not
    # watch or change lkjip's validation (and looking for them reads the metadata
    # of every installed package, 2 ms). A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from lkjip_cli.cli import main as run

    run()


if __name__ == "__main__":
    main()
