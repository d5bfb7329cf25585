"""The ``lkjip`` command and ``python -m lkjip_cli``: the collector off, then the CLI."""

import gc


def main() -> None:
    """Console-script entry point: :func:`lkjip_cli.cli.main` with the collector off first.

    Off before the CLI's modules load, not only while the command runs (see
    ``cli.main``): their classes are kept until the process ends, so the
    collector's passes over them during the imports free nothing.
    """
    gc.disable()
    from lkjip_cli.cli import main as run

    run()


if __name__ == "__main__":
    main()
